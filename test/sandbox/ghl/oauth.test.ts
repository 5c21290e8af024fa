import type { Sandbox } from '../../../sandbox/server';
import { GHL_DEFAULTS } from '../../../sandbox/ghl/defaults';
import { ghlClient, LOC1, LOC2, startSandbox, type Json } from './client';

let sandbox: Sandbox;
let clock = Date.parse('2025-06-01T00:00:00.000Z');
const REDIRECT = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
const { clientId, clientSecret } = GHL_DEFAULTS;

beforeAll(async () => {
	sandbox = await startSandbox({ now: () => clock });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.admin.reset());

async function authorize(params: Record<string, string> = {}, path = sandbox.authorizeUrl) {
	const url = new URL(path);
	const query = { response_type: 'code', client_id: clientId, redirect_uri: REDIRECT, scope: 'contacts.readonly contacts.write', state: 'st4te', ...params };
	for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
	return fetch(url, { redirect: 'manual' });
}

async function codeFrom(params: Record<string, string> = {}): Promise<string> {
	const res = await authorize(params);
	return new URL(res.headers.get('location')!).searchParams.get('code')!;
}

async function token(form: Record<string, string>, headers: Record<string, string> = {}) {
	const res = await fetch(sandbox.tokenUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
		body: new URLSearchParams(form).toString(),
	});
	return { status: res.status, body: (await res.json()) as Record<string, Json> };
}

const exchange = async (extra: Record<string, string> = {}) =>
	token({ grant_type: 'authorization_code', code: await codeFrom(), client_id: clientId, client_secret: clientSecret, redirect_uri: REDIRECT, ...extra });

describe('consent page (chooselocation)', () => {
	it('auto-approves and redirects to redirect_uri with code and the echoed state (v2 and legacy path)', async () => {
		for (const path of [sandbox.authorizeUrl, sandbox.authorizeUrl.replace('/v2/', '/')]) {
			const res = await authorize({}, path);
			expect(res.status).toBe(302);
			const location = new URL(res.headers.get('location')!);
			expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
			expect(location.searchParams.get('state')).toBe('st4te');
			expect(location.searchParams.get('code')).toMatch(/^[0-9a-f]{40}$/);
		}
	});

	it('refuses an unknown client, a wrong response_type, a missing redirect_uri or scopes the app lacks', async () => {
		expect((await authorize({ client_id: 'nope' })).status).toBe(400);
		expect((await authorize({ response_type: 'token' })).status).toBe(400);
		expect((await authorize({ redirect_uri: '' })).status).toBe(400);
		expect((await authorize({ scope: 'contacts.readonly payments.write' })).status).toBe(400);
	});

	it('installs the app on the chosen location (location_id)', async () => {
		const issued = await token({ grant_type: 'authorization_code', code: await codeFrom({ location_id: LOC2 }), client_id: clientId, client_secret: clientSecret });
		expect(issued.body.locationId).toBe(LOC2);
	});
});

describe('POST /oauth/token', () => {
	it('authorization_code: the spec\'s response fields, a Location token that works', async () => {
		const issued = await exchange();
		expect(issued.status).toBe(200);
		expect(issued.body).toMatchObject({
			token_type: 'Bearer',
			expires_in: 86399,
			scope: 'contacts.readonly contacts.write',
			userType: 'Location',
			locationId: LOC1,
			companyId: GHL_DEFAULTS.companyId,
			approvedLocations: [LOC1],
			userId: GHL_DEFAULTS.userIds[0],
		});
		expect(issued.body.access_token.split('.')).toHaveLength(3);
		const res = await ghlClient(sandbox, issued.body.access_token).post('/contacts/search', { locationId: LOC1, pageLimit: 1 });
		expect(res.status).toBe(200);
	});

	it('takes client credentials by HTTP Basic too; refuses bad clients, reused codes and a different redirect_uri', async () => {
		const basic = `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString('base64')}`;
		const code = await codeFrom();
		expect((await token({ grant_type: 'authorization_code', code, redirect_uri: REDIRECT }, { authorization: basic })).status).toBe(200);
		const reused = await token({ grant_type: 'authorization_code', code, client_id: clientId, client_secret: clientSecret });
		expect(reused).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
		const wrongSecret = await token({ grant_type: 'authorization_code', code: await codeFrom(), client_id: clientId, client_secret: 'x' });
		expect(wrongSecret).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
		expect((await exchange({ redirect_uri: 'http://127.0.0.1/elsewhere' })).body.error).toBe('invalid_grant');
		expect((await token({ client_id: clientId, client_secret: clientSecret })).status).toBe(422);
		expect((await token({ grant_type: 'password', client_id: clientId, client_secret: clientSecret })).status).toBe(422);
		expect((await token({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret })).body.error).toBe('unsupported_grant_type');
	});

	it('user_type=Company gives an agency token over the company\'s installed locations', async () => {
		const issued = await exchange({ user_type: 'Company' });
		expect(issued.body).toMatchObject({ userType: 'Company', companyId: GHL_DEFAULTS.companyId, approvedLocations: [LOC1, LOC2] });
		expect(issued.body.locationId).toBeUndefined();
	});

	it('refresh tokens rotate and are single use: a reused refresh token answers invalid_grant', async () => {
		const first = (await exchange()).body;
		const refresh = (rt: string) => token({ grant_type: 'refresh_token', refresh_token: rt, client_id: clientId, client_secret: clientSecret, user_type: 'Location' });
		const second = await refresh(first.refresh_token);
		expect(second.status).toBe(200);
		expect(second.body.refresh_token).not.toBe(first.refresh_token);
		expect(second.body.access_token).not.toBe(first.access_token);
		expect(second.body).toMatchObject({ locationId: LOC1, scope: first.scope });
		const reused = await refresh(first.refresh_token);
		expect(reused.status).toBe(400);
		expect(reused.body).toMatchObject({ error: 'invalid_grant' });
		expect(reused.body.error_description).toMatch(/already been used/);
		expect((await refresh(second.body.refresh_token)).status).toBe(200);
	});

	it('two concurrent refreshes with the same token: exactly one wins', async () => {
		const { refresh_token } = (await exchange()).body;
		const form = { grant_type: 'refresh_token', refresh_token, client_id: clientId, client_secret: clientSecret };
		const results = await Promise.all([token(form), token(form)]);
		expect(results.map((r) => r.status).sort()).toEqual([200, 400]);
	});

	it('expired access tokens answer 401 "Invalid JWT" until refreshed (clock and admin expiry)', async () => {
		sandbox.admin.updateConfig({ ghl: { accessTokenTtlSeconds: 60 } });
		const issued = (await exchange()).body;
		expect(issued.expires_in).toBe(60);
		const api = ghlClient(sandbox, issued.access_token);
		expect((await api.get(`/locations/${LOC1}/tags`)).status).toBe(401);
		const search = () => api.post('/contacts/search', { locationId: LOC1, pageLimit: 1 });
		expect((await search()).status).toBe(200);
		clock += 61_000;
		expect((await search()).body).toEqual({ statusCode: 401, message: 'Invalid JWT', error: 'Unauthorized' });
		const renewed = await token({ grant_type: 'refresh_token', refresh_token: issued.refresh_token, client_id: clientId, client_secret: clientSecret });
		const fresh = ghlClient(sandbox, renewed.body.access_token);
		expect((await fresh.post('/contacts/search', { locationId: LOC1, pageLimit: 1 })).status).toBe(200);
		expect(sandbox.admin.expireTokens().expired).toBeGreaterThan(0);
		expect((await fresh.post('/contacts/search', { locationId: LOC1, pageLimit: 1 })).status).toBe(401);
		expect((await ghlClient(sandbox).post('/contacts/search', { locationId: LOC1, pageLimit: 1 })).status).toBe(200);
	});

	it('revoked refresh tokens answer invalid_grant', async () => {
		const issued = (await exchange()).body;
		expect(sandbox.admin.revokeRefreshTokens().revoked).toBe(1);
		const res = await token({ grant_type: 'refresh_token', refresh_token: issued.refresh_token, client_id: clientId, client_secret: clientSecret });
		expect(res).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
	});
});

