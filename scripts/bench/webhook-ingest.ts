/**
 * webhook-ingest: in real n8n (regular mode), GHL events signed with Ed25519 (the sandbox's key, as HighLevel
 * signs) posted to a published GHL Trigger workflow (type version 2, Marketplace app mode, any event,
 * signature checked, duplicates dropped), and the same requests to a published workflow with n8n's plain
 * Webhook node, in alternating halves, side by side in one n8n:
 *
 * 1. under n8n's defaults, 2. with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true (both nodes under the same settings
 * in each pair). Both pairs also measure the GHL Trigger in workflow-webhook mode, whose token comes from a GHL
 * Workflow Webhook credential read in the webhook phase (the same events, unsigned, the token in the query). Then the GHL Trigger alone under other operator settings, one n8n each (see the README's
 * "Running at volume"): expression pool size 4, compile cache, no saved successful executions, PostgreSQL.
 *
 * Copies of 5% of the events are re-sent (the same bytes, after the original was answered): `duplicateExecutions`
 * counts executions that passed on an event another execution had already passed on (must be 0); `lost`
 * counts events no successful execution passed on.
 *
 * The targets take turns: the first half in one order, the second in the reverse one, so no target always
 * follows the same other one (or always comes first after the warm-up).
 *
 *   npm run bench:webhook-ingest [-- --events 3000 --concurrency 8 --settingEvents 1500]
 *   [--only defaults,lazy,settings]   which parts to run (all by default; the last line holds what ran)
 *   [--cpuProfile <dir>]              n8n writes V8 CPU profiles there when it stops (node --cpu-prof)
 */
import { resolve } from 'node:path';

import { startN8n, type N8nInstance } from '../harness';
import { startPostgres, type PostgresServer } from '../harness/postgres';
import { percentile } from './lib/load';
import {
	Events,
	executionIds,
	ghlTriggerTarget,
	ghlWorkflowWebhookTarget,
	requestPlan,
	sendPlan,
	settled,
	tally,
	webhookNodeTarget,
	type SentPlan,
	type Tally,
	type Target,
} from './lib/ingest';
import { benchTarball } from './lib/n8n';
import { begin, finish, main, numberArgs, round, say } from './lib/report';

