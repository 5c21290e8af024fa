import { generateKeyPairSync, sign, createSign, type KeyObject } from 'node:crypto';
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { GhlTrigger } from '../../../package/nodes/GhlTrigger/GhlTrigger.node';
import { hashKey } from '../../../package/nodes/shared/trigger/deliveries';
import { FRESH_MS, forgetCredentialReads, REREAD_MS } from '../../../package/nodes/shared/trigger/secret';
import { credentialTokens, tokenFor, WORKFLOW_WEBHOOK_CREDENTIAL } from '../../../package/nodes/GhlTrigger/token';
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

	it('checks each delivery against the Public Key set now (keys parsed once are kept by their text)', async () => {
		const first = await deliver(node, { parameters: appParameters(), delivery: signed(event()) });
		expect(first.response.statusCode).toBe(200);
		const changed = appParameters({}, { publicKey: pem(stranger.publicKey) });
		const old = await deliver(node, { parameters: changed, delivery: signed(event()) });
		expect(old.response).toEqual({ statusCode: 401, body: { received: false, reason: 'the x-ghl-signature signature does not match the body' } });
		const current = await deliver(node, { parameters: changed, delivery: signed(event(), stranger.privateKey) });
		expect(current.response.statusCode).toBe(200);
		const back = await deliver(node, { parameters: appParameters(), delivery: signed(event(), stranger.privateKey) });
		expect(back.response.statusCode).toBe(401);
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

	it('accepts the Previous Public Key while one is set, and outputs then say which key verified', async () => {
		const next = generateKeyPairSync('ed25519');
		const rotating = appParameters({}, { publicKey: pem(next.publicKey), previousPublicKey: pem(ed.publicKey) });
		const old = await deliver(node, { parameters: rotating, delivery: signed(event()) });
		const current = await deliver(node, { parameters: rotating, delivery: signed(event(), next.privateKey) });
		expect([old.items?.[0].verifiedWith, current.items?.[0].verifiedWith]).toEqual(['previous', 'current']);
		expect(old.hints.map((h) => h.message)).toEqual([expect.stringContaining('Previous Public Key')]);
		const forged = await deliver(node, { parameters: rotating, delivery: signed(event(), stranger.privateKey) });
		expect(forged.response.statusCode).toBe(401);
		const done = appParameters({}, { publicKey: pem(next.publicKey) });
		expect((await deliver(node, { parameters: done, delivery: signed(event()) })).response.statusCode).toBe(401);
		const body = event();
		expect((await deliver(node, { parameters: done, delivery: signed(body, next.privateKey) })).items).toEqual([body]);
	});

	it('answers 429 (GHL sends it again later) and starts nothing when the key override is not a key', async () => {
		const run = await deliver(node, { parameters: appParameters({}, { publicKey: 'not-a-key' }), delivery: signed(event()) });
		expect(run.response).toMatchObject({ statusCode: 429, headers: { 'retry-after': '60' }, body: { received: false, retry: true } });
		expect(run.items).toBeUndefined();
	});
});

