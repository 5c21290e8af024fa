/**
 * webhook-queue: webhook intake of n8n in queue mode (private Redis and PostgreSQL): `n8n webhook` processes in
 * front, the main not serving production webhooks (N8N_DISABLE_PRODUCTION_MAIN_PROCESS), workers running the
 * executions, lazy expression isolates. Signed GHL events to a published GHL Trigger v2 workflow, first through
 * one webhook process, then through two (round-robin; a re-sent copy goes to the other process than its
 * original). Copies of 5% of the events are re-sent after their original was answered.
 *
 * `lost`: events no successful execution passed on; `duplicateExecutions`: executions that passed on an event
 * another execution had already passed on; `stoppedAtTrigger`: executions a copy started that passed nothing on
 * (the copy reached a second process before the first had saved its record; the worker's check stopped it).
 *
 *   npm run bench:webhook-queue [-- --events 2000 --concurrency 8 --workers 1]
 */
import { startQueueN8n, type QueueN8n } from '../harness/queue';
import { percentile } from './lib/load';
import { Events, executionIds, ghlTriggerTarget, requestPlan, sendPlan, tally, type SentPlan, type Tally, type Target } from './lib/ingest';
import { benchTarball } from './lib/n8n';
import { begin, finish, main, numberArgs, round, say } from './lib/report';

const RESEND_SHARE = 0.05;

interface Phase {
	load: SentPlan;
	tally: Tally;
}

async function phase(queue: QueueN8n, target: Target, label: string, events: number, concurrency: number): Promise<Phase> {
	const bases = queue.webhookProcesses.map((process) => process.webhookUrl);
	const set = new Events(events, `${label}${Date.now()}`);
	const plan = requestPlan(events, RESEND_SHARE);
	const before = await executionIds(queue.main, target.workflowId);
	const load = await sendPlan(target, set, plan, concurrency, bases);
	const counted = await tally(queue.main, target, set.ids(), before, load.started);
	say(
		`${label}: ${plan.length} requests (${events} events) in ${load.seconds.toFixed(1)} s = ${(plan.length / load.seconds).toFixed(1)} requests/s, p50 ${percentile(load.latencies, 50).toFixed(1)} ms, p99 ${percentile(load.latencies, 99).toFixed(1)} ms, ${load.failures.length} refused; ${counted.executions} executions: lost ${counted.lost}, duplicate executions ${counted.duplicateExecutions}, stopped at the trigger ${counted.stoppedAtTrigger}, failed ${counted.failed}`,
	);
	return { load, tally: counted };
}

main(async () => {
	const { events, concurrency, workers } = numberArgs({ events: 2000, concurrency: 8, workers: 1 });
	begin(
		'webhook-queue',
		`real n8n in queue mode (Redis, PostgreSQL, ${workers} worker(s) of concurrency 10, main without production webhooks, lazy expression isolates): ${events} signed GHL ContactCreate events (+${RESEND_SHARE * 100}% re-sent copies) from ${concurrency} concurrent senders to a GHL Trigger v2 workflow, through one n8n webhook process, then through two`,
	);
	let queue: QueueN8n | undefined;
	try {
		queue = await startQueueN8n({
			packageTarball: await benchTarball(),
			workers,
			workerConcurrency: 10,
			env: { N8N_LOG_LEVEL: 'warn', N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true', N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true' },
		});
		await queue.addWebhookProcess();
		const target = await ghlTriggerTarget(queue.main, `queue${Date.now()}`);
		await phase(queue, target, 'warm-up', 100, concurrency);
		const one = await phase(queue, target, 'one webhook process', events, concurrency);
		await queue.addWebhookProcess();
		await phase(queue, target, 'warm-up of the second', 100, concurrency);
		const two = await phase(queue, target, 'two webhook processes', events, concurrency);
		const rps = (p: Phase) => p.load.requests / p.load.seconds;
		finish({
			oneWebhookProcessRps: round(rps(one), 1),
			twoWebhookProcessesRps: round(rps(two), 1),
			p99MsOne: round(percentile(one.load.latencies, 99), 1),
			p99MsTwo: round(percentile(two.load.latencies, 99), 1),
			lost: one.tally.lost + two.tally.lost,
			duplicateExecutions: one.tally.duplicateExecutions + two.tally.duplicateExecutions,
			stoppedAtTrigger: one.tally.stoppedAtTrigger + two.tally.stoppedAtTrigger,
			refused: one.load.failures.length + two.load.failures.length,
		});
	} finally {
		await queue?.stop();
	}
});
