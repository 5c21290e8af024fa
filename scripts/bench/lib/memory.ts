/**
 * Memory of this process: RSS once it has settled (garbage collected, and V8's memory reducer given time to
 * hand freed pages back), and the peak RSS while something runs.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

export const MB = 2 ** 20;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Keeps V8's young generation at its initial size (1 MB semi-spaces) from now on. V8 otherwise doubles it up to
 * 2 × 16 MB under allocation pressure (parsing large responses) and shrinks it again only when its memory
 * reducer gets round to it, so two settled RSS figures can differ by up to 30 MB of empty nursery: noise
 * that has nothing to do with the data a run keeps.
 */
export function pinYoungGeneration(): void {
	setFlagsFromString('--semi-space-growth-factor=1');
}

/** RSS in bytes after full collections, repeated until it stops falling (at most ~6 s). */
export async function settledRss(): Promise<number> {
	let last = Infinity;
	for (let round = 0; round < 6; round++) {
		collect();
		collect();
		const rss = process.memoryUsage().rss;
		if (last - rss < 256 * 1024) return Math.min(rss, last);
		last = rss;
		await pause(1000);
	}
	return last;
}

/** Runs `task` while sampling RSS every 20 ms; returns its result and the highest RSS seen. */
export async function withPeakRss<T>(task: () => Promise<T>): Promise<{ result: T; peakRss: number }> {
	let peakRss = process.memoryUsage().rss;
	const timer = setInterval(() => {
		peakRss = Math.max(peakRss, process.memoryUsage().rss);
	}, 20);
	try {
		const result = await task();
		return { result, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
	} finally {
		clearInterval(timer);
	}
}
