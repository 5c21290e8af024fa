/**
 * The real-world events the templates react to, made to happen in the sandbox (a Tookan agent working a
 * task, a Tookan order coming in, a form being filled in), and `settle()`, which waits until every webhook
 * was delivered and every execution it started has finished.
 */
import type { Sandbox } from '../../sandbox/server';
import type { N8n } from '../harness';
import { tookanApi, tookanOf } from './sandbox-api';

/** Tookan statuses an agent moves a delivery through: assigned, started, arrived, successful. */
export const DELIVERY_RUN = [1, 4, 2];

/**
 * Assigns the task to an agent (Assigned), then moves it through `statuses` as the agent app would.
 * `between` runs after each change: a real agent's steps are minutes apart, so callers let the workflows
 * finish one change before the next (n8n runs webhook executions in parallel, in no fixed order).
 */
export async function workTask(
	sandbox: Sandbox,
	jobId: number,
	fleetId: number,
	between: () => Promise<void>,
	statuses = DELIVERY_RUN,
): Promise<void> {
	await tookanApi(sandbox, 'assign_task', { job_id: jobId, fleet_id: fleetId });
	await between();
	for (const status of statuses) {
		tookanOf(sandbox).setTaskStatus(jobId, status);
		await between();
	}
}

export interface TookanOrder {
	name: string;
	email: string;
	phone: string;
	address: string;
	tags: string;
	leadSource?: string;
	deliverBy: string;
}

/** A delivery order created in Tookan (fires REQUEST_RECEIVED); returns its job id. */
export async function createTookanOrder(sandbox: Sandbox, order: TookanOrder): Promise<number> {
	const data = await tookanApi<{ job_id: number }>(sandbox, 'create_task', {
		layout_type: 0,
		has_pickup: 0,
		has_delivery: 1,
		timezone: 0,
		customer_username: order.name,
		customer_email: order.email,
		customer_phone: order.phone,
		customer_address: order.address,
		job_delivery_datetime: order.deliverBy,
		tags: order.tags,
		...(order.leadSource
			? { custom_field_template: 'Orders', meta_data: [{ label: 'Lead Source', data: order.leadSource }] }
			: {}),
	});
	return data.job_id;
}

/** Submits the n8n form (multipart, as the browser does): `answers` in the order of the form's fields. */
export async function submitForm(url: string, answers: string[]): Promise<Response> {
	const form = new FormData();
	answers.forEach((answer, index) => form.append(`field-${index}`, answer));
	return await fetch(url, { method: 'POST', body: form });
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const UNFINISHED = ['new', 'running', 'waiting'] as const;

/**
 * The workflows' finished executions as a count, or "busy" while one has not finished. The public API
 * leaves unfinished executions out of its default list, so they are asked for by status.
 */
async function progress(n8n: N8n, workflowIds: string[]): Promise<string> {
	let finished = 0;
	for (const workflowId of workflowIds) {
		// n8n 1.x's public API has no "new" status filter
		const statuses = n8n.version.startsWith('1.') ? UNFINISHED.filter((s) => s !== 'new') : UNFINISHED;
		for (const status of statuses) if ((await n8n.executions({ workflowId, status })).length > 0) return 'busy';
		finished += (await n8n.executions({ workflowId })).length;
	}
	return String(finished);
}

/**
 * Waits until the sandbox has no webhook left to deliver and the workflows have no execution left running,
 * with nothing new for three polls in a row (an execution may make the sandbox send another webhook).
 */
export async function settle(n8n: N8n, sandbox: Sandbox, workflowIds: string[], timeoutMs = 90_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last = '';
	let quiet = 0;
	while (quiet < 3) {
		if (Date.now() > deadline) throw new Error(`the workflows were still busy after ${timeoutMs} ms`);
		await sandbox.admin.drainWebhooks();
		await pause(250);
		const now = `${await progress(n8n, workflowIds)}/${sandbox.admin.deliveries().length}`;
		quiet = now === last && !now.startsWith('busy') ? quiet + 1 : 0;
		last = now;
	}
}
