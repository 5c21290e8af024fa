/**
 * Custom field templates of the Tookan stand-in (sandbox/tookan/tasks/templates.ts): a task keeps its
 * template and values; get_job_details and get_all_tasks (custom_fields: 1) list every field of the template
 * with its type, required flag and dropdown options; labels the template lacks are dropped.
 */
import { createDelivery, createPair, details, expectOk, startWorld } from './tookan/fixtures';
import type { Harness } from './tookan/harness';

let h: Harness;

beforeAll(async () => ({ h } = await startWorld()));

afterAll(() => h.close());

const fieldsOf = (task: Record<string, unknown>) => task.custom_field as Array<Record<string, unknown>>;

test('a task with a template the account defines lists every field of it, values by label, the rest empty', async () => {
	const id = await createDelivery(h, {
		custom_field_template: 'Delivery_Details',
		meta_data: [
			{ label: 'Order_Value', data: '12.5' },
			{ label: 'Delivery_Slot', data: 'Evening' },
		],
	});
	const fields = fieldsOf(await details(h, id));
	expect(fields.map((f) => f.label)).toEqual(['Order_Value', 'Gift_Note', 'Delivery_Slot', 'Fragile', 'Deliver_On', 'Receiver_Email', 'Proof_Photo']);
	expect(fields[0]).toMatchObject({ label: 'Order_Value', display_name: 'Order Value', data_type: 'Number', required: 1, data: '12.5', value: '12.5', template_id: 'Delivery_Details' });
	expect(fields[1]).toMatchObject({ label: 'Gift_Note', data: '', required: 0 });
	expect(fields[2]).toMatchObject({
		data_type: 'Dropdown',
		data: 'Evening',
		dropdown: [
			{ id: 1, value: 'Morning' },
			{ id: 2, value: 'Afternoon' },
			{ id: 3, value: 'Evening' },
		],
	});
});

test('labels the template does not have are dropped (not an error); an undefined template keeps values as Text', async () => {
	const res = await h.call('create_task', {
		...{ timezone: -330, layout_type: 0, has_pickup: 0, has_delivery: 1, customer_address: 'X', job_delivery_datetime: '2025-03-11 10:00:00' },
		custom_field_template: 'Delivery_Details',
		meta_data: [{ label: 'Not_A_Field', data: 'x' }, { label: 'Gift_Note', data: 'Hi' }],
	});
	const task = await details(h, expectOk(res).data.job_id);
	expect(fieldsOf(task).some((f) => f.label === 'Not_A_Field')).toBe(false);
	expect(fieldsOf(task).find((f) => f.label === 'Gift_Note')).toMatchObject({ data: 'Hi' });
	const loose = await details(h, await createDelivery(h, { custom_field_template: 'Nobody_Defined_This', meta_data: [{ label: 'Any', data: '1' }] }));
	expect(fieldsOf(loose)).toEqual([expect.objectContaining({ label: 'Any', data: '1', data_type: 'Text', template_id: 'Nobody_Defined_This' })]);
});

test('the pickup side keeps its own template; get_all_tasks with custom_fields: 1 returns the same custom_field[]', async () => {
	const pair = await createPair(h, {
		job_pickup_datetime: '2025-05-02 09:00:00',
		job_delivery_datetime: '2025-05-02 12:00:00',
		pickup_custom_field_template: 'Pickup_Checks',
		pickup_meta_data: [{ label: 'Seal_Number', data: 'S-1' }],
		custom_field_template: 'Delivery_Details',
		meta_data: [{ label: 'Gift_Note', data: 'For you' }],
	});
	expect(fieldsOf(await details(h, pair.pickup)).map((f) => [f.label, f.data, f.template_id])).toEqual([
		['Seal_Number', 'S-1', 'Pickup_Checks'],
		['Packages', '', 'Pickup_Checks'],
	]);
	const listed = expectOk(await h.call('get_all_tasks', { job_type: 1, start_date: '2025-05-02', end_date: '2025-05-02', custom_fields: 1 })).data;
	const delivery = (listed as Array<Record<string, unknown>>).find((t) => t.job_id === pair.delivery)!;
	expect(fieldsOf(delivery)).toEqual(fieldsOf(await details(h, pair.delivery)));
});

test('fields added to a template later appear on new tasks only; an edit changes the labels it sends and keeps the others', async () => {
	const config = h.module.config();
	const before = config.templates;
	const old = await createDelivery(h, { custom_field_template: 'Delivery_Details', meta_data: [{ label: 'Gift_Note', data: 'A' }, { label: 'Order_Value', data: '1' }] });
	config.templates = { ...before, Delivery_Details: [...before.Delivery_Details, { label: 'Floor', data_type: 'Number' }] };
	try {
		const fresh = await createDelivery(h, { custom_field_template: 'Delivery_Details' });
		expect(fieldsOf(await details(h, fresh)).map((f) => f.label)).toContain('Floor');
		expect(fieldsOf(await details(h, old)).map((f) => f.label)).not.toContain('Floor');
	} finally {
		config.templates = before;
	}
	expectOk(await h.call('edit_task', { job_id: old, meta_data: [{ label: 'Gift_Note', data: 'B' }] }));
	const edited = fieldsOf(await details(h, old));
	expect(edited.find((f) => f.label === 'Gift_Note')).toMatchObject({ data: 'B' });
	expect(edited.find((f) => f.label === 'Order_Value')).toMatchObject({ data: '1' });
	expectOk(await h.call('edit_task', { job_id: old, custom_field_template: 'Pickup_Checks', meta_data: [{ label: 'Packages', data: '3' }] }));
	expect(fieldsOf(await details(h, old)).map((f) => [f.label, f.data, f.template_id])).toEqual([
		['Seal_Number', '', 'Pickup_Checks'],
		['Packages', '3', 'Pickup_Checks'],
	]);
});
