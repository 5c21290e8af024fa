import { generateKeyPairSync, sign, createSign, type KeyObject } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { GhlTrigger } from '../../../nodes/GhlTrigger/GhlTrigger.node';
import { hashKey } from '../../../nodes/shared/trigger/deliveries';
import { deliver, lifecycle, rawOf, webhookContext, type Delivery } from './webhook-context';

const ed = generateKeyPairSync('ed25519');
const stranger = generateKeyPairSync('ed25519');
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();

const node = new GhlTrigger();

function event(overrides: Record<string, unknown> = {}) {
	return {
		type: 'ContactCreate',
		locationId: 'loc-1',
		id: 'contact-1',
		email: 'ada@example.com',
		appId: 'app-1',
		webhookId: `wh-${Math.random().toString(36).slice(2)}`,
		timestamp: new Date().toISOString(),
		...overrides,
	};
}

function signed(body: unknown, key = ed.privateKey): Delivery {
	return { body, headers: { 'x-ghl-signature': sign(null, rawOf(body), key).toString('base64') } };
}

function appParameters(extra: Record<string, unknown> = {}, options: Record<string, unknown> = {}) {
	return {
		source: 'app',
		events: ['ContactCreate', 'TaskCreate'],
		locationIds: '',
		enrich: false,
		options: { publicKey: pem(ed.publicKey), ...options },
		...extra,
	};
}

