import { JOB_STATUS } from '../../../package/nodes/shared/tookan/codes';
import { TookanTrigger } from '../../../package/nodes/TookanTrigger/TookanTrigger.node';
import { withoutSecrets } from '../../../package/nodes/TookanTrigger/redact';
import { deliver, lifecycle } from './webhook-context';

const node = new TookanTrigger();
const SECRET = 'unit-shared-secret-1234';
const credentials = { tookanApi: { apiKey: 'unit-api-key', baseUrl: 'http://127.0.0.1:9/v2', sharedSecret: SECRET } };

function delivery(overrides: Record<string, unknown> = {}) {
	return {
		job_id: 101,
		job_status: 2,
		job_state: 'Successful',
		template_key: 'SUCCESSFUL',
		customer_username: 'Ada',
		tookan_shared_secret: SECRET,
		access_token: 'account-token-value',
		fleet_name: 'Bob',
		custom_fields: [{ label: 'Gate', data: '12', api_key: 'nested-key' }],
		task_history: [{ id: 7, type: 'state_changed' }],
		...overrides,
	};
}

const parameters = (extra: Record<string, unknown> = {}) => ({ statuses: [], templateKeys: '', enrich: false, ...extra });

describe('Tookan Trigger webhook()', () => {
	it('starts one execution whose item holds no secret', async () => {
		const run = await deliver(node, { parameters: parameters(), credentials, delivery: { body: delivery() } });
		expect(run.items).toHaveLength(1);
		const item = run.items![0];
		const text = JSON.stringify(item);
		for (const secret of [SECRET, 'account-token-value', 'nested-key']) expect(text).not.toContain(secret);
		expect(item).not.toHaveProperty('tookan_shared_secret');
		expect(item).not.toHaveProperty('access_token');
		expect(item).toMatchObject({ job_id: 101, template_key: 'SUCCESSFUL', custom_fields: [{ label: 'Gate', data: '12' }] });
	});

	it('puts an ISO instant with the task\'s offset beside each of Tookan\'s local times', async () => {
		const body = delivery({ timezone: '-330', job_delivery_datetime: '2026-05-01 18:30:00', job_pickup_datetime: '05/01/2026 02:50 pm', completed_datetime: '0000-00-00 00:00:00' });
		const run = await deliver(node, { parameters: parameters(), credentials, delivery: { body } });
		expect(run.items![0]).toMatchObject({
			job_delivery_datetime: '2026-05-01 18:30:00',
			job_delivery_datetime_iso: '2026-05-01T18:30:00+05:30',
			job_pickup_datetime_iso: '2026-05-01T14:50:00+05:30',
		});
		expect(run.items![0]).not.toHaveProperty('completed_datetime_iso');
	});

	it('answers 401 for a wrong or missing secret and starts nothing', async () => {
		const wrong = await deliver(node, {
			parameters: parameters(),
			credentials,
			delivery: { body: delivery({ tookan_shared_secret: 'guess' }) },
		});
		expect(wrong.response).toEqual({ statusCode: 401, body: { received: false, reason: 'the shared secret is wrong' } });
		const missing = await deliver(node, {
			parameters: parameters(),
			credentials,
			delivery: { body: delivery({ tookan_shared_secret: undefined }) },
		});
		expect(missing.response).toEqual({ statusCode: 401, body: { received: false, reason: 'the shared secret is missing' } });
		expect(wrong.items).toBeUndefined();
		expect(missing.items).toBeUndefined();
	});

	it('answers 429 when the credential has no shared secret (nothing would be safe to accept; try again later)', async () => {
		const run = await deliver(node, {
			parameters: parameters(),
			credentials: { tookanApi: { ...credentials.tookanApi, sharedSecret: '' } },
			delivery: { body: delivery({ tookan_shared_secret: '' }) },
		});
		expect(run.response.statusCode).toBe(429);
		expect(run.items).toBeUndefined();
	});

	it('rotation: the Previous Webhook Shared Secret is accepted while set, outputs then say which secret came, and a copy is still one delivery', async () => {
		const NEXT = 'unit-shared-secret-next-5678';
		const rotating = { tookanApi: { ...credentials.tookanApi, sharedSecret: NEXT, previousSharedSecret: SECRET } };
		const staticData = {};
		const old = await deliver(node, { parameters: parameters(), credentials: rotating, staticData, delivery: { body: delivery({ job_id: 201 }) } });
		const current = await deliver(node, { parameters: parameters(), credentials: rotating, staticData, delivery: { body: delivery({ job_id: 202, tookan_shared_secret: NEXT }) } });
		expect([old.items?.[0].verifiedWith, current.items?.[0].verifiedWith]).toEqual(['previous', 'current']);
		expect(old.hints.map((h) => h.message)).toEqual([expect.stringContaining('Previous Webhook Shared Secret')]);
		expect(JSON.stringify([old.items, current.items])).not.toContain(NEXT);
		// the same event re-sent with the new secret is the same delivery
		const copy = await deliver(node, { parameters: parameters(), credentials: rotating, staticData, delivery: { body: delivery({ job_id: 201, tookan_shared_secret: NEXT }) } });
		expect(copy.items).toBeUndefined();
		const done = { tookanApi: { ...credentials.tookanApi, sharedSecret: NEXT } };
		expect((await deliver(node, { parameters: parameters(), credentials: done, delivery: { body: delivery({ job_id: 203 }) } })).response.statusCode).toBe(401);
		const after = await deliver(node, { parameters: parameters(), credentials: done, delivery: { body: delivery({ job_id: 204, tookan_shared_secret: NEXT }) } });
		expect(after.items?.[0]).not.toHaveProperty('verifiedWith');
	});

	it('filters by job status names and template keys', async () => {
		const failedOnly = parameters({ statuses: [3] });
		const skipped = await deliver(node, { parameters: failedOnly, credentials, delivery: { body: delivery() } });
		expect(skipped.items).toBeUndefined();
		expect(skipped.result.webhookResponse).toMatchObject({ reason: 'job status Successful is not selected' });
		const failed = await deliver(node, {
			parameters: failedOnly,
			credentials,
			delivery: { body: delivery({ job_status: '3', template_key: 'FAILED' }) },
		});
		expect(failed.items).toHaveLength(1);

		const keyed = parameters({ templateKeys: 'failed, agent_started' });
		expect((await deliver(node, { parameters: keyed, credentials, delivery: { body: delivery() } })).items).toBeUndefined();
		const started = await deliver(node, {
			parameters: keyed,
			credentials,
			delivery: { body: delivery({ job_status: 1, template_key: 'AGENT_STARTED' }) },
		});
		expect(started.items).toHaveLength(1);
	});

	it.each(Object.entries(JOB_STATUS))('starts the workflow for a task that became %s (%s) when that status is selected', async (code, name) => {
		const only = parameters({ statuses: [Number(code)] });
		const run = await deliver(node, {
			parameters: only,
			credentials,
			delivery: { body: delivery({ job_status: Number(code), job_id: 500 + Number(code), job_state: name }) },
		});
		expect(run.items).toHaveLength(1);
		expect(run.items![0]).toMatchObject({ job_status: Number(code), job_id: 500 + Number(code) });
		const other = await deliver(node, {
			parameters: only,
			credentials,
			delivery: { body: delivery({ job_status: Number(code) === 2 ? 3 : 2, job_id: 600 + Number(code) }) },
		});
		expect(other.items).toBeUndefined();
	});

	it('drops an exact duplicate delivery but not a later change of the same task', async () => {
		const staticData = {};
		const workflowId = 'wf-duplicates';
		const body = delivery();
		const first = await deliver(node, { parameters: parameters(), credentials, staticData, workflowId, delivery: { body } });
		const again = await deliver(node, { parameters: parameters(), credentials, staticData, workflowId, delivery: { body } });
		const later = await deliver(node, {
			parameters: parameters(),
			credentials,
			staticData,
			workflowId,
			delivery: { body: delivery({ task_history: [{ id: 7 }, { id: 8, type: 'state_changed' }] }) },
		});
		expect(first.items).toHaveLength(1);
		expect(again.items).toBeUndefined();
		expect(again.result.webhookResponse).toMatchObject({ reason: 'duplicate delivery' });
		expect(later.items).toHaveLength(1);
		expect(JSON.stringify(staticData)).not.toContain(SECRET);
	});
});

