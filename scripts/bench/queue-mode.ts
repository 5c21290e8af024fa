/**
 * queue-mode: n8n in queue mode (a private Redis and PostgreSQL from the Debian packages, main + workers sharing the
 * database), the bulk-write workflow (a Webhook receives a batch number and an item count, the GHL Contacts
 * node upserts one contact per item) triggered as 10 executions of 100 items, first with one worker, then
 * with a second worker added. Every worker process has its own rate budget; they share the sandbox's one
 * location limit (100 per 2 s, 250 ms latency, as bulk-write) by following its X-RateLimit headers.
 *
 *   npm run bench:queue-mode [-- --executions 10 --items 100]
 */

import { startQueueN8n, type QueueN8n } from '../harness/queue';
import { failedItems, finishedExecutions, secondsUntilLastStop } from './lib/executions';
import { benchTarball, createBenchCredentials } from './lib/n8n';
import { ceilingRps, describeLimit } from './lib/rate';
import { begin, finish, main, numberArgs, round, say } from './lib/report';
import { startSandboxProcess, type RateLimit, type SandboxProcess } from './lib/sandbox';
import { oursWorkflow, UPSERT_NODE } from './lib/workflows';

const LIMIT: RateLimit = { max: 100, intervalMs: 2_000 };
const LATENCY_MS = 250;
const workflowLabel = `queue${Date.now()}`;

interface Phase {
	rps: number;
	failed: number;
	lost: number;
}

async function phase(queue: QueueN8n, sandbox: SandboxProcess, workflowId: string, path: string, label: string, batches: number, items: number): Promise<Phase> {
	const before = (await queue.main.executions({ workflowId })).length;
	await sandbox.clearRequests();
	const started = Date.now();
	await Promise.all(
		Array.from({ length: batches }, async (_, b) => {
			const res = await queue.main.callWebhook(path, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ batch: `${label}${b}`, items }),
			});
			if (!res.ok) throw new Error(`webhook answered ${res.status}`);
			await res.arrayBuffer();
		}),
	);
	const executions = (await finishedExecutions(queue.main, workflowId, before + batches)).slice(0, batches);
	const seconds = secondsUntilLastStop(executions, started);
	const { failed, reasons } = failedItems(executions, UPSERT_NODE, items);
	for (const reason of reasons.slice(0, 5)) say(`  failure: ${reason}`);
	const emails = new Set((await sandbox.contacts()).map((c) => String(c.email)));
	let lost = 0;
	for (let b = 0; b < batches; b++) {
		for (let n = 0; n < items; n++) if (!emails.has(`${workflowLabel}-${label}${b}-${n}@bench.example.com`)) lost++;
	}
	const log = await sandbox.requests();
	say(
		`${label}: ${batches * items} items in ${seconds.toFixed(2)} s = ${((batches * items) / seconds).toFixed(2)} items/s; ${failed} failed, ${lost} lost; ${log.count} requests reached GHL (${log.requests.filter((r) => r.status === 429).length} answered 429)`,
	);
	return { rps: (batches * items) / seconds, failed, lost };
}

main(async () => {
	const { executions: batches, items } = numberArgs({ executions: 10, items: 100 });
	begin(
		'queue-mode',
		`real n8n in queue mode (Redis, main + 1 worker, then + 2 workers, worker concurrency 10), ${batches} webhook executions × ${items} contact upserts; sandbox latency ${LATENCY_MS} ms; GHL limit scaled to ${describeLimit(LIMIT)} shared by all workers`,
	);
	const sandbox = await startSandboxProcess();
	let queue: QueueN8n | undefined;
	try {
		await sandbox.configure(LIMIT, LATENCY_MS);
		queue = await startQueueN8n({ packageTarball: await benchTarball(), workers: 1, env: { N8N_LOG_LEVEL: 'warn' } });
		await createBenchCredentials(queue.main, sandbox.ghlBaseUrl);
		const path = `bulk-${workflowLabel}`;
		const workflowId = await queue.main.importWorkflow(oursWorkflow(workflowLabel, { kind: 'webhook', path }));
		await queue.main.publishWorkflow(workflowId);
		// warm-up: one small execution, so the worker has loaded the node and learned the limit
		await phase(queue, sandbox, workflowId, path, 'warmup', 1, 10);
		await new Promise((resolve) => setTimeout(resolve, LIMIT.intervalMs));

		const one = await phase(queue, sandbox, workflowId, path, 'one', batches, items);
		await queue.addWorker();
		await new Promise((resolve) => setTimeout(resolve, LIMIT.intervalMs));
		const two = await phase(queue, sandbox, workflowId, path, 'two', batches, items);
		const ceiling = ceilingRps(batches * items, LIMIT, LATENCY_MS);
		say(`ceiling: ${batches * items} requests under the limit = ${ceiling.toFixed(2)} rps (see bulk-write)`);
		finish({
			oneWorkerRps: round(one.rps),
			twoWorkersRps: round(two.rps),
			ceilingRps: round(ceiling),
			failedItems: one.failed + two.failed,
			lostItems: one.lost + two.lost,
		});
	} finally {
		await queue?.stop();
		await sandbox.stop();
	}
});
