import { get } from 'node:http';
import type { Sandbox } from '../../sandbox/server';
import { ghlClient, LOC1, PIT, startSandbox, type Json } from './ghl/client';

let sandbox: Sandbox;

type Outcome = number | 'reset' | 'dropped' | 'gave-up';

beforeAll(async () => {
	sandbox = await startSandbox({ tookan: true });
});
afterAll(() => sandbox.close());
beforeEach(() => {
	sandbox.admin.reset();
	sandbox.admin.updateConfig({ ghl: { rateLimit: { max: 100_000 } } });
});

const contactCount = () => sandbox.admin.ghlRecords('contacts').length;

async function call(
	fault?: string,
	path = `/locations/${LOC1}/tags`,
	init: RequestInit = {},
	giveUpMs = 1500,
): Promise<{ outcome: Outcome; body?: Json; headers?: Headers }> {
	const headers: Record<string, string> = { authorization: `Bearer ${PIT}`, version: '2021-07-28', ...(init.headers as Record<string, string>) };
	if (fault) headers['x-sandbox-fault'] = fault;
	try {
		const res = await fetch(`${sandbox.ghlBaseUrl}${path}`, { ...init, headers, signal: AbortSignal.timeout(giveUpMs) });
		const text = await res.text();
		return { outcome: res.status, body: text ? JSON.parse(text) : undefined, headers: res.headers };
	} catch (error) {
		const e = error as Error & { cause?: { code?: string } };
		if (e.name === 'TimeoutError' || e.name === 'AbortError') return { outcome: 'gave-up' };
		return { outcome: e.cause?.code === 'ECONNRESET' ? 'reset' : 'dropped' };
	}
}

const createContact = (fault: string, giveUpMs = 1500) =>
	call(fault, '/contacts/', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ locationId: LOC1, firstName: 'F' }) }, giveUpMs);

describe('per-request faults (x-sandbox-fault header)', () => {
	it('status faults: before = rejected without a state change, after = the write happened and the answer is replaced', async () => {
		const before = await createContact('500');
		expect(before.outcome).toBe(500);
		expect(before.body).toEqual({ statusCode: 500, message: 'Internal Server Error' });
		expect(contactCount()).toBe(0);
		expect((await createContact('503;phase=after')).outcome).toBe(503);
		expect(contactCount()).toBe(1);
		const storm = await createContact('429');
		expect(storm.outcome).toBe(429);
		expect(storm.body).toEqual({ statusCode: 429, message: 'Too many requests' });
		expect(storm.headers!.get('x-ratelimit-remaining')).toBe('0');
	});

	it('connection resets, before and after the write', async () => {
		expect((await createContact('reset')).outcome).toBe('reset');
		expect(contactCount()).toBe(0);
		expect((await createContact('reset;phase=after')).outcome).toBe('reset');
		expect(contactCount()).toBe(1);
	});

	it('timeouts hang until the client gives up (or drop the socket after ms), before and after the write', async () => {
		expect((await createContact('timeout', 300)).outcome).toBe('gave-up');
		expect(contactCount()).toBe(0);
		expect((await createContact('timeout;phase=after', 300)).outcome).toBe('gave-up');
		expect(contactCount()).toBe(1);
		expect((await createContact('timeout;ms=50')).outcome).toBe('dropped');
		expect(contactCount()).toBe(1);
		const log = sandbox.admin.requests().requests.map((r) => r.fault);
		expect(log).toEqual(['timeout before', 'timeout after', 'timeout before']);
	});

	it('slow bodies arrive in several chunks, complete', async () => {
		const chunks: Buffer[] = await new Promise((resolve, reject) => {
			const url = new URL(`${sandbox.ghlBaseUrl}/locations/${LOC1}/tags`);
			get(url, { headers: { authorization: `Bearer ${PIT}`, version: '2021-07-28', 'x-sandbox-fault': 'slow;ms=200' } }, (res) => {
				const parts: Buffer[] = [];
				res.on('data', (c: Buffer) => parts.push(c));
				res.on('end', () => resolve(parts));
			}).on('error', reject);
		});
		expect(chunks.length).toBeGreaterThan(1);
		expect(JSON.parse(Buffer.concat(chunks).toString('utf8')).tags).toHaveLength(4);
	});

	it('latency is added and logged; unknown faults are a 400', async () => {
		expect((await call('latency;ms=30')).outcome).toBe(200);
		expect(sandbox.admin.requests({ limit: 1 }).requests[0].fault).toBe('latency 30ms');
		expect((await call('explode')).body.message).toMatch(/unknown fault "explode"/);
	});

	it('applies to Tookan too, with Tookan\'s envelope', async () => {
		const res = await fetch(`${sandbox.tookanBaseUrl}/get_all_teams`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'x-sandbox-fault': '503' },
			body: JSON.stringify({ api_key: 'x' }),
		});
		expect(res.status).toBe(503);
		expect(await res.json()).toMatchObject({ status: 503, data: {} });
	});
});

