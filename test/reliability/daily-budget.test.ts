/**
 * GHL's daily request limit, against the sandbox's real daily quota: once GHL reports the day's budget
 * spent, the node stops retrying and fails each remaining item with a message that says when the budget
 * resets (the exact time when GHL sends Retry-After, else midnight UTC); nothing is retried: every refused
 * item cost exactly one request.
 */
import { createSandbox } from '../../sandbox/server';
import { LOCATION, runService } from './support/nodes';
import { record } from './support/results';

const DAILY = 40;
const ITEMS = 60;

async function spendTheDay(retryAfter: boolean) {
	const sandbox = await createSandbox({
		tookan: false,
		config: { ghl: { rateLimit: { max: 10_000, intervalMs: 10_000, daily: DAILY, retryAfter } } },
		seed: { ghl: { locationId: LOCATION, contacts: ITEMS } },
	});
	try {
		const ids = sandbox.admin.ghlRecords('contacts', { locationId: LOCATION }).map((c) => String((c as { id: string }).id));
		sandbox.admin.clearRequests();
		const run = await runService(
			'GHL',
			sandbox,
			(i) => ({ resource: 'tag', operation: 'add', contactId: { __rl: true, mode: 'id', value: ids[i] }, tags: ['daily'], requestOptions: { concurrency: 4 } }),
			{ items: ITEMS, continueOnFail: true },
		);
		const log = sandbox.admin.requests({ service: 'ghl', limit: 10_000 }).requests;
		const tagged = sandbox.admin.ghlRecords('contacts', { locationId: LOCATION }).filter((c) => (c as { tags: string[] }).tags.includes('daily'));
		return { run, log, tagged };
	} finally {
		await sandbox.close();
	}
}

const nextMidnight = (plusSeconds = 0) => new Date(Math.floor(Date.now() / 86_400_000 + 1) * 86_400_000 + plusSeconds * 1000).toISOString();

// Retry-After counts whole seconds from when the server answered, so the reset time derived from it when the
// answer arrives in the next second is one second after midnight.
it.each([
	['without Retry-After', false, ['at midnight UTC']],
	['with Retry-After', true, [`at ${nextMidnight()}`, `at ${nextMidnight(1)}`]],
])('fails the items beyond the daily limit at once and says when it resets (%s)', async (label, retryAfter, when) => {
	const { run, log, tagged } = await spendTheDay(retryAfter);
	const failed = run.output.filter((item) => item.json.error);
	const refused = log.filter((r) => r.status === 429);
	record({
		area: 'daily budget',
		count: failed.length,
		detail: `quota ${DAILY} ${label}: ${ITEMS - failed.length} done, ${failed.length} failed at once with ${refused.length} refused requests (no retries)`,
	});
	expect(run.output).toHaveLength(ITEMS);
	expect(tagged).toHaveLength(DAILY);
	expect(failed).toHaveLength(ITEMS - DAILY);
	expect(refused).toHaveLength(ITEMS - DAILY);
	expect(log).toHaveLength(ITEMS);
	const messages = when.map((w) => `GHL's daily request limit (${DAILY} for this app and location) is used up. It resets ${w}; the node stopped retrying.`);
	for (const item of failed) expect(messages).toContain(item.json.error);
});
