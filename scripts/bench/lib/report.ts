/** What every benchmark prints: the machine it ran on, readable lines, and its result as the last line (JSON). */
import { cpus, loadavg, totalmem } from 'node:os';

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

/** Runs a benchmark's main function; a failure is printed and exits non-zero. */
export function main(run: () => Promise<void>): void {
	run().then(
		() => process.exit(0),
		(error: unknown) => {
			process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
			process.exit(1);
		},
	);
}
