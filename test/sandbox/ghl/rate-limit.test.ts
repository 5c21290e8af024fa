import { ghlClient, LOC1, LOC2, useSandbox, type GhlClient } from './client';

let clock = Date.parse('2025-03-10T12:00:00.000Z');
const env = useSandbox({ now: () => clock });
const tags = (client: GhlClient, location: string = LOC1) => client.get(`/locations/${location}/tags`);
const limits = (h: Headers) => ({
	max: h.get('x-ratelimit-max'),
	remaining: h.get('x-ratelimit-remaining'),
	interval: h.get('x-ratelimit-interval-milliseconds'),
	daily: h.get('x-ratelimit-limit-daily'),
	dailyRemaining: h.get('x-ratelimit-daily-remaining'),
});


it('sends the five X-RateLimit headers on every authenticated response (GHL defaults 100/10 s, 200,000/day)', async () => {
	const ok = await tags(env.api);
	expect(limits(ok.headers)).toEqual({ max: '100', remaining: '99', interval: '10000', daily: '200000', dailyRemaining: '199999' });
	const notFound = await env.api.get('/contacts/unknownContact0000000');
	expect(notFound.status).toBe(404);
	expect(limits(notFound.headers).remaining).toBe('98');
	const invalid = await env.api.post('/contacts/', {});
	expect(invalid.status).toBe(422);
	expect(limits(invalid.headers).remaining).toBe('97');
});

it('answers 429 {statusCode, message} past the burst limit, then frees up as the sliding window moves', async () => {
	env.sandbox.admin.updateConfig({ ghl: { rateLimit: { max: 3, intervalMs: 1000 } } });
	const remaining: Array<string | null> = [];
	for (let i = 0; i < 3; i++) {
		const res = await tags(env.api);
		expect(res.status).toBe(200);
		remaining.push(res.headers.get('x-ratelimit-remaining'));
		clock += 200;
	}
	expect(remaining).toEqual(['2', '1', '0']);
	const refused = await tags(env.api);
	expect(refused.status).toBe(429);
	expect(refused.body).toEqual({ statusCode: 429, message: 'Too many requests' });
	expect(limits(refused.headers)).toMatchObject({ max: '3', remaining: '0', interval: '1000' });
	expect(refused.headers.get('retry-after')).toBeNull();
	clock += 401; // the first request (t=0) left the window, the others (t=200, t=400) have not
	expect((await tags(env.api)).status).toBe(200);
	expect((await tags(env.api)).status).toBe(429);
});

it('counts per app per location', async () => {
	env.sandbox.admin.updateConfig({ ghl: { rateLimit: { max: 1 } } });
	expect((await tags(env.api)).status).toBe(200);
	expect((await tags(env.api)).status).toBe(429);
	const otherLocation = ghlClient(env.sandbox, env.sandbox.admin.createPit({ locationId: LOC2 }).token);
	expect((await tags(otherLocation, LOC2)).status).toBe(200);
	const otherApp = ghlClient(env.sandbox, env.sandbox.admin.issueTokens({ locationId: LOC1 }).access_token as string);
	expect((await tags(otherApp)).status).toBe(200);
	expect((await tags(otherApp)).status).toBe(429);
});

it('adds locations through the admin API, each with its own limit for its own PIT and closed to the others', async () => {
	env.sandbox.admin.updateConfig({ ghl: { rateLimit: { max: 1 } } });
	const added = [env.sandbox.admin.createLocation(), env.sandbox.admin.createLocation({ name: 'Bench Bakery' })];
	expect(added.map((l) => l.id)).toEqual(['SbxLocation000000003', 'SbxLocation000000004']);
	expect(added[1].name).toBe('Bench Bakery');
	expect(() => env.sandbox.admin.createLocation({ id: LOC2 })).toThrow(/exists already/);
	for (const { id } of added) {
		const client = ghlClient(env.sandbox, env.sandbox.admin.createPit({ locationId: id }).token);
		expect((await tags(client, id)).status).toBe(200);
		expect((await tags(client, id)).status).toBe(429);
	}
	expect((await tags(env.api, added[0].id)).status).toBe(403); // the location-1 PIT does not reach it
});

it('enforces the daily quota until the next UTC day', async () => {
	env.sandbox.admin.updateConfig({ ghl: { rateLimit: { daily: 2, max: 100 } } });
	expect((await tags(env.api)).headers.get('x-ratelimit-daily-remaining')).toBe('1');
	expect((await tags(env.api)).headers.get('x-ratelimit-daily-remaining')).toBe('0');
	clock += 60_000;
	const refused = await tags(env.api);
	expect(refused.status).toBe(429);
	expect(refused.headers.get('x-ratelimit-daily-remaining')).toBe('0');
	clock = Date.parse('2025-03-11T00:00:01.000Z') + (clock % 1000);
	expect((await tags(env.api)).status).toBe(200);
});

it('adds Retry-After only when configured, and is configurable over the admin API', async () => {
	const res = await fetch(`${env.sandbox.url}/_admin/config`, {
		method: 'PUT',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ ghl: { rateLimit: { max: 1, intervalMs: 5000, retryAfter: true } } }),
	});
	expect(((await res.json()) as { ghl: { rateLimit: { max: number } } }).ghl.rateLimit.max).toBe(1);
	await tags(env.api);
	clock += 1000;
	const refused = await tags(env.api);
	expect(refused.status).toBe(429);
	expect(refused.headers.get('retry-after')).toBe('4');
});
