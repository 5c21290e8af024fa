/**
 * queue-mode: n8n in queue mode (a private Redis and PostgreSQL from the Debian packages, main + workers sharing the
 * database), the bulk-write workflow (a Webhook receives a batch number and an item count, the GHL
 * node upserts one contact per item), first with one worker, then with a second worker added, in two
 * scenarios each time:
 *
 * - one location: 10 executions of 100 items into one location. Its limit (100 per 2 s, 250 ms latency, as
 *   bulk-write) bounds the run, and the workers share it by following its X-RateLimit headers: a second
 *   worker cannot make it faster, only must not make it slower.
 * - several locations (an agency's sub-accounts, each with its own Private Integration Token and so its own
 *   100 per 2 s): 4 locations × 4 executions of 100 items, one workflow per location. The API allows four
 *   times as much, so the workers' CPU is the bound and a second worker should show.
 *
 *   npm run bench:queue-mode [-- --executions 10 --items 100 --locations 4 --per-location 4]
 */

import { GHL_DEFAULTS } from '../../sandbox/ghl/defaults';
import { startQueueN8n, type QueueN8n } from '../harness/queue';
import { cpuSeconds } from './lib/cpu';
import { failedItems, finishedExecutions, secondsUntilLastStop } from './lib/executions';
import { benchTarball, createBenchCredentials, createPitCredential } from './lib/n8n';
import { ceilingRps, describeLimit } from './lib/rate';
import { begin, finish, loadAverage, main, numberArgs, round, say } from './lib/report';
import { startSandboxProcess, type RateLimit, type SandboxProcess } from './lib/sandbox';
import { benchEmail, oursWorkflow, UPSERT_NODE } from './lib/workflows';

const LIMIT: RateLimit = { max: 100, intervalMs: 2_000 };
const LATENCY_MS = 250;
const workflowLabel = `queue${Date.now()}`;

/** One location's workflow: where its webhook listens and which location it writes to. */
interface Target {
	locationId: string;
	workflowId: string;
	path: string;
}

interface Phase {
	rps: number;
	failed: number;
	lost: number;
}

/** `batches` executions of `items` upserts, batch b to target b mod targets: fired at once, waited for, checked. */
async function phase(queue: QueueN8n, sandbox: SandboxProcess, targets: Target[], label: string, batches: number, items: number): Promise<Phase> {
	const before = new Map<string, number>();
	for (const t of targets) before.set(t.workflowId, (await queue.main.executions({ workflowId: t.workflowId })).length);
	const sent = targets.map(() => 0);
	await sandbox.clearRequests();
	const processes = [{ name: 'main', pid: queue.main.pid ?? 0 }, ...queue.workers.map((w) => ({ name: `worker ${w.index}`, pid: w.pid }))];
	const cpuBefore = processes.map((p) => cpuSeconds(p.pid));
	const started = Date.now();
	await Promise.all(
		Array.from({ length: batches }, async (_, b) => {
			const target = targets[b % targets.length];
			sent[b % targets.length]++;
			const res = await queue.main.callWebhook(target.path, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ batch: `${label}${b}`, items }),
			});
			if (!res.ok) throw new Error(`webhook answered ${res.status}`);
			await res.arrayBuffer();
		}),
	);
	const executions = (
		await Promise.all(
			targets.map(async (t, i) => (await finishedExecutions(queue.main, t.workflowId, (before.get(t.workflowId) ?? 0) + sent[i])).slice(0, sent[i])),
		)
	).flat();
	const seconds = secondsUntilLastStop(executions, started);
	const busy = processes.map((p, i) => `${p.name} ${((cpuSeconds(p.pid) - cpuBefore[i]) / ((Date.now() - started) / 1000)).toFixed(2)}`);
	const { failed, reasons } = failedItems(executions, UPSERT_NODE, items);
	for (const reason of reasons.slice(0, 5)) say(`  failure: ${reason}`);
	let lost = 0;
	for (const [i, t] of targets.entries()) {
		const emails = new Set((await sandbox.contacts(t.locationId)).map((c) => String(c.email)));
		for (let b = i; b < batches; b += targets.length) {
			for (let n = 0; n < items; n++) if (!emails.has(benchEmail(workflowLabel, `${label}${b}-${n}`))) lost++;
		}
	}
	const log = await sandbox.requests();
	say(
		`${label}: ${batches * items} items into ${targets.length} location(s) in ${seconds.toFixed(2)} s = ${((batches * items) / seconds).toFixed(2)} items/s; ${failed} failed, ${lost} lost; ${log.count} requests reached GHL (${log.requests.filter((r) => r.status === 429).length} answered 429); CPU cores busy: ${busy.join(', ')}`,
	);
	return { rps: (batches * items) / seconds, failed, lost };
}

