/**
 * The README's "Running at volume" table: one row per n8n setting, its figures taken from the result lines of
 * webhook-ingest and webhook-queue. `npm run bench -- --write-readme` refreshes the rows of the scenarios that
 * ran (each row says when and under what load it was measured); rows of scenarios that did not run stay.
 */
import type { Result, ScenarioRun } from './suite';

interface Row {
	/** The first cell, exactly as in the README (the row is found by it). */
	setting: string;
	scenario: 'webhook-ingest' | 'webhook-queue';
	rate: (r: Result) => number | undefined;
	p99: (r: Result) => number | undefined;
	/** What the rate is compared with, and the factor. */
	compared: (r: Result) => [string, number | undefined];
	/** The row's executions are not counted (n8n keeps none): its scenario's lost / duplicate figures do not cover it. */
	uncounted?: boolean;
}

const LAZY = '`N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true`';

/**
 * A setting measured alone in its own n8n (webhook-ingest's settings rows), compared with the GHL Trigger of the
 * pair it adds to: n8n's defaults, or lazy acquisition.
 */
const setting = (label: string, key: string, base: 'defaults' | 'lazy', uncounted = false): Row => ({
	setting: label,
	uncounted,
	scenario: 'webhook-ingest',
	rate: (r) => r[`ratePerSec ${key}`],
	p99: (r) => r[`p99Ms ${key}`],
	compared: (r) =>
		base === 'lazy'
			? ['GHL Trigger with lazy acquisition alone (earlier in the run)', r[`ratePerSec ${key}`] / r.ratePerSecLazy]
			: ["GHL Trigger under n8n's defaults (earlier in the run)", r[`ratePerSec ${key}`] / r.ratePerSec],
});

export const VOLUME_ROWS: Row[] = [
	{
		setting: "n8n's defaults (SQLite, regular mode)",
		scenario: 'webhook-ingest',
		rate: (r) => r.ratePerSec,
		p99: (r) => r.p99Ms,
		compared: (r) => ["n8n's Webhook node, same n8n, alternating halves", r.ratioVsWebhookNode],
	},
	{
		setting: LAZY,
		scenario: 'webhook-ingest',
		rate: (r) => r.ratePerSecLazy,
		p99: (r) => r.p99MsLazy,
		compared: (r) => ["n8n's Webhook node, same n8n, alternating halves", r.ratioVsWebhookNodeLazy],
	},
	setting('`N8N_EXPRESSION_ENGINE_POOL_SIZE=4`', 'pool size 4', 'defaults'),
	setting('`N8N_EXPRESSION_ENGINE_COMPILE_CACHE=true`', 'compile cache', 'defaults'),
	setting(`${LAZY} + \`EXECUTIONS_DATA_SAVE_ON_SUCCESS=none\``, 'lazy + no saved successful executions', 'lazy', true),
	setting(`${LAZY} + PostgreSQL`, 'lazy + PostgreSQL', 'lazy'),
	{
		setting: 'Queue mode, one `n8n webhook` process (lazy, PostgreSQL, Redis, 1 worker)',
		scenario: 'webhook-queue',
		rate: (r) => r.oneWebhookProcessRps,
		p99: (r) => r.p99MsOne,
		compared: () => ['—', undefined],
	},
	{
		setting: 'Queue mode, two `n8n webhook` processes',
		scenario: 'webhook-queue',
		rate: (r) => r.twoWebhookProcessesRps,
		p99: (r) => r.p99MsTwo,
		compared: (r) => ['one webhook process, same run', r.twoWebhookProcessesRps / r.oneWebhookProcessRps],
	},
];

const figure = (value: number | undefined, digits: number) => (value === undefined || !Number.isFinite(value) ? 'not measured' : value.toFixed(digits));

/** The cells after the first one of a row, for the run of its scenario. */
export function volumeCells(row: Row, run: ScenarioRun, date: string): string[] {
	const when = `${date}, load ${run.loadStart.toFixed(2)} → ${run.loadEnd.toFixed(2)}`;
	if (!run.result) return ['CRASHED', '', `${run.failure ?? 'no result'}`, when];
	const correctness = row.uncounted
		? 'executions not kept, so not counted'
		: run.name === 'webhook-queue'
			? `both phases: lost ${run.result.lost}, duplicate executions ${run.result.duplicateExecutions}, copies stopped by the worker's check ${run.result.stoppedAtTrigger}`
			: `lost ${run.result.lost}, duplicate executions ${run.result.duplicateExecutions}`;
	const [against, factor] = row.compared(run.result);
	const comparison = factor === undefined ? against : `${figure(factor, 2)}× ${against}`;
	return [figure(row.rate(run.result), 1), figure(row.p99(run.result), 0), comparison, `${when}; ${correctness}`];
}

/** The README with the rows of "Running at volume" refreshed from the runs of webhook-ingest and webhook-queue. */
export function refreshVolumeTable(readme: string, runs: ScenarioRun[], date: string): string {
	const lines = readme.split('\n');
	for (const row of VOLUME_ROWS) {
		const run = runs.find((r) => r.name === row.scenario);
		if (!run) continue;
		const index = lines.findIndex((line) => line.startsWith(`| ${row.setting} |`));
		if (index < 0) throw new Error(`README "Running at volume" has no row for ${row.setting}`);
		const cells = volumeCells(row, run, date).map((cell) => cell.replace(/\|/g, '\\|'));
		lines[index] = `| ${row.setting} | ${cells.join(' | ')} |`;
	}
	return lines.join('\n');
}