describe('fault profiles (PUT /_admin/faults, createSandbox({faults}))', () => {
	async function run(n: number): Promise<Outcome[]> {
		const outcomes: Outcome[] = [];
		for (let i = 0; i < n; i++) outcomes.push((await call()).outcome);
		return outcomes;
	}
	const share = (outcomes: Outcome[], match: (o: Outcome) => boolean) => outcomes.filter(match).length / outcomes.length;
	const is5xx = (o: Outcome) => typeof o === 'number' && o >= 500;

	it('none: every request succeeds', async () => {
		const res = await fetch(`${sandbox.url}/_admin/faults`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify('none') });
		expect(((await res.json()) as { profile: string }).profile).toBe('none');
		expect(new Set(await run(30))).toEqual(new Set([200]));
	});

	it('slow: 250 ms on every request', async () => {
		sandbox.admin.setFaults('slow');
		expect(await run(3)).toEqual([200, 200, 200]);
		expect(sandbox.admin.requests().requests.map((r) => r.fault)).toEqual(['latency 250ms', 'latency 250ms', 'latency 250ms']);
	});

	it('flaky: 0-50 ms latency, some 5xx, resets and 429s', async () => {
		sandbox.admin.setFaults({ profile: 'flaky', seed: 11 });
		const outcomes = await run(160);
		expect(share(outcomes, is5xx)).toBeGreaterThan(0.02);
		expect(share(outcomes, is5xx)).toBeLessThan(0.09);
		expect(share(outcomes, (o) => o === 'reset')).toBeGreaterThan(0);
		expect(share(outcomes, (o) => o === 429)).toBeGreaterThan(0);
		const latencies = sandbox.admin.requests().requests.map((r) => Number(/latency (\d+)ms/.exec(r.fault ?? '')?.[1] ?? 0));
		expect(Math.max(...latencies)).toBeLessThanOrEqual(50);
		expect(new Set(latencies).size).toBeGreaterThan(10);
	}, 60_000);

	it('storm: about 10% 429, 5% 5xx, 2% resets, 1% timeouts', async () => {
		sandbox.admin.setFaults({ profile: 'storm', seed: 3, timeoutMs: 20 });
		const outcomes = await run(400);
		expect(share(outcomes, (o) => o === 429)).toBeGreaterThan(0.06);
		expect(share(outcomes, (o) => o === 429)).toBeLessThan(0.14);
		expect(share(outcomes, is5xx)).toBeGreaterThan(0.02);
		expect(share(outcomes, is5xx)).toBeLessThan(0.08);
		expect(share(outcomes, (o) => o === 'reset')).toBeGreaterThan(0.004);
		expect(share(outcomes, (o) => o === 'dropped')).toBeGreaterThan(0);
		expect(share(outcomes, (o) => o === 200)).toBeGreaterThan(0.75);
	}, 60_000);

	it('ratelimit: a 429 storm with GHL rate-limit headers', async () => {
		sandbox.admin.setFaults({ profile: 'ratelimit', seed: 5 });
		const results = [];
		for (let i = 0; i < 100; i++) results.push(await call());
		const refused = results.filter((r) => r.outcome === 429);
		expect(refused.length).toBeGreaterThan(15);
		expect(refused.length).toBeLessThan(45);
		expect(refused.every((r) => r.headers!.get('x-ratelimit-remaining') === '0' && r.headers!.get('x-ratelimit-max') !== null)).toBe(true);
	});

	it('is deterministic for a seed, can target one service and can lose responses after the write', async () => {
		sandbox.admin.setFaults({ profile: 'storm', seed: 42, timeoutMs: 20 });
		const first = await run(60);
		sandbox.admin.setFaults({ profile: 'storm', seed: 42, timeoutMs: 20 });
		expect(await run(60)).toEqual(first);
		sandbox.admin.setFaults({ profile: 'storm', services: ['tookan'] });
		expect(new Set(await run(40))).toEqual(new Set([200]));
		sandbox.admin.setFaults({ rates: { '500': 1 }, phase: 'after' });
		expect((await createContact('')).outcome).toBe(500);
		expect(contactCount()).toBe(1);
	});

	it('refuses unknown profiles and impossible rates', () => {
		expect(() => sandbox.admin.setFaults('hurricane')).toThrow(/unknown fault profile/);
		expect(() => sandbox.admin.setFaults({ rates: { '429': 0.8, '5xx': 0.5 } })).toThrow(/more than 1/);
	});
});

it('starts with a profile: createSandbox({ faults: "storm" })', async () => {
	const stormy = await startSandbox({ faults: 'storm' });
	expect(stormy.admin.faults()).toMatchObject({ profile: 'storm', rates: { '429': 0.1, '5xx': 0.05, reset: 0.02, timeout: 0.01 } });
	await stormy.close();
	const api = ghlClient(sandbox);
	expect((await api.get(`/locations/${LOC1}/tags`)).status).toBe(200);
});
