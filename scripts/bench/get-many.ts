/**
 * get-many: Contact › Get Many with Return All over 10,000 contacts (search pages of 500, full records) through
 * the GHL node against the sandbox (its own process) with 250 ms latency. GHL's limit is scaled down
 * (5 requests per 1 s) so that the rate limit, not the latency, bounds the 20 page requests, as it does for
 * large reads at GHL's own 100 per 10 s.
 *
 * Memory is this process's RSS once settled (garbage collected, freed pages handed back), before a read and
 * after it with its output still held. One such figure moved by up to 12 MB from run to run for reasons that
 * are not the data: V8 grew its young generation (from 2 × 1 MB up to 2 × 16 MB) while the pages were parsed
 * and shrank it again only later, and freed pages of earlier reads are returned at their own pace, so
 * "before" and "after" counted different amounts of empty memory. So the young generation is pinned at its
 * initial size, the read is done `rounds` times (each after the previous output was dropped) and the median
 * is reported, next to what V8's heap itself gained (the output's objects).
 *
 *   npm run bench:get-many [-- --contacts 10000 --rounds 5]
 */
import { getHeapSpaceStatistics } from 'node:v8';

import { runGhlContacts } from './lib/ghl-node';
import { MB, pinYoungGeneration, settledRss, withPeakRss } from './lib/memory';
import { ceilingRps, describeLimit, fastestSeconds } from './lib/rate';
import { begin, finish, main, numberArgs, round, say } from './lib/report';
import { startSandboxProcess, type RateLimit } from './lib/sandbox';

const LIMIT: RateLimit = { max: 5, intervalMs: 1_000 };
const LATENCY_MS = 250;
const PAGE_SIZE = 500;

const median = (values: number[]) => {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const newSpace = () => getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
const mb = (bytes: number) => (bytes / MB).toFixed(1);

interface Round {
	rps: number;
	rssGrowth: number;
	heapGrowth: number;
	jsonMB: number;
	pages: number;
}

main(async () => {
	const { contacts, rounds } = numberArgs({ contacts: 10_000, rounds: 5 });
	begin(
		'get-many',
		`GHL › Contact › Get Many, Return All, Simplify off, over ${contacts} contacts (pages of ${PAGE_SIZE}); sandbox latency ${LATENCY_MS} ms; GHL limit scaled to ${describeLimit(LIMIT)}; ${rounds} rounds, medians`,
	);
	pinYoungGeneration();
	const sandbox = await startSandboxProcess();
	try {
		await sandbox.seedContacts(contacts);
		const getAll = () => ({ resource: 'contact', operation: 'getAll', returnAll: true, limit: 5, simplify: false });
		const read = async () => await runGhlContacts(sandbox.ghlBaseUrl, 1, getAll);
		// warm-up: the same read once at the same latency with the limit lifted, so code is compiled, the heap has
		// grown to its working size and the rate budget knows the API's response time, as in an n8n process that
		// has run workflows against it before; what the rounds measure is the data
		await sandbox.configure({ max: 1_000_000, intervalMs: LIMIT.intervalMs }, LATENCY_MS);
		const cold = await settledRss();
		say(`warm-up: ${(await read()).output.length} contacts; the first read in the fresh process grew RSS by ${mb((await settledRss()) - cold)} MB`);
		await sandbox.configure(LIMIT, LATENCY_MS);

		/** One read, measured; its output lives only in here, so it is gone before the next round's "before". */
		const measureRound = async (r: number): Promise<Round> => {
			await new Promise((resolve) => setTimeout(resolve, LIMIT.intervalMs + 100)); // the last read's window slides
			await sandbox.clearRequests();
			const before = await settledRss();
			const heapBefore = process.memoryUsage().heapUsed;
			const newBefore = newSpace();
			const { result: run, peakRss } = await withPeakRss(read);
			const after = await settledRss();
			const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
			const log = await sandbox.requests();
			const pages = log.requests.filter((q) => q.status === 200).length;
			const refused = log.requests.filter((q) => q.status === 429).length;
			const distinct = new Set(run.output.map((item) => item.json.id)).size;
			if (distinct !== contacts) throw new Error(`round ${r}: expected ${contacts} distinct contacts, got ${distinct} (${run.failed} failed)`);
			const jsonMB = Buffer.byteLength(JSON.stringify(run.output.map((item) => item.json))) / MB;
			say(
				`round ${r}: ${distinct} contacts in ${run.seconds.toFixed(2)} s over ${pages} page requests (${refused} answered 429) = ${(pages / run.seconds).toFixed(2)} rps; settled RSS ${mb(before)} → ${mb(after)} MB = +${mb(after - before)} MB (V8 heap +${mb(heapGrowth)} MB; young generation ${mb(newBefore)} → ${mb(newSpace())} MB reserved), peak ${mb(peakRss)} MB`,
			);
			return { rps: pages / run.seconds, rssGrowth: after - before, heapGrowth, jsonMB, pages };
		};
		const measured: Round[] = [];
		for (let r = 1; r <= rounds; r++) measured.push(await measureRound(r));
		const { jsonMB, pages } = measured[0];
		const achievedRps = median(measured.map((m) => m.rps));
		const rssGrowth = median(measured.map((m) => m.rssGrowth));
		const ceiling = ceilingRps(pages, LIMIT, LATENCY_MS);
		say(`ceiling: ${pages} requests cannot finish sooner than ${fastestSeconds(pages, LIMIT, LATENCY_MS).toFixed(2)} s under the limit = ${ceiling.toFixed(2)} rps`);
		say(
			`medians of ${rounds} rounds: ${achievedRps.toFixed(2)} rps; RSS +${mb(rssGrowth)} MB (rounds ${measured.map((m) => mb(m.rssGrowth)).join(', ')}), V8 heap +${mb(median(measured.map((m) => m.heapGrowth)))} MB, for ${jsonMB.toFixed(2)} MB of output JSON`,
		);
		finish({
			contacts,
			ceilingRps: round(ceiling),
			achievedRps: round(achievedRps),
			utilization: round(achievedRps / ceiling, 3),
			jsonMB: round(jsonMB),
			rssGrowthMB: round(rssGrowth / MB),
		});
	} finally {
		await sandbox.stop();
	}
});
