/**
 * Webhook intake for the benchmarks: signed GHL ContactCreate events, a request plan that re-sends copies of
 * some events (as a sender retrying would), the GHL Trigger (v2) and n8n's plain Webhook node as targets,
 * and a tally of the executions the load started: per event, how many executions passed it on.
 */
import { randomUUID } from 'node:crypto';

import { WebhookSigner } from '../../../sandbox/core/webhooks/signing';
import { GHL_DEFAULTS } from '../../../sandbox/ghl/defaults';
import { PACKAGE_NAME, workflowWebhookSetup, type Execution, type N8n } from '../../harness';
import { Flow } from '../../templates/flow';
import { core } from '../../templates/nodes';
import { closedLoop, type LoadResult } from './load';

const signer = new WebhookSigner();
const UNFINISHED = ['new', 'running', 'waiting'];

export interface Target {
	name: string;
	workflowId: string;
	/** Path below a webhook base URL (`<base>webhook/<path>`). */
	path: string;
	signed: boolean;
	/** The node whose output holds the event, and where the event is in it. */
	node: string;
	idOf(item: Record<string, unknown>): string | undefined;
}

/** Events with their exact bytes (a copy is a re-delivery: same bytes, same signature). */
export class Events {
	readonly bodies: Buffer[];

	constructor(
		count: number,
		readonly label: string,
	) {
		this.bodies = Array.from({ length: count }, (_, index) =>
			Buffer.from(
				JSON.stringify({
					type: 'ContactCreate',
					locationId: GHL_DEFAULTS.locationIds[0],
					id: `bench${String(index).padStart(15, '0')}`,
					email: `ingest-${label}-${index}@bench.example.com`,
					firstName: 'Ingest',
					lastName: String(index),
					tags: ['bench'],
					dateAdded: new Date().toISOString(),
					webhookId: `${label}-${index}-${randomUUID()}`,
					timestamp: new Date().toISOString(),
				}),
			),
		);
	}

	/** Each event's webhookId, in order. */
	ids(): string[] {
		return this.bodies.map((body) => String((JSON.parse(body.toString()) as { webhookId: string }).webhookId));
	}
}

/**
 * The order requests are sent in: every event once, and after every `1 / resendShare`-th event a copy of the
 * event sent `lag` requests earlier (long answered with 8 senders), so `resendShare` of the events arrive twice.
 */
export function requestPlan(events: number, resendShare: number, lag = 10): number[] {
	const plan: number[] = [];
	const every = Math.round(1 / resendShare);
	for (let index = 0; index < events; index++) {
		plan.push(index);
		if (index >= lag && index % every === 0) plan.push(index - lag);
	}
	return plan;
}

async function publish(n8n: N8n, flow: Flow): Promise<string> {
	const id = await n8n.importWorkflow(flow.json());
	await n8n.publishWorkflow(id);
	return id;
}

/** A published GHL Trigger (type version 2, any event, signature checked, duplicates dropped). */
export async function ghlTriggerTarget(n8n: N8n, label: string): Promise<Target> {
	const flow = new Flow(`bench ingest GHL Trigger ${label}`, `ingest-ghl-${label}`);
	flow.add({
		name: 'GHL event',
		type: `${PACKAGE_NAME}.ghlTrigger`,
		typeVersion: 2,
		at: [0, 0],
		webhook: true,
		parameters: { source: 'app', events: ['*'], options: { publicKey: signer.publicKeys().ed25519PublicKeyPem } },
	});
	const workflowId = await publish(n8n, flow);
	const hookId = (await n8n.rest<{ nodes: Array<{ webhookId?: string }> }>('GET', `/workflows/${workflowId}`)).nodes[0].webhookId;
	return {
		name: 'GHL Trigger',
		workflowId,
		path: `${hookId}/webhook`,
		signed: true,
		node: 'GHL event',
		idOf: (item) => (typeof item.webhookId === 'string' ? item.webhookId : undefined),
	};
}

/**
 * A published GHL Trigger in workflow-webhook mode (type version 2): the token n8n generated in its GHL Workflow
 * Webhook credential, in the query as GHL's Webhook action sends it (the trigger reads the credential as
 * package/nodes/shared/trigger/secret.ts describes); byte-identical re-sent bodies dropped.
 */
export async function ghlWorkflowWebhookTarget(n8n: N8n, label: string): Promise<Target> {
	const credential = await n8n.createCredential({ name: `bench workflow webhook ${label}`, type: 'ghlWorkflowWebhookApi', data: {} });
	const credentials = { ghlWorkflowWebhookApi: { id: credential.id, name: credential.name } };
	const type = `${PACKAGE_NAME}.ghlTrigger`;
	const flow = new Flow(`bench ingest GHL workflow webhook ${label}`, `ingest-ghl-hook-${label}`);
	flow.add({ name: 'GHL workflow webhook', type, typeVersion: 2, at: [0, 0], webhook: true, parameters: { source: 'automation' }, credentials });
	const workflowId = await publish(n8n, flow);
	const hookId = (await n8n.rest<{ nodes: Array<{ webhookId?: string }> }>('GET', `/workflows/${workflowId}`)).nodes[0].webhookId;
	const { token } = await workflowWebhookSetup(n8n, { type, typeVersion: 2, webhookId: hookId, parameters: { source: 'automation' }, credentials });
	return {
		name: 'GHL Trigger (workflow webhook)',
		workflowId,
		path: `${hookId}/webhook?token=${token}`,
		signed: false,
		node: 'GHL workflow webhook',
		idOf: (item) => {
			const payload = item.payload as { webhookId?: unknown } | undefined;
			return typeof payload?.webhookId === 'string' ? payload.webhookId : undefined;
		},
	};
}

