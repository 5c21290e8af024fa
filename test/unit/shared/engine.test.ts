/**
 * The shared engine through a real node (GHL) against a scripted loopback server: validation
 * before any request, error items, input order under concurrency, retries and recovery.
 */
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { Ghl } from '../../../package/nodes/Ghl/Ghl.node';
import { runNode } from '../../helpers/n8n-context';
import { startStubServer, type StubHandler, type StubServer } from '../../helpers/stub-server';

const rl = (value: string) => ({ __rl: true, mode: 'id', value });

let server: StubServer | undefined;
afterEach(async () => {
	await server?.close();
	server = undefined;
});

async function run(handler: StubHandler, parameters: Record<string, unknown> | ((i: number) => Record<string, unknown>), opts: { items?: number; continueOnFail?: boolean } = {}) {
	await server?.close();
	server = await startStubServer(handler);
	const base = { authentication: 'privateIntegrationToken' };
	return await runNode(new Ghl(), {
		parameters: typeof parameters === 'function' ? (i) => ({ ...base, ...parameters(i) }) : { ...base, ...parameters },
		items: Array.from({ length: opts.items ?? 1 }, (_, i) => ({ i })),
		continueOnFail: opts.continueOnFail,
		credentials: { ghlPrivateIntegrationApi: { accessToken: 'pit-example-token', locationId: 'loc1', baseUrl: server.url } },
	});
}

const upsertOf = (email: string) => ({ resource: 'contact', operation: 'upsert', email, additionalFields: {} });
const echoUpsert: StubHandler = (r) => ({ body: { new: true, contact: { id: `id-${(r.body as { email: string }).email}`, ...(r.body as object) } } });

