/**
 * Executions through the public API: list, get, wait for, and read a node's output items.
 */
import type { N8nClient } from './client';
import { pause } from './pause';

export type ExecutionStatus = 'canceled' | 'crashed' | 'error' | 'new' | 'running' | 'success' | 'unknown' | 'waiting';

interface TaskData {
	data?: { main?: Array<Array<{ json: Record<string, unknown> }> | null> };
	error?: { message?: string };
}

export interface Execution {
	id: string;
	workflowId: string;
	mode: string;
	status: ExecutionStatus;
	finished: boolean;
	startedAt: string;
	stoppedAt: string | null;
	data?: {
		resultData: {
			runData: Record<string, TaskData[]>;
			error?: { message?: string };
			lastNodeExecuted?: string;
		};
	};
}

const UNFINISHED: ExecutionStatus[] = ['new', 'running', 'waiting'];
const POLL_MS = 200;

export function isDone(execution: Execution): boolean {
	return !UNFINISHED.includes(execution.status);
}

export interface ExecutionQuery {
	workflowId?: string;
	status?: ExecutionStatus;
	includeData?: boolean;
}

/** All executions matching the query (follows the cursor), newest first. */
export async function listExecutions(client: N8nClient, query: ExecutionQuery = {}): Promise<Execution[]> {
	const all: Execution[] = [];
	let cursor: string | undefined;
	do {
		const params = new URLSearchParams({ limit: '250' });
		if (query.workflowId) params.set('workflowId', query.workflowId);
		if (query.status) params.set('status', query.status);
		if (query.includeData) params.set('includeData', 'true');
		if (cursor) params.set('cursor', cursor);
		const page = await client.api<{ data: Execution[]; nextCursor?: string | null }>('GET', `/executions?${params}`);
		all.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return all;
}

export function getExecution(client: N8nClient, id: string, options: { includeData?: boolean } = {}): Promise<Execution> {
	const query = options.includeData === false ? '' : '?includeData=true';
	return client.api<Execution>('GET', `/executions/${id}${query}`);
}

/** Polls until the execution has finished (any final status); returns it with data. */
export async function waitForExecution(client: N8nClient, id: string, timeoutMs = 60_000): Promise<Execution> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const execution = await getExecution(client, id, { includeData: true });
		if (isDone(execution)) return execution;
		if (Date.now() > deadline) throw new Error(`execution ${id} still ${execution.status} after ${timeoutMs} ms`);
		await pause(POLL_MS);
	}
}

/**
 * Polls until the workflow has at least `count` finished executions; returns them (with data),
 * oldest first.
 */
export async function waitForExecutions(
	client: N8nClient,
	workflowId: string,
	count: number,
	timeoutMs = 60_000,
): Promise<Execution[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const done = (await listExecutions(client, { workflowId, includeData: true })).filter(isDone);
		if (done.length >= count) return done.reverse();
		if (Date.now() > deadline) {
			throw new Error(`workflow ${workflowId}: ${done.length}/${count} finished executions after ${timeoutMs} ms`);
		}
		await pause(POLL_MS);
	}
}

/** The json of every item a node output on `outputIndex` in its last run of this execution. */
export function nodeOutput(execution: Execution, nodeName: string, outputIndex = 0): Array<Record<string, unknown>> {
	const runs = execution.data?.resultData.runData[nodeName];
	if (!runs?.length) throw new Error(`node "${nodeName}" did not run in execution ${execution.id}`);
	const items = runs[runs.length - 1].data?.main?.[outputIndex] ?? [];
	return items.map((item) => item.json);
}
