/**
 * `npm run bench`: every scenario, one after another, each in its own process (its output streamed as it
 * runs), then a summary: each scenario's result line and the targets met or missed. Extra arguments
 * name the scenarios to run (default: all). Exits non-zero when a scenario fails to run.
 *
 *   npm run bench [-- bulk-write get-many]
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

import { REPO_ROOT } from '../harness/paths';
import { begin, loadAverage, main, say } from './lib/report';

type Result = Record<string, number>;

/** The targets per scenario: a description and a check of the result line. */
const TARGETS: Record<string, Array<[string, (r: Result) => boolean]>> = {
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
		['failedItems 0', (r) => r.failedItems === 0],
		['lostItems 0', (r) => r.lostItems === 0],
		['two workers no slower than one', (r) => r.twoWorkersRps >= r.oneWorkerRps],
	],
};

/** Runs one scenario script; resolves with its last output line parsed as JSON (undefined if it failed). */
function runScenario(name: string): Promise<Result | undefined> {
	return new Promise((resolve) => {
		const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [join(__dirname, `${name}.ts`)], {
			cwd: REPO_ROOT,
			stdio: ['ignore', 'pipe', 'inherit'],
		});
		let output = '';
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString();
			process.stdout.write(chunk);
		});
		child.on('close', (code) => {
			const last = output.trim().split('\n').pop() ?? '';
			try {
				resolve(code === 0 ? (JSON.parse(last) as Result) : undefined);
			} catch {
				resolve(undefined);
			}
		});
	});
}

main(async () => {
	const wanted = process.argv.slice(2);
	const names = wanted.length ? wanted : Object.keys(TARGETS);
	const unknown = names.filter((name) => !(name in TARGETS));
	if (unknown.length) throw new Error(`unknown scenario(s): ${unknown.join(', ')} (known: ${Object.keys(TARGETS).join(', ')})`);
	begin('bench', `scenarios ${names.join(', ')}`);
	const results: Array<[string, Result | undefined]> = [];
	for (const name of names) {
		say('');
		results.push([name, await runScenario(name)]);
	}
	say('');
	say(`# summary (load average now ${loadAverage()})`);
	for (const [name, result] of results) {
		if (!result) {
			say(`${name}: FAILED TO RUN`);
			continue;
		}
		const checks = TARGETS[name].map(([label, check]) => `${check(result) ? 'met' : 'MISSED'}: ${label}`);
		say(`${name}: ${JSON.stringify(result)}`);
		say(`  ${checks.join('; ')}`);
	}
	if (results.some(([, result]) => !result)) process.exit(1);
});
