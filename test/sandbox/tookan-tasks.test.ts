/** Task rules of the Tookan stand-in: layouts, P&D linking, time zones, custom fields, validation. */
import { createDelivery, createPair, deliveryBody, details, expectOk, IST, startWorld, pickupDeliveryBody, type World } from './tookan/fixtures';
import type { Harness } from './tookan/harness';

let h: Harness;
let w: World;

beforeAll(async () => ({ h, w } = await startWorld()));

afterAll(() => h.close());

describe('create_task layouts', () => {
	test('pickup only (0/1/0) makes one job_type 0 task whose main location is the pickup place', async () => {
		const body = { timezone: IST, layout_type: 0, has_pickup: 1, has_delivery: 0, job_pickup_address: 'Shop 4', job_pickup_name: 'Shopkeeper', job_pickup_datetime: '2025-03-10 14:00:00' };
		const t = await details(h, expectOk(await h.call('create_task', body)).data.job_id);
		expect(t).toMatchObject({ job_type: 0, has_pickup: 1, has_delivery: 0, job_pickup_address: 'Shop 4', job_address: 'Shop 4', job_pickup_datetime: '2025-03-10 14:00:00', job_delivery_datetime: '0000-00-00 00:00:00' });
	});

	test('delivery only (0/0/1) names the place job_address, not customer_address', async () => {
		const t = await details(h, await createDelivery(h));
		expect(t).toMatchObject({ job_type: 1, job_address: '12 Park Street', customer_username: 'Dev Receiver' });
		expect(t).not.toHaveProperty('customer_address');
	});

	test('pickup + delivery (0/1/1) makes two tasks sharing a pickup_delivery_relationship, with Tookan response keys', async () => {
		const res = expectOk(await h.call('create_task', pickupDeliveryBody({ order_id: 'PD-1', tracking_link: 1 })));
		const d = res.data;
		expect(d.job_id).toBe(d.pickup_job_id);
		expect(d.delivery_job_id).toBe(d.pickup_job_id + 1);
		expect(d).toMatchObject({ pickupOrderId: 'PD-1', deliveryOrderId: 'PD-1', pickupAddressNotFound: false, deliveryAddressNotFound: false });
		expect(d.pickup_tracking_link).toContain(d.pickup_job_hash);
		expect(d.delivery_tracing_link).toContain(d.delivery_job_hash);
		const [pickup, delivery] = expectOk(await h.call('get_job_details', { job_ids: [d.pickup_job_id, d.delivery_job_id] })).data;
		expect(pickup.pickup_delivery_relationship).toMatch(/^\d{15,}$/);
		expect(delivery.pickup_delivery_relationship).toBe(pickup.pickup_delivery_relationship);
		expect([pickup.job_type, delivery.job_type]).toEqual([0, 1]);
	});

	test('appointment (1/0/0) and field workforce (2/0/0) use pickup time as start and delivery time as end', async () => {
		const body = (layout: number) => ({ timezone: IST, layout_type: layout, has_pickup: 0, has_delivery: 0, customer_address: 'Clinic', job_pickup_datetime: '2025-03-11 09:00:00', job_delivery_datetime: '2025-03-11 10:30:00' });
		const appointment = await details(h, expectOk(await h.call('create_task', body(1))).data.job_id);
		const fos = await details(h, expectOk(await h.call('create_task', body(2))).data.job_id);
		expect(appointment).toMatchObject({ job_type: 2, layout_type: 1, job_time: '2025-03-11 09:00:00', job_delivery_datetime: '2025-03-11 10:30:00' });
		expect(fos).toMatchObject({ job_type: 3, layout_type: 2 });
	});

	test('layouts outside the table, an end before the start, and missing layout fields are refused', async () => {
		expect((await h.call('create_task', deliveryBody({ layout_type: 1 }))).status).toBe(201);
		const backwards = { timezone: IST, layout_type: 1, has_pickup: 0, has_delivery: 0, customer_address: 'X', job_pickup_datetime: '2025-03-11 10:00:00', job_delivery_datetime: '2025-03-11 09:00:00' };
		expect((await h.call('create_task', backwards)).status).toBe(201);
		expect(await h.call('create_task', deliveryBody({ customer_address: undefined }))).toMatchObject({ status: 100, message: expect.stringContaining('customer_address') });
		expect(await h.call('create_task', pickupDeliveryBody({ job_pickup_datetime: '' }))).toMatchObject({ status: 100, message: expect.stringContaining('job_pickup_datetime') });
	});

	test('a refused pickup + delivery leaves no half-created task behind', async () => {
		const before = (h.module.snapshot().tasks as unknown[]).length;
		expect((await h.call('create_task', pickupDeliveryBody({ job_delivery_datetime: 'tomorrow' }))).status).toBe(201);
		expect((h.module.snapshot().tasks as unknown[]).length).toBe(before);
	});
});

