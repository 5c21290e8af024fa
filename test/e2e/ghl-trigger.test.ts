/**
 * GHL Trigger in real n8n: sandbox-signed deliveries of all 25 catalogued events each start exactly one
 * execution with the payload; forged, unsigned, tampered and replayed deliveries are answered 401 (or
 * dropped) and start none; enrichment fetches the note and contact inside n8n; the workflow-webhook mode
 * accepts only its generated token. Executions are counted through n8n's public API.
 */
import { createHash, generateKeyPairSync, sign } from 'node:crypto';

import { nodeOutput } from '../../scripts/harness';
import { createSandbox, type Sandbox } from '../../sandbox/server';
import { GHL_DEFAULTS } from '../../sandbox/ghl/defaults';
import { WebhookSigner } from '../../sandbox/core/webhooks/signing';
import { GHL_EVENTS } from '../../nodes/GhlTrigger/events';
import { getN8n } from './n8n';
import { deactivate, executionCount, productionUrl, triggerWorkflow, type TriggerWorkflow } from './trigger-support';

const LOCATION = GHL_DEFAULTS.locationIds[0];
const n8n = getN8n();
const published: string[] = [];
let sandbox: Sandbox;
let publicKey: string;

beforeAll(async () => {
	sandbox = await createSandbox({
		faults: 'none',
		seed: { ghl: { contacts: 3, businesses: 1, tasksPerContact: 1, notesPerContact: 1, appointmentsPerContact: 1 } },
	});
	publicKey = sandbox.admin.keys().ed25519PublicKeyPem;
});

afterAll(async () => {
	await deactivate(n8n, published);
	await sandbox?.close();
});

async function publish(workflow: TriggerWorkflow): Promise<string> {
	const id = await n8n.importWorkflow(workflow.json);
	await n8n.publishWorkflow(id);
	published.push(id);
	return id;
}

describe('GHL Trigger (Marketplace app) in real n8n', () => {
	let app: TriggerWorkflow;
	let workflowId = '';
	const delivered: Array<Record<string, unknown>> = [];

	beforeAll(async () => {
		app = triggerWorkflow('ghlTrigger', 'GHL Trigger', { source: 'app', events: ['*'], options: { publicKey } });
		workflowId = await publish(app);
		sandbox.admin.addWebhook({ url: productionUrl(n8n, app.webhookId), service: 'ghl' });
	});

	it('starts exactly one execution with the payload for each of the 25 events', async () => {
		for (const { type } of GHL_EVENTS) {
			delivered.push(sandbox.admin.fireGhlEvent({ type, locationId: LOCATION }));
			await sandbox.admin.drainWebhooks();
		}
		expect(sandbox.admin.deliveries().map((d) => d.status)).toEqual(GHL_EVENTS.map(() => 200));

		const executions = await n8n.waitForExecutions(workflowId, GHL_EVENTS.length, 90_000);
		expect(executions).toHaveLength(GHL_EVENTS.length);
		expect(executions.every((e) => e.status === 'success')).toBe(true);
		const outputs = executions.map((e) => nodeOutput(e, 'GHL Trigger'));
		expect(outputs.every((items) => items.length === 1)).toBe(true);
		const byWebhookId = new Map(outputs.map((items) => [items[0].webhookId, items[0]]));
		expect(byWebhookId.size).toBe(GHL_EVENTS.length);
		for (const body of delivered) expect(byWebhookId.get(body.webhookId)).toEqual(body);
		expect(new Set(outputs.map((items) => items[0].type))).toEqual(new Set(GHL_EVENTS.map((e) => e.type)));
	});

	it('answers 401 to unsigned, forged and tampered deliveries, drops a replay, and starts none of them', async () => {
		const before = await executionCount(n8n, workflowId);
		const post = (body: string, headers: Record<string, string> = {}) =>
			n8n.callWebhook(`webhook/${app.webhookId}/webhook`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', ...headers },
				body,
			});
		const signer = new WebhookSigner();
		const event = JSON.stringify({ ...delivered[0], webhookId: 'e2e-unsigned-1' });

		const unsigned = await post(event);
		expect(unsigned.status).toBe(401);

		const stranger = generateKeyPairSync('ed25519').privateKey;
		const forged = await post(event, { 'x-ghl-signature': sign(null, Buffer.from(event), stranger).toString('base64') });
		expect(forged.status).toBe(401);

		const tamperedBody = JSON.stringify({ ...delivered[0], webhookId: 'e2e-tampered-1', email: 'mallory@example.com' });
		const tampered = await post(tamperedBody, { 'x-ghl-signature': signer.ed25519Signature(Buffer.from(event)) });
		expect(tampered.status).toBe(401);

		const replayed = JSON.stringify(delivered[0]);
		const replay = await post(replayed, { 'x-ghl-signature': signer.ed25519Signature(Buffer.from(replayed)) });
		expect(replay.status).toBe(200);
		expect(await replay.json()).toEqual({ received: true, started: false, reason: 'duplicate delivery' });

		// a genuine delivery afterwards is the only new execution
		const sentinel = sandbox.admin.fireGhlEvent({ type: 'ContactUpdate', locationId: LOCATION });
		await sandbox.admin.drainWebhooks();
		const executions = await n8n.waitForExecutions(workflowId, before + 1, 60_000);
		expect(executions).toHaveLength(before + 1);
		expect(nodeOutput(executions[executions.length - 1], 'GHL Trigger')).toEqual([sentinel]);
	});
});

