/**
 * Invalid input is refused before anything is sent, with the field and the item named; failures from
 * Tookan become clear errors, or error items with Continue On Fail.
 */
import type { IDataObject } from 'n8n-workflow';

import { startTestbed, type Testbed } from './testbed';

let t: Testbed;

beforeAll(async () => {
	t = await startTestbed();
});

afterAll(async () => await t.close());

const delivery = { resource: 'task', operation: 'create', taskType: 'delivery', timeZone: 'Asia/Kolkata' };
const perItem = (items: IDataObject[]) => (i: number) => items[i];

describe('validation before sending', () => {
	it('names the field a task type needs and the item, and sends nothing for any item', async () => {
		const items = [
			{ ...delivery, customer_address: 'Home', deliveryTime: '2025-03-11 12:00' },
			{ ...delivery, deliveryTime: '2025-03-11 12:00' },
		];
		const { error, sent } = await t.attempt(perItem(items), { items: [{}, {}] });
		expect(error?.message).toBe('"Customer Address" is required for a Delivery task [item 1]');
		expect(sent).toHaveLength(0);
	});

	it('refuses a bad phone inside a collection, naming the collection and the field', async () => {
		const { error, sent } = await t.attempt({
			...delivery,
			customer_address: 'Home',
			deliveryTime: '2025-03-11 12:00',
			customerDetails: { customer_phone: '98111' },
		});
		expect(error?.message).toMatch(/^"Customer Details › Customer Phone" must be a phone number with its country code, .* \[item 0\]$/);
		expect(sent).toHaveLength(0);
	});

	it('refuses a time it cannot read', async () => {
		const { error, sent } = await t.attempt({ ...delivery, customer_address: 'Home', deliveryTime: 'next tuesday' });
		expect(error?.message).toMatch(/^"Deliver Before" must be a date and time such as .* \[item 0\]$/);
		expect(sent).toHaveLength(0);
	});

	it('refuses an unknown time zone', async () => {
		const { error } = await t.attempt({ ...delivery, customer_address: 'Home', deliveryTime: '2025-03-11 12:00', timeZone: 'Mars/Base' });
		expect(error?.message).toMatch(/^"Time Zone Name or ID" is not a known time zone/);
	});

	it('needs every entry of Create Many to have its address and time', async () => {
		const { error, sent } = await t.attempt({
			resource: 'task',
			operation: 'createMany',
			taskType: 'pickup',
			pickups: { pickup: [{ address: 'A', time: '2025-03-11 10:00' }, { address: 'B' }] },
		});
		expect(error?.message).toBe('"Pickups › 2 › Time" is required for a Pickup task [item 0]');
		expect(sent).toHaveLength(0);
	});

	it('refuses an end date before the start date of Get Many', async () => {
		const { error, sent } = await t.attempt({
			resource: 'task',
			operation: 'getAll',
			job_type: 1,
			start_date: '2025-03-10',
			end_date: '2025-03-01',
			returnAll: true,
		});
		expect(error?.message).toBe('"End Date" must not be before the Start Date (2025-03-10) [item 0]');
		expect(sent).toHaveLength(0);
	});

	it('asks for the User ID in the credential where an operation needs it', async () => {
		const { error, sent } = await t.attempt(
			{ resource: 'task', operation: 'getLegacy', job_id: 1 },
			{ credentials: { ...t.credentials, userId: '' } },
		);
		expect(error?.message).toBe('"User ID" is required by this operation: set it in the Tookan credential [item 0]');
		expect(sent).toHaveLength(0);
	});

	it('refuses an id that is not a number', async () => {
		const { error, sent } = await t.attempt({ resource: 'task', operation: 'delete', job_id: 'abc' });
		expect(error?.message).toBe('"Task ID" must be a Tookan ID (a number such as 123456), got "abc" [item 0]');
		expect(sent).toHaveLength(0);
	});
});

describe('errors from Tookan', () => {
	it('says the API key is invalid (status 101) and never shows the key', async () => {
		const badKey = 'wrong-key-for-this-test';
		const { error } = await t.attempt({ resource: 'team', operation: 'getAll' }, { credentials: { ...t.credentials, apiKey: badKey } });
		expect(error?.message).toBe('The Tookan API key is invalid');
		expect(JSON.stringify({ message: error?.message, description: (error as { description?: string }).description })).not.toContain(badKey);
	});

	it("carries Tookan's message for a refused request", async () => {
		const { error } = await t.attempt({ resource: 'task', operation: 'update', job_id: 999999, updateFields: { job_description: 'x' } });
		expect(error?.message).toMatch(/^Tookan could not carry out the request: /);
	});

	it('turns a failed item into an error item with Continue On Fail, and keeps going', async () => {
		const items = [
			{ resource: 'task', operation: 'delete', job_id: 999999 },
			{ resource: 'task', operation: 'delete', job_id: 'abc' },
		];
		const created = await t.call('create_task', {
			timezone: -330,
			layout_type: 0,
			has_pickup: 0,
			has_delivery: 1,
			customer_address: 'Home',
			job_delivery_datetime: '2025-03-11 12:00:00',
		});
		const jobId = Number((created.data as IDataObject).job_id);
		items.push({ resource: 'task', operation: 'delete', job_id: jobId });
		const { output } = await t.run(perItem(items), { items: [{}, {}, {}], continueOnFail: true });
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.error).toMatch(/^Tookan could not carry out the request/);
		expect(output[1].json.error).toMatch(/^"Task ID" must be a Tookan ID/);
		expect(output[2].json).toEqual({ deleted: true, job_id: jobId });
	});

	it('answers no items (not an error) when a list lookup finds nothing', async () => {
		const { output, sent } = await t.run({ resource: 'task', operation: 'getByOrderId', order_ids: 'NO-SUCH-ORDER' });
		expect(sent).toHaveLength(1);
		expect(output).toEqual([]);
	});
});
