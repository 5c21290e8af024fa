/**
 * Create Task through the node against the sandbox: the Task Type option sets the layout flags, times are
 * sent as Tookan local times with the right `timezone`, custom fields and tags are friendly fields, and
 * Simplify shows status and task type as names.
 */
import type { IDataObject } from 'n8n-workflow';

import { startTestbed, withoutKey, type Testbed } from './testbed';

let t: Testbed;

beforeAll(async () => {
	t = await startTestbed();
});

afterAll(async () => await t.close());

const createParams = (extra: IDataObject) => ({ resource: 'task', operation: 'create', timeZone: 'Asia/Kolkata', ...extra });

async function details(jobIds: number[]): Promise<IDataObject[]> {
	return (await t.call('get_job_details', { job_ids: jobIds })).data as IDataObject[];
}

describe('Task Type', () => {
	const cases: Array<[string, IDataObject, { layout_type: number; has_pickup: number; has_delivery: number }, number[]]> = [
		['pickup', { job_pickup_address: 'Depot', pickupTime: '2025-03-11 10:00' }, { layout_type: 0, has_pickup: 1, has_delivery: 0 }, [0]],
		['delivery', { customer_address: 'Home', deliveryTime: '2025-03-11 12:00' }, { layout_type: 0, has_pickup: 0, has_delivery: 1 }, [1]],
		[
			'pickupAndDelivery',
			{ job_pickup_address: 'Depot', pickupTime: '2025-03-11 10:00', customer_address: 'Home', deliveryTime: '2025-03-11 12:00' },
			{ layout_type: 0, has_pickup: 1, has_delivery: 1 },
			[0, 1],
		],
		[
			'appointment',
			{ customer_address: 'Clinic', startTime: '2025-03-11 10:00', endTime: '2025-03-11 11:00' },
			{ layout_type: 1, has_pickup: 0, has_delivery: 0 },
			[2],
		],
		[
			'fieldWorkforce',
			{ customer_address: 'Site', startTime: '2025-03-11 10:00', endTime: '2025-03-11 16:00' },
			{ layout_type: 2, has_pickup: 0, has_delivery: 0 },
			[3],
		],
	];

	it.each(cases)('%s sets the layout flags and creates tasks of the matching job types', async (taskType, fields, flags, jobTypes) => {
		const { output, sent } = await t.run(createParams({ taskType, ...fields }));
		expect(sent).toHaveLength(1);
		expect(sent[0].params).toMatchObject(flags);
		const created = output[0].json;
		const ids = taskType === 'pickupAndDelivery' ? [created.pickup_job_id, created.delivery_job_id] : [created.job_id];
		const tasks = await details(ids.map(Number));
		expect(tasks.map((task) => Number(task.job_type)).sort()).toEqual(jobTypes);
	});
});

