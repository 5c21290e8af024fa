/**
 * The sandbox options the reliability tests need:
 * - `config.ghl.accessTokenMaxUses` expires an OAuth access token after that many requests (401 "Invalid
 *   JWT", like an expired one); a refreshed token counts afresh, and PITs never expire;
 * - a profile's 429s are answered before the handler (never after a write, whatever the phase), and the storm
 *   profile's 429s carry no rate-limit headers (they are random refusals, not a full window), while the
 *   ratelimit profile's do.
 */
import { GHL_DEFAULTS } from '../../sandbox/ghl/defaults';
import { createSandbox, type Sandbox } from '../../sandbox/server';

const LOCATION = GHL_DEFAULTS.locationIds[0];
let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await createSandbox({ tookan: false, config: { ghl: { accessTokenMaxUses: 3, rateLimit: { max: 100_000, intervalMs: 10_000, daily: 1_000_000, retryAfter: false } } } });
});

afterAll(async () => await sandbox?.close());

const ghl = async (token: string, path: string, init: RequestInit = {}) => {
	const response = await fetch(`${sandbox.ghlBaseUrl}${path}`, {
		...init,
		headers: { authorization: `Bearer ${token}`, version: '2021-07-28', 'content-type': 'application/json' },
	});
	return { status: response.status, headers: response.headers, body: (await response.json()) as { message?: unknown } };
};

it('expires an access token after the configured number of requests; a refreshed one counts afresh', async () => {
	const first = sandbox.admin.issueTokens() as { access_token: string; refresh_token: string };
	const statuses = [];
	for (let i = 0; i < 4; i++) statuses.push((await ghl(first.access_token, `/locations/${LOCATION}`)).status);
	expect(statuses).toEqual([200, 200, 200, 401]);
	expect((await ghl(first.access_token, `/locations/${LOCATION}`)).body.message).toBe('Invalid JWT');

	const refreshed = await fetch(sandbox.tokenUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: first.refresh_token, client_id: GHL_DEFAULTS.clientId, client_secret: GHL_DEFAULTS.clientSecret }),
	});
	const second = (await refreshed.json()) as { access_token: string };
	expect((await ghl(second.access_token, `/locations/${LOCATION}`)).status).toBe(200);

	for (let i = 0; i < 5; i++) expect((await ghl(GHL_DEFAULTS.pit, `/locations/${LOCATION}`)).status).toBe(200);
});

it('answers profile 429s before any write; storm 429s carry no rate-limit headers, ratelimit 429s do', async () => {
	const create = (i: number) => ghl(GHL_DEFAULTS.pit, '/contacts/', { method: 'POST', body: JSON.stringify({ locationId: LOCATION, email: `f${i}@example.com` }) });
	sandbox.admin.setFaults({ rates: { '429': 1 }, phase: 'after', seed: 1, rateLimitHeaders: false });
	const before = sandbox.admin.ghlRecords('contacts').length;
	const refused = await create(1);
	expect(refused.status).toBe(429);
	expect(sandbox.admin.ghlRecords('contacts')).toHaveLength(before);

	sandbox.admin.setFaults({ profile: 'storm', seed: 2 });
	const storm = [];
	for (let i = 0; i < 60; i++) storm.push(await ghl(GHL_DEFAULTS.pit, `/locations/${LOCATION}`));
	const stormRefusals = storm.filter((r) => r.status === 429);
	expect(stormRefusals.length).toBeGreaterThan(0);
	expect(stormRefusals.map((r) => r.headers.get('x-ratelimit-remaining'))).toEqual(stormRefusals.map(() => null));

	sandbox.admin.setFaults({ profile: 'ratelimit', seed: 3 });
	const limited = [];
	for (let i = 0; i < 30; i++) limited.push(await ghl(GHL_DEFAULTS.pit, `/locations/${LOCATION}`));
	const limitedRefusals = limited.filter((r) => r.status === 429);
	expect(limitedRefusals.length).toBeGreaterThan(0);
	expect(limitedRefusals.map((r) => r.headers.get('x-ratelimit-remaining'))).toEqual(limitedRefusals.map(() => '0'));
	sandbox.admin.setFaults('none');
});
