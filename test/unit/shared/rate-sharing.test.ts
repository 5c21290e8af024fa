/**
 * The rate budget when the server's window is shared (n8n queue-mode workers, one process each) or merely
 * seen through skew: what it learns from the server's count, how it answers 429s, and that two budgets
 * in front of one sliding window get every request through without exceeding it.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { budgetFor, RateBudget, readRateHeaders, type Ticket } from '../../../package/nodes/shared/transport/budget';
import { send, type Prepared, type ServiceAdapter } from '../../../package/nodes/shared/transport/send';
import type { BuiltRequest } from '../../../package/nodes/shared/types';
import { RateLimiter } from '../../../sandbox/core/rate-limiter';

const headers = (max: number, remaining: number, intervalMs: number) =>
	readRateHeaders({
		'x-ratelimit-max': String(max),
		'x-ratelimit-remaining': String(remaining),
		'x-ratelimit-interval-milliseconds': String(intervalMs),
	});

describe('rate budget: alone or shared', () => {
	afterEach(() => jest.useRealTimers());

	it('alone, a 429 gives the refused slot back and widens the margin instead of shrinking the share', async () => {
		jest.useFakeTimers({ now: 1_000_000 });
		const budget = new RateBudget({ max: 3, intervalMs: 10_000 });
		const tickets: Ticket[] = [];
		for (let i = 0; i < 3; i++) {
			tickets.push(await budget.acquire());
			jest.advanceTimersByTime(5);
		}
		expect(budget.delay()).toBeGreaterThan(0);
		const margin = budget.marginMs;
		// the server still counted an older request of ours: full window, our third send refused
		budget.observe(429, headers(3, 0, 10_000), tickets[2]);
		expect(budget.limit).toBe(3);
		expect(budget.marginMs).toBeGreaterThan(margin);
		expect(budget.delay()).toBe(0); // the refused send no longer holds a slot
	});

	it('keeps a request that was slow on its way in the window for longer, as the server counted it later', async () => {
		jest.useFakeTimers({ now: 1_000_000 });
		const budget = new RateBudget({ max: 2, intervalMs: 1000 });
		const quick = await budget.acquire();
		jest.advanceTimersByTime(100);
		budget.observe(200, headers(2, 1, 1000), quick); // answered in 100 ms: the quickest so far
		const slow = await budget.acquire();
		jest.advanceTimersByTime(400);
		budget.observe(200, headers(2, 0, 1000), slow); // 400 ms: delayed 300 ms on its way
		jest.advanceTimersByTime(1130 - 500);
		await budget.acquire(); // the quick one has left the window; the slow one counts from +400 ms
		expect(budget.delay()).toBeGreaterThan(250);
	});

	it('a delay the margin already covers leaves the request in its place (windows do not drift later and later)', async () => {
		jest.useFakeTimers({ now: 1_000_000 });
		const budget = new RateBudget({ max: 2, intervalMs: 1000 });
		const quick = await budget.acquire();
		jest.advanceTimersByTime(100);
		budget.observe(200, headers(2, 1, 1000), quick); // the quickest answer: 100 ms
		const late = await budget.acquire(); // sent at +100
		jest.advanceTimersByTime(100 + budget.marginMs - 5);
		budget.observe(200, headers(2, 0, 1000), late); // delayed by less than the margin
		jest.advanceTimersByTime(1000 + budget.marginMs + 1 - (200 + budget.marginMs - 5));
		await budget.acquire(); // at +1026: the quick one has left the window
		// the late one still counts from when it was sent (+100), plus the window and the margin
		expect(budget.delay()).toBe(100 + 1000 + budget.marginMs - (1000 + budget.marginMs + 1));
	});

	it('leaves the requests others have in the server window to them, and takes the window back when they stop', async () => {
		jest.useFakeTimers({ now: 1_000_000 });
		const budget = new RateBudget({ max: 100, intervalMs: 1000 });
		const first = await budget.acquire();
		// the server had counted 41 requests with ours, and we had sent nothing else: 40 belong to others
		budget.observe(200, headers(100, 59, 1000), first);
		expect(budget.limit).toBe(60);

		jest.advanceTimersByTime(1500);
		for (let i = 0; i < 200; i++) {
			const ticket = await budget.acquire();
			budget.observe(200, headers(100, 99, 1000), ticket); // only ours in the window now
			jest.advanceTimersByTime(20);
		}
		expect(budget.limit).toBe(100);
	});

	it('shrinks its share once for a burst of 429s from one overshoot, not once per refused request', () => {
		jest.useFakeTimers({ now: 1_000_000 });
		const budget = new RateBudget({ max: 100, intervalMs: 1000 });
		for (let i = 0; i < 10; i++) budget.observe(429, {});
		expect(budget.limit).toBe(70);
		jest.advanceTimersByTime(1001);
		budget.observe(429, {});
		expect(budget.limit).toBe(49);
	});

	it('two budgets in front of one sliding window get every request through with few refusals', async () => {
		const server = new RateLimiter();
		const settings = { max: 10, intervalMs: 200, daily: 1_000_000 };
		let accepted = 0;
		let refused = 0;
		const worker = async (budget: RateBudget, requests: number) => {
			let done = 0;
			const one = async () => {
				for (;;) {
					const ticket = await budget.acquire();
					await new Promise((resolve) => setTimeout(resolve, 2 + Math.random() * 8)); // on the way
					const now = Date.now();
					const decision = server.take('shared', now, settings);
					await new Promise((resolve) => setTimeout(resolve, 1)); // the answer on its way back
					budget.observe(decision.allowed ? 200 : 429, headers(settings.max, decision.remaining, settings.intervalMs), ticket);
					if (decision.allowed) {
						accepted++;
						return;
					}
					refused++;
					await new Promise((resolve) => setTimeout(resolve, budget.slotMs));
				}
			};
			await Promise.all(
				Array.from({ length: 8 }, async () => {
					while (done < requests) {
						done++;
						await one();
					}
				}),
			);
		};
		const a = new RateBudget({ max: 10, intervalMs: 200 });
		const b = new RateBudget({ max: 10, intervalMs: 200 });
		await Promise.all([worker(a, 50), worker(b, 50)]);

		expect(accepted).toBe(100);
		// refusals happen while the two find their shares, but far fewer than the requests
		expect(refused).toBeLessThan(100);
		expect(a.limit + b.limit).toBeLessThanOrEqual(2 * settings.max);
	}, 20_000);
});

describe('send: 429s while the bucket makes progress', () => {
	const adapter: ServiceAdapter = {
		label: 'Test',
		limits: { max: 1000, intervalMs: 20 },
		async prepare(): Promise<Prepared> {
			return { credentialType: 'testApi', options: { url: '/x' }, budgetKey: 'rate-sharing-test', oauth: false, refreshKey: 'k' };
		},
		unwrap: (body) => ({ ok: true, data: body }),
		explain: (attempt) => ({ message: `refused ${attempt.status}` }),
		isExpiredToken: () => false,
	};
	const request = { method: 'GET', path: '/x', idempotent: true, itemIndex: 0 } as unknown as BuiltRequest;
	const refusal = () =>
		Object.assign(new Error('Request failed with status code 429'), {
			response: { status: 429, headers: { 'x-ratelimit-max': '1000', 'x-ratelimit-remaining': '0' }, data: { statusCode: 429 } },
		});

	/** A context whose requests are refused `refusals` times, then answered; `onRefusal` runs at each refusal. */
	function context(refusals: number, onRefusal: () => void) {
		let calls = 0;
		const fn = {
			getNode: () => ({ name: 'Test', type: 'test', typeVersion: 1, position: [0, 0], parameters: {} }),
			helpers: {
				httpRequestWithAuthentication: async () => {
					calls++;
					if (calls <= refusals) {
						onRefusal();
						throw refusal();
					}
					return { statusCode: 200, headers: {}, body: { ok: true } };
				},
			},
		} as unknown as IExecuteFunctions;
		return { fn, calls: () => calls };
	}

	it('keeps waiting its turn while other requests of the bucket get through', async () => {
		const budget = budgetFor('rate-sharing-test', adapter.limits!);
		// every refusal of this request comes while another request of the bucket succeeded
		const { fn, calls } = context(45, () => budget.succeeded++);
		const settings = { retries: 0, rateLimitRetries: 30, timeoutMs: 1000 };
		await expect(send(fn, adapter, request, settings)).resolves.toEqual({ ok: true } as IDataObject);
		expect(calls()).toBe(46);
	}, 20_000);

	it('gives up after the allowed retries when nothing in the bucket gets through', async () => {
		const { fn, calls } = context(1000, () => undefined);
		const settings = { retries: 0, rateLimitRetries: 5, timeoutMs: 1000 };
		await expect(send(fn, adapter, request, settings)).rejects.toThrow('refused 429');
		expect(calls()).toBe(6);
	}, 20_000);
});