describe('times and time zones', () => {
	it('sends an instant as local time in the chosen zone with Tookan minutes (India: -330)', async () => {
		const { sent } = await t.run(createParams({ taskType: 'delivery', customer_address: 'Home', deliveryTime: '2025-03-11T13:00:00Z' }));
		expect(sent[0].params).toMatchObject({ job_delivery_datetime: '2025-03-11 18:30:00', timezone: -330 });
	});

	it('uses the offset that applies at the task date (New York: 300 in January, 240 in July)', async () => {
		const run = async (deliveryTime: string) =>
			(await t.run(createParams({ taskType: 'delivery', customer_address: 'Home', deliveryTime, timeZone: 'America/New_York' }))).sent[0]
				.params;
		expect(await run('2025-01-20 09:00')).toMatchObject({ job_delivery_datetime: '2025-01-20 09:00:00', timezone: 300 });
		expect(await run('2025-07-20 09:00')).toMatchObject({ job_delivery_datetime: '2025-07-20 09:00:00', timezone: 240 });
	});

	it('lets raw minutes override the zone', async () => {
		const { sent } = await t.run(
			createParams({
				taskType: 'delivery',
				customer_address: 'Home',
				deliveryTime: '2025-03-11T15:00:00Z',
				additionalFields: { timezone: 300 },
			}),
		);
		expect(sent[0].params).toMatchObject({ job_delivery_datetime: '2025-03-11 10:00:00', timezone: 300 });
	});

	it("defaults to the workflow's time zone", async () => {
		const { sent } = await t.run(
			{ resource: 'task', operation: 'create', taskType: 'delivery', customer_address: 'Home', deliveryTime: '2025-03-11T12:00:00Z' },
			{ timeZone: 'Europe/Berlin' },
		);
		expect(sent[0].params).toMatchObject({ job_delivery_datetime: '2025-03-11 13:00:00', timezone: -60 });
	});

	it('a pickup and delivery across a DST change keeps both instants: every time in the one offset sent', async () => {
		// Sydney, 2026-10-04 02:00 AEST (+10) → 03:00 AEDT (+11)
		const { sent, output } = await t.run(
			createParams({
				taskType: 'pickupAndDelivery',
				timeZone: 'Australia/Sydney',
				job_pickup_address: 'Depot',
				pickupTime: '2026-10-03 20:00',
				customer_address: 'Home',
				deliveryTime: '2026-10-04 10:00',
			}),
		);
		// the pickup's offset (AEST, -600); 10:00 AEDT is 09:00 AEST
		expect(sent[0].params).toMatchObject({ timezone: -600, job_pickup_datetime: '2026-10-03 20:00:00', job_delivery_datetime: '2026-10-04 09:00:00' });
		const ids = `${String(output[0].json.pickup_job_id)},${String(output[0].json.delivery_job_id)}`;
		const tasks = (await t.run({ resource: 'task', operation: 'get', job_ids: ids, simplify: false })).output.map((o) => o.json);
		expect(tasks.map((task) => task.job_time_utc)).toEqual(['2026-10-03T10:00:00.000Z', '2026-10-03T23:00:00.000Z']);
		expect(tasks.map((task) => task.job_time_iso)).toEqual(['2026-10-03T20:00:00+10:00', '2026-10-04T09:00:00+10:00']);
	});

	it('Create Many across a DST change writes every entry in the request\'s one offset', async () => {
		const { sent } = await t.run({
			resource: 'task',
			operation: 'createMany',
			taskType: 'delivery',
			timeZone: 'America/New_York',
			deliveries: { delivery: [{ address: 'A', time: '2025-11-01 20:00' }, { address: 'B', time: '2025-11-02 10:00' }] },
		});
		// EDT (240) from the first; 10:00 EST is 11:00 EDT
		expect(sent[0].params).toMatchObject({
			timezone: 240,
			deliveries: [
				{ address: 'A', time: '2025-11-01 20:00:00' },
				{ address: 'B', time: '2025-11-02 11:00:00' },
			],
		});
	});

	it('reads a picked time (no offset) in the workflow zone when no Time Zone is chosen', async () => {
		const { sent } = await t.run(
			{ resource: 'task', operation: 'create', taskType: 'delivery', customer_address: 'Home', deliveryTime: '2026-12-10T15:00:00' },
			{ timeZone: 'Australia/Sydney' },
		);
		expect(sent[0].params).toMatchObject({ job_delivery_datetime: '2026-12-10 15:00:00', timezone: -660 });
	});

	it('Tookan stores the instant that was meant', async () => {
		const { output } = await t.run(createParams({ taskType: 'delivery', customer_address: 'Home', deliveryTime: '2025-03-12T04:30:00Z' }));
		const [task] = await details([Number(output[0].json.job_id)]);
		expect(task).toMatchObject({ job_delivery_datetime: '2025-03-12 10:00:00', timezone: '-330' });
	});
});

it('sends custom fields as custom_field_template + meta_data and tags as a comma-separated string', async () => {
	const { sent, output } = await t.run(
		createParams({
			taskType: 'delivery',
			customer_address: 'Home',
			deliveryTime: '2025-03-11 12:00',
			customerDetails: {
				customer_phone: '+91 98111 22233',
				custom_field_template: 'Order_Details',
				meta_data: { field: [{ label: 'Order_Value', data: '12.50' }, { label: 'Fragile', data: 'yes' }] },
			},
			additionalFields: { tags: ['bike', 'cold'], order_id: 'ORD-77', tracking_link: true },
		}),
	);
	expect(sent[0].params).toMatchObject({
		customer_phone: '+919811122233',
		custom_field_template: 'Order_Details',
		meta_data: [
			{ label: 'Order_Value', data: '12.50' },
			{ label: 'Fragile', data: 'yes' },
		],
		tags: 'bike,cold',
		order_id: 'ORD-77',
		tracking_link: 1,
	});
	const [task] = await details([Number(output[0].json.job_id)]);
	expect(task.tags).toBe('bike,cold');
});

it('Create Many sends each entry with local times and the layout of the Task Type', async () => {
	const { sent, output } = await t.run({
		resource: 'task',
		operation: 'createMany',
		taskType: 'pickup',
		timeZone: 'Asia/Kolkata',
		pickups: { pickup: [{ address: 'A', time: '2025-03-11T04:30:00Z', order_id: 'P-1' }, { address: 'B', time: '2025-03-11 11:00' }] },
	});
	expect(sent[0].params).toMatchObject({
		layout_type: 0,
		has_pickup: 1,
		has_delivery: 0,
		timezone: -330,
		pickups: [
			{ address: 'A', time: '2025-03-11 10:00:00', order_id: 'P-1' },
			{ address: 'B', time: '2025-03-11 11:00:00' },
		],
	});
	expect(output).toHaveLength(1);
});

