/**
 * Template 2 (workflows/form-to-ghl-contact.json) in real n8n in queue mode: Redis and PostgreSQL of their own,
 * the main process taking the webhooks and two workers running the executions. 40 GHL form submissions
 * arrive at once while the sandbox allows only 4 requests per second for the location, a limit both worker
 * processes share: every submission becomes exactly one contact, no execution fails, and both workers did
 * part of the work.
 *
 * Then, with an `n8n webhook` process added next to the main and one worker: copies of one delivery sent to
 * both processes run the workflow once, for each trigger kind. A copy sent after the other's answer is
 * answered "duplicate" and starts nothing; copies sent at the same moment may both be accepted, and then the
 * second execution passes nothing on and says why.
 */
import { readFileSync } from 'node:fs';

import { createSandbox, type Sandbox } from '../../sandbox/server';
import { packPackage, type Execution } from '../../scripts/harness';
import { startQueueN8n, type QueueN8n } from '../../scripts/harness/queue';
import { installTemplates } from '../../scripts/templates/install';
import { LOCATION } from '../../scripts/templates/sandbox-api';
import { allKinds, DUPLICATE, publishKind, RECEIVED, send, type PublishedKind } from './trigger-kinds';

const SUBMISSIONS = 40;
const T2 = 'form-to-ghl-contact';

let sandbox: Sandbox;
let queue: QueueN8n | undefined;

beforeAll(async () => {
	sandbox = await createSandbox({
		faults: { latencyMs: 50 } as never,
		config: { ghl: { rateLimit: { max: 4, intervalMs: 1000, daily: 1_000_000, retryAfter: false } } },
	});
	queue = await startQueueN8n({ packageTarball: await packPackage(), workers: 2, workerConcurrency: 5 });
}, 300_000);

afterAll(async () => {
	await queue?.stop();
	await sandbox?.close();
}, 60_000);

/** How long the count of finished executions may stand still before the wait gives up. */
const STALL_MS = 90_000;

/**
 * Waits until the workflow has `count` finished executions, or until none has finished for STALL_MS (a lost
 * execution never finishes; a busy shared machine only makes them finish later).
 */
