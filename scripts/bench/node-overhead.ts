/**
 * node-overhead: in real n8n, 10,000 items against the sandbox with no latency and no effective rate limit:
 * one contact upsert per item through our GHL node vs through n8n's HTTP Request node doing the
 * same request (same URL, headers, JSON body). CPU is what the n8n process spent per run (/proc/<pid>/stat);
 * a run that only makes the 10,000 items is measured too and subtracted from both, so the ratio compares the
 * two nodes, not the work they share (making items, saving the execution). Meanwhile n8n's longest stall
 * (slowest answer to a health check) is printed: a node that keeps n8n's event loop for seconds is a bug
 * (n8n cannot answer webhooks or the editor, and resets keep-alive connections waiting longer than 5 s).
 *
 *   npm run bench:node-overhead [-- --items 10000 --rounds 1]
 */

import { GHL_DEFAULTS } from '../../sandbox/ghl/defaults';
import { nodeOutput, startN8n, type N8nInstance } from '../harness';
import { benchTarball, createBenchCredentials, timedRun, type TimedRun } from './lib/n8n';
import { begin, finish, main, numberArgs, round, say } from './lib/report';
import { startSandboxProcess } from './lib/sandbox';
import { baselineWorkflow, httpRequestWorkflow, oursWorkflow, UPSERT_NODE } from './lib/workflows';


function failedItems(run: TimedRun): number {
	if (run.execution.status !== 'success') throw new Error(`execution ${run.execution.id} ended ${run.execution.status}`);
	const output = nodeOutput(run.execution, UPSERT_NODE);
	return output.filter((item) => item.error !== undefined).length;
}

main(async () => {
	const { items, rounds: ROUNDS } = numberArgs({ items: 10_000, rounds: 1 });
	begin(
		'node-overhead',
		`real n8n, ${items} items, one contact upsert each: GHL node vs HTTP Request node (same request); sandbox without latency, limit lifted; ${ROUNDS} run(s) each (alternating order); CPU of the n8n process minus a run that only makes the items`,
	);
	const sandbox = await startSandboxProcess();
	let n8n: N8nInstance | undefined;
	try {
		await sandbox.configure({ max: 10_000_000, intervalMs: 10_000 }, 0);
		n8n = await startN8n({ packageTarball: await benchTarball(), env: { N8N_LOG_LEVEL: 'warn' } });
		const pid = n8n.pid ?? 0;
		await createBenchCredentials(n8n, sandbox.ghlBaseUrl);
		const location = GHL_DEFAULTS.locationIds[0];
		const label = `oh${Date.now()}`;
		const ids = {
			baseline: await n8n.importWorkflow(baselineWorkflow(items)),
			ours: await n8n.importWorkflow(oursWorkflow(`${label}o`, { kind: 'manual', items })),
			http: await n8n.importWorkflow(httpRequestWorkflow(`${label}h`, items, sandbox.ghlBaseUrl, location)),
		};
		// warm-up: every code path once (JIT, connection pools) with a few items
		await timedRun(n8n, pid, await n8n.importWorkflow(oursWorkflow(`${label}w`, { kind: 'manual', items: 200 })));
		await timedRun(n8n, pid, await n8n.importWorkflow(httpRequestWorkflow(`${label}w`, 200, sandbox.ghlBaseUrl, location)));

		const runs: Record<keyof typeof ids, TimedRun[]> = { baseline: [], ours: [], http: [] };
		for (let round = 0; round < ROUNDS; round++) {
			const order: Array<keyof typeof ids> = round % 2 === 0 ? ['baseline', 'ours', 'http'] : ['http', 'ours', 'baseline'];
			for (const kind of order) {
				const run = await timedRun(n8n, pid, ids[kind]);
				runs[kind].push(run);
				const failed = kind === 'baseline' ? 0 : failedItems(run);
				say(
					`${kind}: ${run.seconds.toFixed(2)} s, n8n CPU ${run.cpuSeconds.toFixed(2)} s${kind === 'baseline' ? '' : `, ${failed} failed items`}; n8n answered a health check within ${(run.longestStallMs / 1000).toFixed(2)} s at worst`,
				);
				if (failed) throw new Error(`${kind}: ${failed} items failed`);
			}
		}
		const total = (kind: keyof typeof ids, pick: (run: TimedRun) => number) => runs[kind].reduce((sum, run) => sum + pick(run), 0);
		const cpu = (kind: keyof typeof ids) => total(kind, (r) => r.cpuSeconds);
		const seconds = (kind: keyof typeof ids) => total(kind, (r) => r.seconds);
		const netOurs = cpu('ours') - cpu('baseline');
		const netHttp = cpu('http') - cpu('baseline');
		say(
			`CPU per run: ours ${(cpu('ours') / ROUNDS).toFixed(2)} s, HTTP Request ${(cpu('http') / ROUNDS).toFixed(2)} s, items alone ${(cpu('baseline') / ROUNDS).toFixed(2)} s; whole-run ratio ${(cpu('ours') / cpu('http')).toFixed(2)}, node-only ratio ${(netOurs / netHttp).toFixed(2)}`,
		);
		finish({
			itemsPerSecOurs: round((items * ROUNDS) / seconds('ours')),
			itemsPerSecHttpRequest: round((items * ROUNDS) / seconds('http')),
			cpuRatioVsHttpRequest: round(netOurs / netHttp),
		});
	} finally {
		await n8n?.stop();
		await sandbox.stop();
	}
});
