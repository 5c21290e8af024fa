/**
 * Rotating a trigger's secret in real n8n without losing a delivery, for the GHL workflow-webhook token and the
 * Tookan shared secret: a sender delivers continuously while the user
 *   1. changes the credential so the new secret is accepted next to the old one (GHL: raise Token Number with
 *      Accept Previous Token on; Tookan: new Webhook Shared Secret, the old one as Previous),
 *   2. switches the sender to the new secret (GHL's Webhook action gets the URL the panel shows; Tookan's
 *      dashboard gets the new secret),
 *   3. removes the old secret from the credential.
 * Every delivery the sender made is answered 200 and starts exactly one execution; the outputs say which secret
 * came while both were accepted; once the old secret is removed (and n8n's FRESH_MS read window has passed) it
 * is refused with 401 and starts nothing. The credential is saved the way n8n's dialog saves it. Also: the GHL
 * public key override with a Previous Public Key, and a type version 1 token moved into a credential.
 */
import { createHash, generateKeyPairSync, randomUUID } from 'node:crypto';

import { nodeOutput, PACKAGE_NAME, workflowWebhookSetup, type N8n } from '../../scripts/harness';
import { FRESH_MS } from '../../package/nodes/shared/trigger/secret';
import { WebhookSigner } from '../../sandbox/core/webhooks/signing';
import { getN8n } from './n8n';
import { saveCredential } from './secret-support';
import { deactivate, productionUrl, triggerWorkflow } from './trigger-support';

const n8n = getN8n();
const published: string[] = [];

afterAll(async () => {
	await deactivate(n8n, published);
});

interface Sent {
	tag: string;
	/** The secret's name in this test ("old", "new"). */
	secret: string;
	status: number;
}

/**
 * A sender posting one delivery every `everyMs` with whatever secret it currently holds, until stopped; each
 * delivery has its own tag (so none is a duplicate of another).
 */
function sender(post: (tag: string, secret: string) => Promise<number>, everyMs = 150) {
	const sent: Sent[] = [];
	let secret = 'old';
	let running = true;
	const loop = (async () => {
		while (running) {
			const tag = `rot-${randomUUID().slice(0, 8)}`;
			const used = secret;
			sent.push({ tag, secret: used, status: await post(tag, used) });
			await new Promise((resolve) => setTimeout(resolve, everyMs));
		}
	})();
	return {
		sent,
		use(next: string) {
			secret = next;
		},
		/** Waits until `count` more deliveries were sent. */
		async more(count: number) {
			const target = sent.length + count;
			while (sent.length < target) await new Promise((resolve) => setTimeout(resolve, 50));
		},
		async stop() {
			running = false;
			await loop;
		},
	};
}

/** Waits for the executions of the accepted deliveries; returns each tag's executions' `verifiedWith` values. */
async function executionsByTag(workflowId: string, node: string, accepted: number, tagOf: (item: Record<string, unknown>) => string) {
	const executions = await n8n.waitForExecutions(workflowId, accepted, 120_000);
	const byTag = new Map<string, Array<unknown>>();
	for (const execution of executions) {
		for (const item of nodeOutput(execution, node)) byTag.set(tagOf(item), [...(byTag.get(tagOf(item)) ?? []), item.verifiedWith]);
	}
	return { executions, byTag };
}

/**
 * The rotation as a person does it while `post` keeps delivering: a few deliveries with the old secret; `both`
 * (the credential accepts the new secret too) and more old ones for longer than n8n's read window; the sender
 * switched to the new secret; `removeOld` (the credential accepts only the new one) and more after the window.
 */
async function rotate(post: (tag: string, secret: string) => Promise<number>, both: () => Promise<void>, removeOld: () => Promise<void>): Promise<Sent[]> {
	const delivering = sender(post);
	await delivering.more(5);
	await both();
	await new Promise((resolve) => setTimeout(resolve, FRESH_MS + 500));
	await delivering.more(3);
	delivering.use('new');
	await delivering.more(5);
	await removeOld();
	await new Promise((resolve) => setTimeout(resolve, FRESH_MS + 500));
	await delivering.more(3);
	await delivering.stop();
	return delivering.sent;
}

/**
 * Every delivery was answered 200 and started exactly one execution; while both secrets counted, outputs said
 * which came (`old:previous`, `new:current`), before and after not at all; the old secret is refused at the end.
 */
