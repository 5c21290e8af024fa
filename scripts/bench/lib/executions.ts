/** Reading the outcome of benchmark executions: when they ran, and which items failed. */
import { nodeOutput, type Execution, type N8n } from '../../harness';

const UNFINISHED = ['new', 'running', 'waiting'];

/** Waits until the workflow has `count` finished executions (newest first from n8n), with their data. */
export async function finishedExecutions(n8n: N8n, workflowId: string, count: number, timeoutMs = 900_000): Promise<Execution[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const all = await n8n.executions({ workflowId });
		const done = all.filter((e) => !UNFINISHED.includes(e.status));
		if (done.length >= count) return await Promise.all(done.map(async (e) => await n8n.execution(e.id, { includeData: true })));
		if (Date.now() > deadline) throw new Error(`workflow ${workflowId}: ${done.length}/${count} executions finished after ${timeoutMs} ms`);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

/**
 * Items a node failed in these executions (error items; every item of a failed execution counts), and the
 * distinct reasons.
 */
export function failedItems(executions: Execution[], nodeName: string, itemsPerExecution: number): { failed: number; reasons: string[] } {
	let failed = 0;
	const reasons = new Set<string>();
	for (const execution of executions) {
		if (execution.status !== 'success') {
			failed += itemsPerExecution;
			reasons.add(`execution ${execution.status}: ${execution.data?.resultData.error?.message ?? '(no message)'}`);
			continue;
		}
		for (const item of nodeOutput(execution, nodeName)) {
			if (item.error === undefined) continue;
			failed++;
			reasons.add(String(item.error));
		}
	}
	return { failed, reasons: [...reasons] };
}

/** Seconds from `since` (ms epoch) until the last of these executions stopped. */
export function secondsUntilLastStop(executions: Execution[], since: number): number {
	const last = Math.max(...executions.map((e) => Date.parse(String(e.stoppedAt))));
	return (last - since) / 1000;
}