describe('GHL Trigger webhook(): Marketplace app deliveries', () => {
	it('starts one execution with the payload of a correctly signed delivery', async () => {
		const body = event();
		const run = await deliver(node, { parameters: appParameters(), delivery: signed(body) });
		expect(run.items).toEqual([body]);
		expect(run.response).toEqual({ statusCode: 200, body: { received: true } });
	});

	it('answers 401 and starts nothing for an unsigned delivery', async () => {
		const run = await deliver(node, { parameters: appParameters(), delivery: { body: event() } });
		expect(run.items).toBeUndefined();
		expect(run.result.noWebhookResponse).toBe(true);
		expect(run.response).toEqual({
			statusCode: 401,
			body: { received: false, reason: 'the x-ghl-signature header is missing' },
		});
	});

	it('answers 401 for a forged signature (another key) and for a body changed after signing', async () => {
		const forged = await deliver(node, { parameters: appParameters(), delivery: signed(event(), stranger.privateKey) });
		expect(forged.response.statusCode).toBe(401);
		expect(forged.items).toBeUndefined();

		const original = event();
		const delivery = signed(original);
		delivery.body = { ...original, email: 'mallory@example.com' };
		const tampered = await deliver(node, { parameters: appParameters(), delivery });
		expect(tampered.response.statusCode).toBe(401);
		expect(tampered.items).toBeUndefined();
	});

	it("refuses HighLevel's real key when the sandbox signed (no override): the default key is HighLevel's", async () => {
		const run = await deliver(node, { parameters: appParameters({ options: {} }), delivery: signed(event()) });
		expect(run.response.statusCode).toBe(401);
	});

	it('runs a re-delivery with the same webhookId only once', async () => {
		const staticData = {};
		const body = event();
		const first = await deliver(node, { parameters: appParameters(), delivery: signed(body), staticData });
		const second = await deliver(node, { parameters: appParameters(), delivery: signed(body), staticData });
		expect(first.items).toHaveLength(1);
		expect(second.items).toBeUndefined();
		expect(second.result.webhookResponse).toEqual({ received: true, started: false, reason: 'duplicate delivery' });
		const other = await deliver(node, { parameters: appParameters(), delivery: signed(event()), staticData });
		expect(other.items).toHaveLength(1);
	});

	it('drops copies of one delivery arriving together: one execution for 20 concurrent copies', async () => {
		const staticData = {};
		const delivery = signed(event());
		const runs = await Promise.all(Array.from({ length: 20 }, () => deliver(node, { parameters: appParameters(), delivery, staticData })));
		expect(runs.filter((run) => run.items)).toHaveLength(1);
	});

	it('records the delivery in the static data that n8n saves (the restart itself is proven in real n8n: test/e2e/trigger-runtime.test.ts)', async () => {
		const staticData: IDataObject = {};
		const body = event();
		await deliver(node, { parameters: appParameters(), delivery: signed(body), staticData, workflowId: 'wf-record' });
		expect(Object.values(staticData.deliveries as IDataObject)).toEqual([hashKey(`webhookId:${body.webhookId}`)]);
	});

	it('records when the workflow last took a delivery (what the catch-up triggers start from), once n8n created the execution', async () => {
		const staticData: IDataObject = {};
		const before = Date.now();
		await deliver(node, { parameters: appParameters(), delivery: signed(event()), staticData, workflowId: 'wf-receipt' });
		expect(staticData.webhookReceivedAt).toBeGreaterThanOrEqual(before);
	});

	it('turns the 5xx n8n answers when it cannot create the execution into 429, and takes the next copy of that delivery', async () => {
		const staticData: IDataObject = {};
		const delivery = signed(event());
		const options = { parameters: appParameters(), delivery, staticData, workflowId: 'wf-refused', mode: 'webhook' };
		const { fn, response } = webhookContext(options);
		const result = await node.webhook!.call(fn);
		expect(result.workflowData).toHaveLength(1);
		// n8n could not create the execution: it answers the request itself (response-helper's sendErrorResponse)
		fn.getResponseObject().status(500).json({ code: 500, message: 'There was a problem executing the workflow' });
		expect(response).toMatchObject({ statusCode: 429, headers: { 'retry-after': '60' } });
		expect(staticData.webhookReceivedAt).toBeUndefined();
		// GHL's next copy is taken, not dropped as a duplicate of a delivery that never ran
		const copy = await deliver(node, options);
		expect(copy.items).toHaveLength(1);
		// a status below 500 is left as it is
		fn.getResponseObject().status(404);
		expect(response.statusCode).toBe(404);
	});

	it('answers 429 when taking a delivery fails unexpectedly', async () => {
		const { fn, response } = webhookContext({ parameters: appParameters(), delivery: signed(event()) });
		const broken = Object.assign(Object.create(fn) as object, {
			getWorkflowStaticData: () => {
				throw new Error('the static data is unreadable');
			},
		}) as unknown as typeof fn;
		const result = await node.webhook!.call(broken);
		expect(result).toEqual({ noWebhookResponse: true });
		expect(response).toMatchObject({ statusCode: 429, body: { received: false, retry: true } });
	});

	it('acknowledges events and locations that are not selected without starting', async () => {
		const task = await deliver(node, {
			parameters: appParameters({ events: ['ContactCreate'] }),
			delivery: signed(event({ type: 'NoteCreate' })),
		});
		expect(task.items).toBeUndefined();
		expect(task.result.webhookResponse).toMatchObject({ reason: 'event NoteCreate is not selected' });

		const located = await deliver(node, {
			parameters: appParameters({ locationIds: 'loc-2, loc-3' }),
			delivery: signed(event()),
		});
		expect(located.items).toBeUndefined();
		const wanted = await deliver(node, {
			parameters: appParameters({ locationIds: 'loc-2, loc-1' }),
			delivery: signed(event()),
		});
		expect(wanted.items).toHaveLength(1);
		const any = await deliver(node, { parameters: appParameters({ events: ['*'] }), delivery: signed(event({ type: 'SomethingNew' })) });
		expect(any.items).toHaveLength(1);
	});

	it('filters by app ID when asked', async () => {
		const other = await deliver(node, { parameters: appParameters({}, { appId: 'app-2' }), delivery: signed(event()) });
		expect(other.items).toBeUndefined();
		const mine = await deliver(node, { parameters: appParameters({}, { appId: 'app-1' }), delivery: signed(event()) });
		expect(mine.items).toHaveLength(1);
	});

	it('accepts the legacy RSA header only when turned on', async () => {
		const body = event();
		const legacy = { body, headers: { 'x-wh-signature': createSign('sha256').update(rawOf(body)).sign(rsa.privateKey, 'base64') } };
		const off = await deliver(node, { parameters: appParameters(), delivery: legacy });
		expect(off.response.statusCode).toBe(401);
		const on = await deliver(node, {
			parameters: appParameters({}, { acceptLegacyRsa: true, legacyPublicKey: pem(rsa.publicKey) }),
			delivery: legacy,
		});
		expect(on.items).toEqual([body]);
	});

	it('applies the timestamp window only when set', async () => {
		const old = event({ timestamp: new Date(Date.now() - 30 * 60_000).toISOString() });
		const noWindow = await deliver(node, { parameters: appParameters(), delivery: signed(old) });
		expect(noWindow.items).toHaveLength(1);
		const stale = await deliver(node, { parameters: appParameters({}, { maxAgeMinutes: 10 }), delivery: signed(event({ ...old, webhookId: 'x1' })) });
		expect(stale.response.statusCode).toBe(401);
		const undated = await deliver(node, {
			parameters: appParameters({}, { maxAgeMinutes: 10 }),
			delivery: signed(event({ timestamp: undefined })),
		});
		expect(undated.response.statusCode).toBe(401);
		const fresh = await deliver(node, { parameters: appParameters({}, { maxAgeMinutes: 10 }), delivery: signed(event()) });
		expect(fresh.items).toHaveLength(1);
		// a timestamp without an offset is UTC, as GHL writes it
		const bare = new Date(Date.now() - 60_000).toISOString().slice(0, 19);
		const utc = await deliver(node, { parameters: appParameters({}, { maxAgeMinutes: 10 }), delivery: signed(event({ timestamp: bare, webhookId: 'x2' })) });
		expect(utc.items).toHaveLength(1);
	});

	it('answers 429 (GHL sends it again later) and starts nothing when the key override is not a key', async () => {
		const run = await deliver(node, { parameters: appParameters({}, { publicKey: 'not-a-key' }), delivery: signed(event()) });
		expect(run.response).toMatchObject({ statusCode: 429, headers: { 'retry-after': '60' }, body: { received: false, retry: true } });
		expect(run.items).toBeUndefined();
	});
});

