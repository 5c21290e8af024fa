/**
 * `npm run bench` as functions: run one scenario script in its own process (output streamed), judge its result
 * line against the targets, write the summary, and put the figures into the README's Performance table.
 */
import { spawn } from 'node:child_process';
import { loadavg } from 'node:os';

export type Result = Record<string, number>;
export type Targets = Record<string, Array<[string, (r: Result) => boolean]>>;

export interface ScenarioRun {
	name: string;
	/** The last output line as JSON; undefined when the scenario crashed. */
	result?: Result;
	/** Why there is no result: exit code or signal, and the last line the script wrote to stderr. */
	failure?: string;
	/** 1-minute load average when the scenario started and when it ended. */
	loadStart: number;
	loadEnd: number;
}

const oneMinuteLoad = () => loadavg()[0];

/** The last line of `text` that is not blank. */
function lastLine(text: string): string {
	return text.trim().split('\n').pop()?.trim() ?? '';
}

function parseResult(line: string): Result | undefined {
	try {
		const value = JSON.parse(line) as unknown;
		if (value && typeof value === 'object' && !Array.isArray(value)) return value as Result;
	} catch {
		// not a result line
	}
	return undefined;
}

/**
 * Runs `command args` as scenario `name` with stdout and stderr streamed through; resolves (never rejects)
 * with its result line, or with why it has none. A scenario still running after `timeoutMs` is stopped
 * (SIGTERM, so it stops what it started) and counts as crashed.
 */
export function runScenario(name: string, command: string, args: string[], options: { cwd?: string; timeoutMs?: number } = {}): Promise<ScenarioRun> {
	const loadStart = oneMinuteLoad();
	return new Promise((resolve) => {
		let stdout = '';
		let stderr = '';
		let timedOut = false;
		const done = (run: Omit<ScenarioRun, 'name' | 'loadStart' | 'loadEnd'>) => resolve({ name, loadStart, loadEnd: oneMinuteLoad(), ...run });
		const child = spawn(command, args, { cwd: options.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
		const timer = options.timeoutMs
			? setTimeout(() => {
					timedOut = true;
					child.kill('SIGTERM');
				}, options.timeoutMs)
			: undefined;
		child.stdout.on('data', (chunk: Buffer) => {
			stdout += chunk.toString();
			process.stdout.write(chunk);
		});
		child.stderr.on('data', (chunk: Buffer) => {
			stderr += chunk.toString();
			if (stderr.length > 200_000) stderr = stderr.slice(-100_000);
			process.stderr.write(chunk);
		});
		child.on('error', (error) => {
			clearTimeout(timer);
			done({ failure: `could not start: ${error.message}` });
		});
		child.on('close', (code, signal) => {
			clearTimeout(timer);
			const result = code === 0 && !timedOut ? parseResult(lastLine(stdout)) : undefined;
			if (result) return done({ result });
			const how = timedOut
				? `still running after ${duration(options.timeoutMs ?? 0)}, stopped`
				: code === 0
					? 'exited 0 without a JSON result line'
					: signal
						? `killed by ${signal}`
						: `exit code ${code}`;
			const said = firstErrorLine(stderr);
			done({ failure: said ? `${how}: ${said}` : how });
		});
	});
}

const duration = (ms: number) => (ms < 120_000 ? `${ms / 1000} s` : `${Math.round(ms / 60_000)} min`);

/** The line that says what went wrong: the first line of the last error (stack frames and causes skipped). */
function firstErrorLine(stderr: string): string {
	const lines = stderr.split('\n').map((line) => line.trim()).filter(Boolean);
	const meaningful = lines.filter((line) => !/^at\s/.test(line) && !/^caused by:/.test(line) && !/^\^+$/.test(line) && !/^Node\.js v/.test(line));
	const errorLine = [...meaningful].reverse().find((line) => /error|failed|exception/i.test(line));
	return (errorLine ?? meaningful[meaningful.length - 1] ?? '').slice(0, 300);
}

export function checks(name: string, result: Result, targets: Targets): Array<{ label: string; met: boolean }> {
	return (targets[name] ?? []).map(([label, check]) => ({ label, met: check(result) }));
}

/** The summary: one line per scenario with its load average, result and targets, crashed ones named as such. */
export function summary(runs: ScenarioRun[], targets: Targets): string[] {
	const lines: string[] = [];
	for (const run of runs) {
		const load = `load ${run.loadStart.toFixed(2)} → ${run.loadEnd.toFixed(2)}`;
		if (!run.result) {
			lines.push(`${run.name}: CRASHED (${run.failure ?? 'no result'}) [${load}]`);
			continue;
		}
		lines.push(`${run.name}: ${JSON.stringify(run.result)} [${load}]`);
		lines.push(`  ${checks(run.name, run.result, targets).map((c) => `${c.met ? 'met' : 'MISSED'}: ${c.label}`).join('; ')}`);
	}
	const crashed = runs.filter((run) => !run.result).map((run) => run.name);
	lines.push(crashed.length ? `${crashed.length} scenario(s) crashed: ${crashed.join(', ')}` : `all ${runs.length} scenario(s) ran`);
	return lines;
}

/**
 * The README with each scenario's row of the Performance table (first cell = scenario name) refreshed from
 * `runs`: Result (the JSON line, or CRASHED), Target (met / **missed** per target) and Load (start → end);
 * and the "Latest figures" line dated `date`. Rows of scenarios not in `runs` and everything else stay.
 */
export function refreshReadme(readme: string, runs: ScenarioRun[], targets: Targets, date: string): string {
	let text = readme.replace(/^Latest figures \(`npm run bench`, [^;)]*/m, `Latest figures (\`npm run bench\`, ${date}`);
	for (const run of runs) {
		const row = new RegExp(`^\\| ${run.name} \\|(.*)$`, 'm');
		const match = row.exec(text);
		if (!match) continue;
		const cells = match[0].split(' | ');
		if (cells.length !== 5) throw new Error(`README Performance row "${run.name}" has ${cells.length} cells, expected 5`);
		const result = run.result ? `\`${JSON.stringify(run.result)}\`` : `CRASHED: ${run.failure ?? 'no result'}`;
		const target = run.result
			? checks(run.name, run.result, targets)
					.map((c) => (c.met ? `${c.label} met` : `${c.label} **missed**`))
					.join(', ')
			: '**not measured**';
		cells[2] = result.replace(/\|/g, '\\|');
		cells[3] = target.replace(/\|/g, '\\|');
		cells[4] = `${run.loadStart.toFixed(2)} → ${run.loadEnd.toFixed(2)} |`;
		text = text.replace(match[0], cells.join(' | '));
	}
	return text;
}
