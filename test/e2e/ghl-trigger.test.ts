/**
 * GHL Trigger in real n8n: sandbox-signed deliveries of all 25 catalogued events each start exactly one
 * execution with the payload; forged, unsigned, tampered and replayed deliveries are answered 401 (or
 * dropped) and start none; enrichment fetches the note and contact inside n8n; the workflow-webhook mode
 * accepts only the token n8n generated in its credential (URL and header as the panel shows them), which no
 * copy of the workflow holds. Executions are counted through n8n's public API.
 */
import { generateKeyPairSync, sign } from 'node:crypto';

import { exportCredentialsCli, nodeOutput, PACKAGE_NAME, workflowWebhookSetup } from '../../scripts/harness';
import { createSandbox, type Sandbox } from '../../sandbox/server';
import { GHL_DEFAULTS } from '../../sandbox/ghl/defaults';
import { WebhookSigner } from '../../sandbox/core/webhooks/signing';
import { GHL_EVENTS } from '../../package/nodes/GhlTrigger/events';
import { tokenFor } from '../../package/nodes/GhlTrigger/token';
import { getN8n } from './n8n';
import { copiesOf, saveCredential } from './secret-support';
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

describe('GHL Trigger (workflow Webhook action) in real n8n: the token lives in a credential', () => {
	it('n8n generates the token in the credential; the URL the panel shows (query) and its header are accepted, a wrong or missing token refused; re-saving the credential or copying the workflow keeps the token; no workflow copy holds it', async () => {
		// as a person creates it in the dialog: nothing typed
		const credential = await n8n.createCredential({ name: `GHL Workflow Webhook ${Date.now()}`, type: 'ghlWorkflowWebhookApi', data: {} });
		const refs = { ghlWorkflowWebhookApi: { id: credential.id, name: credential.name } };
		const parameters = { source: 'automation' };
		const workflow = triggerWorkflow('ghlTrigger', 'GHL Workflow Hook', parameters, { ghlWorkflowWebhookApi: { name: credential.name } });
		const workflowId = await publish(workflow);
		const node = { type: `${PACKAGE_NAME}.ghlTrigger`, typeVersion: 2, webhookId: workflow.webhookId, parameters, credentials: refs };
		const setup = await workflowWebhookSetup(n8n, node);
		expect(setup.url).toBe(`${productionUrl(n8n, workflow.webhookId)}?token=${setup.token}`);
		expect(setup.header).toBe(`X-Webhook-Token: ${setup.token}`);
		// the token comes from the random Token Secret n8n stored (encrypted) in the credential
		const stored = (await exportCredentialsCli(n8n.connection)).find((c) => c.id === credential.id)!.data;
		expect(stored.tokenSecret).toMatch(/^[0-9a-f]{64}$/);
		expect(tokenFor(String(stored.tokenSecret), 1)).toBe(setup.token);

		const payload = (id: string) => JSON.stringify({ contact_id: id, first_name: 'Ada', email: 'ada@example.com', tags: 'vip,new', location: { id: LOCATION } });
		const post = (url: string, body: string, headers: Record<string, string> = {}) =>
			fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body, signal: AbortSignal.timeout(60_000) });
		const base = productionUrl(n8n, workflow.webhookId);
		expect((await post(setup.url, payload('c-query'))).status).toBe(200);
		const [name, value] = setup.header.split(': ');
		expect((await post(base, payload('c-header'), { [name]: value })).status).toBe(200);
		expect((await post(`${base}?token=wrong-token-value-123`, payload('c-wrong'))).status).toBe(401);
		expect((await post(base, payload('c-wrong-header'), { [name]: `${value}x` })).status).toBe(401);
		expect((await post(base, payload('c-missing'))).status).toBe(401);
		const executions = await n8n.waitForExecutions(workflowId, 2, 60_000);
		expect(executions).toHaveLength(2);
		const outputs = executions.map((e) => nodeOutput(e, 'GHL Workflow Hook')[0]);
		expect(outputs.map((o) => (o.contact as { id: string }).id).sort()).toEqual(['c-header', 'c-query']);
		expect(outputs[0]).toMatchObject({ contact: { firstName: 'Ada', email: 'ada@example.com', tags: ['vip', 'new'] }, locationId: LOCATION });
		expect(outputs[0]).not.toHaveProperty('verifiedWith');

		// the credential saved again in the dialog, and a copy of the workflow (new webhook id, as a paste gets): same token
		await saveCredential(n8n, credential.id, {});
		expect((await workflowWebhookSetup(n8n, node)).url).toBe(setup.url);
		const copy = triggerWorkflow('ghlTrigger', 'GHL Workflow Hook', parameters, { ghlWorkflowWebhookApi: { name: credential.name } });
		const copyId = await publish(copy);
		const copied = await workflowWebhookSetup(n8n, { ...node, webhookId: copy.webhookId });
		expect(copied.token).toBe(setup.token);
		expect((await post(copied.url, payload('c-copy'))).status).toBe(200);
		await n8n.waitForExecutions(copyId, 1, 60_000);

		expect(await copiesOf(n8n, [setup.token, String(stored.tokenSecret)], [workflowId, copyId])).toEqual([]);
	});
});
