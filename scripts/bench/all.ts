/**
 * `npm run bench`: every scenario, one after another, each in its own process (its output streamed as it
 * runs; the 1-minute load average printed as it starts), then a summary: each scenario's result line and the
 * issue's targets met or missed, and every scenario that crashed named with why. Exits non-zero when any
 * scenario crashed. Extra arguments name the scenarios to run (default: all); `--write-readme` puts the
 * figures into README.md's Performance table (Result, Target and Load cells of each scenario's row, and the
 * date) and the rows of its "Running at volume" table that webhook-ingest and webhook-queue measure
 * (lib/volume.ts), so a quiet run refreshes both in one step.
 *
 *   npm run bench [-- bulk-write get-many] [-- --write-readme]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { REPO_ROOT } from '../harness/paths';
import { begin, loadAverage, main, say } from './lib/report';
import { refreshReadme, runScenario, summary, type ScenarioRun, type Targets } from './lib/suite';
import { refreshVolumeTable } from './lib/volume';

/** The targets per scenario: a description and a check of the result line. */
const TARGETS: Targets = {
	'bulk-write': [
		['utilization ≥ 0.95', (r) => r.utilization >= 0.95],
		['failedItems 0', (r) => r.failedItems === 0],
		['speedupVsSequential ≥ 2.3', (r) => r.speedupVsSequential >= 2.3],
	],
	'get-many': [
		['utilization ≥ 0.9', (r) => r.utilization >= 0.9],
		['rssGrowthMB ≤ 2 × jsonMB', (r) => r.rssGrowthMB <= 2 * r.jsonMB],
	],
	'node-overhead': [['cpuRatioVsHttpRequest ≤ 1.2', (r) => r.cpuRatioVsHttpRequest <= 1.2]],
	'webhook-ingest': [
		['ratePerSec ≥ 200', (r) => r.ratePerSec >= 200],
		['p99Ms < 100', (r) => r.p99Ms < 100],
		['ratioVsWebhookNode ≥ 0.8', (r) => r.ratioVsWebhookNode >= 0.8],
		['ratioVsWebhookNodeLazy ≥ 0.9', (r) => r.ratioVsWebhookNodeLazy >= 0.9],
		['lost 0', (r) => r.lost === 0],
		['duplicateExecutions 0', (r) => r.duplicateExecutions === 0],
	],
	'webhook-queue': [
		['lost 0', (r) => r.lost === 0],
		['duplicateExecutions 0', (r) => r.duplicateExecutions === 0],
	],
	'queue-mode': [
		['several locations: two workers ≥ 1.3 × one', (r) => r.twoWorkersRps >= 1.3 * r.oneWorkerRps],
		['one location: two workers within 5% of one', (r) => r.singleLocationTwoWorkersRps >= 0.95 * r.singleLocationOneWorkerRps],
		['failedItems 0', (r) => r.failedItems === 0],
		['lostItems 0', (r) => r.lostItems === 0],
	],
};

/** Longer than any scenario takes on a loaded 2-core machine; a scenario past it has hung. */
const SCENARIO_TIMEOUT_MS = 60 * 60_000;

main(async () => {
	const { values, positionals } = parseArgs({ options: { 'write-readme': { type: 'boolean' } }, allowPositionals: true });
	const names = positionals.length ? positionals : Object.keys(TARGETS);
	const unknown = names.filter((name) => !(name in TARGETS));
	if (unknown.length) throw new Error(`unknown scenario(s): ${unknown.join(', ')} (known: ${Object.keys(TARGETS).join(', ')})`);
	begin('bench', `scenarios ${names.join(', ')}`);
	const runs: ScenarioRun[] = [];
	for (const name of names) {
		say('');
		say(`## ${name}: starting, load average ${loadAverage()}`);
		const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
		runs.push(await runScenario(name, tsx, [join(__dirname, `${name}.ts`)], { cwd: REPO_ROOT, timeoutMs: SCENARIO_TIMEOUT_MS }));
	}
	say('');
	say(`# summary (load average now ${loadAverage()}; per scenario: 1-minute load at its start → end)`);
	for (const line of summary(runs, TARGETS)) say(line);
	if (values['write-readme']) {
		const path = join(REPO_ROOT, 'README.md');
		const date = new Date().toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
		writeFileSync(path, refreshVolumeTable(refreshReadme(readFileSync(path, 'utf8'), runs, TARGETS, date), runs, date));
		say(`README.md Performance table (${runs.length} row(s)) and Running at volume table refreshed (${date})`);
	}
	if (runs.some((run) => !run.result)) process.exit(1);
});