describe('Tookan Trigger webhookMethods', () => {
	it('records the setup and notices a changed secret', async () => {
		const staticData = {};
		const hooks = lifecycle(node, { parameters: parameters(), credentials, staticData });
		expect(await hooks.checkExists()).toBe(false);
		await hooks.create();
		expect(await hooks.checkExists()).toBe(true);
		expect(JSON.stringify(staticData)).not.toContain(SECRET);
		const rotated = lifecycle(node, {
			parameters: parameters(),
			credentials: { tookanApi: { ...credentials.tookanApi, sharedSecret: 'another-secret-value' } },
			staticData,
		});
		expect(await rotated.checkExists()).toBe(false);
		const rotating = lifecycle(node, {
			parameters: parameters(),
			credentials: { tookanApi: { ...credentials.tookanApi, previousSharedSecret: 'the-one-before-1234' } },
			staticData,
		});
		expect(await rotating.checkExists()).toBe(false);
		await hooks.delete();
		expect(staticData).toEqual({});
	});

	it('refuses to activate without a shared secret in the credential', async () => {
		const hooks = lifecycle(node, {
			parameters: parameters(),
			credentials: { tookanApi: { ...credentials.tookanApi, sharedSecret: '' } },
		});
		await expect(hooks.create()).rejects.toThrow('The Tookan credential has no Webhook Shared Secret');
	});
});

describe('withoutSecrets', () => {
	it('removes key-like fields at any depth and keeps the rest', () => {
		expect(
			withoutSecrets({
				job_id: 1,
				apiKey: 'k',
				nested: { refresh_token: 'r', password: 'p', keep: [{ private_key: 'x', ok: true }] },
				job_token: 'tracking',
			}),
		).toEqual({ job_id: 1, nested: { keep: [{ ok: true }] }, job_token: 'tracking' });
	});
});
