/**
 * The three ways a delivery reaches this package's triggers, for the runtime e2e tests (restart, concurrent
 * copies, several processes): a published workflow per kind, and genuine deliveries (signed, with the token or
 * the shared secret) that can be sent to any process serving the workflow's webhooks, as often as wanted.
 */
import { WebhookSigner } from '../../sandbox/core/webhooks/signing';
import { workflowWebhookSetup, type N8n } from '../../scripts/harness';
import { triggerWorkflow, type TriggerWorkflow } from './trigger-support';

const signer = new WebhookSigner();
const SHARED_SECRET = 'runtime-e2e-tookan-shared-secret';

export interface Kind {
	name: string;
	/** After the workflow is published: what the sender needs from n8n (the token its credential got). */
	published?(workflow: TriggerWorkflow): Promise<void>;
	/** Node name in the workflow (output is read there). */
	node: string;
	build(): Promise<TriggerWorkflow>;
	/** The request of delivery `tag` (same tag, same bytes: a re-delivery). */
	request(tag: string, options?: { upperCaseHeaders?: boolean }): { query: string; init: RequestInit };
	/** The tag a started execution's trigger output belongs to. */
	tagOf(item: Record<string, unknown>): string;
}

export interface PublishedKind extends Kind {
	workflowId: string;
	webhookId: string;
}

/** A GHL Marketplace app event signed as HighLevel signs (the sandbox key; its public key set on the node). */
function ghlApp(typeVersion: number): Kind {
	return {
		name: `GHL Trigger v${typeVersion} (app)`,
		node: 'GHL Trigger',
		build: async () =>
			triggerWorkflow('ghlTrigger', 'GHL Trigger', { source: 'app', events: ['*'], options: { publicKey: signer.publicKeys().ed25519PublicKeyPem } }, undefined, typeVersion),
		request: (tag, options = {}) => {
			const body = Buffer.from(JSON.stringify({ type: 'ContactCreate', locationId: 'loc-runtime', id: `c-${tag}`, email: `${tag}@example.com`, webhookId: tag }));
			const signature = options.upperCaseHeaders ? 'X-GHL-Signature' : 'x-ghl-signature';
			return { query: '', init: { method: 'POST', headers: { 'Content-Type': 'application/json', [signature]: signer.ed25519Signature(body) }, body } };
		},
		tagOf: (item) => String(item.webhookId),
	};
}

/**
 * A GHL workflow's Webhook action (the token of the node's GHL Workflow Webhook credential in the query); a
 * re-delivery repeats the body byte for byte.
 */
const ghlAutomation = (n8n: N8n): Kind => {
	let token = '';
	let credentials: Record<string, { id: string; name: string }> = {};
	return {
		name: 'GHL Trigger v2 (workflow webhook)',
		node: 'GHL Workflow Hook',
		build: async () => {
			// nothing typed: n8n generates the token when the workflow is published
			const credential = await n8n.createCredential({ name: `GHL Workflow Webhook runtime ${Date.now()}`, type: 'ghlWorkflowWebhookApi', data: {} });
			credentials = { ghlWorkflowWebhookApi: { id: credential.id, name: credential.name } };
			return triggerWorkflow('ghlTrigger', 'GHL Workflow Hook', { source: 'automation' }, { ghlWorkflowWebhookApi: { name: credential.name } });
		},
		published: async (workflow) => {
			const node = workflow.json.nodes[0];
			token = (await workflowWebhookSetup(n8n, { type: node.type, typeVersion: 2, webhookId: workflow.webhookId, parameters: { source: 'automation' }, credentials })).token;
		},
		request: (tag) => ({
			query: `?token=${token}`,
			init: { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ contact_id: tag, first_name: 'Runtime', location: { id: 'loc-runtime' } }) },
		}),
		tagOf: (item) => String((item.contact as Record<string, unknown>).id),
	};
};

/** A Tookan task status change with the shared secret in the body. */
function tookan(n8n: N8n): Kind {
	return {
		name: 'Tookan Trigger v2',
		node: 'Tookan Trigger',
		build: async () => {
			const credential = await n8n.createCredential({
				name: `Tookan runtime ${Date.now()}`,
				type: 'tookanApi',
				data: { apiKey: 'runtime-e2e-api-key', userId: '1000001', sharedSecret: SHARED_SECRET },
			});
			return triggerWorkflow('tookanTrigger', 'Tookan Trigger', { statuses: [], templateKeys: '', enrich: false }, { tookanApi: { name: credential.name } });
		},
		request: (tag) => ({
			query: '',
			init: {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ job_id: 7001, job_status: 2, template_key: 'SUCCESSFUL', order_id: tag, tookan_shared_secret: SHARED_SECRET }),
			},
		}),
		tagOf: (item) => String(item.order_id),
	};
}

export function allKinds(n8n: N8n, options: { v1?: boolean } = {}): Kind[] {
	return [ghlApp(2), ...(options.v1 ? [ghlApp(1)] : []), ghlAutomation(n8n), tookan(n8n)];
}

export async function publishKind(n8n: N8n, kind: Kind): Promise<PublishedKind> {
	const workflow = await kind.build();
	const workflowId = await n8n.importWorkflow(workflow.json);
	await n8n.publishWorkflow(workflowId);
	await kind.published?.(workflow);
	return { ...kind, workflowId, webhookId: workflow.webhookId };
}

export interface Answer {
	status: number;
	body: Record<string, unknown>;
}

/** Sends delivery `tag` of `kind` to the process serving webhooks at `webhookUrl` (ends with a slash). */
export async function send(webhookUrl: string, kind: PublishedKind, tag: string, options?: { upperCaseHeaders?: boolean }): Promise<Answer> {
	const { query, init } = kind.request(tag, options);
	const res = await fetch(`${webhookUrl}webhook/${kind.webhookId}/webhook${query}`, { ...init, signal: AbortSignal.timeout(60_000) });
	const text = await res.text();
	let body: Record<string, unknown>;
	try {
		body = JSON.parse(text) as Record<string, unknown>;
	} catch {
		body = { text };
	}
	return { status: res.status, body };
}

export const RECEIVED = { received: true };
export const DUPLICATE = { received: true, started: false, reason: 'duplicate delivery' };