describe('agency routes', () => {
	const agencyToken = async () => {
		const code = await codeFrom({ scope: 'oauth.readonly oauth.write contacts.readonly contacts.write' });
		const form = { grant_type: 'authorization_code', code, client_id: clientId, client_secret: clientSecret, user_type: 'Company' };
		return (await token(form)).body.access_token as string;
	};

	it('POST /oauth/locationToken mints a working location token from a Company token (form body)', async () => {
		const agency = await agencyToken();
		const res = await fetch(`${sandbox.ghlBaseUrl}/oauth/locationToken`, {
			method: 'POST',
			headers: { authorization: `Bearer ${agency}`, version: '2021-07-28', 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ companyId: GHL_DEFAULTS.companyId, locationId: LOC2 }).toString(),
		});
		expect(res.status).toBe(200);
		const body = (await res.json()) as Record<string, string>;
		expect(body).toMatchObject({ token_type: 'Bearer', locationId: LOC2, appId: GHL_DEFAULTS.appId });
		expect(body.refresh_token).toBeUndefined();
		const location = ghlClient(sandbox, body.access_token);
		expect((await location.post('/contacts/', { locationId: LOC2, firstName: 'Via agency' })).status).toBe(201);
		expect((await location.post('/contacts/', { locationId: LOC1, firstName: 'x' })).status).toBe(403);
	});

	it('locationToken needs oauth.write on a Company token, the Version header and its own company', async () => {
		const agency = ghlClient(sandbox, await agencyToken());
		expect((await agency.post('/oauth/locationToken', { companyId: GHL_DEFAULTS.companyId, locationId: LOC1 })).status).toBe(200);
		expect((await agency.post('/oauth/locationToken', { companyId: 'other', locationId: LOC1 })).status).toBe(403);
		expect((await agency.post('/oauth/locationToken', { companyId: GHL_DEFAULTS.companyId })).status).toBe(422);
		const noWrite = ghlClient(sandbox, sandbox.admin.issueTokens({ userType: 'Company', scopes: ['oauth.readonly'] }).access_token as string);
		expect((await noWrite.post('/oauth/locationToken', { companyId: GHL_DEFAULTS.companyId, locationId: LOC1 })).status).toBe(401);
		const locationLevel = await ghlClient(sandbox).post('/oauth/locationToken', { companyId: GHL_DEFAULTS.companyId, locationId: LOC1 });
		expect(locationLevel.status).toBe(401);
		const raw = await fetch(`${sandbox.ghlBaseUrl}/oauth/locationToken`, { method: 'POST', headers: { authorization: `Bearer ${await agencyToken()}` } });
		expect(raw.status).toBe(401);
	});

	it('GET /oauth/installedLocations lists the app\'s locations', async () => {
		const agency = ghlClient(sandbox, await agencyToken());
		const res = await agency.get('/oauth/installedLocations', { companyId: GHL_DEFAULTS.companyId, appId: GHL_DEFAULTS.appId });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ count: 2, installToFutureLocations: true });
		expect(res.body.locations.map((l: { _id: string }) => l._id)).toEqual([LOC1, LOC2]);
		expect((await agency.get('/oauth/installedLocations', { companyId: GHL_DEFAULTS.companyId })).status).toBe(422);
	});
});