describe('GHL Trigger webhook(): workflow Webhook action deliveries', () => {
	const tokenSecret = 'unit-token-secret-0123456789abcdef';
	const credential = (extra: Record<string, unknown> = {}) => ({ [WORKFLOW_WEBHOOK_CREDENTIAL]: { tokenSecret, rotation: 1, acceptPrevious: false, ...extra } });
	const token = tokenFor(tokenSecret, 1);
	const parameters = { source: 'automation', enrich: false };
	const credentials = credential();
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
	const fresh = () => ({ ...payload, contact_id: `c-${Math.random()}` });

	beforeEach(() => forgetCredentialReads());

	it('maps the standard contact fields when the token is in the query', async () => {
		const run = await deliver(node, { parameters, credentials, delivery: { body: payload, query: { token } } });
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
		const run = await deliver(node, { parameters, credentials, delivery: { body, headers: { 'X-Webhook-Token': token } } });
		expect(run.items).toHaveLength(1);
	});

	it('derives a 64-character token from the credential: another Token Secret or Token Number gives another token', () => {
		expect(token).toMatch(/^[0-9a-f]{64}$/);
		expect(tokenFor(tokenSecret, 1)).toBe(token);
		expect(new Set([token, tokenFor(tokenSecret, 2), tokenFor(`${tokenSecret}x`, 1)]).size).toBe(3);
		expect(credentialTokens({ tokenSecret: '' })).toEqual({});
		expect(credentialTokens({ tokenSecret, rotation: 3, acceptPrevious: true })).toEqual({ current: tokenFor(tokenSecret, 3), previous: tokenFor(tokenSecret, 2) });
		expect(credentialTokens({ tokenSecret, rotation: 3, acceptPrevious: false })).toEqual({ current: tokenFor(tokenSecret, 3) });
	});

	it('drops a byte-identical re-delivery in type version 2, unless told not to; version 1 never did', async () => {
		const run = (extra: Record<string, unknown>, body: unknown, typeVersion = 2) =>
			deliver(node, { parameters: { ...parameters, ...extra }, credentials, typeVersion, staticData: {}, delivery: { body, query: { token } } });
		const body = fresh();
		expect((await run({}, body)).items).toHaveLength(1);
		const again = await run({}, body);
		expect(again.items).toBeUndefined();
		expect(again.result.webhookResponse).toEqual({ received: true, started: false, reason: 'duplicate delivery' });
		expect((await run({}, { ...body, first_name: 'Ada B.' })).items).toHaveLength(1);

		const kept = fresh();
		expect((await run({ dropRedeliveries: false }, kept)).items).toHaveLength(1);
		expect((await run({ dropRedeliveries: false }, kept)).items).toHaveLength(1);
		const legacy = fresh();
		expect((await run({ tokenSource: 'credential' }, legacy, 1)).items).toHaveLength(1);
		expect((await run({ tokenSource: 'credential' }, legacy, 1)).items).toHaveLength(1);
	});

	it('answers 401 for a wrong or missing token', async () => {
		const wrong = await deliver(node, { parameters, credentials, delivery: { body: payload, query: { token: `${token}x` } } });
		expect(wrong.response).toEqual({ statusCode: 401, body: { received: false, reason: 'the secret token is wrong' } });
		const missing = await deliver(node, { parameters, credentials, delivery: { body: payload } });
		expect(missing.response).toEqual({ statusCode: 401, body: { received: false, reason: 'the secret token is missing' } });
		expect(wrong.items).toBeUndefined();
		expect(missing.items).toBeUndefined();
	});

	it('type version 2 ignores a Secret Token parameter left in the workflow: only the credential counts', async () => {
		const legacy = 'a-secret-token-parameter-value';
		const run = await deliver(node, { parameters: { ...parameters, secretToken: legacy }, credentials, delivery: { body: fresh(), query: { token: legacy } } });
		expect(run.response.statusCode).toBe(401);
	});

	it('answers 429 (GHL sends it again later) and starts nothing without a credential, or while the credential has no token yet', async () => {
		const none = await deliver(node, { parameters, delivery: { body: payload, query: { token } } });
		expect(none.response).toMatchObject({ statusCode: 429, body: { received: false, retry: true, reason: 'the trigger is misconfigured: "GHL Workflow Webhook credential" is not chosen' } });
		const empty = await deliver(node, { parameters, credentials: credential({ tokenSecret: '' }), delivery: { body: payload, query: { token } } });
		expect(empty.response.statusCode).toBe(429);
		expect(empty.response.body).toMatchObject({ reason: expect.stringContaining('has no token yet') });
		expect([none.items, empty.items]).toEqual([undefined, undefined]);
	});

	it('rotation: the previous token works only while Accept Previous Token is on, and outputs say which token came', async () => {
		const rotating = credential({ rotation: 2, acceptPrevious: true });
		const run = (body: unknown, given: string, data = rotating) => deliver(node, { parameters, credentials: data, delivery: { body, query: { token: given } } });
		const old = await run(fresh(), tokenFor(tokenSecret, 1));
		const current = await run(fresh(), tokenFor(tokenSecret, 2));
		expect([old.items?.[0].verifiedWith, current.items?.[0].verifiedWith]).toEqual(['previous', 'current']);
		expect(old.hints.map((h) => h.type)).toEqual(['warning']);
		expect(current.hints).toEqual([]);
		forgetCredentialReads();
		const done = credential({ rotation: 2, acceptPrevious: false });
		expect((await run(fresh(), tokenFor(tokenSecret, 1), done)).response.statusCode).toBe(401);
		const after = await run(fresh(), tokenFor(tokenSecret, 2), done);
		expect(after.items?.[0]).not.toHaveProperty('verifiedWith');
	});

	describe('type version 1, which kept the token in the Secret Token parameter', () => {
		const legacy = 'a'.repeat(20) + '-token';
		const v1 = (tokenSource: string | undefined, given: string, extra: Record<string, unknown> = {}) =>
			deliver(node, {
				typeVersion: 1,
				parameters: { ...parameters, secretToken: legacy, ...(tokenSource ? { tokenSource } : {}), ...extra },
				credentials: tokenSource && tokenSource !== 'parameter' ? credentials : undefined,
				delivery: { body: fresh(), query: { token: given } },
			});

		it('keeps working with its parameter (the default Token Source), output unchanged', async () => {
			const run = await v1(undefined, legacy);
			expect(run.items).toHaveLength(1);
			expect(run.items?.[0]).not.toHaveProperty('verifiedWith');
			expect((await v1(undefined, token)).response.statusCode).toBe(401);
		});

		it('while moving to the credential accepts both and says which; then only the credential', async () => {
			const moving = [await v1('both', legacy), await v1('both', token)];
			expect(moving.map((run) => run.items?.[0].verifiedWith)).toEqual(['parameter', 'current']);
			expect(moving[0].hints.map((h) => h.message)).toEqual([expect.stringContaining('Secret Token parameter')]);
			expect((await v1('credential', legacy)).response.statusCode).toBe(401);
			expect((await v1('credential', token)).items).toHaveLength(1);
		});

		it('refuses everything while the parameter token is too short', async () => {
			const run = await v1(undefined, 'short', { secretToken: 'short' });
			expect(run.response.statusCode).toBe(429);
			expect(run.items).toBeUndefined();
		});
	});
});