describe('time zones and dates', () => {
	test('local times are read with the timezone offset (UTC − local) and returned unchanged', async () => {
		const ist = await details(h, await createDelivery(h, { timezone: -330, job_delivery_datetime: '2025-03-10 18:30:00' }));
		const est = await details(h, await createDelivery(h, { timezone: '300', job_delivery_datetime: '2025-03-10 18:30:00' }));
		expect(ist).toMatchObject({ timezone: '-330', job_delivery_datetime: '2025-03-10 18:30:00', job_time_utc: '2025-03-10T13:00:00.000Z' });
		expect(est).toMatchObject({ timezone: '300', job_time_utc: '2025-03-10T23:30:00.000Z' });
	});

	test.each(['2025-02-30 10:00:00', '10/03/2025 10:00', '2025-03-10 25:00:00', 'soon'])('an unparseable datetime %p is status 201', async (when) => {
		const res = await h.call('create_task', deliveryBody({ job_delivery_datetime: when }));
		expect(res).toMatchObject({ status: 201, message: expect.stringContaining('job_delivery_datetime') });
	});

	test.each([-900, 800, 'IST', 1.5])('a bad timezone %p is status 201', async (timezone) => {
		expect((await h.call('create_task', deliveryBody({ timezone }))).status).toBe(201);
	});

	test('creation_datetime is ISO UTC from the sandbox clock; unset times are 0000-00-00 00:00:00', async () => {
		const t = await details(h, await createDelivery(h));
		expect(t.creation_datetime).toBe('2025-03-10T06:00:00.000Z');
		expect(t.started_datetime).toBe('0000-00-00 00:00:00');
	});
});

describe('task contents', () => {
	test('custom_field_template + meta_data become custom_field[]; pickup_meta_data goes to the pickup task', async () => {
		const pair = await createPair(h, {
			custom_field_template: 'Delivery Form',
			meta_data: [{ label: 'Gate code', data: '4711' }],
			pickup_custom_field_template: 'Pickup Form',
			pickup_meta_data: [{ label: 'Dock', data: 7 }],
		});
		expect((await details(h, pair.delivery)).custom_field).toEqual([expect.objectContaining({ label: 'Gate code', data: '4711', value: '4711', template_id: 'Delivery Form', data_type: 'Text' })]);
		expect((await details(h, pair.pickup)).custom_field).toEqual([expect.objectContaining({ label: 'Dock', data: '7', template_id: 'Pickup Form' })]);
	});

	test('tags (csv) appear in get_job_details but not in get_all_tasks; custom fields there only with custom_fields: 1', async () => {
		const id = await createDelivery(h, { tags: 'fragile,cold', job_delivery_datetime: '2025-04-02 10:00:00', meta_data: [{ label: 'A', data: 'b' }] });
		expect((await details(h, id)).tags).toBe('fragile,cold');
		const window = { job_type: 1, start_date: '2025-04-02', end_date: '2025-04-02' };
		const plain = expectOk(await h.call('get_all_tasks', window)).data[0];
		const withFields = expectOk(await h.call('get_all_tasks', { ...window, custom_fields: 1 })).data[0];
		expect(plain).not.toHaveProperty('tags');
		expect(plain).not.toHaveProperty('custom_field');
		expect(withFields.custom_field).toHaveLength(1);
	});

	test('a task creates its customer from the customer fields and reuses one with the same phone', async () => {
		const first = await details(h, await createDelivery(h, { customer_username: 'Mira New', customer_phone: '+919812345678' }));
		const second = await details(h, await createDelivery(h, { customer_username: 'Mira N.', customer_phone: '+919812345678' }));
		expect(first.customer_id).toEqual(expect.any(Number));
		expect(second.customer_id).toBe(first.customer_id);
		const found = expectOk(await h.call('find_customer_with_phone', { customer_phone: '+919812345678' })).data;
		expect(found).toEqual([expect.objectContaining({ customer_id: first.customer_id, customer_username: 'Mira New' })]);
	});

	test('tracking links come back only when tracking_link is 1; details always carry the link', async () => {
		const without = expectOk(await h.call('create_task', deliveryBody())).data;
		const withLink = expectOk(await h.call('create_task', deliveryBody({ tracking_link: 1 }))).data;
		expect(without).not.toHaveProperty('tracking_link');
		expect(withLink.tracking_link).toBe(`${h.module.config().trackingBaseUrl}/${withLink.job_hash}`);
		expect((await details(h, without.job_id)).tracking_link).toContain(without.job_hash);
	});

	test('a task given a fleet_id starts assigned, in that agent\'s team', async () => {
		expect(await details(h, await createDelivery(h, { fleet_id: w.otherFleetId }))).toMatchObject({ job_status: 0, fleet_id: w.otherFleetId, team_id: w.otherTeamId });
	});

	test('auto_assignment picks a free agent of the team carrying the task tag', async () => {
		const team = expectOk(await h.call('create_team', { team_name: 'Auto' })).data.team_id;
		const plain = expectOk(await h.call('add_agent', { username: 'auto-plain', phone: '1', first_name: 'P', team_id: team, timezone: IST })).data.fleet_id;
		const tagged = expectOk(await h.call('add_agent', { username: 'auto-van', phone: '2', first_name: 'V', team_id: team, timezone: IST })).data.fleet_id;
		await h.call('update_fleet_tags', { fleet_id: tagged, tags: 'van' });
		expect((await details(h, await createDelivery(h, { auto_assignment: 1, team_id: team, tags: 'van' }))).fleet_id).toBe(tagged);
		expect((await details(h, await createDelivery(h, { auto_assignment: 1, team_id: team }))).fleet_id).toBe(plain);
		h.module.setAgentDuty(plain, false);
		h.module.setAgentDuty(tagged, false);
		expect(await details(h, await createDelivery(h, { auto_assignment: 1, team_id: team }))).toMatchObject({ fleet_id: null, job_status: 6 });
	});
});

