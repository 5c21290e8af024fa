/**
 * A create whose answer is lost is never sent twice: with something that identifies the record (order id,
 * phone) the node looks it up and answers with it; without, it stops and says why. A proxy in front of
 * the sandbox forwards every request and drops the connection after the first create went through.
 */
import type { IDataObject } from 'n8n-workflow';

import { startStubServer, type StubServer } from '../../helpers/stub-server';
import { startTestbed, type Testbed } from './testbed';

let t: Testbed;
let proxy: StubServer;
/** Paths whose first call is applied by the sandbox but whose answer is then lost. */
const loseFirstAnswer = new Set<string>();

beforeAll(async () => {
	t = await startTestbed({ realClock: true });
	proxy = await startStubServer(async (request: { path: string; body: unknown }) => {
		const path = request.path.replace(/^\/v2\//, '');
		const response = await fetch(`${t.sandbox.tookanBaseUrl}/${path}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(request.body ?? {}),
		});
		const body = (await response.json()) as IDataObject;
		if (loseFirstAnswer.delete(path)) return { drop: true };
		return { status: response.status, body };
	});
});

afterAll(async () => {
	await proxy.close();
	await t.close();
});

const viaProxy = () => ({ credentials: { ...t.credentials, baseUrl: `${proxy.url}/v2` } });

async function tasksWithOrderId(orderId: string): Promise<IDataObject[]> {
	const answer = await fetch(`${t.sandbox.tookanBaseUrl}/get_job_details_by_order_id`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ api_key: t.credentials.apiKey, order_ids: [orderId] }),
	});
	const body = (await answer.json()) as IDataObject;
	return Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
}

const delivery = (extra: IDataObject) => ({
	resource: 'task',
	operation: 'create',
	taskType: 'delivery',
	timeZone: 'Asia/Kolkata',
	customer_address: 'Home',
	deliveryTime: '2025-03-11 12:00',
	...extra,
});

it('finds the task by its order id after a lost answer instead of creating it again', async () => {
	loseFirstAnswer.add('create_task');
	const { output, sent } = await t.run(delivery({ additionalFields: { order_id: 'LOST-1' } }), viaProxy());
	expect(sent.map((s) => s.path)).toEqual(['create_task', 'get_job_details_by_order_id']);
	const stored = await tasksWithOrderId('LOST-1');
	expect(stored).toHaveLength(1);
	expect(output.map((item) => item.json.job_id)).toEqual([stored[0].job_id]);
});

it('does not re-send a create without an order id, and says so', async () => {
	loseFirstAnswer.add('create_task');
	const before = (await t.call('get_all_tasks', { job_type: 1, start_date: '2025-03-11', end_date: '2025-03-11' })).data as IDataObject[];
	const { error, sent } = await t.attempt(delivery({}), viaProxy());
	expect(sent.map((s) => s.path)).toEqual(['create_task']);
	expect(error?.message).toBe('The answer from Tookan was lost, so the request was not sent again');
	expect((error as { description?: string }).description).toMatch(/no Order ID to look it up by/);
	const after = (await t.call('get_all_tasks', { job_type: 1, start_date: '2025-03-11', end_date: '2025-03-11' })).data as IDataObject[];
	expect(after).toHaveLength(before.length + 1);
});

it('finds a customer by phone after a lost answer', async () => {
	loseFirstAnswer.add('customer/add');
	const { output, sent } = await t.run(
		{ resource: 'customer', operation: 'create', name: 'Lost Customer', phone: '+919800000555' },
		viaProxy(),
	);
	expect(sent.map((s) => s.path)).toEqual(['customer/add', 'find_customer_with_phone']);
	const found = (await t.call('find_customer_with_phone', { customer_phone: '+919800000555' })).data as IDataObject[];
	expect(found).toHaveLength(1);
	expect(output[0].json.customer_id).toBe(found[0].customer_id);
});

it('re-sends a read-only lookup after a lost answer', async () => {
	loseFirstAnswer.add('view_all_team_only');
	const { sent } = await t.run({ resource: 'team', operation: 'getAll' }, viaProxy());
	expect(sent.map((s) => s.path)).toEqual(['view_all_team_only', 'view_all_team_only']);
});
