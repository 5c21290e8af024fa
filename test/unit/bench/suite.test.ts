/**
 * `npm run bench`'s runner (scripts/bench/lib/suite.ts) with real child processes: a scenario's result line,
 * a crash, a script that ends without a result and one that hangs each end as they should, the summary names
 * what crashed, and the README's Performance table is refreshed from the runs.
 */
import { refreshReadme, runScenario, summary, type ScenarioRun, type Targets } from '../../../scripts/bench/lib/suite';

const node = (code: string, name = 'scenario', timeoutMs?: number) => runScenario(name, process.execPath, ['-e', code], { timeoutMs });
const targets: Targets = { fast: [['rps ≥ 10', (r) => r.rps >= 10]], slow: [['rps ≥ 10', (r) => r.rps >= 10]] };

it('reads the last output line as the result', async () => {
	const run = await node("console.log('# fast'); console.log(JSON.stringify({ rps: 12.5 }))", 'fast');
	expect(run).toMatchObject({ name: 'fast', result: { rps: 12.5 } });
	expect(run.failure).toBeUndefined();
	expect(run.loadStart).toBeGreaterThanOrEqual(0);
});

it('reports a crash with its exit code and the error the script printed', async () => {
	const run = await node("console.log('baseline: 0.10 s'); console.error(new TypeError('fetch failed').stack); process.exit(1)", 'node-overhead');
	expect(run.result).toBeUndefined();
	expect(run.failure).toBe('exit code 1: TypeError: fetch failed');
});

it('counts a script that exits 0 without a result line, and one killed by a signal, as crashed', async () => {
	expect((await node("console.log('done, no JSON')")).failure).toBe('exited 0 without a JSON result line');
	expect((await node("process.kill(process.pid, 'SIGKILL')")).failure).toBe('killed by SIGKILL');
});

it('stops a scenario that runs past its time and counts it as crashed', async () => {
	const run = await node('setInterval(() => {}, 1000)', 'hung', 500);
	expect(run.failure).toBe('still running after 0.5 s, stopped');
});

it('summarises every scenario, names the crashed ones, and refreshes the README table', async () => {
	const runs: ScenarioRun[] = [
		{ name: 'fast', result: { rps: 12 }, loadStart: 0.31, loadEnd: 0.52 },
		{ name: 'slow', failure: 'exit code 1: TypeError: fetch failed', loadStart: 0.5, loadEnd: 0.7 },
	];
	const lines = summary(runs, targets);
	expect(lines).toEqual([
		'fast: {"rps":12} [load 0.31 → 0.52]',
		'  met: rps ≥ 10',
		'slow: CRASHED (exit code 1: TypeError: fetch failed) [load 0.50 → 0.70]',
		'1 scenario(s) crashed: slow',
	]);
	const readme = [
		'Latest figures (`npm run bench`, 27 Nov 2026; load average is the 1-minute figure)',
		'',
		'| Scenario | What runs | Result | Target | Load |',
		'| --- | --- | --- | --- | --- |',
		'| fast | 1,000 things | `{"rps":3}` | rps ≥ 10 **missed** | 4.00 → 5.00 |',
		'| slow | 10,000 things | `{"rps":30}` | rps ≥ 10 met | 0.10 → 0.20 |',
		'| other | untouched | x | y | z |',
	].join('\n');
	expect(refreshReadme(readme, runs, targets, '4 Dec 2026').split('\n')).toEqual([
		'Latest figures (`npm run bench`, 4 Dec 2026; load average is the 1-minute figure)',
		'',
		'| Scenario | What runs | Result | Target | Load |',
		'| --- | --- | --- | --- | --- |',
		'| fast | 1,000 things | `{"rps":12}` | rps ≥ 10 met | 0.31 → 0.52 |',
		'| slow | 10,000 things | CRASHED: exit code 1: TypeError: fetch failed | **not measured** | 0.50 → 0.70 |',
		'| other | untouched | x | y | z |',
	]);
});