main(async () => {
	const { executions: batches, items, locations, 'per-location': perLocation } = numberArgs({ executions: 10, items: 100, locations: 4, 'per-location': 4 });
	begin(
		'queue-mode',
		`real n8n in queue mode (Redis, PostgreSQL, main + 1 worker, then + 2 workers, worker concurrency 10), webhook executions of ${items} contact upserts; sandbox latency ${LATENCY_MS} ms; GHL limit scaled to ${describeLimit(LIMIT)} per location: one location (${batches} executions, its limit shared by the workers) and ${locations} locations (${perLocation} executions each, each its own PIT and limit)`,
	);
	const sandbox = await startSandboxProcess();
	let queue: QueueN8n | undefined;
	try {
		await sandbox.configure(LIMIT, LATENCY_MS);
		queue = await startQueueN8n({ packageTarball: await benchTarball(), workers: 1, env: { N8N_LOG_LEVEL: 'warn' } });
		await createBenchCredentials(queue.main, sandbox.ghlBaseUrl);
		const target = async (locationId: string, path: string, credential?: string): Promise<Target> => {
			const workflowId = await queue!.main.importWorkflow(oursWorkflow(workflowLabel, { kind: 'webhook', path }, credential));
			await queue!.main.publishWorkflow(workflowId);
			return { locationId, workflowId, path };
		};
		const single = [await target(GHL_DEFAULTS.locationIds[0], `bulk-${workflowLabel}`)];
		const several: Target[] = [];
		for (let l = 0; l < locations; l++) {
			const { locationId, pit } = await sandbox.addLocation();
			several.push(await target(locationId, `bulk-${workflowLabel}-l${l}`, await createPitCredential(queue.main, sandbox.ghlBaseUrl, locationId, pit)));
		}
		const pauseForWindow = () => new Promise((resolve) => setTimeout(resolve, LIMIT.intervalMs + 100));
		const run = async (workers: string) => {
			say(`load average before ${workers}, one location: ${loadAverage()}`);
			const one = await phase(queue!, sandbox, single, `${workers}-single`, batches, items);
			await pauseForWindow();
			say(`load average before ${workers}, ${locations} locations: ${loadAverage()}`);
			const many = await phase(queue!, sandbox, several, `${workers}-several`, locations * perLocation, items);
			await pauseForWindow();
			return { one, many };
		};
		// warm-up: a small execution per workflow, so the worker has loaded the node and learned each limit
		await phase(queue, sandbox, [...single, ...several], 'warmup', 1 + locations, 10);
		await pauseForWindow();
		const oneWorker = await run('one-worker');
		await queue.addWorker();
		await phase(queue, sandbox, [...single, ...several], 'warmup2', 2 * (1 + locations), 10); // both workers warm
		await pauseForWindow();
		const twoWorkers = await run('two-workers');
		const ceiling = ceilingRps(batches * items, LIMIT, LATENCY_MS);
		const manyCeiling = locations * ceilingRps(perLocation * items, LIMIT, LATENCY_MS);
		say(`ceiling: one location ${ceiling.toFixed(2)} rps (see bulk-write); ${locations} locations ${manyCeiling.toFixed(2)} rps`);
		say(
			`two workers vs one: ${locations} locations ×${(twoWorkers.many.rps / oneWorker.many.rps).toFixed(2)}; one location ×${(twoWorkers.one.rps / oneWorker.one.rps).toFixed(2)}`,
		);
		finish({
			locations,
			oneWorkerRps: round(oneWorker.many.rps),
			twoWorkersRps: round(twoWorkers.many.rps),
			ceilingRps: round(manyCeiling),
			singleLocationOneWorkerRps: round(oneWorker.one.rps),
			singleLocationTwoWorkersRps: round(twoWorkers.one.rps),
			singleLocationCeilingRps: round(ceiling),
			failedItems: [oneWorker, twoWorkers].reduce((sum, r) => sum + r.one.failed + r.many.failed, 0),
			lostItems: [oneWorker, twoWorkers].reduce((sum, r) => sum + r.one.lost + r.many.lost, 0),
		});
	} finally {
		await queue?.stop();
		await sandbox.stop();
	}
});
