/** What every benchmark prints: the machine it ran on, readable lines, and its result as the last line (JSON). */
import { cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';

export function round(value: number, digits = 2): number {
	const f = 10 ** digits;
	return Math.round(value * f) / f;
}

export function loadAverage(): string {
	return loadavg()
		.map((x) => x.toFixed(2))
		.join(' ');
}

export function machine(): string {
	const cores = cpus();
	return `${cores.length} cores (${cores[0]?.model.trim() ?? 'unknown'}), ${round(totalmem() / 2 ** 30, 1)} GB, Node ${process.version}, load average ${loadAverage()}`;
}

export function say(line: string): void {
	process.stdout.write(`${line}\n`);
}

/** Prints the scenario header. */
export function begin(name: string, scenario: string): void {
	say(`# ${name}`);
	say(`machine: ${machine()}`);
	say(`scenario: ${scenario}`);
}

/** Prints the load average at the end and the result object as the very last line. */
export function finish(result: Record<string, number>): void {
	say(`load average at the end: ${loadAverage()}`);
	say(JSON.stringify(result));
}

/** An error's stack and its chain of causes (fetch's "fetch failed" says what failed only in its cause). */
export function describeError(error: unknown): string {
	const lines: string[] = [];
	for (let e = error, depth = 0; e !== undefined && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
		const text = e instanceof Error ? (e.stack ?? e.message) : JSON.stringify(e) ?? String(e);
		const code = (e as { code?: unknown }).code;
		lines.push(`${depth ? 'caused by: ' : ''}${text}${code !== undefined && !text.includes(String(code)) ? ` (code ${String(code)})` : ''}`);
	}
	return lines.join('\n');
}

/** Runs a benchmark's main function; a failure is printed and exits non-zero. */
export function main(run: () => Promise<void>): void {
	run().then(
		() => process.exit(0),
		(error: unknown) => {
			process.stderr.write(`${describeError(error)}\n`);
			process.exit(1);
		},
	);
}

/**
 * The script's numeric options (`--items 500`), each defaulting to the value given; a value that is not a
 * positive number stops the script with its name. `words`: options taking text (`--only lazy`), with their
 * defaults.
 */
export function numberArgs<T extends Record<string, number>, W extends Record<string, string> = Record<never, string>>(
	defaults: T,
	words: W = {} as W,
): T & W {
	const options = Object.fromEntries([...Object.keys(defaults), ...Object.keys(words)].map((name) => [name, { type: 'string' as const }]));
	const { values } = parseArgs({ options });
	const result: Record<string, number | string> = { ...defaults, ...words };
	for (const [name, raw] of Object.entries(values)) {
		if (name in words) {
			result[name] = String(raw);
			continue;
		}
		const value = Number(raw);
		if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number, got ${String(raw)}`);
		result[name] = value;
	}
	return result as T & W;
}