/** A published n8n Webhook node (type version 2, answers when received, static parameters). */
export async function webhookNodeTarget(n8n: N8n, label: string): Promise<Target> {
	const flow = new Flow(`bench ingest Webhook ${label}`, `ingest-webhook-${label}`);
	flow.add(core('Webhook', [0, 0], 'webhook', 2, { httpMethod: 'POST', path: `ingest-${label}`, responseMode: 'onReceived', options: {} }, true));
	return {
		name: 'Webhook node',
		workflowId: await publish(n8n, flow),
		path: `ingest-${label}`,
		signed: false,
		node: 'Webhook',
		idOf: (item) => {
			const body = item.body as { webhookId?: unknown } | undefined;
			return typeof body?.webhookId === 'string' ? body.webhookId : undefined;
		},
	};
}

export interface SentPlan extends LoadResult {
	requests: number;
	/** Answers that started an execution (every 2xx but the trigger's "started": false). */
	started: number;
}

/**
 * Sends the plan to the target from `concurrency` senders. With several webhook bases (processes), requests
 * go round-robin, and a copy goes to another process than its original.
 */
export async function sendPlan(target: Target, events: Events, plan: number[], concurrency: number, bases: string[]): Promise<SentPlan> {
	const firstBase = new Map<number, number>();
	let started = 0;
	// signed before the clock starts: signing is the sender's work (HighLevel's), not the receiver's, and the
	// senders share the machine with n8n
	const signatures = target.signed ? events.bodies.map((body) => signer.ed25519Signature(body)) : [];
	const load = await closedLoop(plan.length, concurrency, async (position) => {
		const index = plan[position];
		const seen = firstBase.get(index);
		const base = seen === undefined ? position % bases.length : (seen + 1) % bases.length;
		if (seen === undefined) firstBase.set(index, base);
		const body = events.bodies[index];
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (target.signed) headers['x-ghl-signature'] = signatures[index];
		const res = await fetch(`${bases[base]}webhook/${target.path}`, { method: 'POST', headers, body });
		const answer = await res.text();
		if (res.ok && !answer.includes('"started":false')) started++;
		return res.status;
	});
	return { ...load, requests: plan.length, started };
}

export interface Tally {
	executions: number;
	/** Events no successful execution passed on. */
	lost: number;
	/** Executions that passed on an event another execution had already passed on. */
	duplicateExecutions: number;
	/** Executions that passed nothing on (a copy stopped at the trigger in the execution phase). */
	stoppedAtTrigger: number;
	failed: number;
}

/** How long the count of finished executions may stand still before a wait gives up (a lost one never finishes). */
const STALL_MS = 120_000;

/**
 * Waits until the workflow has `expected` executions and all have finished, or until none has finished for
 * STALL_MS (a busy shared machine only makes them finish later).
 */
export async function settled(n8n: N8n, workflowId: string, expected: number): Promise<void> {
	let done = -1;
	let progressAt = Date.now();
	for (;;) {
		const executions = await n8n.executions({ workflowId });
		const finished = executions.filter((e) => !UNFINISHED.includes(e.status)).length;
		if (finished === executions.length && executions.length >= expected) return;
		if (finished !== done) [done, progressAt] = [finished, Date.now()];
		if (Date.now() - progressAt > STALL_MS) return;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/**
 * Counts what the executions of `target` not in `before` did with the events `ids`, once the `started`
 * executions the load's answers announced have finished.
 */
export async function tally(n8n: N8n, target: Target, ids: string[], before: Set<string>, started: number): Promise<Tally> {
	await settled(n8n, target.workflowId, before.size + started);
	const executions = (await n8n.executions({ workflowId: target.workflowId, includeData: true })).filter((e) => !before.has(e.id));
	const passedOn = new Map<string, number>();
	let stoppedAtTrigger = 0;
	let failed = 0;
	for (const execution of executions) {
		if (execution.status !== 'success') failed++;
		const ids = outputIds(execution, target);
		if (!ids.length) stoppedAtTrigger++;
		for (const id of ids) passedOn.set(id, (passedOn.get(id) ?? 0) + 1);
	}
	let lost = 0;
	let duplicateExecutions = 0;
	for (const id of ids) {
		const count = passedOn.get(id) ?? 0;
		if (count === 0) lost++;
		duplicateExecutions += Math.max(0, count - 1);
	}
	return { executions: executions.length, lost, duplicateExecutions, stoppedAtTrigger, failed };
}

function outputIds(execution: Execution, target: Target): string[] {
	if (execution.status !== 'success') return [];
	const runs = execution.data?.resultData.runData[target.node] ?? [];
	const items = runs[runs.length - 1]?.data?.main?.[0] ?? [];
	return items.map((item) => target.idOf(item.json)).filter((id): id is string => id !== undefined);
}

/** Ids of the workflow's executions so far (to tell a run's executions apart). */
export async function executionIds(n8n: N8n, workflowId: string): Promise<Set<string>> {
	return new Set((await n8n.executions({ workflowId })).map((e) => e.id));
}
