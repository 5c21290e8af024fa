/**
 * Counts the reliability tests report, one summary line per area. Each test file appends its counts to a
 * file in the results folder (RESULTS_ENV, set by the runner or the global setup); the runner (or the
 * global teardown) adds them up and prints the lines.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const RESULTS_ENV = 'GHL_TOOKAN_RELIABILITY_RESULTS';

/** The areas, in the order the summary prints them. */
export const AREAS = ['operations', 'lost', 'duplicated', 'rejected', 'accepted', 'fuzz cases', 'secret hits'] as const;
export type Area = (typeof AREAS)[number] | 'bad input' | 'tokens' | 'daily budget';

export interface Entry {
	area: Area;
	count: number;
	/** What was counted, e.g. "GHL 5000 (4998 ok, 2 error items)"; never a secret. */
	detail: string;
}

/** Appends counts for this process (no-op when no results folder is set: a plain jest run of one file). */
export function record(...entries: Entry[]): void {
	const dir = process.env[RESULTS_ENV];
	for (const entry of entries) process.stdout.write(`[reliability] ${entry.area}: ${entry.count} — ${entry.detail}\n`);
	if (!dir) return;
	mkdirSync(dir, { recursive: true });
	appendFileSync(join(dir, `${process.pid}.jsonl`), entries.map((e) => `${JSON.stringify(e)}\n`).join(''));
}

export function readEntries(dir: string): Entry[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.jsonl'))
		.flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n').filter(Boolean))
		.map((line) => JSON.parse(line) as Entry);
}

/** One line per area: the total and what it is made of. Areas nobody reported say so. */
export function summaryLines(entries: Entry[]): string[] {
	const extra = [...new Set(entries.map((e) => e.area))].filter((a) => !(AREAS as readonly string[]).includes(a));
	return [...AREAS, ...extra].map((area) => {
		const mine = entries.filter((e) => e.area === area);
		const total = mine.reduce((sum, e) => sum + e.count, 0);
		const label = `${area}:`.padEnd(14);
		return mine.length
			? `reliability ${label}${total}  (${mine.map((e) => e.detail).join('; ')})`
			: `reliability ${label}not measured in this run`;
	});
}
