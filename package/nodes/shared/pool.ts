import { sleep } from 'n8n-workflow';

/** Runs `task` for every entry with at most `limit` running at once; resolves when all have settled. */
export async function eachLimit<T>(entries: T[], limit: number, task: (entry: T) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < entries.length) {
			const entry = entries[next++];
			await task(entry);
		}
	};
	const workers = Array.from({ length: Math.max(1, Math.min(limit, entries.length)) }, worker);
	await Promise.all(workers);
}

/** Longest stretch of synchronous work a loop over items may keep n8n's event loop for. */
export const SLICE_MS = 25;

/**
 * For loops that do CPU work per item without any I/O (evaluating 10,000 items' parameters takes n8n
 * seconds): awaiting the returned function hands the event loop back once a slice of `SLICE_MS` has
 * passed, so n8n keeps answering HTTP (health checks, webhooks, the editor; a keep-alive connection whose
 * request waits longer than the server's keep-alive timeout is reset) while the loop runs.
 */
export function timeSlicer(sliceMs = SLICE_MS): () => Promise<void> {
	let sliceStart = Date.now();
	return async () => {
		if (Date.now() - sliceStart < sliceMs) return;
		await sleep(0);
		sliceStart = Date.now();
	};
}
