/**
 * bulk-write: 1,000 contact upserts through the GHL node against the sandbox with 250 ms latency and
 * GHL's burst limit with the window scaled from 10 s to 2 s (100 per 2 s), side by side with the same work
 * sent one request at a time (the node with Max Parallel Requests = 1, the peers' model) over a sample.
 *
 *   npm run bench:bulk-write [-- --items 1000 --sequential-items 100]
 */

import { runGhlContacts, upsertParameters } from './lib/ghl-node';
import { ceilingRps, describeLimit, fastestSeconds } from './lib/rate';
import { begin, finish, main, numberArgs, round, say } from './lib/report';
import { startSandboxProcess, type RateLimit } from './lib/sandbox';

const LIMIT: RateLimit = { max: 100, intervalMs: 2_000 };
const LATENCY_MS = 250;

main(async () => {
	const { items, 'sequential-items': sequentialItems } = numberArgs({ items: 1000, 'sequential-items': 100 });
	begin(
		'bulk-write',
		`${items} contact upserts (GHL › Contact › Create or Update, default Max Parallel Requests) vs ${sequentialItems} sent one at a time; sandbox latency ${LATENCY_MS} ms; GHL limit scaled to ${describeLimit(LIMIT)} (GHL: 100 per 10 s)`,
	);
	const sandbox = await startSandboxProcess();
	try {
		await sandbox.configure(LIMIT, LATENCY_MS);
		const run = `run${Date.now()}`;

		await sandbox.clearRequests();
		const ours = await runGhlContacts(sandbox.ghlBaseUrl, items, upsertParameters(`${run}-ours`));
		const oursLog = await sandbox.requests();
		const refused = oursLog.requests.filter((r) => r.status === 429).length;
		const achievedRps = items / ours.seconds;
		const ceiling = ceilingRps(items, LIMIT, LATENCY_MS);
		say(
			`ours: ${items} items in ${ours.seconds.toFixed(2)} s = ${achievedRps.toFixed(2)} items/s; ${ours.failed} failed items; ${oursLog.count} requests reached GHL (${refused} answered 429)`,
		);
		say(
			`ceiling: ${items} requests cannot finish sooner than ${fastestSeconds(items, LIMIT, LATENCY_MS).toFixed(2)} s under the limit (first ${LIMIT.max} at once, then ${LIMIT.max} per window, plus one ${LATENCY_MS} ms response) = ${ceiling.toFixed(2)} rps`,
		);

		const sequential = await runGhlContacts(
			sandbox.ghlBaseUrl,
			sequentialItems,
			upsertParameters(`${run}-sequential`, { requestOptions: { concurrency: 1 } }),
		);
		const sequentialRps = sequentialItems / sequential.seconds;
		say(`sequential: ${sequentialItems} items in ${sequential.seconds.toFixed(2)} s = ${sequentialRps.toFixed(2)} items/s; ${sequential.failed} failed items`);

		const stored = await sandbox.contacts();
		const missing = items - stored.filter((c) => String(c.email ?? '').startsWith(`${run}-ours-`)).length;
		if (missing !== 0) say(`WARNING: ${missing} upserted contacts are missing in the sandbox`);
		finish({
			ceilingRps: round(ceiling),
			achievedRps: round(achievedRps),
			utilization: round(achievedRps / ceiling, 3),
			failedItems: ours.failed + Math.max(0, missing),
			sequentialRps: round(sequentialRps),
			speedupVsSequential: round(achievedRps / sequentialRps),
		});
	} finally {
		await sandbox.stop();
	}
});
