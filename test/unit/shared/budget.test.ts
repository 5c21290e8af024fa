import { RateBudget, readRateHeaders } from '../../../package/nodes/shared/transport/budget';

describe('rate budget', () => {
	it('never lets more than the limit through within one window', async () => {
		const budget = new RateBudget({ max: 5, intervalMs: 400 });
		const sent: number[] = [];
		const start = Date.now();
		await Promise.all(
			Array.from({ length: 12 }, async () => {
				await budget.acquire();
				sent.push(Date.now() - start);
			}),
		);
		sent.sort((a, b) => a - b);
		for (let i = 5; i < sent.length; i++) {
			// the (i)th send is at least one window after the (i-5)th
			expect(sent[i] - sent[i - 5]).toBeGreaterThanOrEqual(400);
		}
	});

	it('learns the limits from GHL headers and backs off after 429', () => {
		const budget = new RateBudget({ max: 100, intervalMs: 10_000 });
		budget.observe(200, readRateHeaders({ 'x-ratelimit-max': '40', 'x-ratelimit-interval-milliseconds': '2000' }));
		expect(budget.ceiling).toBe(40);
		expect(budget.limit).toBe(40);
		expect(budget.intervalMs).toBe(2000);
		budget.observe(429, {});
		expect(budget.limit).toBeLessThan(40);
		const reduced = budget.limit;
		for (let i = 0; i < 200; i++) budget.observe(200, {});
		expect(budget.limit).toBeGreaterThan(reduced);
		expect(budget.limit).toBeLessThanOrEqual(40);
	});

	it('reports a spent daily budget only on a 429 with no daily requests left', () => {
		const budget = new RateBudget({ max: 100, intervalMs: 10_000 });
		expect(budget.observe(200, readRateHeaders({ 'x-ratelimit-daily-remaining': '0' }))).toBe(false);
		expect(budget.observe(429, readRateHeaders({ 'x-ratelimit-daily-remaining': '0' }))).toBe(true);
		expect(budget.observe(429, readRateHeaders({ 'x-ratelimit-daily-remaining': '12' }))).toBe(false);
	});

	it('pauses when the server says the shared window is full', () => {
		const budget = new RateBudget({ max: 10, intervalMs: 1000 });
		expect(budget.delay()).toBe(0);
		budget.observe(200, readRateHeaders({ 'x-ratelimit-remaining': '0' }));
		expect(budget.delay()).toBeGreaterThan(0);
	});
});
