/** Transport rules: JSON and form bodies, HTTP 200 envelopes, malformed JSON, the GET endpoints. */
import { details, expectOk, IST } from './tookan/fixtures';
import { startTookan, type Harness } from './tookan/harness';

let h: Harness;

beforeAll(async () => {
	h = await startTookan();
});

afterAll(() => h.close());

const form = (path: string, fields: Record<string, string | string[]>) => {
	const body = new URLSearchParams();
	for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one);
	return h.fetch(path, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: body.toString() });
};

test('a form-encoded create_task works, with arrays sent as JSON text', async () => {
	const res = await form('create_task', {
		api_key: h.apiKey,
		timezone: String(IST),
		layout_type: '0',
		has_pickup: '0',
		has_delivery: '1',
		customer_address: 'Form Street 1',
		job_delivery_datetime: '2025-03-10 19:00:00',
		custom_field_template: 'Form',
		meta_data: JSON.stringify([{ label: 'Floor', data: '3' }]),
	});
	expect(res.status).toBe(200);
	const body = expectOk((await res.json()) as never);
	expect(await details(h, body.data.job_id)).toMatchObject({ job_address: 'Form Street 1', custom_field: [expect.objectContaining({ label: 'Floor', data: '3' })] });
});

test('form lists work as repeated `name[]` keys and as csv', async () => {
	const ids = [];
	for (const address of ['A', 'B']) {
		const body = { timezone: IST, layout_type: 0, has_pickup: 0, has_delivery: 1, customer_address: address, job_delivery_datetime: '2025-03-10 19:00:00' };
		ids.push(expectOk(await h.call('create_task', body)).data.job_id);
	}
	const bracketed = (await (await form('get_job_details', { api_key: h.apiKey, 'job_ids[]': ids.map(String) })).json()) as { data: { job_id: number }[] };
	const csv = (await (await form('get_job_details', { api_key: h.apiKey, job_ids: ids.join(',') })).json()) as { data: { job_id: number }[] };
	expect(bracketed.data.map((t) => t.job_id)).toEqual(ids);
	expect(csv.data.map((t) => t.job_id)).toEqual(ids);
});

test('a form body with a wrong key is status 101 like JSON', async () => {
	const res = await form('get_user_details', { api_key: 'nope' });
	expect(await res.json()).toMatchObject({ status: 101 });
});

test('error envelopes come with HTTP 200', async () => {
	for (const body of [{}, { api_key: 'wrong' }, { api_key: h.apiKey, job_ids: [1] }]) {
		const res = await h.fetch('get_job_details', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		expect(res.status).toBe(200);
		expect(((await res.json()) as { status: number }).status).not.toBe(200);
	}
});

test('malformed JSON is HTTP 400', async () => {
	const res = await h.fetch('get_user_details', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"api_key": ' });
	expect(res.status).toBe(400);
});

test('a POST without a body is status 100 for the api_key', async () => {
	const res = await h.fetch('get_user_details', { method: 'POST' });
	expect(res.status).toBe(200);
	expect(await res.json()).toMatchObject({ status: 100, message: expect.stringContaining('api_key') });
});

test('the two merchant GET endpoints read api_key and user_id from the query, not the body', async () => {
	const query = new URLSearchParams({ api_key: h.apiKey, user_id: String(h.module.config().userId) });
	const ok = await h.fetch(`merchant/get_merchant_data?${query}`);
	expect(await ok.json()).toMatchObject({ status: 200, data: [] });
	expect((await h.fetch(`merchant/report?${query}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(404);
	expect((await h.fetch('create_task')).status).toBe(404);
});

test('numbers and numeric strings are interchangeable', async () => {
	const body = { timezone: '-330', layout_type: '0', has_pickup: '0', has_delivery: '1', customer_address: 'Str', job_delivery_datetime: '2025-03-10 19:00:00', team_id: '' };
	const id = expectOk(await h.call('create_task', body)).data.job_id;
	expect(expectOk(await h.call('get_job_details', { job_ids: [String(id)] })).data[0]).toMatchObject({ job_id: id, timezone: '-330', team_id: null });
});