describe('shared engine', () => {
	it('validates every item before sending anything, naming the field and the item', async () => {
		const emails = ['a@example.com', 'not-an-email', 'c@example.com'];
		const failure = run(echoUpsert, (i) => upsertOf(emails[i]), { items: 3 });
		await expect(failure).rejects.toThrow(NodeOperationError);
		await expect(failure).rejects.toThrow('"Email" is not a valid email address: "not-an-email" [item 1]');
		expect(server!.requests).toHaveLength(0);
	});

	it('hands the event loop back while it validates many items, so n8n keeps answering meanwhile', async () => {
		// each item's parameters cost CPU, as n8n's expression evaluation does (a few ms per item under load)
		const items = 60;
		let validated = -1;
		let validatedWhenTimerRan: number | undefined;
		const timer = setTimeout(() => (validatedWhenTimerRan = validated), 0);
		const { output } = await run(echoUpsert, (i) => {
			if (i > validated) {
				const until = Date.now() + 5;
				while (Date.now() < until);
				validated = i;
			}
			return upsertOf(`u${i}@example.com`);
		}, { items });
		clearTimeout(timer);
		expect(output).toHaveLength(items);
		// a loop that never yields would let the timer run only once every item had been validated
		expect(validatedWhenTimerRan).toBeLessThan(items - 1);
	});

	it('names fields inside collections and resource locators', async () => {
		await expect(
			run(echoUpsert, { resource: 'contact', operation: 'upsert', email: 'a@example.com', additionalFields: { country: 'Germany' } }),
		).rejects.toThrow('"Additional Fields › Country" must be a two-letter country code such as US or GB, got "Germany" [item 0]');
		await expect(run(echoUpsert, { resource: 'contact', operation: 'get', contactId: rl('a/b') })).rejects.toThrow(
			'"Contact" is not a valid ID: "a/b" [item 0]',
		);
		await expect(run(echoUpsert, { resource: 'contact', operation: 'get', contactId: rl('') })).rejects.toThrow(
			'"Contact" is required [item 0]',
		);
		expect(server!.requests).toHaveLength(0);
	});

	it('turns failures into error items with Continue On Fail and keeps input order and pairing', async () => {
		const emails = ['a@example.com', 'bad', 'c@example.com', 'd@example.com'];
		const { output } = await run(
			(r, n) => ({ delayMs: 40 - n * 10, ...echoUpsert(r, n) as object }),
			(i) => upsertOf(emails[i]),
			{ items: 4, continueOnFail: true },
		);
		expect(output.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(output[1].json.error).toMatch(/"Email" is not a valid email address/);
		expect(output.filter((o, i) => i !== 1).map((o) => o.json.email)).toEqual(['a@example.com', 'c@example.com', 'd@example.com']);
		expect(server!.requests).toHaveLength(3);
	});

	it('processes items concurrently up to the configured limit, results in input order', async () => {
		const n = 24;
		const { output } = await run(
			(r) => ({ delayMs: 5 + Math.floor(Math.random() * 30), ...echoUpsert(r, 0) as object }),
			(i) => ({ ...upsertOf(`u${i}@example.com`), requestOptions: { concurrency: 4 } }),
			{ items: n },
		);
		expect(output.map((o) => o.json.email)).toEqual(Array.from({ length: n }, (_, i) => `u${i}@example.com`));
		expect(server!.inFlight.max).toBeLessThanOrEqual(4);
		expect(server!.inFlight.max).toBeGreaterThan(1);
	});

	it('waits and retries after 429 and retries idempotent requests after 5xx and dropped connections', async () => {
		const script = [
			{ status: 429, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-interval-milliseconds': '300', 'x-ratelimit-max': '100' }, body: { statusCode: 429 } },
			{ status: 503, body: { message: 'busy' } },
			{ drop: true },
		];
		const { output } = await run(
			(_, n) => script[n] ?? { body: { contact: { id: 'c1', firstName: 'Ann' } } },
			{ resource: 'contact', operation: 'get', contactId: rl('c1'), simplify: false },
		);
		expect(output[0].json).toEqual({ id: 'c1', firstName: 'Ann' });
		expect(server!.requests).toHaveLength(4);
	});

	it('stops at once when the daily limit is spent and says when it resets', async () => {
		const failure = run(
			() => ({ status: 429, headers: { 'x-ratelimit-daily-remaining': '0', 'x-ratelimit-limit-daily': '200000' }, body: {} }),
			{ resource: 'contact', operation: 'get', contactId: rl('c1') },
		);
		await expect(failure).rejects.toThrow(NodeApiError);
		await expect(failure).rejects.toThrow(/daily request limit \(200000 for this app and location\) is used up/);
		expect(server!.requests).toHaveLength(1);
	});

	it('after a lost answer to a create, finds the created record instead of creating it twice', async () => {
		let created: Record<string, unknown> | undefined;
		const { output } = await run(
			(r) => {
				if (r.method === 'POST' && r.path === '/contacts/') {
					created = { id: 'new1', email: (r.body as { email: string }).email, dateAdded: new Date().toISOString() };
					return { drop: true };
				}
				if (r.path === '/contacts/search/duplicate') return { body: { contact: created ?? null } };
				return { status: 404, body: {} };
			},
			{ resource: 'contact', operation: 'create', email: 'z@example.com', duplicateHandling: 'create', additionalFields: {} },
		);
		expect(output[0].json.id).toBe('new1');
		expect(server!.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
	});

	it('re-sends a create only after checking that the lost attempt was not applied', async () => {
		const failure = run(
			(r) => (r.path.endsWith('/notes') && r.method === 'POST' ? { status: 502, body: {} } : { body: { notes: [] } }),
			{ resource: 'note', operation: 'create', contactId: rl('c1'), body: 'hello', additionalFields: {}, requestOptions: { retries: 2 } },
		);
		await expect(failure).rejects.toThrow(NodeApiError);
		const posts = server!.requests.filter((r) => r.method === 'POST');
		const lookups = server!.requests.filter((r) => r.method === 'GET');
		// each re-send is preceded by a look at the contact's notes: 1 try + 2 retries, 2 checks
		expect(posts).toHaveLength(3);
		expect(lookups).toHaveLength(2);
	});

	it('says which record and location a 404 was about', async () => {
		await expect(
			run(() => ({ status: 404, body: { statusCode: 404, message: 'Contact not found' } }), {
				resource: 'contact',
				operation: 'get',
				contactId: rl('gone1'),
			}),
		).rejects.toThrow('The contact "gone1" was not found in location loc1');
	});

	it('keeps under the rate limit the server announces, without provoking a 429', async () => {
		const windowMs = 500;
		const max = 4;
		const handler: StubHandler = (r) => ({
			headers: { 'x-ratelimit-max': String(max), 'x-ratelimit-interval-milliseconds': String(windowMs) },
			body: { contact: { id: r.path.split('/').pop() } },
		});
		const params = (i: number) => ({
			resource: 'contact',
			operation: 'get',
			contactId: rl(`rate${i}`),
			requestOptions: { concurrency: 10, locationId: 'rate-test' },
		});
		// the first answer teaches the budget for this credential and location; budgets outlive executions
		await run(handler, params, { items: 1 });
		const { output } = await run(handler, params, { items: 14 });
		expect(output.map((o) => o.json.id)).toEqual(Array.from({ length: 14 }, (_, i) => `rate${i}`));
		const arrivals = server!.requests.map((r) => r.at).sort((a, b) => a - b);
		for (let i = max; i < arrivals.length; i++) expect(arrivals[i] - arrivals[i - max]).toBeGreaterThanOrEqual(windowMs - 20);
	});
});
