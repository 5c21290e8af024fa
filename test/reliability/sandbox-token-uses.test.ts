/**
 * The sandbox option the token tests need: `config.ghl.accessTokenMaxUses` expires an OAuth access token
 * after that many requests (401 "Invalid JWT", like an expired one); a refreshed token starts counting
 * afresh, and PITs never expire.
 */
import { GHL_DEFAULTS } from '../../sandbox/ghl/defaults';
import { createSandbox, type Sandbox } from '../../sandbox/server';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await createSandbox({ tookan: false, config: { ghl: { accessTokenMaxUses: 3 } } });
});

afterAll(async () => await sandbox?.close());

const getLocation = async (token: string) => {
	const response = await fetch(`${sandbox.ghlBaseUrl}/locations/${GHL_DEFAULTS.locationIds[0]}`, {
		headers: { authorization: `Bearer ${token}`, version: '2021-07-28' },
	});
	return { status: response.status, message: ((await response.json()) as { message?: unknown }).message };
};

it('expires an access token after the configured number of requests; a refreshed one counts afresh', async () => {
	const first = sandbox.admin.issueTokens() as { access_token: string; refresh_token: string };
	const statuses = [];
	for (let i = 0; i < 4; i++) statuses.push((await getLocation(first.access_token)).status);
	expect(statuses).toEqual([200, 200, 200, 401]);
	expect(await getLocation(first.access_token)).toEqual({ status: 401, message: 'Invalid JWT' });

	const refreshed = await fetch(sandbox.tokenUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: first.refresh_token, client_id: GHL_DEFAULTS.clientId, client_secret: GHL_DEFAULTS.clientSecret }),
	});
	const second = (await refreshed.json()) as { access_token: string };
	expect((await getLocation(second.access_token)).status).toBe(200);

	for (let i = 0; i < 5; i++) expect((await getLocation(GHL_DEFAULTS.pit)).status).toBe(200);
});
