import type { IDataObject } from 'n8n-workflow';

import { standaloneRequest } from '../../../package/nodes/shared/request';
import { tookanAdapter } from '../../../package/nodes/shared/tookan';
import type { BuiltRequest } from '../../../package/nodes/shared/types';

const context = { credentialId: 'c1', baseUrl: 'http://127.0.0.1:9/v2', userId: '', timeZone: 'UTC' };

function request(path: string, list: boolean, method: 'GET' | 'POST' = 'POST', body?: IDataObject): BuiltRequest {
	return standaloneRequest(context, method, path, { body, options: { list } });
}

describe('unwrap', () => {
	it('answers the records of status 200 and keeps the paging keys', () => {
		const outcome = tookanAdapter.unwrap(
			{ message: 'Successful', status: 200, data: [{ job_id: 1 }, { job_id: 2 }], total_page_count: 3, requested_page: 1, records_per_page: 2 },
			request('get_all_tasks', true),
		);
		expect(outcome).toEqual({
			ok: true,
			data: { data: [{ job_id: 1 }, { job_id: 2 }], total_page_count: 3, requested_page: 1, records_per_page: 2 },
		});
	});

	it('gives one record for an object, and a success record for an action without data', () => {
		expect(tookanAdapter.unwrap({ status: 200, data: { job_id: 7 } }, request('create_task', false))).toEqual({
			ok: true,
			data: { data: [{ job_id: 7 }] },
		});
		expect(tookanAdapter.unwrap({ status: 200, message: 'Updated', data: {} }, request('set_tookan_shared_secret_key', false))).toEqual({
			ok: true,
			data: { data: [{ success: true, message: 'Updated' }] },
		});
	});

	it('wraps plain values (e.g. tag names) as { value }', () => {
		expect(tookanAdapter.unwrap({ status: 200, data: ['bike', 'cold'] }, request('get_fleet_tags', true))).toEqual({
			ok: true,
			data: { data: [{ value: 'bike' }, { value: 'cold' }] },
		});
	});

	it('treats "No ... found" as an empty list for lists only', () => {
		const body = { message: 'No task found', status: 404, data: {} };
		expect(tookanAdapter.unwrap(body, request('get_job_details', true))).toEqual({ ok: true, data: { data: [] } });
		const single = tookanAdapter.unwrap(body, request('view_customer_profile', false));
		expect(single).toMatchObject({ ok: false, message: 'Tookan could not carry out the request: No task found' });
	});

	it('says an invalid API key (101) in plain words, with where to fix it', () => {
		const outcome = tookanAdapter.unwrap({ message: 'Invalid API key', status: 101, data: {} }, request('get_all_fleets', true));
		expect(outcome).toMatchObject({ ok: false, message: 'The Tookan API key is invalid' });
		expect(outcome.ok === false && outcome.description).toMatch(/API key of the Tookan credential/);
	});

	it("carries Tookan's message for 100, 201 and 404", () => {
		expect(tookanAdapter.unwrap({ message: 'Some parameter missing: job_id', status: 100 }, request('delete_task', false))).toMatchObject({
			ok: false,
			message: 'Tookan says a parameter is missing: Some parameter missing: job_id',
		});
		expect(tookanAdapter.unwrap({ message: 'Invalid team_id: 9', status: 201 }, request('add_agent', false))).toMatchObject({
			ok: false,
			message: 'Tookan refused the request: Invalid team_id: 9',
		});
		expect(tookanAdapter.unwrap({ message: 'Task not found: 5', status: 404 }, request('edit_task', false))).toMatchObject({
			ok: false,
			message: 'Tookan could not carry out the request: Task not found: 5',
		});
	});

	it('points a missing user_id at the credential', () => {
		const outcome = tookanAdapter.unwrap({ message: 'Some parameter missing: user_id', status: 100 }, request('view_regions', true));
		expect(outcome.ok === false && outcome.description).toMatch(/User ID in the Tookan credential/);
	});

	it('refuses a body without a status (e.g. a non-JSON page)', () => {
		expect(tookanAdapter.unwrap({ message: '<html>session expired</html>' }, request('get_all_fleets', true))).toMatchObject({
			ok: false,
			message: 'Tookan answered without a status',
		});
	});
});

describe('prepare', () => {
	it('POSTs JSON to <base>/<path> with the credential type and a per-credential budget', async () => {
		const prepared = await tookanAdapter.prepare({} as never, request('customer/add', false, 'POST', { name: 'A' }));
		expect(prepared).toMatchObject({ credentialType: 'tookanApi', budgetKey: 'tookan:c1', oauth: false });
		expect(prepared.options).toMatchObject({ method: 'POST', baseURL: context.baseUrl, url: '/customer/add', body: { name: 'A' }, json: true });
	});

	it('sends the parameters of the GET endpoints as a query', async () => {
		const built = request('merchant/report', true, 'GET');
		built.query = { user_id: 5, merchant_id: 3 };
		const prepared = await tookanAdapter.prepare({} as never, built);
		expect(prepared.options.qs).toEqual({ user_id: 5, merchant_id: 3 });
		expect(prepared.options.body).toBeUndefined();
	});
});

describe('explain', () => {
	it('reads a Tookan envelope that came with an HTTP error status', () => {
		const explained = tookanAdapter.explain(
			{ status: 401, headers: {}, body: { status: 101, message: 'Invalid API key' } },
			request('get_all_fleets', true),
		);
		expect(explained.message).toBe('The Tookan API key is invalid');
	});

	it('names unreachable hosts and wrong base URLs', () => {
		expect(tookanAdapter.explain({ headers: {}, body: undefined, code: 'ECONNREFUSED' }, request('x', false)).message).toBe(
			'Tookan could not be reached (ECONNREFUSED)',
		);
		expect(tookanAdapter.explain({ status: 404, headers: {}, body: 'Not Found' }, request('get_all_fleets', true)).message).toBe(
			'Tookan has no endpoint "get_all_fleets"',
		);
	});
});