const RESEND_SHARE = 0.05;
const PARTS = ['defaults', 'lazy', 'settings'] as const;
let cpuProfileDir = '';
const LAZY = { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' };

interface Measured {
	requests: number;
	seconds: number;
	latencies: number[];
	failures: string[];
	started: number;
	tally?: Tally;
}

const rate = (m: Measured) => m.requests / m.seconds;

function describe(name: string, m: Measured): string {
	const counted = m.tally
		? `${m.tally.executions} executions, lost ${m.tally.lost}, duplicate executions ${m.tally.duplicateExecutions}, failed ${m.tally.failed}`
		: 'executions not kept (not counted)';
	const refused = m.failures.length ? `, ${m.failures.length} refused (${[...new Set(m.failures)].slice(0, 3).join('; ')})` : '';
	return `${name}: ${rate(m).toFixed(1)} requests/s, p50 ${percentile(m.latencies, 50).toFixed(1)} ms, p99 ${percentile(m.latencies, 99).toFixed(1)} ms${refused}; ${counted}`;
}

function add(into: Measured | undefined, part: SentPlan): Measured {
	return {
		requests: (into?.requests ?? 0) + part.requests,
		seconds: (into?.seconds ?? 0) + part.seconds,
		latencies: [...(into?.latencies ?? []), ...part.latencies],
		failures: [...(into?.failures ?? []), ...part.failures],
		started: (into?.started ?? 0) + part.started,
	};
}

/**
 * One n8n with `env`. The targets get the same requests in alternating halves; before the next load starts,
 * the executions of the last one have finished (so no target pays for another's backlog). Then each target's
 * executions are tallied.
 */
async function measure(label: string, env: Record<string, string>, withPlain: boolean, events: number, concurrency: number, counted = true) {
	const profile: Record<string, string> = cpuProfileDir ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${cpuProfileDir}` } : {};
	const n8n: N8nInstance = await startN8n({ packageTarball: await benchTarball(), env: { N8N_LOG_LEVEL: 'warn', ...profile, ...env } });
	try {
		const stamp = `${label.replace(/\W+/g, '')}${Date.now()}`;
		const targets: Target[] = [
			await ghlTriggerTarget(n8n, stamp),
			...(withPlain ? [await webhookNodeTarget(n8n, stamp), await ghlWorkflowWebhookTarget(n8n, stamp)] : []),
		];
		const runs = new Map<Target, { halves: Events[]; before: Set<string>; measured?: Measured }>();
		for (const target of targets) {
			const warm = await sendPlan(target, new Events(100, `${stamp}-warm`), requestPlan(100, RESEND_SHARE), concurrency, [n8n.webhookUrl]);
			if (counted) await settled(n8n, target.workflowId, warm.started);
			const halves = [new Events(Math.ceil(events / 2), `${stamp}-${target.name}-a`), new Events(Math.floor(events / 2), `${stamp}-${target.name}-b`)];
			runs.set(target, { halves, before: await executionIds(n8n, target.workflowId) });
		}
		for (const half of [0, 1]) {
			for (const target of half ? [...targets].reverse() : targets) {
				const run = runs.get(target)!;
				const set = run.halves[half];
				run.measured = add(run.measured, await sendPlan(target, set, requestPlan(set.bodies.length, RESEND_SHARE), concurrency, [n8n.webhookUrl]));
				if (counted) await settled(n8n, target.workflowId, run.before.size + run.measured.started);
			}
		}
		for (const target of targets) {
			const run = runs.get(target)!;
			const measured = run.measured as Measured;
			if (counted) measured.tally = await tally(n8n, target, run.halves.flatMap((set) => set.ids()), run.before, measured.started);
			say(`[${label}] ${describe(target.name, measured)}`);
		}
		return {
			ours: runs.get(targets[0])!.measured as Measured,
			plain: withPlain ? runs.get(targets[1])!.measured : undefined,
			hook: withPlain ? runs.get(targets[2])!.measured : undefined,
		};
	} finally {
		await n8n.stop();
	}
}

main(async () => {
	const args = numberArgs({ events: 3000, concurrency: 8, settingEvents: 1500 }, { only: PARTS.join(','), cpuProfile: '' });
	const { events, concurrency, settingEvents } = args;
	const only = new Set(args.only.split(',').map((part) => part.trim()));
	const unknown = [...only].filter((part) => !(PARTS as readonly string[]).includes(part));
	if (unknown.length) throw new Error(`--only takes ${PARTS.join(', ')} (comma-separated), got ${unknown.join(', ')}`);
	if (args.cpuProfile) cpuProfileDir = resolve(args.cpuProfile);
	begin(
		'webhook-ingest',
		`real n8n (regular mode, SQLite unless said), ${events} signed GHL ContactCreate events (+${RESEND_SHARE * 100}% re-sent copies) from ${concurrency} concurrent senders to a published GHL Trigger v2 workflow and the same requests to a published Webhook node workflow, in alternating halves; under n8n's defaults, then with lazy expression isolates; then the GHL Trigger alone under other settings (${settingEvents} events each)${only.size < PARTS.length ? `; only ${[...only].join(', ')}` : ''}`,
	);
	await benchTarball(); // build and pack once, before anything is timed
	const result: Record<string, number> = {};
	const counted: Measured[] = [];
	const pairs: Array<[string, 'defaults' | 'lazy', Record<string, string>, string]> = [
		['defaults', 'defaults', {}, ''],
		['lazy acquisition', 'lazy', LAZY, 'Lazy'],
	];
	const ran: Array<[string, { ours: Measured; plain: Measured; hook: Measured }]> = [];
	for (const [name, part, env, suffix] of pairs) {
		if (!only.has(part)) continue;
		const pair = await measure(name, env, true, events, concurrency);
		const { ours, plain, hook } = pair as { ours: Measured; plain: Measured; hook: Measured };
		ran.push([name, { ours, plain, hook }]);
		counted.push(ours, hook);
		Object.assign(result, {
			[`ratePerSec${suffix}`]: round(rate(ours), 1),
			[`p99Ms${suffix}`]: round(percentile(ours.latencies, 99), 1),
			[`ratioVsWebhookNode${suffix}`]: round(rate(ours) / rate(plain)),
			[`ratePerSecWorkflowWebhook${suffix}`]: round(rate(hook), 1),
			[`ratioWorkflowWebhookVsWebhookNode${suffix}`]: round(rate(hook) / rate(plain)),
		});
	}
	const settings: Array<[string, Measured]> = [];
	if (only.has('settings')) {
		settings.push(['pool size 4', (await measure('pool size 4', { N8N_EXPRESSION_ENGINE_POOL_SIZE: '4' }, false, settingEvents, concurrency)).ours]);
		settings.push(['compile cache', (await measure('compile cache', { N8N_EXPRESSION_ENGINE_COMPILE_CACHE: 'true' }, false, settingEvents, concurrency)).ours]);
		settings.push([
			'lazy + no saved successful executions',
			(await measure('lazy + EXECUTIONS_DATA_SAVE_ON_SUCCESS=none', { ...LAZY, EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'none' }, false, settingEvents, concurrency, false)).ours,
		]);
		let postgres: PostgresServer | undefined;
		try {
			postgres = await startPostgres();
			settings.push(['lazy + PostgreSQL', (await measure('lazy + PostgreSQL', { ...LAZY, ...postgres.n8nEnv() }, false, settingEvents, concurrency)).ours]);
		} finally {
			await postgres?.stop();
		}
	}

	for (const [name, pair] of ran) {
		say(`${name}: GHL Trigger ${rate(pair.ours).toFixed(1)} vs Webhook node ${rate(pair.plain).toFixed(1)} requests/s = ${(rate(pair.ours) / rate(pair.plain)).toFixed(2)}`);
	}
	for (const [name, pair] of ran) {
		say(`${name}: GHL Trigger workflow webhook (token from its credential) ${rate(pair.hook).toFixed(1)} vs Webhook node ${rate(pair.plain).toFixed(1)} requests/s = ${(rate(pair.hook) / rate(pair.plain)).toFixed(2)}`);
	}
	for (const [name, m] of settings) {
		say(`${name}: GHL Trigger ${rate(m).toFixed(1)} requests/s, p99 ${percentile(m.latencies, 99).toFixed(1)} ms`);
		Object.assign(result, { [`ratePerSec ${name}`]: round(rate(m), 1), [`p99Ms ${name}`]: round(percentile(m.latencies, 99), 1) });
		counted.push(m);
	}
	const tallies = counted.flatMap((m) => (m.tally ? [m.tally] : []));
	finish({
		...result,
		lost: Math.max(...tallies.map((t) => t.lost)),
		duplicateExecutions: tallies.reduce((sum, t) => sum + t.duplicateExecutions, 0),
	});
});