async function finished(workflowId: string, count: number): Promise<Execution[]> {
	let seen = -1;
	let progressAt = Date.now();
	for (;;) {
		const done = (await queue!.main.executions({ workflowId })).filter((e) => !['new', 'running', 'waiting'].includes(e.status));
		if (done.length !== seen) [seen, progressAt] = [done.length, Date.now()];
		if (done.length >= count || Date.now() - progressAt > STALL_MS) return done;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/** Executions a worker ran, from its log ("Worker started execution N"). */
function startedBy(logFile: string): Set<string> {
	const ids = [...readFileSync(logFile, 'utf8').matchAll(/started execution (\d+)/gi)].map((m) => m[1]);
	return new Set(ids);
}

it('runs the form template on two workers under a shared rate limit: every submission arrives once', async () => {
	const { urls, ids } = await installTemplates(queue!.main, sandbox, { only: [T2], label: 'queue-mode' });
	const people = Array.from({ length: SUBMISSIONS }, (_, i) => ({
		first_name: 'Queue',
		last_name: `Person${i}`,
		email: `queue.person${i}@example.com`,
		city: 'Leeds',
		country: 'GB',
		location: { id: LOCATION },
	}));
	const answers = await Promise.all(
		people.map(async (person) => {
			const res = await fetch(String(urls.ghlForm), {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(person),
			});
			await res.arrayBuffer();
			return res.status;
		}),
	);
	expect(answers).toEqual(Array(SUBMISSIONS).fill(200));

	const executions = await finished(String(ids[T2]), SUBMISSIONS);
	expect(executions.map((e) => e.status)).toEqual(Array(SUBMISSIONS).fill('success'));

	const contacts = sandbox.admin.ghlRecords('contacts', { locationId: LOCATION }) as Array<Record<string, unknown>>;
	const counts = people.map((person) => contacts.filter((c) => c.email === person.email).length);
	expect(counts).toEqual(Array(SUBMISSIONS).fill(1));
	const saved = contacts.find((c) => c.email === people[7].email);
	expect(saved).toMatchObject({ firstName: 'Queue', lastName: 'Person7', city: 'Leeds', country: 'GB' });

	// the work was shared: each worker started some of the executions, none was run twice
	const perWorker = queue!.workers.map((worker) => startedBy(worker.logFile));
	expect(perWorker.map((set) => set.size > 0)).toEqual([true, true]);
	const all = perWorker.flatMap((set) => [...set]);
	expect(new Set(all).size).toBe(all.length);
	expect(new Set(all)).toEqual(new Set(executions.map((e) => String(e.id))));
	const limited = sandbox.admin.requests({ service: 'ghl', limit: 5000 }).requests.filter((r) => r.status === 429).length;
	process.stdout.write(
		`queue-mode: ${SUBMISSIONS} submissions, workers ran ${perWorker.map((s) => s.size).join(' + ')} executions, ${limited} requests answered 429 and retried\n`,
	);
}, 900_000);

/** The trigger's output tags and whether the rest of the workflow ran, per finished execution. */
function outcome(kind: PublishedKind, execution: Execution) {
	const runData = execution.data?.resultData.runData ?? {};
	const trigger = runData[kind.node]?.[0];
	const items = (trigger?.data?.main?.[0] ?? []).map((item) => kind.tagOf(item.json as Record<string, unknown>));
	const hints = ((trigger as { hints?: Array<{ message: string }> } | undefined)?.hints ?? []).map((h) => h.message);
	return { items, downstream: Boolean(runData.Done), hints };
}

it('runs a delivery once when copies reach the main and an n8n webhook process (one worker)', async () => {
	// one worker: the execution-phase check is exact within a process (across workers see the README)
	await queue!.workers[1].stop();
	const hook = await queue!.addWebhookProcess();
	const main = queue!.main;
	const kinds: PublishedKind[] = [];
	for (const kind of allKinds(main)) kinds.push(await publishKind(main, kind));
	const tags = ['together-1', 'together-2', 'together-3', 'after-answer-1', 'after-answer-2'];
	const answers = new Map<PublishedKind, string[]>(kinds.map((kind) => [kind, []]));
	for (const kind of kinds) {
		const note = (a: { status: number; body: unknown }) => answers.get(kind)!.push(`${a.status} ${JSON.stringify(a.body)}`);
		for (const tag of tags.slice(0, 3)) (await Promise.all([send(main.webhookUrl, kind, tag), send(hook.webhookUrl, kind, tag)])).forEach(note);
		for (const tag of tags.slice(3)) {
			note(await send(main.webhookUrl, kind, tag));
			// the first copy's record was saved before its answer: the other process drops this one at once
			const second = await send(hook.webhookUrl, kind, tag);
			note(second);
			expect([kind.name, tag, second]).toEqual([kind.name, tag, { status: 200, body: DUPLICATE }]);
		}
	}
	const [received, duplicate] = [`200 ${JSON.stringify(RECEIVED)}`, `200 ${JSON.stringify(DUPLICATE)}`];
	expect([...answers.values()].flat().filter((a) => a !== received && a !== duplicate)).toEqual([]);
	const summary: string[] = [];
	for (const kind of kinds) {
		// every copy answered "received" started an execution: wait for all of them
		const accepted = answers.get(kind)!.filter((a) => a === received).length;
		expect(await finished(kind.workflowId, accepted)).toHaveLength(accepted);
		const started = await main.executions({ workflowId: kind.workflowId, includeData: true });
		const outcomes = started.map((e) => outcome(kind, e));
		// each delivery ran the workflow exactly once; any other execution passed nothing on and says why
		const ran = outcomes.filter((o) => o.downstream).flatMap((o) => o.items).sort();
		expect([kind.name, ran]).toEqual([kind.name, [...tags].sort()]);
		const stopped = outcomes.filter((o) => !o.downstream);
		for (const o of stopped) expect([kind.name, o.items, o.hints[0]]).toEqual([kind.name, [], expect.stringMatching(/^Duplicate delivery/)]);
		summary.push(`${kind.name}: ${started.length} executions for ${tags.length} deliveries sent twice, ${stopped.length} stopped at the trigger`);
	}
	process.stdout.write(`queue-mode webhooks: ${summary.join('; ')}\n`);
}, 600_000);
