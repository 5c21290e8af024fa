import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Sandbox } from '../../sandbox/server';
import { GHL_DEFAULTS } from '../../sandbox/ghl/defaults';
import { ghlClient, LOC1, LOC2, PIT, startSandbox, type Json } from './ghl/client';

let sandbox: Sandbox;

const admin = async (method: string, path: string, body?: unknown) => {
	const res = await fetch(`${sandbox.url}/_admin${path}`, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return { status: res.status, body: (await res.json()) as Json };
};

beforeAll(async () => {
	sandbox = await startSandbox({ tookan: true });
});
afterAll(() => sandbox.close());
beforeEach(() => sandbox.admin.reset());

it('listens on loopback and describes itself (GET /_admin/info)', async () => {
	expect(sandbox.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
	const info = (await admin('GET', '/info')).body;
	expect(info).toMatchObject({
		ghlBaseUrl: `${sandbox.url}/ghl`,
		tookanBaseUrl: `${sandbox.url}/tookan/v2`,
		ghl: { companyId: GHL_DEFAULTS.companyId, locationIds: [LOC1, LOC2], pit: PIT, clientId: GHL_DEFAULTS.clientId },
		tookan: { apiKey: expect.any(String) },
	});
	expect(info.keys.ed25519PublicKeyPem).toContain('BEGIN PUBLIC KEY');
});

it('seeds 10,000 contacts (with tasks and notes) and reads state back, filtered', async () => {
	const started = performance.now();
	const seeded = await admin('POST', '/seed', { ghl: { contacts: 10_000, businesses: 5, tasksPerContact: 1, notesPerContact: 1 } });
	const elapsed = performance.now() - started;
	process.stdout.write(`seed of 10,000 GHL contacts + 10,000 tasks + 10,000 notes over HTTP: ${elapsed.toFixed(0)} ms\n`);
	expect(seeded.status).toBe(200);
	expect(seeded.body.ghl).toMatchObject({ locationId: LOC1, contacts: 10_000, businesses: 5, tasks: 10_000, notes: 10_000 });
	expect((await admin('GET', `/state/ghl/contacts?locationId=${LOC1}`)).body.count).toBe(10_000);
	expect((await admin('GET', `/state/ghl/contacts?locationId=${LOC2}`)).body.count).toBe(0);
	const contactId = seeded.body.ghl.sampleContactIds[0];
	const tasks = (await admin('GET', `/state/ghl/tasks?contactId=${contactId}`)).body;
	expect(tasks.count).toBe(1);
	expect(tasks.tasks[0].contactId).toBe(contactId);
	expect((await admin('GET', '/state/ghl/nothing')).status).toBe(404);
	const search = await ghlClient(sandbox).post('/contacts/search', { locationId: LOC1, pageLimit: 1 });
	expect(search.body.total).toBe(10_000);
});

it('snapshots never include token values or the client secret', async () => {
	const snapshot = (await admin('GET', '/state/ghl')).body;
	expect(Object.keys(snapshot)).toEqual(expect.arrayContaining(['locations', 'contacts', 'businesses', 'tokens', 'clients']));
	const text = JSON.stringify(snapshot);
	expect(text).not.toContain(PIT);
	expect(text).not.toContain(GHL_DEFAULTS.clientSecret);
	expect(snapshot.tokens).toMatchObject({ pits: 1 });
});

it('passes Tookan seeds through and serves its state', async () => {
	const seeded = await admin('POST', '/seed', { tookan: { agents: 2, tasks: 3 } });
	expect(seeded.status).toBe(200);
	expect(seeded.body.tookan).toBeDefined();
	const state = await admin('GET', '/state/tookan');
	expect(state.status).toBe(200);
	expect(typeof state.body).toBe('object');
});

it('changes config at runtime and reset restores the start state (data, config, faults, webhooks, log)', async () => {
	const config = await admin('PUT', '/config', { ghl: { accessTokenTtlSeconds: 5, locations: { [LOC1]: { allowDuplicateContact: true } } } });
	expect(config.body.ghl).toMatchObject({ accessTokenTtlSeconds: 5, locations: { [LOC1]: { allowDuplicateContact: true } }, rateLimit: { max: 100 } });
	await ghlClient(sandbox).post('/contacts/', { locationId: LOC1, firstName: 'Gone soon' });
	await admin('POST', '/webhooks', { url: 'http://127.0.0.1:9/hook', service: 'ghl' });
	await admin('PUT', '/faults', { profile: 'storm' });
	expect((await admin('POST', '/reset')).body).toEqual({ ok: true });
	expect((await admin('GET', '/state/ghl/contacts')).body.count).toBe(0);
	expect((await admin('GET', '/config')).body.ghl).toMatchObject({ accessTokenTtlSeconds: 86399, locations: {} });
	expect((await admin('GET', '/faults')).body.profile).toBe('none');
	expect((await admin('GET', '/webhooks')).body.targets).toEqual([]);
	expect((await admin('GET', '/requests')).body.count).toBe(0);
});

it('registers, lists and removes webhook targets', async () => {
	const created = await admin('POST', '/webhooks', { url: 'http://127.0.0.1:9/a', service: 'ghl', events: ['ContactCreate'], locationId: LOC1 });
	expect(created.status).toBe(201);
	expect(created.body).toMatchObject({ id: expect.any(String), service: 'ghl', events: ['ContactCreate'], locationId: LOC1 });
	await admin('POST', '/webhooks', { url: 'http://127.0.0.1:9/b', service: 'tookan' });
	expect((await admin('GET', '/webhooks')).body.targets).toHaveLength(2);
	expect((await admin('DELETE', `/webhooks/${created.body.id}`)).status).toBe(200);
	expect((await admin('DELETE', `/webhooks/${created.body.id}`)).status).toBe(404);
	expect((await admin('POST', '/webhooks', { url: 'ftp://x', service: 'ghl' })).status).toBe(400);
	expect((await admin('POST', '/webhooks', { url: 'http://x', service: 'other' })).status).toBe(400);
	expect((await admin('DELETE', '/webhooks')).body).toEqual({ ok: true });
	expect((await admin('GET', '/webhooks')).body.targets).toEqual([]);
	expect((await admin('POST', '/webhooks/drain')).body).toEqual({ ok: true });
	expect((await admin('GET', '/webhooks/deliveries')).body.deliveries).toEqual([]);
});

it('issues PITs and OAuth token pairs, expires access tokens and revokes refresh tokens', async () => {
	const pit = await admin('POST', '/pits', { locationId: LOC2, scopes: ['contacts.readonly'] });
	expect(pit.status).toBe(201);
	expect(pit.body).toMatchObject({ locationId: LOC2, scopes: ['contacts.readonly'], userType: 'Location' });
	expect(pit.body.token).toMatch(/^pit-[0-9a-f-]{36}$/);
	expect((await ghlClient(sandbox, pit.body.token).post('/contacts/search', { locationId: LOC2, pageLimit: 1 })).status).toBe(200);
	const pair = (await admin('POST', '/tokens', { locationId: LOC1 })).body;
	expect(pair).toMatchObject({ token_type: 'Bearer', userType: 'Location', locationId: LOC1, refresh_token: expect.any(String) });
	const oauth = ghlClient(sandbox, pair.access_token);
	expect((await oauth.get(`/locations/${LOC1}/tags`)).status).toBe(200);
	expect((await admin('POST', '/tokens/expire', {})).body.expired).toBe(1);
	expect((await oauth.get(`/locations/${LOC1}/tags`)).body.message).toBe('Invalid JWT');
	expect((await ghlClient(sandbox, pit.body.token).post('/contacts/search', { locationId: LOC2, pageLimit: 1 })).status).toBe(200);
	expect((await admin('POST', '/tokens/revoke', {})).body.revoked).toBe(1);
	expect((await admin('POST', '/pits', { locationId: 'nope' })).status).toBe(400);
});

it('logs service requests (never credentials) with a counter; admin calls are not counted', async () => {
	await admin('GET', '/info');
	await admin('GET', '/state/ghl/contacts');
	expect((await admin('GET', '/requests')).body).toEqual({ count: 0, requests: [] });
	await ghlClient(sandbox).get(`/locations/${LOC1}/tags`);
	await fetch(`${sandbox.tookanBaseUrl}/get_all_teams?api_key=secret-key-value`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"api_key":"secret-key-value"}' });
	const log = (await admin('GET', '/requests')).body;
	expect(log.count).toBe(2);
	expect(log.requests[0]).toMatchObject({ seq: 1, method: 'GET', path: `/ghl/locations/${LOC1}/tags`, service: 'ghl', status: 200 });
	expect(log.requests[1]).toMatchObject({ service: 'tookan', path: '/tookan/v2/get_all_teams?api_key=%5Bredacted%5D' });
	const text = JSON.stringify(log);
	expect(text).not.toContain(PIT);
	expect(text).not.toContain('secret-key-value');
	expect((await admin('GET', '/requests?service=ghl')).body.requests).toHaveLength(1);
	expect((await admin('GET', '/requests?since=1')).body.requests.map((r: { seq: number }) => r.seq)).toEqual([2]);
	await admin('DELETE', '/requests');
	expect(sandbox.admin.requestCount()).toBe(0);
});

it('npm run sandbox (cli.ts) starts on the given port with a fault profile and seed, printing URLs and the public key', async () => {
	const child = spawn(process.execPath, [join(__dirname, '../../node_modules/tsx/dist/cli.mjs'), join(__dirname, '../../sandbox/cli.ts'), '--port', '0', '--faults', 'storm', '--seed-contacts', '7', '--seed-tasks', '2'], {
		stdio: ['ignore', 'pipe', 'pipe'],
	});
	try {
		const banner = await new Promise<string>((resolve, reject) => {
			let out = '';
			child.stdout.on('data', (chunk: Buffer) => {
				out += chunk.toString();
				if (out.includes('END PUBLIC KEY')) resolve(out);
			});
			child.on('exit', (code) => reject(new Error(`cli exited with ${code}: ${out}`)));
		});
		const adminUrl = /Admin API\s+(http:\/\/127\.0\.0\.1:\d+\/_admin)/.exec(banner)![1];
		expect(banner).toContain(PIT);
		expect(banner).toContain('BEGIN PUBLIC KEY');
		expect(((await (await fetch(`${adminUrl}/faults`)).json()) as { profile: string }).profile).toBe('storm');
		expect(((await (await fetch(`${adminUrl}/state/ghl/contacts`)).json()) as { count: number }).count).toBe(7);
	} finally {
		child.kill('SIGTERM');
	}
}, 30_000);
