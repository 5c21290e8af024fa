/**
 * Tookan node version 2: task custom fields by template. The node learns templates and their fields from
 * recent tasks (the sandbox keeps every template field on a task, sandbox/tookan/tasks/templates.ts), offers
 * them as a list and as mapper columns, maps input keys by label or display name, checks values per item
 * before sending, and says what it cannot learn.
 */
import type { IDataObject, ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { Tookan } from '../../../package/nodes/Tookan/Tookan.node';
import { startTestbed, type Testbed } from './testbed';

let t: Testbed;
const node = new Tookan();
const DAY = 86_400_000;

/** `YYYY-MM-DD HH:mm:ss` some days from now (the learning looks at tasks dated around today). */
const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 19).replace('T', ' ');

const locator = (value: string, mode = 'list') => ({ __rl: true, mode, value });

async function seedTask(template: string, meta: IDataObject[] = [], extra: IDataObject = {}): Promise<number> {
	const answer = await t.call('create_task', {
		timezone: 0,
		layout_type: 0,
		has_pickup: 0,
		has_delivery: 1,
		customer_address: 'Seed Street 1',
		job_delivery_datetime: inDays(1),
		custom_field_template: template,
		meta_data: meta,
		...extra,
	});
	return Number((answer.data as IDataObject).job_id);
}

async function details(jobId: number): Promise<IDataObject> {
	return ((await t.call('get_job_details', { job_ids: [jobId] })).data as IDataObject[])[0];
}

const valuesOf = (task: IDataObject) =>
	Object.fromEntries((task.custom_field as IDataObject[]).filter((f) => f.data !== '').map((f) => [f.label, f.data]));

function create(extra: IDataObject = {}): IDataObject {
	return {
		resource: 'task',
		operation: 'create',
		taskType: 'delivery',
		customer_address: 'Elm Road 4',
		deliveryTime: inDays(2),
		customFieldTemplate: locator('Delivery_Details'),
		customFields: { mappingMode: 'autoMapInputData', value: null },
		...extra,
	};
}

const v2 = { typeVersion: 2 };

async function columns(method: 'getTemplateColumns' | 'getPickupTemplateColumns', parameters: IDataObject): Promise<ResourceMapperFields> {
	const { fn } = t.context(parameters, v2);
	return await node.methods.resourceMapping[method].call(fn as unknown as ILoadOptionsFunctions);
}

beforeAll(async () => {
	t = await startTestbed({ realClock: true });
	await seedTask('Delivery_Details', [{ label: 'Order_Value', data: '5' }]);
	await seedTask('Pickup_Checks', [], {
		has_pickup: 1,
		job_pickup_address: 'Depot',
		job_pickup_datetime: inDays(1),
		pickup_custom_field_template: 'Pickup_Checks',
	});
});

afterAll(async () => await t.close());