it('Update Status changes the task and Simplify shows status and type as names', async () => {
	const created = await t.run(createParams({ taskType: 'delivery', customer_address: 'Home', deliveryTime: '2025-03-11 12:00' }));
	const jobId = Number(created.output[0].json.job_id);
	await t.run({ resource: 'task', operation: 'updateStatus', job_id: jobId, job_status: 2 });
	const { output } = await t.run({ resource: 'task', operation: 'get', job_ids: String(jobId), simplify: true });
	expect(output[0].json).toMatchObject({
		job_id: jobId,
		job_status: 'Successful',
		job_status_code: 2,
		job_type: 'Delivery',
		job_type_code: 1,
		// Tookan's local time, the instant with the task's offset beside it, and Tookan's UTC time
		job_delivery_datetime: '2025-03-11 12:00:00',
		job_delivery_datetime_iso: '2025-03-11T12:00:00+05:30',
		job_time_iso: '2025-03-11T12:00:00+05:30',
		job_time_utc: '2025-03-11T06:30:00.000Z',
		timezone: '-330',
	});
	const raw = await t.run({ resource: 'task', operation: 'get', job_ids: String(jobId), simplify: false });
	expect(raw.output[0].json.job_status).toBe(2);
});

it('Update sends only the changed fields, with timezone only when a time changes', async () => {
	const created = await t.run(createParams({ taskType: 'delivery', customer_address: 'Home', deliveryTime: '2025-03-11 12:00' }));
	const jobId = Number(created.output[0].json.job_id);
	const plain = await t.run({ resource: 'task', operation: 'update', job_id: jobId, updateFields: { job_description: 'Ring twice' } });
	expect(withoutKey(plain.sent[0].params)).toEqual({ job_id: jobId, job_description: 'Ring twice' });
	expect(plain.sent[0].params.api_key === t.credentials.apiKey).toBe(true);
	const timed = await t.run({
		resource: 'task',
		operation: 'update',
		job_id: jobId,
		timeZone: 'Asia/Kolkata',
		updateFields: { job_delivery_datetime: '2025-03-11T09:30:00Z' },
	});
	expect(timed.sent[0].params).toMatchObject({ job_delivery_datetime: '2025-03-11 15:00:00', timezone: -330 });
});

it('Simplify keeps the task\'s custom field values (label → value)', async () => {
	const created = await t.run(
		createParams({
			taskType: 'delivery',
			customer_address: 'Home',
			deliveryTime: '2025-03-11 12:00',
			customerDetails: { custom_field_template: 'Order_Details', meta_data: { field: [{ label: 'Order_Value', data: '12.50' }] } },
		}),
	);
	const jobId = Number(created.output[0].json.job_id);
	const { output } = await t.run({ resource: 'task', operation: 'get', job_ids: String(jobId), simplify: true });
	expect(output[0].json.custom_fields).toEqual({ Order_Value: '12.50' });
});

it('Get Many reads picked dates and Luxon dates as the calendar dates they show, in any workflow zone', async () => {
	const day = (date: string) => t.run(createParams({ taskType: 'delivery', customer_address: 'Home', deliveryTime: `${date} 12:00`, timeZone: 'Australia/Sydney' }));
	for (const date of ['2027-03-19', '2027-03-20', '2027-03-21', '2027-03-22']) await day(date);
	const dates = async (start: unknown, end: unknown, timeZone: string) => {
		const { output, sent } = await t.run({ resource: 'task', operation: 'getAll', job_type: 1, start_date: start, end_date: end, returnAll: true, simplify: true }, { timeZone });
		return { sent: [sent[0].params.start_date, sent[0].params.end_date], days: [...new Set(output.map((o) => String(o.json.job_delivery_datetime).slice(0, 10)))].sort() };
	};
	const luxon = (iso: string) => ({ toISO: () => iso });
	const expected = { sent: ['2027-03-20', '2027-03-21'], days: ['2027-03-20', '2027-03-21'] };
	expect(await dates('2027-03-20', '2027-03-21', 'Australia/Sydney')).toEqual(expected);
	expect(await dates('2027-03-20T00:00:00', '2027-03-21T00:00:00', 'Australia/Sydney')).toEqual(expected);
	expect(await dates(luxon('2027-03-20T00:00:00.000+11:00'), luxon('2027-03-21T00:00:00.000+11:00'), 'Australia/Sydney')).toEqual(expected);
	expect(await dates(luxon('2027-03-20T21:00:00.000-04:00'), luxon('2027-03-21T21:00:00.000-04:00'), 'Australia/Sydney')).toEqual(expected);
});

it('Delete answers { deleted: true } with the task id', async () => {
	const created = await t.run(createParams({ taskType: 'delivery', customer_address: 'Home', deliveryTime: '2025-03-11 12:00' }));
	const jobId = Number(created.output[0].json.job_id);
	const { output } = await t.run({ resource: 'task', operation: 'delete', job_id: jobId });
	expect(output.map((item) => item.json)).toEqual([{ deleted: true, job_id: jobId }]);
});
