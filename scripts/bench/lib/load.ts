/** A closed-loop load generator: `concurrency` senders share `count` requests; latencies of every answer. */

export interface LoadResult {
	seconds: number;
	/** Milliseconds per answered request. */
	latencies: number[];
	/** Requests that got no 2xx answer (status or error text). */
	failures: string[];
}

export async function closedLoop(count: number, concurrency: number, send: (index: number) => Promise<number>): Promise<LoadResult> {
	const latencies: number[] = [];
	const failures: string[] = [];
	let next = 0;
	const started = process.hrtime.bigint();
	const sender = async () => {
		while (next < count) {
			const index = next++;
			const t = process.hrtime.bigint();
			try {
				const status = await send(index);
				if (status < 200 || status >= 300) failures.push(`HTTP ${status}`);
				else latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
			} catch (error) {
				failures.push((error as Error).message);
			}
		}
	};
	await Promise.all(Array.from({ length: concurrency }, sender));
	return { seconds: Number(process.hrtime.bigint() - started) / 1e9, latencies, failures };
}

/** The p-th percentile (0-100) by nearest rank. */
export function percentile(values: number[], p: number): number {
	if (!values.length) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
