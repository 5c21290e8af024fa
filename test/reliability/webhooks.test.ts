/**
 * Forged and malformed webhooks in real n8n: for the GHL Trigger (app events, Ed25519), the GHL Trigger in
 * workflow-webhook mode (secret token) and the Tookan Trigger (shared secret), every bad delivery is
 * refused without an execution, and every genuine one starts exactly one. Both are counted.
 */
import { generateKeyPairSync, sign } from 'node:crypto';

import { exportCredentialsCli, workflowWebhookSetup, type N8n } from '../../scripts/harness';
import { WebhookSigner } from '../../sandbox/core/webhooks/signing';
import { GHL_DEFAULTS } from '../../sandbox/ghl/defaults';
import { createSandbox, type Sandbox } from '../../sandbox/server';
import type { TookanModule } from '../../sandbox/tookan/index';
import { deactivate, executionCount, productionUrl, triggerWorkflow, type TriggerWorkflow } from '../e2e/trigger-support';
import { readyN8n } from './support/n8n';
import { TOOKAN_CANARY_CONFIG } from './support/nodes';
import { record } from './support/results';
import { CANARY, scanValue, type Hit } from './support/secrets';

let n8n: N8n;
const LOCATION = GHL_DEFAULTS.locationIds[0];
const signer = new WebhookSigner();
const published: string[] = [];
const hits: Hit[] = [];
let sandbox: Sandbox;

beforeAll(async () => {
	n8n = await readyN8n();
	sandbox = await createSandbox({ faults: 'none', config: { tookan: TOOKAN_CANARY_CONFIG }, seed: { ghl: { contacts: 5, notesPerContact: 1, tasksPerContact: 1 }, tookan: { tasks: 6, agents: 2 } } });
});

afterAll(async () => {
	await deactivate(n8n, published);
	await sandbox?.close();
});

async function publish(workflow: TriggerWorkflow, credentials?: Parameters<N8n['importWorkflow']>[1]): Promise<string> {
	const id = await n8n.importWorkflow(workflow.json, credentials);
	await n8n.publishWorkflow(id);
	published.push(id);
	return id;
}

interface Delivery {
	name: string;
	body: string | Buffer;
	headers?: Record<string, string>;
	query?: string;
}

