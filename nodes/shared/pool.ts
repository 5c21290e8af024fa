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