describe('GHL Trigger webhook(): workflow Webhook action deliveries', () => {
	const token = 'a'.repeat(20) + '-token';
	const parameters = { source: 'automation', secretToken: token, enrich: false };
	const payload = {
		contact_id: 'c-9',
		first_name: 'Ada',
		last_name: 'Lovelace',
		full_name: 'Ada Lovelace',
		email: 'ada@example.com',
		phone: '+14155550123',
		tags: 'vip, newsletter',
		date_created: '2026-01-02T03:04:05.000Z',
		location: { id: 'loc-1', name: 'Main' },
		workflow: { id: 'wf-9', name: 'Form follow-up' },
		customData: { plan: 'gold' },
	};

	it('maps the standard contact fields when the token is in the query', async () => {
		const run = await deliver(node, { parameters, delivery: { body: payload, query: { token } } });
		expect(run.items).toEqual([
			{
				contact: {
					id: 'c-9',
					firstName: 'Ada',
					lastName: 'Lovelace',
					name: 'Ada Lovelace',
					email: 'ada@example.com',
					phone: '+14155550123',
					tags: ['vip', 'newsletter'],
					dateAdded: '2026-01-02T03:04:05.000Z',
				},
				locationId: 'loc-1',
				location: { id: 'loc-1', name: 'Main' },
				workflow: { id: 'wf-9', name: 'Form follow-up' },
				customData: { plan: 'gold' },
				payload,
			},
		]);
	});

	it('accepts the token in the X-Webhook-Token header', async () => {
		const body = { ...payload, contact_id: 'c-header' };
		const run = await deliver(node, { parameters, delivery: { body, headers: { 'X-Webhook-Token': token } } });
		expect(run.items).toHaveLength(1);
	});

	it('drops a byte-identical re-delivery in type version 2, unless told not to; version 1 never did', async () => {
		const run = (extra: Record<string, unknown>, body: unknown, typeVersion = 2) =>
			deliver(node, { parameters: { ...parameters, ...extra }, typeVersion, staticData: {}, delivery: { body, query: { token } } });
		const body = { ...payload, contact_id: `c-${Math.random()}` };
		expect((await run({}, body)).items).toHaveLength(1);
		const again = await run({}, body);
		expect(again.items).toBeUndefined();
		expect(again.result.webhookResponse).toEqual({ received: true, started: false, reason: 'duplicate delivery' });
		expect((await run({}, { ...body, first_name: 'Ada B.' })).items).toHaveLength(1);

		const kept = { ...payload, contact_id: `c-${Math.random()}` };
		expect((await run({ dropRedeliveries: false }, kept)).items).toHaveLength(1);
		expect((await run({ dropRedeliveries: false }, kept)).items).toHaveLength(1);
		const legacy = { ...payload, contact_id: `c-${Math.random()}` };
		expect((await run({}, legacy, 1)).items).toHaveLength(1);
		expect((await run({}, legacy, 1)).items).toHaveLength(1);
	});

	it('answers 401 for a wrong or missing token', async () => {
		const wrong = await deliver(node, { parameters, delivery: { body: payload, query: { token: `${token}x` } } });
		expect(wrong.response).toEqual({ statusCode: 401, body: { received: false, reason: 'the secret token is wrong' } });
		const missing = await deliver(node, { parameters, delivery: { body: payload } });
		expect(missing.response).toEqual({ statusCode: 401, body: { received: false, reason: 'the secret token is missing' } });
		expect(wrong.items).toBeUndefined();
		expect(missing.items).toBeUndefined();
	});

	it('refuses everything while the token is too short, with 429 so that GHL sends it again once it is fixed', async () => {
		const run = await deliver(node, { parameters: { ...parameters, secretToken: 'short' }, delivery: { body: payload, query: { token: 'short' } } });
		expect(run.response.statusCode).toBe(429);
		expect(run.items).toBeUndefined();
	});
});