/** Posts a delivery and returns its HTTP status (and scans the answer for secrets). */
async function post(webhookId: string, delivery: Delivery): Promise<number> {
	const response = await n8n.callWebhook(`webhook/${webhookId}/webhook${delivery.query ?? ''}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', ...delivery.headers },
		body: delivery.body,
	});
	hits.push(...scanValue(await response.text(), `webhook answer (${delivery.name})`));
	return response.status;
}

/**
 * Sends each bad delivery, then one genuine sentinel, and waits for the sentinel's execution: the bad ones
 * must have added none. Returns the statuses of the bad ones.
 */
async function refuses(workflowId: string, webhookId: string, bad: Delivery[], sentinel: () => Promise<unknown>) {
	const before = await executionCount(n8n, workflowId);
	const statuses: Record<string, number> = {};
	for (const delivery of bad) statuses[delivery.name] = await post(webhookId, delivery);
	await sentinel();
	const executions = await n8n.waitForExecutions(workflowId, before + 1, 90_000);
	return { statuses, added: executions.length - before };
}

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const flip = (signature: string) => {
	const bytes = Buffer.from(signature, 'base64');
	bytes[10] ^= 0xff;
	return bytes.toString('base64');
};

let rejected = 0;
let accepted = 0;

describe('GHL Trigger, Marketplace app events', () => {
	let workflow: TriggerWorkflow;
	let workflowId = '';

	beforeAll(async () => {
		workflow = triggerWorkflow('ghlTrigger', 'GHL Trigger', { source: 'app', events: ['*'], options: { publicKey: sandbox.admin.keys().ed25519PublicKeyPem } });
		workflowId = await publish(workflow);
		sandbox.admin.addWebhook({ url: productionUrl(n8n, workflow.webhookId), service: 'ghl', legacyRsa: true });
	});

	it('starts one execution per genuine event and none for forged, tampered, replayed, oversized or malformed ones', async () => {
		const types = ['ContactCreate', 'ContactUpdate', 'ContactTagUpdate', 'NoteCreate', 'TaskCreate', 'ContactDndUpdate'];
		const genuine = types.map((type) => sandbox.admin.fireGhlEvent({ type, locationId: LOCATION }));
		await sandbox.admin.drainWebhooks();
		const executions = await n8n.waitForExecutions(workflowId, genuine.length, 90_000);
		expect(new Set(executions.map((e) => e.status))).toEqual(new Set(['success']));
		accepted += genuine.length;

		const event = (id: string) => json({ ...genuine[0], webhookId: id });
		const signed = (body: Buffer) => ({ 'x-ghl-signature': signer.ed25519Signature(body) });
		const stranger = generateKeyPairSync('ed25519').privateKey;
		const replay = json(genuine[1]);
		const huge = json({ ...genuine[0], webhookId: 'rel-huge', padding: 'x'.repeat(17 * 1024 * 1024) });
		const malformed = Buffer.from(`{"type":"ContactCreate","webhookId":"rel-malformed",`);
		const bad: Delivery[] = [
			{ name: 'unsigned', body: event('rel-unsigned') },
			{ name: 'tampered body', body: json({ ...genuine[0], webhookId: 'rel-tampered', email: 'mallory@example.com' }), headers: signed(event('rel-tampered')) },
			{ name: 'tampered signature', body: event('rel-bad-signature'), headers: { 'x-ghl-signature': flip(signer.ed25519Signature(event('rel-bad-signature'))) } },
			{ name: 'wrong key', body: event('rel-wrong-key'), headers: { 'x-ghl-signature': sign(null, event('rel-wrong-key'), stranger).toString('base64') } },
			{ name: 'legacy header, legacy off', body: event('rel-legacy'), headers: { 'x-wh-signature': signer.rsaSignature(event('rel-legacy')) } },
			{ name: 'duplicate webhookId', body: replay, headers: signed(replay) },
			{ name: 'oversized body', body: huge, headers: signed(huge) },
			{ name: 'malformed JSON', body: malformed, headers: signed(malformed) },
		];
		const { statuses, added } = await refuses(workflowId, workflow.webhookId, bad, async () => {
			sandbox.admin.fireGhlEvent({ type: 'ContactDelete', locationId: LOCATION });
			await sandbox.admin.drainWebhooks();
		});
		process.stdout.write(`[webhooks] GHL app: ${JSON.stringify(statuses)}\n`);
		expect(added).toBe(1);
		accepted += 1;
		rejected += bad.length;
		expect(Object.entries(statuses).filter(([name, status]) => (name === 'duplicate webhookId' ? status !== 200 : status < 400))).toEqual([]);
	});
});

describe('GHL Trigger, workflow Webhook action', () => {
	it('starts executions only for the right secret token (the one its GHL Workflow Webhook credential derives)', async () => {
		// nothing typed: n8n generates the Token Secret when the workflow is published; the scans look for it and
		// for the tokens derived from it (as for every secret the instance's credentials hold)
		const credential = await n8n.createCredential({ name: `GHL Workflow Webhook reliability ${Date.now()}`, type: 'ghlWorkflowWebhookApi', data: {} });
		const workflow = triggerWorkflow('ghlTrigger', 'GHL Workflow Hook', { source: 'automation' }, { ghlWorkflowWebhookApi: { name: credential.name } });
		const workflowId = await publish(workflow, { credentials: [credential] });
		const refs = { ghlWorkflowWebhookApi: { id: credential.id, name: credential.name } };
		const { token } = await workflowWebhookSetup(n8n, { ...workflow.json.nodes[0], typeVersion: 2, credentials: refs } as Parameters<typeof workflowWebhookSetup>[1]);
		const tokenSecret = String((await exportCredentialsCli(n8n.connection)).find((c) => c.id === credential.id)?.data.tokenSecret);
		// distinct bodies: a byte-identical body is a re-delivery, which type version 2 answers as a duplicate
		const payloadOf = (tag: string) => json({ contact_id: `c-rel-${tag}`, first_name: 'Ada', email: 'ada@example.com', location: { id: LOCATION } });
		const payload = payloadOf('refused');
		const good: Delivery[] = [
			{ name: 'token header', body: payloadOf('header'), headers: { 'x-webhook-token': token } },
			{ name: 'token query', body: payloadOf('query'), query: `?token=${token}` },
		];
		for (const delivery of good) expect(await post(workflow.webhookId, delivery)).toBe(200);
		await n8n.waitForExecutions(workflowId, good.length, 60_000);
		accepted += good.length;
		const bad: Delivery[] = [
			{ name: 'no token', body: payload },
			{ name: 'wrong token', body: payload, headers: { 'x-webhook-token': `${token}x` } },
			{ name: 'the Token Secret itself', body: payload, query: `?token=${tokenSecret}` },
			{ name: 'the canary token', body: payload, query: `?token=${CANARY.automationToken}` },
			{ name: 'wrong token in query', body: payload, query: '?token=not-the-token-123456' },
		];
		const sentinel: Delivery = { ...good[0], body: payloadOf('sentinel') };
		const { statuses, added } = await refuses(workflowId, workflow.webhookId, bad, () => post(workflow.webhookId, sentinel));
		process.stdout.write(`[webhooks] GHL automation: ${JSON.stringify(statuses)}\n`);
		expect(added).toBe(1);
		accepted += 1;
		rejected += bad.length;
		expect(Object.values(statuses).filter((status) => status < 400)).toEqual([]);
	});
});

describe('Tookan Trigger', () => {
	it('starts executions for task status changes and none for a wrong or missing shared secret', async () => {
		const tookan = sandbox.tookan as unknown as TookanModule;
		const credential = await n8n.createCredential({
			name: `Tookan reliability ${Date.now()}`,
			type: 'tookanApi',
			data: { apiKey: CANARY.tookanApiKey, baseUrl: sandbox.tookanBaseUrl, userId: '1000001', sharedSecret: CANARY.tookanSharedSecret },
		});
		const workflow = triggerWorkflow('tookanTrigger', 'Tookan Trigger', { statuses: [], templateKeys: '', enrich: true }, { tookanApi: { name: credential.name } });
		const workflowId = await publish(workflow, { credentials: [credential] });
		sandbox.admin.addWebhook({ url: productionUrl(n8n, workflow.webhookId), service: 'tookan' });
		const jobs = (tookan.snapshot().tasks as Array<{ job_id: number }>).map((t) => t.job_id);
		for (const jobId of jobs.slice(0, 4)) tookan.setTaskStatus(jobId, 1);
		await sandbox.admin.drainWebhooks();
		await n8n.waitForExecutions(workflowId, 4, 90_000);
		accepted += 4;
		const event = { job_id: jobs[5], job_status: 2, template_key: 'SUCCESSFUL' };
		const bad: Delivery[] = [
			{ name: 'wrong secret', body: json({ ...event, tookan_shared_secret: `${CANARY.tookanSharedSecret}-not` }) },
			{ name: 'missing secret', body: json(event) },
			{ name: 'malformed JSON', body: Buffer.from(`{"job_id":1,"tookan_shared_secret":"${CANARY.tookanSharedSecret}"`) },
		];
		const { statuses, added } = await refuses(workflowId, workflow.webhookId, bad, async () => {
			tookan.setTaskStatus(jobs[4], 2);
			await sandbox.admin.drainWebhooks();
		});
		process.stdout.write(`[webhooks] Tookan: ${JSON.stringify(statuses)}\n`);
		expect(added).toBe(1);
		accepted += 1;
		rejected += bad.length;
		expect(Object.values(statuses).filter((status) => status < 400)).toEqual([]);
	});
});

afterAll(() => {
	record(
		{ area: 'rejected', count: rejected, detail: 'webhooks refused without an execution (GHL app: unsigned, tampered body/signature, wrong key, legacy header with legacy off, duplicate webhookId, oversized, malformed JSON; GHL workflow hook: no/wrong token, the Token Secret as token; Tookan: wrong/missing secret, malformed JSON)' },
		{ area: 'accepted', count: accepted, detail: 'genuine webhooks, each started exactly one execution' },
		{ area: 'secret hits', count: hits.length, detail: 'webhook answers scanned' },
	);
	expect(hits).toEqual([]);
});