describe('what the editor learns', () => {
	test('the template list holds the templates recent tasks use, newest use first, filterable', async () => {
		const { fn } = t.context({}, v2);
		const list = await node.methods.listSearch.searchTemplates.call(fn as unknown as ILoadOptionsFunctions);
		expect(list.results.map((r) => r.value)).toEqual(['Pickup_Checks', 'Delivery_Details']);
		expect(list.results[1].name).toBe('Delivery_Details (7 fields)');
		const filtered = await node.methods.listSearch.searchTemplates.call(fn as unknown as ILoadOptionsFunctions, 'deliv');
		expect(filtered.results.map((r) => r.value)).toEqual(['Delivery_Details']);
	});

	test("the mapper's columns are the template's fields: label, type from data_type, required, dropdown options", async () => {
		const { fields } = await columns('getTemplateColumns', { customFieldTemplate: locator('Delivery_Details') });
		const byId = Object.fromEntries(fields.map((c) => [c.id, c]));
		expect(fields.map((c) => c.id)).toEqual(['Order_Value', 'Gift_Note', 'Delivery_Slot', 'Fragile', 'Deliver_On', 'Receiver_Email', 'Proof_Photo']);
		expect(byId.Order_Value).toMatchObject({ displayName: 'Order Value (Order_Value)', type: 'number', required: true, display: true });
		expect(byId.Gift_Note).toMatchObject({ type: 'string', required: false });
		expect(byId.Delivery_Slot).toMatchObject({ type: 'options', options: ['Morning', 'Afternoon', 'Evening'].map((o) => ({ name: o, value: o })) });
		expect(byId.Fragile.type).toBe('boolean');
		expect(byId.Deliver_On.type).toBe('dateTime');
		const pickup = await columns('getPickupTemplateColumns', { pickupCustomFieldTemplate: locator('Pickup_Checks', 'name') });
		expect(pickup.fields.map((c) => [c.id, c.type, c.required])).toEqual([
			['Seal_Number', 'string', true],
			['Packages', 'number', false],
		]);
	});

	test('columns come from the most recent task with the template: a field added since shows once a task has it', async () => {
		const config = t.module.config();
		const before = config.templates;
		config.templates = { ...before, Delivery_Details: [...before.Delivery_Details, { label: 'Floor', data_type: 'Number' }] };
		try {
			const { fields: old } = await columns('getTemplateColumns', { customFieldTemplate: locator('Delivery_Details') });
			expect(old.map((c) => c.id)).not.toContain('Floor');
			await seedTask('Delivery_Details');
			const { fields } = await columns('getTemplateColumns', { customFieldTemplate: locator('Delivery_Details') });
			expect(fields.map((c) => c.id)).toContain('Floor');
		} finally {
			config.templates = before;
			await seedTask('Delivery_Details');
		}
	});

	test('what it cannot learn is said in the mapper: no template, a template no recent task uses, an expression', async () => {
		expect(await columns('getTemplateColumns', {})).toEqual({ fields: [], emptyFieldsNotice: expect.stringContaining('Choose a Custom Field Template') });
		const unknown = await columns('getTemplateColumns', { customFieldTemplate: locator('Returns_Form', 'name') });
		expect(unknown.fields).toEqual([]);
		expect(unknown.emptyFieldsNotice).toMatch(/No task dated in the last 30 or next 30 days uses the template "Returns_Form".*no API that lists a template's fields.*Custom Fields by Label/);
		const expression = await columns('getTemplateColumns', { customFieldTemplate: locator('={{ $json.form }}', 'name') });
		expect(expression.emptyFieldsNotice).toMatch(/expression/);
	});
});

describe('creating tasks (version 2)', () => {
	test('Map Automatically matches input keys by label or display name (any case), converts values and lands them', async () => {
		const items = [
			{ 'Order Value': '12.50', delivery_slot: 'evening', Fragile: 'yes', 'Gift Note': 'Happy birthday', unrelated: 'x' },
			{ order_value: 7, Deliver_On: '2026-12-24', receiver_email: 'a@example.com' },
		];
		const { output, sent } = await t.run(create(), { items, typeVersion: 2 });
		const creates = sent.filter((s) => s.path === 'create_task');
		expect(creates.map((s) => [s.params.custom_field_template, s.params.meta_data])).toEqual([
			[
				'Delivery_Details',
				[
					{ label: 'Order_Value', data: '12.5' },
					{ label: 'Delivery_Slot', data: 'Evening' },
					{ label: 'Fragile', data: 'true' },
					{ label: 'Gift_Note', data: 'Happy birthday' },
				],
			],
			[
				'Delivery_Details',
				[
					{ label: 'Order_Value', data: '7' },
					{ label: 'Deliver_On', data: '2026-12-24' },
					{ label: 'Receiver_Email', data: 'a@example.com' },
				],
			],
		]);
		expect(valuesOf(await details(Number(output[0].json.job_id)))).toEqual({ Order_Value: '12.5', Delivery_Slot: 'Evening', Fragile: 'true', Gift_Note: 'Happy birthday' });
		// no columns saved with the node: learnt from recent tasks once for the run, not per item
		expect(sent.filter((s) => s.path === 'get_all_tasks').length).toBe(8);
	});

	test('bad values are refused per item with the field and item named; nothing is sent for those items', async () => {
		const items = [{ order_value: 'twelve' }, { Delivery_Slot: 'Night' }, { order_value: 3 }, { Deliver_On: 'soon' }];
		const { output, sent } = await t.run(create(), { items, typeVersion: 2, continueOnFail: true });
		expect(output.map((o) => o.json.error ?? 'ok')).toEqual([
			'"Custom Fields › Order Value" must be a number, got "twelve" [item 0]',
			'"Custom Fields › Delivery Slot" must be one of "Morning", "Afternoon", "Evening", got "Night" [item 1]',
			'ok',
			expect.stringMatching(/^"Custom Fields › Deliver On" must be a date .*"soon" \[item 3\]$/),
		]);
		expect(sent.filter((s) => s.path === 'create_task').map((s) => s.params.meta_data)).toEqual([[{ label: 'Order_Value', data: '3' }]]);
	});

	test('columns saved with the node (as the editor loaded them) are used without asking Tookan again', async () => {
		const { fields } = await columns('getTemplateColumns', { customFieldTemplate: locator('Delivery_Details') });
		const parameters = create({ customFields: { mappingMode: 'defineBelow', value: { Order_Value: '={{ $json.total }}', Delivery_Slot: 'Morning' }, schema: fields } });
		// the stand-in context does not resolve expressions: give the resolved value per item
		const resolved = (i: number) => ({ ...parameters, customFields: { ...(parameters.customFields as IDataObject), value: { Order_Value: [9, 'n/a'][i], Delivery_Slot: 'Morning' } } });
		const { output, sent } = await t.run(resolved, { items: [{}, {}], typeVersion: 2, continueOnFail: true });
		expect(sent.some((s) => s.path === 'get_all_tasks')).toBe(false);
		expect(output[0].json.job_id).toBeDefined();
		expect(output[1].json.error).toBe('"Custom Fields › Order Value" must be a number, got "n/a" [item 1]');
	});

	test('a template no recent task uses: Map Automatically is refused with the reason; values by label are sent as text', async () => {
		const auto = await t.run(create({ customFieldTemplate: locator('Returns_Form', 'name') }), { items: [{ reason: 'broken' }], typeVersion: 2, continueOnFail: true });
		expect(auto.output[0].json.error).toMatch(/^"Custom Fields" cannot be mapped automatically: the node could not learn the fields of the template "Returns_Form".*Custom Fields by Label/);
		expect(auto.sent.some((s) => s.path === 'create_task')).toBe(false);
		const byLabel = await t.run(
			create({
				customFieldTemplate: locator('Returns_Form', 'name'),
				customFields: { mappingMode: 'defineBelow', value: null },
				customerDetails: { customFieldsByLabel: { field: [{ label: 'Reason', data: 'broken' }] } },
			}),
			{ typeVersion: 2 },
		);
		expect(byLabel.sent.find((s) => s.path === 'create_task')?.params).toMatchObject({ custom_field_template: 'Returns_Form', meta_data: [{ label: 'Reason', data: 'broken' }] });
	});

	test('values by label are checked when the label is a known field, and need a template', async () => {
		const rows = (field: IDataObject[]) => ({ customFields: { mappingMode: 'defineBelow', value: null }, customerDetails: { customFieldsByLabel: { field } } });
		const bad = await t.attempt(create(rows([{ label: 'order value', data: 'lots' }])), { typeVersion: 2 });
		expect(bad.error?.message).toBe('"Custom Fields by Label › order value" must be a number, got "lots" [item 0]');
		const good = await t.run(create(rows([{ label: 'order value', data: '4' }, { label: 'Floor_Note', data: 'ring' }])), { typeVersion: 2 });
		expect(good.sent.find((s) => s.path === 'create_task')?.params.meta_data).toEqual([
			{ label: 'Order_Value', data: '4' },
			{ label: 'Floor_Note', data: 'ring' },
		]);
		const none = await t.attempt(create({ ...rows([{ label: 'A', data: 'b' }]), customFieldTemplate: locator('') }), { typeVersion: 2 });
		expect(none.error?.message).toMatch(/^"Custom Field Template" is required when custom field values are given/);
		expect(none.sent).toEqual([]);
	});

	test('the pickup side has its own template and fields (pickup_custom_field_template + pickup_meta_data)', async () => {
		const parameters = create({
			taskType: 'pickupAndDelivery',
			job_pickup_address: 'Depot',
			pickupTime: inDays(2),
			pickupCustomFieldTemplate: locator('Pickup_Checks'),
			pickupCustomFields: { mappingMode: 'autoMapInputData', value: null },
		});
		const { output, sent } = await t.run(parameters, { items: [{ 'Seal Number': 'S-9', packages: '2', order_value: 1 }], typeVersion: 2 });
		expect(sent.find((s) => s.path === 'create_task')?.params).toMatchObject({
			pickup_custom_field_template: 'Pickup_Checks',
			pickup_meta_data: [
				{ label: 'Seal_Number', data: 'S-9' },
				{ label: 'Packages', data: '2' },
			],
			meta_data: [{ label: 'Order_Value', data: '1' }],
		});
		expect(valuesOf(await details(Number(output[0].json.pickup_job_id)))).toEqual({ Seal_Number: 'S-9', Packages: '2' });
	});
});

test('Update (version 2) sends the mapped fields of the template for the task', async () => {
	const jobId = await seedTask('Delivery_Details', [{ label: 'Order_Value', data: '1' }]);
	const { sent } = await t.run(
		{
			resource: 'task',
			operation: 'update',
			job_id: String(jobId),
			customFieldTemplate: locator('Delivery_Details'),
			customFields: { mappingMode: 'defineBelow', value: { Gift_Note: 'Updated', Fragile: false } },
		},
		{ typeVersion: 2 },
	);
	expect(sent.find((s) => s.path === 'edit_task')?.params).toMatchObject({
		job_id: jobId,
		custom_field_template: 'Delivery_Details',
		meta_data: [
			{ label: 'Gift_Note', data: 'Updated' },
			{ label: 'Fragile', data: 'false' },
		],
	});
	expect(valuesOf(await details(jobId))).toEqual({ Order_Value: '1', Gift_Note: 'Updated', Fragile: 'false' });
});

describe('where the node looks, and what it says it cannot learn', () => {
	test('only tasks dated in the last 30 or next 30 days, at most 5 pages per 31-day request', async () => {
		await seedTask('Soon_Template', [{ label: 'A', data: '1' }], { job_delivery_datetime: inDays(29) });
		await seedTask('Far_Template', [{ label: 'A', data: '1' }], { job_delivery_datetime: inDays(40) });
		await seedTask('Old_Template', [{ label: 'A', data: '1' }], { job_delivery_datetime: inDays(-31) });
		for (let i = 0; i < 6; i++) await seedTask('Delivery_Details');
		const config = t.module.config();
		const pageSize = config.pageSize;
		config.pageSize = 1;
		try {
			const { fn, requests } = t.context({}, v2);
			await node.methods.listSearch.searchTemplates.call(fn as unknown as ILoadOptionsFunctions);
			const bodies = requests.map((r) => r.body as IDataObject);
			const perRequest = new Map<string, number>();
			for (const b of bodies) perRequest.set(`${String(b.job_type)} ${String(b.start_date)}`, (perRequest.get(`${String(b.job_type)} ${String(b.start_date)}`) ?? 0) + 1);
			expect(Math.max(...perRequest.values())).toBe(5);
			expect(new Set(bodies.map((b) => b.job_type))).toEqual(new Set([0, 1, 2, 3]));
			expect(bodies.every((b) => b.custom_fields === 1)).toBe(true);
		} finally {
			config.pageSize = pageSize;
		}
		const { fn } = t.context({}, v2);
		const names = (await node.methods.listSearch.searchTemplates.call(fn as unknown as ILoadOptionsFunctions)).results.map((r) => r.value);
		expect(names).toContain('Soon_Template');
		expect(names).not.toContain('Far_Template');
		expect(names).not.toContain('Old_Template');
	});

	test('a date with a time is sent as YYYY-MM-DD HH:mm:ss (an instant in the workflow time zone)', async () => {
		const { sent } = await t.run(create(), { items: [{ deliver_on: '2026-12-24T09:30:00Z' }, { deliver_on: '2026-12-24 18:00' }], typeVersion: 2, timeZone: 'Asia/Kolkata' });
		expect(sent.filter((s) => s.path === 'create_task').map((s) => s.params.meta_data)).toEqual([
			[{ label: 'Deliver_On', data: '2026-12-24 15:00:00' }],
			[{ label: 'Deliver_On', data: '2026-12-24 18:00:00' }],
		]);
	});

	test('customer and agent Create/Update say (in version 2) that Tookan takes no custom fields for them', () => {
		const notices = node.description.properties.filter((p) => p.name === 'noCustomFieldsNotice');
		const shown = notices.map((p) => [p.displayOptions?.show?.resource, p.displayOptions?.show?.operation, p.displayOptions?.show?.['@version']]);
		expect(shown).toEqual(
			expect.arrayContaining([
				[['customer'], ['create', 'update'], [2]],
				[['agent'], ['create', 'update'], [2]],
			]),
		);
		expect(notices[0].displayName).toMatch(/takes no custom fields for customers/);
	});
});