describe('status codes for bad requests', () => {
	test('update_task_status accepts 0-4 and 6-9 only', async () => {
		const id = await createDelivery(h);
		for (const bad of [5, 10, 11, -1]) {
			expect(await h.call('update_task_status', { job_id: id, job_status: bad })).toMatchObject({ status: 201, message: 'Invalid job_status' });
		}
		for (const good of [0, 1, 2, 3, 4, 6, 7, 8, 9]) expectOk(await h.call('update_task_status', { job_id: id, job_status: good }));
	});

	test('get_job_details takes at most 100 job_ids', async () => {
		const ids = Array.from({ length: 101 }, (_, i) => i + 1);
		expect(await h.call('get_job_details', { job_ids: ids })).toMatchObject({ status: 201, message: expect.stringContaining('100') });
		expect((await h.call('get_job_details', { job_ids: ids.slice(1) })).status).toBe(404);
	});

	test('a user_id that is not the account is status 201', async () => {
		const id = await createDelivery(h);
		expect((await h.call('get_task_details', { job_id: id, user_id: 42 })).status).toBe(201);
	});

	test('unknown team, agent or merchant on create is status 201', async () => {
		for (const field of ['team_id', 'fleet_id', 'merchant_id']) {
			expect(await h.call('create_task', deliveryBody({ [field]: 999 }))).toMatchObject({ status: 201, message: expect.stringContaining(field) });
		}
	});

	const UNKNOWN = 999_999_999;
	test.each([
		['get_task_details', () => ({ job_id: UNKNOWN, user_id: h.module.config().userId })],
		['get_task_details_by_order_id', () => ({ order_id: 'none', user_id: h.module.config().userId })],
		['get_job_details_by_order_id', () => ({ order_ids: ['none'] })],
		['edit_task', () => ({ job_id: UNKNOWN })],
		['delete_task', () => ({ job_id: UNKNOWN })],
		['update_task_status', () => ({ job_id: UNKNOWN, job_status: 1 })],
		['assign_task', () => ({ job_id: UNKNOWN })],
		['assign_fleet_to_task', () => ({ job_id: UNKNOWN, fleet_id: w.fleetId, team_id: w.teamId })],
		['assign_fleet_to_related_tasks', () => ({ pickup_delivery_relationship: '123' })],
		['re_autoassign_task', () => ({ job_id: UNKNOWN })],
		['reassign_open_tasks', () => ({ fleet_id: w.fleetId, job_ids: [UNKNOWN] })],
		['start_task', () => ({ job_id: UNKNOWN })],
		['cancel_task', () => ({ job_id: UNKNOWN })],
		['get_related_tasks', () => ({ pickup_delivery_relationship: '123' })],
		['change_job_date', () => ({ job_id: UNKNOWN, date: '2025-03-11' })],
		['customer/edit', () => ({ customer_id: UNKNOWN })],
		['view_customer_profile', () => ({ customer_id: UNKNOWN })],
		['delete_customer', () => ({ customer_id: UNKNOWN })],
		['edit_agent', () => ({ fleet_id: UNKNOWN })],
		['delete_fleet_account', () => ({ fleet_id: UNKNOWN })],
		['block_and_unblock_agent', () => ({ fleet_id: UNKNOWN, block_status: 0 })],
		['view_fleet_profile', () => ({ fleet_id: UNKNOWN })],
		['get_fleet_location', () => ({ fleet_id: UNKNOWN })],
		['update_fleet_tags', () => ({ fleet_id: UNKNOWN, tags: 'x' })],
		['send_notification', () => ({ fleet_ids: [UNKNOWN], message: 'hi' })],
		['fleet/wallet/create_transaction', () => ({ fleet_id: UNKNOWN, amount: 1 })],
		['get_fleets_near_customer', () => ({ customer_id: UNKNOWN })],
		['update_team', () => ({ team_id: UNKNOWN })],
		['delete_team', () => ({ team_id: UNKNOWN })],
		['delete_manager', () => ({ dispatcher_id: UNKNOWN })],
		['merchant/edit_merchant', () => ({ merchant_id: UNKNOWN })],
		['merchant/assign_merchant_to_task', () => ({ merchant_id: UNKNOWN, job_id: UNKNOWN })],
		['edit_region', () => ({ region_id: UNKNOWN })],
		['remove_region', () => ({ region_id: UNKNOWN })],
		['delete_mission', () => ({ mission_id: UNKNOWN })],
	])('%s with an unknown id is status 404', async (path, body) => {
		expect(await h.call(path, body())).toMatchObject({ status: 404, data: {} });
	});
});