describe('GHL Trigger webhookMethods', () => {
	it('records the setup on create, notices changed settings, and forgets it on delete', async () => {
		const staticData = {};
		const hooks = lifecycle(node, { parameters: appParameters(), staticData });
		expect(await hooks.checkExists()).toBe(false);
		expect(await hooks.create()).toBe(true);
		expect(await hooks.checkExists()).toBe(true);
		expect(JSON.stringify(staticData)).not.toContain('BEGIN PUBLIC KEY');
		const changed = lifecycle(node, { parameters: appParameters({ events: ['TaskCreate'] }), staticData });
		expect(await changed.checkExists()).toBe(false);
		expect(await hooks.delete()).toBe(true);
		expect(await hooks.checkExists()).toBe(false);
	});

	it('refuses to activate with settings that cannot work', async () => {
		await expect(lifecycle(node, { parameters: appParameters({ events: [] }) }).create()).rejects.toThrow(
			'"Events" needs at least one event',
		);
		await expect(lifecycle(node, { parameters: appParameters({}, { publicKey: 'nope' }) }).create()).rejects.toThrow(
			'"Public Key" is not an Ed25519 public key',
		);
		await expect(
			lifecycle(node, { parameters: { source: 'automation', secretToken: 'short' } }).create(),
		).rejects.toThrow('"Secret Token" must have at least 16 characters');
	});

	it('does not store the secret token, only a fingerprint', async () => {
		const staticData = {};
		const token = 'a-very-long-secret-token-value';
		await lifecycle(node, { parameters: { source: 'automation', secretToken: token }, staticData }).create();
		expect(JSON.stringify(staticData)).not.toContain(token);
	});
});

describe('GHL Trigger: the GHL connection is only for Enrich', () => {
	const { properties, credentials } = node.description;

	it('needs no credential by default, and no credential depends on a parameter other than Authentication', () => {
		const authentication = properties.find((p) => p.name === 'authentication');
		expect(authentication?.default).toBe('none');
		// n8n's editor hides every parameter a credential's display conditions use, so Enrich must not be one
		for (const credential of credentials ?? []) expect(Object.keys(credential.displayOptions?.show ?? {})).toEqual(['authentication']);
		expect(properties.find((p) => p.name === 'enrich')?.displayOptions).toEqual({ hide: { authentication: ['none'] } });
	});

	it('starts the execution without enrichment when Enrich is on but no connection is chosen', async () => {
		const body = event();
		const run = await deliver(node, { parameters: appParameters({ enrich: true, authentication: 'none' }), delivery: signed(body) });
		expect(run.items).toEqual([body]);
	});
});