describe('GHL Trigger enrichment in real n8n', () => {
	it('adds the note and its contact fetched through the GHL connection', async () => {
		const credential = await n8n.createCredential({
			name: `GHL PIT ${Date.now()}`,
			type: 'ghlPrivateIntegrationApi',
			data: { accessToken: GHL_DEFAULTS.pit, locationId: LOCATION, baseUrl: sandbox.ghlBaseUrl },
		});
		const workflow = triggerWorkflow(
			'ghlTrigger',
			'GHL Trigger',
			{ source: 'app', events: ['NoteCreate'], enrich: true, authentication: 'privateIntegrationToken', options: { publicKey } },
			{ ghlPrivateIntegrationApi: { name: credential.name } },
		);
		const workflowId = await publish(workflow);
		sandbox.admin.clearWebhooks();
		sandbox.admin.addWebhook({ url: productionUrl(n8n, workflow.webhookId), service: 'ghl' });
		const event = sandbox.admin.fireGhlEvent({ type: 'NoteCreate', locationId: LOCATION });
		await sandbox.admin.drainWebhooks();
		const [execution] = await n8n.waitForExecutions(workflowId, 1, 60_000);
		const [item] = nodeOutput(execution, 'GHL Trigger');
		const note = sandbox.admin.ghlRecords('notes', { id: String(event.id) })[0] as Record<string, unknown>;
		const contact = sandbox.admin.ghlRecords('contacts', { id: String(event.contactId) })[0] as Record<string, unknown>;
		expect(item.enrichmentErrors).toBeUndefined();
		const enriched = item.enriched as Record<string, Record<string, unknown>>;
		expect(enriched.note).toMatchObject({ id: note.id, body: note.body, contactId: contact.id });
		expect(enriched.contact).toMatchObject({ id: contact.id, email: contact.email });
	});
});

describe('GHL Trigger (workflow Webhook action) in real n8n', () => {
	it('accepts only the token generated for the node, and maps the contact fields', async () => {
		const workflow = triggerWorkflow('ghlTrigger', 'GHL Workflow Hook', { source: 'automation' });
		const workflowId = await publish(workflow);
		// the default Secret Token is {{ $nodeId.hash("sha256") }}: the node's own id, hashed
		const token = createHash('sha256').update(workflow.nodeId).digest('hex');
		const payload = { contact_id: 'c-e2e', first_name: 'Ada', email: 'ada@example.com', tags: 'vip,new', location: { id: LOCATION } };
		const post = (query: string) =>
			n8n.callWebhook(`webhook/${workflow.webhookId}/webhook${query}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(payload),
			});
		expect((await post('?token=wrong-token-value-123')).status).toBe(401);
		expect((await post('')).status).toBe(401);
		expect((await post(`?token=${token}`)).status).toBe(200);
		const executions = await n8n.waitForExecutions(workflowId, 1, 60_000);
		expect(executions).toHaveLength(1);
		expect(nodeOutput(executions[0], 'GHL Workflow Hook')[0]).toMatchObject({
			contact: { id: 'c-e2e', firstName: 'Ada', email: 'ada@example.com', tags: ['vip', 'new'] },
			locationId: LOCATION,
		});
	});
});
