/**
 * get-many: Contact › Get Many with Return All over 10,000 contacts (search pages of 500, full records) through
 * the GHL Contacts node against the sandbox (its own process) with 250 ms latency. GHL's limit is scaled down
 * (5 requests per 1 s) so that the rate limit, not the latency, bounds the 20 page requests, as it does for
 * large reads at GHL's own 100 per 10 s. Memory is this process's RSS after garbage collection, before the
 * run and after it with the output still held.
 *
 *   npm run bench:get-many [-- --contacts 10000]
 */

import { runGhlContacts } from './lib/ghl-node';
import { MB, settledRss, withPeakRss } from './lib/memory';
import { ceilingRps, describeLimit, fastestSeconds } from './lib/rate';
import { begin, finish, main, numberArgs, round, say } from './lib/report';
import { startSandboxProcess, type RateLimit } from './lib/sandbox';

const LIMIT: RateLimit = { max: 5, intervalMs: 1_000 };
const LATENCY_MS = 250;
const PAGE_SIZE = 500;

main(async () => {
	const { contacts } = numberArgs({ contacts: 10_000 });
	begin(
		'get-many',
		`GHL Contacts › Contact › Get Many, Return All, Simplify off, over ${contacts} contacts (pages of ${PAGE_SIZE}); sandbox latency ${LATENCY_MS} ms; GHL limit scaled to ${describeLimit(LIMIT)}`,
	);
	const sandbox = await startSandboxProcess();
	try {
		await sandbox.seedContacts(contacts);
		const getAll = (returnAll: boolean) => () => ({ resource: 'contact', operation: 'getAll', returnAll, limit: 5, simplify: false });
		// warm-up: the same read once at the same latency with the limit lifted, so code is compiled, the heap has
		// grown to its working size and the rate budget knows the API's response time, as in an n8n process that
		// has run workflows against it before; the measured growth is the data
		await sandbox.configure({ max: 1_000_000, intervalMs: LIMIT.intervalMs }, LATENCY_MS);
		const cold = await settledRss();
		const warm = { output: (await runGhlContacts(sandbox.ghlBaseUrl, 1, getAll(true))).output };
		const coldGrowth = (await settledRss()) - cold;
		warm.output = [];
		await sandbox.configure(LIMIT, LATENCY_MS);
		await new Promise((resolve) => setTimeout(resolve, LIMIT.intervalMs + 100)); // the warm-up's window slides
		await sandbox.clearRequests();

		const before = await settledRss();
		const heapBefore = process.memoryUsage().heapUsed;
		const { result: run, peakRss } = await withPeakRss(async () => await runGhlContacts(sandbox.ghlBaseUrl, 1, getAll(true)));
		const after = await settledRss();
		const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
		const log = await sandbox.requests();
		const pages = log.requests.filter((r) => r.status === 200).length;
		const refused = log.requests.filter((r) => r.status === 429).length;
		const distinct = new Set(run.output.map((item) => item.json.id)).size;
		const jsonMB = Buffer.byteLength(JSON.stringify(run.output.map((item) => item.json))) / MB;
		const achievedRps = pages / run.seconds;
		const ceiling = ceilingRps(pages, LIMIT, LATENCY_MS);
		say(
			`ours: ${run.output.length} contacts (${distinct} distinct, ${run.failed} failed) in ${run.seconds.toFixed(2)} s over ${pages} page requests (${refused} answered 429) = ${achievedRps.toFixed(2)} rps`,
		);
		say(
			`ceiling: ${pages} requests cannot finish sooner than ${fastestSeconds(pages, LIMIT, LATENCY_MS).toFixed(2)} s under the limit = ${ceiling.toFixed(2)} rps`,
		);
		say(
			`memory: output JSON ${jsonMB.toFixed(1)} MB; settled RSS ${(before / MB).toFixed(1)} MB before, ${(after / MB).toFixed(1)} MB after with the output held (V8 heap +${(heapGrowth / MB).toFixed(1)} MB), peak ${(peakRss / MB).toFixed(1)} MB; the warm-up run in the fresh process grew RSS by ${(coldGrowth / MB).toFixed(1)} MB`,
		);
		if (distinct !== contacts) say(`WARNING: expected ${contacts} distinct contacts, got ${distinct}`);
		finish({
			contacts: distinct,
			ceilingRps: round(ceiling),
			achievedRps: round(achievedRps),
			utilization: round(achievedRps / ceiling, 3),
			jsonMB: round(jsonMB),
			rssGrowthMB: round((after - before) / MB),
		});
	} finally {
		await sandbox.stop();
	}
});