describe('credential reads in the webhook phase', () => {
	const parameters = { source: 'automation', enrich: false };
	beforeEach(() => forgetCredentialReads());
	afterEach(() => jest.useRealTimers());

	/** Credentials whose reads are counted, and which the test changes as a user saving the credential would. */
	function counted(data: ICredentialDataDecryptedObject) {
		let reads = 0;
		const credentials = { [WORKFLOW_WEBHOOK_CREDENTIAL]: data };
		const send = async (given: string) => {
			const { fn } = webhookContext({ parameters, credentials, keepCredentialReads: true, delivery: { body: { contact_id: `c-${Math.random()}` }, query: { token: given } } });
			const counting = Object.assign(Object.create(fn) as object, {
				getCredentials: async (type: string) => {
					reads++;
					return await fn.getCredentials(type);
				},
			}) as typeof fn;
			const result = await node.webhook!.call(counting);
			return result.noWebhookResponse ? 401 : 200;
		};
		return { send, reads: () => reads };
	}

	it(`reads the credential once per ${FRESH_MS / 1000} s; a token it has not seen is checked against a read started after it came (at most one per ${REREAD_MS / 1000} s), so a new token is accepted at once and a removed one refused within ${FRESH_MS / 1000} s`, async () => {
		jest.useFakeTimers({ now: 1_000_000, doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
		const data: ICredentialDataDecryptedObject = { tokenSecret: 'cache-secret-0123456789', rotation: 1, acceptPrevious: false };
		const hook = counted(data);
		const one = tokenFor('cache-secret-0123456789', 1);
		const two = tokenFor('cache-secret-0123456789', 2);
		for (let i = 0; i < 20; i++) expect(await hook.send(one)).toBe(200);
		expect(hook.reads()).toBe(1);
		// a flood of wrong tokens waits for one re-read, REREAD_MS after the last read
		await jest.advanceTimersByTimeAsync(100);
		const flood = Array.from({ length: 20 }, async () => await hook.send('wrong-token-value-000000'));
		await jest.advanceTimersByTimeAsync(REREAD_MS);
		expect(await Promise.all(flood)).toEqual(Array(20).fill(401));
		expect(hook.reads()).toBe(2);
		// the user raises Token Number with Accept Previous Token on: the new token is accepted, the old one still
		Object.assign(data, { rotation: 2, acceptPrevious: true });
		await jest.advanceTimersByTimeAsync(100);
		const first = hook.send(two);
		await jest.advanceTimersByTimeAsync(REREAD_MS);
		expect(await first).toBe(200);
		expect(await hook.send(one)).toBe(200);
		expect(hook.reads()).toBe(3);
		// and turns it off: the old token is refused once the last read is FRESH_MS old
		Object.assign(data, { acceptPrevious: false });
		expect(await hook.send(one)).toBe(200);
		await jest.advanceTimersByTimeAsync(FRESH_MS);
		expect(await hook.send(one)).toBe(401);
		expect(await hook.send(two)).toBe(200);
		expect(hook.reads()).toBe(4);
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

	it('fingerprints the key, not how it was pasted (PEM or the raw key in base64 record the same setup)', async () => {
		const staticData = {};
		await lifecycle(node, { parameters: appParameters(), staticData }).create();
		const raw = ed.publicKey.export({ format: 'der', type: 'spki' }).subarray(12).toString('base64');
		expect(await lifecycle(node, { parameters: appParameters({}, { publicKey: raw }), staticData }).checkExists()).toBe(true);
		expect(await lifecycle(node, { parameters: appParameters({}, { publicKey: pem(stranger.publicKey) }), staticData }).checkExists()).toBe(false);
	});

	it('refuses to activate with settings that cannot work', async () => {
		await expect(lifecycle(node, { parameters: appParameters({ events: [] }) }).create()).rejects.toThrow(
			'"Events" needs at least one event',
		);
		await expect(lifecycle(node, { parameters: appParameters({}, { publicKey: 'nope' }) }).create()).rejects.toThrow(
			'"Public Key" is not an Ed25519 public key',
		);
		await expect(lifecycle(node, { parameters: appParameters({}, { previousPublicKey: 'nope' }) }).create()).rejects.toThrow(
			'"Previous Public Key" is not an Ed25519 public key',
		);
		await expect(lifecycle(node, { parameters: { source: 'automation' } }).create()).rejects.toThrow(
			'"GHL Workflow Webhook credential" is not chosen',
		);
		await expect(
			lifecycle(node, { typeVersion: 1, parameters: { source: 'automation', secretToken: 'short' } }).create(),
		).rejects.toThrow('"Secret Token" must have at least 16 characters');
	});

	it('stores no token, only a fingerprint (version 1 parameter), and needs no token parameter in version 2', async () => {
		const staticData = {};
		const token = 'a-very-long-secret-token-value';
		await lifecycle(node, { typeVersion: 1, parameters: { source: 'automation', secretToken: token }, staticData }).create();
		expect(JSON.stringify(staticData)).not.toContain(token);
		const tokenSecret = 'lifecycle-secret-0123456789';
		const v2 = {};
		await lifecycle(node, { parameters: { source: 'automation' }, credentials: { [WORKFLOW_WEBHOOK_CREDENTIAL]: { tokenSecret } }, staticData: v2 }).create();
		expect(JSON.stringify(v2)).not.toContain(tokenSecret);
		expect(JSON.stringify(v2)).not.toContain(tokenFor(tokenSecret, 1));
	});
});

describe('GHL Trigger: the GHL connection is only for Enrich', () => {
	const { properties, credentials } = node.description;

	it('needs no credential by default, and no credential depends on Enrich', () => {
		const authentication = properties.find((p) => p.name === 'authentication');
		expect(authentication?.default).toBe('none');
		// n8n's editor hides the parameters a credential's display conditions use when one of them is the node's
		// "main auth field" (one whose every option shows a credential), so Enrich must not be one
		const connections = (credentials ?? []).filter((c) => c.name !== WORKFLOW_WEBHOOK_CREDENTIAL);
		for (const credential of connections) expect(Object.keys(credential.displayOptions?.show ?? {})).toEqual(['authentication']);
		expect(properties.find((p) => p.name === 'enrich')?.displayOptions).toEqual({ hide: { authentication: ['none'] } });
	});

	it('shows the workflow-webhook credential for the workflow-webhook source only, which is not an auth field ("app" needs none)', () => {
		const token = (credentials ?? []).find((c) => c.name === WORKFLOW_WEBHOOK_CREDENTIAL);
		expect(token?.displayOptions).toEqual({ show: { source: ['automation'] }, hide: { tokenSource: ['parameter'] } });
		expect(properties.find((p) => p.name === 'source')?.options?.map((o) => (o as { value: string }).value)).toEqual(['app', 'automation']);
	});

	it('starts the execution without enrichment when Enrich is on but no connection is chosen', async () => {
		const body = event();
		const run = await deliver(node, { parameters: appParameters({ enrich: true, authentication: 'none' }), delivery: signed(body) });
		expect(run.items).toEqual([body]);
	});
});