async function expectNothingLost(what: string, sent: Sent[], post: (tag: string, secret: string) => Promise<number>, workflowId: string, node: string, tagOf: (item: Record<string, unknown>) => string) {
	expect(sent.filter((s) => s.status !== 200)).toEqual([]);
	expect(await post(`rot-late-${randomUUID().slice(0, 8)}`, 'old')).toBe(401);
	const { executions, byTag } = await executionsByTag(workflowId, node, sent.length, tagOf);
	expect(executions).toHaveLength(sent.length);
	expect(sent.filter((s) => byTag.get(s.tag)?.length !== 1)).toEqual([]);
	const said = sent.map((s) => `${s.secret}:${String(byTag.get(s.tag)?.[0] ?? '-')}`);
	expect(said).toContain('old:previous');
	expect(said).toContain('new:current');
	expect(said.filter((s) => s === 'old:current' || s === 'new:previous')).toEqual([]);
	expect(said[0]).toBe('old:-');
	expect(said[said.length - 1]).toBe('new:-');
	process.stdout.write(`[secret-rotation] ${what}: ${sent.length} deliveries, all accepted once: ${said.join(' ')}\n`);
}

async function publish(n8nClient: N8n, json: Parameters<N8n['importWorkflow']>[0]): Promise<string> {
	const id = await n8nClient.importWorkflow(json);
	await n8nClient.publishWorkflow(id);
	published.push(id);
	return id;
}

