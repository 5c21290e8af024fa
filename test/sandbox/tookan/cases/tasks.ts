/** Success scenarios for the 27 task endpoints. */
import { addAgent, createDelivery, createPair, deliveryBody, details, expectOk, IST, unique } from '../fixtures';
import type { Case } from './case';

export const taskCases: Case[] = [
	{
		path: 'create_task',
		async run(h) {
			const res = expectOk(await h.call('create_task', deliveryBody({ order_id: 'ORD-CT-1' })));
			expect(res.message).toBe('The task has been created.');
			const t = await details(h, res.data.job_id);
			expect(t).toMatchObject({ job_type: 1, order_id: 'ORD-CT-1', job_address: '12 Park Street', job_status: 6 });
		},
	},
	{
		path: 'create_multiple_tasks',
		async run(h) {
			const res = expectOk(
				await h.call('create_multiple_tasks', {
					timezone: IST,
					layout_type: 0,
					has_pickup: 1,
					has_delivery: 1,
					pickups: [{ address: 'Depot 1', time: '2025-03-11 09:00:00', name: 'Depot' }],
					deliveries: [
						{ address: 'Stop A', time: '2025-03-11 11:00:00', name: 'Ann', phone: '+911' },
						{ address: 'Stop B', time: '2025-03-11 12:00:00', name: 'Bo', phone: '+912', template_name: 'Order', template_data: [{ label: 'Size', data: 'L' }] },
					],
				}),
			);
			expect(res.data.pickups).toHaveLength(1);
			expect(res.data.deliveries).toHaveLength(2);
			const ids = [...res.data.pickups, ...res.data.deliveries].map((t: { job_id: number }) => t.job_id);
			const tasks = expectOk(await h.call('get_job_details', { job_ids: ids })).data;
			expect(new Set(tasks.map((t: { pickup_delivery_relationship: string }) => t.pickup_delivery_relationship)).size).toBe(1);
			expect(tasks.map((t: { job_type: number }) => t.job_type)).toEqual([0, 1, 1]);
			expect(tasks[2].custom_field[0]).toMatchObject({ label: 'Size', data: 'L', template_id: 'Order' });
		},
	},
	{
		path: 'get_job_details',
		async run(h) {
			const a = await createDelivery(h);
			const b = await createDelivery(h);
			const res = expectOk(await h.call('get_job_details', { job_ids: [b, a, 1], job_additional_info: 1 }));
			expect(res.data.map((t: { job_id: number }) => t.job_id)).toEqual([b, a]);
			expect(res.data[0].job_additional_info).toMatchObject({ job_id: b });
		},
	},
	{
		path: 'get_job_details_by_order_id',
		async run(h) {
			const order = unique('ORD');
			const id = await createDelivery(h, { order_id: order });
			const res = expectOk(await h.call('get_job_details_by_order_id', { order_ids: [order] }));
			expect(res.data.map((t: { job_id: number }) => t.job_id)).toEqual([id]);
		},
	},
	{
		path: 'get_task_details',
		async run(h) {
			const id = await createDelivery(h);
			const res = expectOk(await h.call('get_task_details', { job_id: id, user_id: h.module.config().userId }));
			expect(res.data[0]).toMatchObject({ job_id: id, job_address: '12 Park Street' });
		},
	},
	{
		path: 'get_task_details_by_order_id',
		async run(h) {
			const order = unique('ORD');
			const id = await createDelivery(h, { order_id: order });
			const res = expectOk(await h.call('get_task_details_by_order_id', { order_id: order, user_id: h.module.config().userId }));
			expect(res.data[0].job_id).toBe(id);
		},
	},
	{
		path: 'get_all_tasks',
		async run(h) {
			const id = await createDelivery(h, { job_delivery_datetime: '2025-03-12 10:00:00' });
			const res = expectOk(await h.call('get_all_tasks', { job_type: 1, start_date: '2025-03-12', end_date: '2025-03-12' }));
			expect(res.data.map((t: { job_id: number }) => t.job_id)).toContain(id);
			expect(res.data.every((t: { job_delivery_datetime: string }) => t.job_delivery_datetime.startsWith('2025-03-12'))).toBe(true);
			expect(res.data[0]).not.toHaveProperty('tags');
		},
	},
	{
		path: 'edit_task',
		async run(h, w) {
			const id = await createDelivery(h);
			expectOk(await h.call('edit_task', { job_id: id, job_description: 'Fragile', customer_address: '99 New Road', fleet_id: w.fleetId }));
			expect(await details(h, id)).toMatchObject({ job_description: 'Fragile', job_address: '99 New Road', fleet_id: w.fleetId, job_status: 0 });
		},
	},
	{
		path: 'edit_multiple_tasks',
		async run(h) {
			const pair = await createPair(h);
			expectOk(
				await h.call('edit_multiple_tasks', {
					pickups: [{ job_id: pair.pickup, address: 'Dock 7', time: '2025-03-10 15:00:00' }],
					deliveries: [{ job_id: pair.delivery, address: 'Gate 2' }],
				}),
			);
			expect(await details(h, pair.pickup)).toMatchObject({ job_pickup_address: 'Dock 7', job_pickup_datetime: '2025-03-10 15:00:00' });
			expect((await details(h, pair.delivery)).job_address).toBe('Gate 2');
		},
	},
	{
		path: 'delete_task',
		async run(h) {
			const id = await createDelivery(h);
			expectOk(await h.call('delete_task', { job_id: id }));
			expect((await h.call('get_job_details', { job_ids: [id] })).status).toBe(404);
		},
	},
	{
		path: 'update_task_status',
		async run(h) {
			const a = await createDelivery(h);
			const b = await createDelivery(h);
			expectOk(await h.call('update_task_status', { job_id: `${a},${b}`, job_status: 7 }));
			expect((await details(h, a)).job_status).toBe(7);
			expect((await details(h, b)).acknowledged_datetime).not.toBe('0000-00-00 00:00:00');
		},
	},
	{
		path: 'assign_task',
		async run(h, w) {
			const id = await createDelivery(h);
			expectOk(await h.call('assign_task', { job_id: id, fleet_id: w.fleetId, team_id: w.teamId }));
			expect(await details(h, id)).toMatchObject({ fleet_id: w.fleetId, team_id: w.teamId, job_status: 0 });
		},
	},
	{
		path: 'assign_fleet_to_task',
		async run(h, w) {
			const id = await createDelivery(h);
			expectOk(await h.call('assign_fleet_to_task', { job_id: id, fleet_id: w.otherFleetId, team_id: w.otherTeamId, job_status: 7 }));
			expect(await details(h, id)).toMatchObject({ fleet_id: w.otherFleetId, job_status: 7 });
		},
	},
	{
		path: 'assign_fleet_to_related_tasks',
		async run(h, w) {
			const pair = await createPair(h);
			const res = expectOk(await h.call('assign_fleet_to_related_tasks', { pickup_delivery_relationship: pair.token, fleet_id: w.fleetId, team_id: w.teamId }));
			expect(res.data.map((t: { job_id: number }) => t.job_id).sort()).toEqual([pair.pickup, pair.delivery].sort());
			expect((await details(h, pair.delivery)).fleet_id).toBe(w.fleetId);
		},
	},
	{
		path: 're_autoassign_task',
		async run(h, w) {
			const id = await createDelivery(h, { auto_assignment: 1, team_id: w.teamId });
			expectOk(await h.call('assign_task', { job_id: id, job_status: 6 }));
			const res = expectOk(await h.call('re_autoassign_task', { job_id: id }));
			expect(res.data[0]).toMatchObject({ job_id: id, team_id: w.teamId, job_status: 0 });
			expect(h.module.snapshot().agents).toContainEqual(expect.objectContaining({ fleet_id: res.data[0].fleet_id, team_id: w.teamId }));
		},
	},
	{
		path: 'reassign_open_tasks',
		async run(h, w) {
			const open = await createDelivery(h, { fleet_id: w.fleetId });
			const done = await createDelivery(h, { fleet_id: w.fleetId });
			expectOk(await h.call('update_task_status', { job_id: done, job_status: 2 }));
			const res = expectOk(await h.call('reassign_open_tasks', { fleet_id: w.otherFleetId, job_ids: [open, done] }));
			expect(res.data).toEqual({ reassigned: [open], skipped: [done] });
			expect((await details(h, open)).fleet_id).toBe(w.otherFleetId);
			expect((await details(h, done)).fleet_id).toBe(w.fleetId);
		},
	},
	{
		path: 'user_task_stats',
		async run(h) {
			await createDelivery(h, { job_delivery_datetime: '2025-03-14 10:00:00' });
			const window = { start_date: '2025-03-14', end_date: '2025-03-14', job_type: 1 };
			const stats = expectOk(await h.call('user_task_stats', window)).data;
			const all = expectOk(await h.call('get_all_tasks', window)).data;
			const total = stats.reduce((sum: number, s: { job_count: number }) => sum + s.job_count, 0);
			expect(total).toBe(all.length);
			expect(stats.find((s: { job_status: number }) => s.job_status === 6)).toMatchObject({ job_status_value: 'Unassigned' });
		},
	},
	{
		path: 'get_job_and_fleet_details',
		async run(h, w) {
			const id = await createDelivery(h, { job_delivery_datetime: '2025-03-15 10:00:00', team_id: w.teamId });
			const res = expectOk(await h.call('get_job_and_fleet_details', { date: '2025-03-15', team_id: w.teamId }));
			expect(res.data.tasks.map((t: { job_id: number }) => t.job_id)).toContain(id);
			expect(res.data.fleets.map((a: { fleet_id: number }) => a.fleet_id)).toEqual([w.fleetId]);
		},
	},
	{
		path: 'start_task',
		async run(h, w) {
			const id = await createDelivery(h, { fleet_id: await addAgent(h, w.teamId) });
			expectOk(await h.call('start_task', { job_id: id }));
			expect((await details(h, id)).job_status).toBe(1);
			expect((await h.call('start_task', { job_id: await createDelivery(h) })).status).toBe(201);
		},
	},
	{
		path: 'cancel_task',
		async run(h) {
			const id = await createDelivery(h);
			expectOk(await h.call('cancel_task', { job_id: id }));
			expect((await details(h, id)).job_status).toBe(9);
		},
	},
	{
		path: 'get_related_tasks',
		async run(h) {
			const pair = await createPair(h);
			const res = expectOk(await h.call('get_related_tasks', { pickup_delivery_relationship: pair.token }));
			expect(res.data.map((t: { job_id: number }) => t.job_id)).toEqual([pair.pickup, pair.delivery]);
		},
	},
	{
		path: 'get_all_deleted_tasks',
		async run(h) {
			const id = await createDelivery(h);
			await h.call('delete_task', { job_id: id });
			const res = expectOk(await h.call('get_all_deleted_tasks', {}));
			expect(res.data.find((t: { job_id: number }) => t.job_id === id)).toMatchObject({ job_status: 10, is_active: 0 });
		},
	},
	{
		path: 'change_job_date',
		async run(h) {
			const id = await createDelivery(h, { job_delivery_datetime: '2025-03-10 18:30:00' });
			expectOk(await h.call('change_job_date', { job_id: id, date: '2025-03-20' }));
			expect((await details(h, id)).job_delivery_datetime).toBe('2025-03-20 18:30:00');
		},
	},
	{
		path: 'import_bulk_tasks_csv',
		async run(h) {
			const csv = [
				'customer_address,customer_username,job_delivery_datetime,order_id',
				'"1 First Street, Block A",Ann,2025-03-11 10:00:00,CSV-1',
				'2 Second Street,Bo,2025-03-11 11:00:00,CSV-2',
			].join('\n');
			const res = expectOk(await h.call('import_bulk_tasks_csv', { csv, timezone: IST, layout_type: 0, has_pickup: 0, has_delivery: 1 }));
			expect(res.data.count).toBe(2);
			expect(await details(h, res.data.job_ids[0])).toMatchObject({ job_address: '1 First Street, Block A', order_id: 'CSV-1' });
		},
	},
	{
		path: 'create_task_for_form_user',
		async run(h) {
			const res = expectOk(await h.call('create_task_for_form_user', deliveryBody({ order_id: 'FORM-1' })));
			expect((await details(h, res.data.job_id)).order_id).toBe('FORM-1');
		},
	},
	{
		path: 'get_route_details_for_date',
		async run(h, w) {
			const late = await createDelivery(h, { fleet_id: w.otherFleetId, job_delivery_datetime: '2025-03-16 17:00:00' });
			const early = await createDelivery(h, { fleet_id: w.otherFleetId, job_delivery_datetime: '2025-03-16 09:00:00' });
			const res = expectOk(await h.call('get_route_details_for_date', { date: '2025-03-16', fleet_id: w.otherFleetId }));
			expect(res.data[0].route.map((s: { job_id: number }) => s.job_id)).toEqual([early, late]);
		},
	},
	{
		path: 'get_fare_estimate',
		async run(h) {
			const near = expectOk(await h.call('get_fare_estimate', { job_pickup_latitude: 28.6, job_pickup_longitude: 77.2, latitude: 28.61, longitude: 77.2 }));
			const far = expectOk(await h.call('get_fare_estimate', { job_pickup_latitude: 28.6, job_pickup_longitude: 77.2, latitude: 28.7, longitude: 77.2 }));
			expect(near.data.distance_in_km).toBeCloseTo(1.11, 1);
			expect(far.data.estimated_fare).toBeGreaterThan(near.data.estimated_fare);
		},
	},
];