it('GHL workflow-webhook token: old → both → new only, no delivery lost, the old token refused once removed', async () => {
	const credential = await n8n.createCredential({ name: `GHL Workflow Webhook rotation ${Date.now()}`, type: 'ghlWorkflowWebhookApi', data: {} });
	const parameters = { source: 'automation' };
	const workflow = triggerWorkflow('ghlTrigger', 'GHL Workflow Hook', parameters, { ghlWorkflowWebhookApi: { name: credential.name } });
	const workflowId = await publish(n8n, workflow.json);
	const node = { type: `${PACKAGE_NAME}.ghlTrigger`, typeVersion: 2, webhookId: workflow.webhookId, parameters, credentials: { ghlWorkflowWebhookApi: { id: credential.id, name: credential.name } } };
	const tokens: Record<string, string> = { old: (await workflowWebhookSetup(n8n, node)).token };
	const url = productionUrl(n8n, workflow.webhookId);
	const post = async (tag: string, secret: string) =>
		(
			await fetch(`${url}?token=${tokens[secret]}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ contact_id: tag, first_name: 'Rotation', location: { id: 'loc-rotation' } }),
				signal: AbortSignal.timeout(60_000),
			})
		).status;
	const sent = await rotate(
		post,
		async () => {
			// the credential first: Token Number 2, the previous token still accepted; the panel shows the new URL
			await saveCredential(n8n, credential.id, { rotation: 2, acceptPrevious: true });
			const rotated = await workflowWebhookSetup(n8n, node);
			tokens.new = rotated.token;
			expect(tokens.new).not.toBe(tokens.old);
			expect(rotated.html).toContain('still accepted');
		},
		async () => await saveCredential(n8n, credential.id, { acceptPrevious: false }),
	);
	await expectNothingLost('GHL token', sent, post, workflowId, 'GHL Workflow Hook', (item) => String((item.contact as { id: string }).id));
}, 240_000);

it('Tookan shared secret: old → both → new only, no delivery lost, the old secret refused once removed', async () => {
	const secrets: Record<string, string> = { old: `rotation-old-${randomUUID()}`, new: `rotation-new-${randomUUID()}` };
	const credential = await n8n.createCredential({
		name: `Tookan rotation ${Date.now()}`,
		type: 'tookanApi',
		data: { apiKey: 'rotation-e2e-api-key', userId: '1000001', sharedSecret: secrets.old },
	});
	const workflow = triggerWorkflow('tookanTrigger', 'Tookan Trigger', { statuses: [], templateKeys: '', enrich: false }, { tookanApi: { name: credential.name } });
	const workflowId = await publish(n8n, workflow.json);
	const url = productionUrl(n8n, workflow.webhookId);
	const post = async (tag: string, secret: string) =>
		(
			await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ job_id: 7100, job_status: 2, template_key: 'SUCCESSFUL', order_id: tag, tookan_shared_secret: secrets[secret] }),
				signal: AbortSignal.timeout(60_000),
			})
		).status;
	const sent = await rotate(
		post,
		// the credential first: the new secret, the old one as Previous Webhook Shared Secret
		async () => await saveCredential(n8n, credential.id, { sharedSecret: secrets.new, previousSharedSecret: secrets.old }),
		async () => await saveCredential(n8n, credential.id, { previousSharedSecret: '' }),
	);
	await expectNothingLost('Tookan secret', sent, post, workflowId, 'Tookan Trigger', (item) => String(item.order_id));
}, 240_000);

it('GHL public key override: the Previous Public Key is accepted next to the new key and outputs say which verified; removed, it is refused', async () => {
	const signer = () => new WebhookSigner({ ed25519PrivateKeyPem: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
	const [old, next] = [signer(), signer()];
	const options = (extra: Record<string, unknown>) => ({ source: 'app', events: ['*'], options: { publicKey: next.publicKeys().ed25519PublicKeyPem, ...extra } });
	const workflow = triggerWorkflow('ghlTrigger', 'GHL Trigger', options({ previousPublicKey: old.publicKeys().ed25519PublicKeyPem }));
	const workflowId = await publish(n8n, workflow.json);
	const post = async (signer: WebhookSigner, webhookId: string) => {
		const body = Buffer.from(JSON.stringify({ type: 'ContactCreate', locationId: 'loc-rotation', id: webhookId, webhookId }));
		return (await n8n.callWebhook(`webhook/${workflow.webhookId}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ghl-signature': signer.ed25519Signature(body) }, body })).status;
	};
	expect(await post(old, 'pk-old')).toBe(200);
	expect(await post(next, 'pk-new')).toBe(200);
	const executions = await n8n.waitForExecutions(workflowId, 2, 60_000);
	const said = Object.fromEntries(executions.map((e) => nodeOutput(e, 'GHL Trigger')[0]).map((item) => [item.webhookId, item.verifiedWith]));
	expect(said).toEqual({ 'pk-old': 'previous', 'pk-new': 'current' });
	// the execution of the old key's delivery warns above the trigger's output
	const oldRun = executions.find((e) => nodeOutput(e, 'GHL Trigger')[0].webhookId === 'pk-old')!;
	expect(JSON.stringify(oldRun.data?.resultData?.runData?.['GHL Trigger']?.[0] ?? {})).toContain('Previous Public Key');

	// the previous key removed (the workflow saved and published again)
	await n8n.api('PUT', `/workflows/${workflowId}`, { ...workflow.json, nodes: [{ ...workflow.json.nodes[0], parameters: options({}) }, workflow.json.nodes[1]], settings: {} });
	await n8n.publishWorkflow(workflowId);
	expect(await post(old, 'pk-old-2')).toBe(401);
	expect(await post(next, 'pk-new-2')).toBe(200);
});

it('a type version 1 token kept in the workflow keeps working, and moved into a credential: both accepted while moving (outputs say which), then only the credential\'s', async () => {
	const credential = await n8n.createCredential({ name: `GHL Workflow Webhook v1 move ${Date.now()}`, type: 'ghlWorkflowWebhookApi', data: {} });
	const refs = { ghlWorkflowWebhookApi: { id: credential.id, name: credential.name } };
	// a saved version 1 workflow as it was: the token in its Secret Token parameter (its default, the node's id
	// hashed: nothing of it stored in the workflow), no credential
	const workflow = triggerWorkflow('ghlTrigger', 'GHL Workflow Hook v1', { source: 'automation' }, undefined, 1);
	const workflowId = await publish(n8n, workflow.json);
	const parameterToken = createHash('sha256').update(workflow.nodeId).digest('hex');
	const post = async (given: string, id: string) =>
		(await n8n.callWebhook(`webhook/${workflow.webhookId}/webhook?token=${given}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ contact_id: id }) })).status;
	expect(await post(parameterToken, 'v1-as-saved')).toBe(200);
	const output = (execution: Awaited<ReturnType<N8n['waitForExecutions']>>[number]) => nodeOutput(execution, 'GHL Workflow Hook v1')[0];
	expect(output((await n8n.waitForExecutions(workflowId, 1, 60_000))[0])).not.toHaveProperty('verifiedWith');

	// moving: Token Source "both" with the credential
	const moving = { source: 'automation', tokenSource: 'both' };
	await n8n.api('PUT', `/workflows/${workflowId}`, {
		...workflow.json,
		nodes: [{ ...workflow.json.nodes[0], parameters: moving, credentials: refs }, workflow.json.nodes[1]],
		settings: {},
	});
	await n8n.publishWorkflow(workflowId);
	const { token } = await workflowWebhookSetup(n8n, { type: `${PACKAGE_NAME}.ghlTrigger`, typeVersion: 1, webhookId: workflow.webhookId, parameters: moving, credentials: refs });
	expect(await post(parameterToken, 'v1-parameter')).toBe(200);
	expect(await post(token, 'v1-credential')).toBe(200);
	const executions = await n8n.waitForExecutions(workflowId, 3, 60_000);
	const said = Object.fromEntries(executions.map((e) => output(e)).map((item) => [(item.contact as { id: string }).id, item.verifiedWith]));
	expect(said).toEqual({ 'v1-as-saved': undefined, 'v1-parameter': 'parameter', 'v1-credential': 'current' });

	const moved = { source: 'automation', tokenSource: 'credential' };
	await n8n.api('PUT', `/workflows/${workflowId}`, { ...workflow.json, nodes: [{ ...workflow.json.nodes[0], parameters: moved, credentials: refs }, workflow.json.nodes[1]], settings: {} });
	await n8n.publishWorkflow(workflowId);
	expect(await post(parameterToken, 'v1-parameter-2')).toBe(401);
	expect(await post(token, 'v1-credential-2')).toBe(200);
});
