/** Success scenarios for the 7 customer and 20 agent endpoints. */
import { addAgent, createDelivery, expectOk, IST } from '../fixtures';
import type { Harness } from '../harness';
import type { Case } from './case';

async function addCustomer(h: Harness, name: string, phone: string): Promise<number> {
	return expectOk(await h.call('customer/add', { user_type: 0, name, phone, email: `${phone}@example.com` })).data.customer_id;
}

const ids = (list: { fleet_id: number }[]) => list.map((a) => a.fleet_id);

export const customerCases: Case[] = [
	{
		path: 'customer/add',
		async run(h) {
			const id = await addCustomer(h, 'Neha Add', '+919700000001');
			const profile = expectOk(await h.call('view_customer_profile', { customer_id: id }));
			expect(profile.data.cust_details[0]).toMatchObject({ customer_username: 'Neha Add', customer_phone: '+919700000001' });
		},
	},
	{
		path: 'customer/edit',
		async run(h) {
			const id = await addCustomer(h, 'Old Name', '+919700000002');
			expectOk(await h.call('customer/edit', { customer_id: id, name: 'New Name', address: 'Sector 5' }));
			const profile = expectOk(await h.call('view_customer_profile', { customer_id: id }));
			expect(profile.data.cust_details[0]).toMatchObject({ customer_username: 'New Name', customer_address: 'Sector 5' });
		},
	},
	{
		path: 'get_all_customers',
		async run(h) {
			const id = await addCustomer(h, 'Paged Person', '+919700000003');
			const res = expectOk(await h.call('get_all_customers', { is_pagination: 1, requested_page: 1, customer_phone: '+919700000003' }));
			expect(res.data.map((c: { customer_id: number }) => c.customer_id)).toEqual([id]);
			expect(res).toMatchObject({ total_page_count: 1, requested_page: 1, records_per_page: h.module.config().pageSize });
		},
	},
	{
		path: 'view_customer_profile',
		async run(h, w) {
			const job = await createDelivery(h, { customer_phone: '+919800000001' });
			const res = expectOk(await h.call('view_customer_profile', { customer_id: w.customerId }));
			expect(res.data.cust_details[0].customer_id).toBe(w.customerId);
			expect(res.data.job_ids).toContain(job);
		},
	},
	{
		path: 'find_customer_with_phone',
		async run(h) {
			const id = await addCustomer(h, 'Phone Find', '+919700000004');
			const res = expectOk(await h.call('find_customer_with_phone', { customer_phone: '+919700000004' }));
			expect(res.data.map((c: { customer_id: number }) => c.customer_id)).toEqual([id]);
		},
	},
	{
		path: 'find_customer_with_name',
		async run(h) {
			const id = await addCustomer(h, 'Zebulon Unique', '+919700000005');
			const res = expectOk(await h.call('find_customer_with_name', { customer_name: 'zebulon' }));
			expect(res.data.map((c: { customer_id: number }) => c.customer_id)).toEqual([id]);
		},
	},
	{
		path: 'delete_customer',
		async run(h) {
			const id = await addCustomer(h, 'Gone Soon', '+919700000006');
			expectOk(await h.call('delete_customer', { customer_id: id }));
			expect((await h.call('view_customer_profile', { customer_id: id })).status).toBe(404);
		},
	},
];

export const agentCases: Case[] = [
	{
		path: 'add_agent',
		async run(h, w) {
			const id = await addAgent(h, w.teamId, { transport_type: 2, email: 'raj@example.com' });
			const res = expectOk(await h.call('get_all_fleets', { fleet_ids: [id] }));
			expect(res.data[0]).toMatchObject({ fleet_id: id, team_id: w.teamId, transport_type: 2, status: 0, timezone: String(IST) });
		},
	},
	{
		path: 'edit_agent',
		async run(h, w) {
			const id = await addAgent(h, w.teamId);
			expectOk(await h.call('edit_agent', { fleet_id: id, last_name: 'Kumar', team_id: w.otherTeamId }));
			const res = expectOk(await h.call('view_fleet_profile', { fleet_id: id }));
			expect(res.data.fleet_details[0]).toMatchObject({ name: 'Raj Kumar', team_id: w.otherTeamId });
		},
	},
	{
		path: 'delete_fleet_account',
		async run(h, w) {
			const id = await addAgent(h, w.teamId);
			expectOk(await h.call('delete_fleet_account', { fleet_id: id }));
			expect((await h.call('view_fleet_profile', { fleet_id: id })).status).toBe(404);
		},
	},
	{
		path: 'block_and_unblock_agent',
		async run(h, w) {
			const id = await addAgent(h, w.teamId);
			expectOk(await h.call('block_and_unblock_agent', { fleet_id: String(id), block_status: 0, block_reason: 'Late', unblock_on_date: '2025-04-01' }));
			expect(expectOk(await h.call('get_all_fleets', { fleet_ids: [id] })).data[0]).toMatchObject({ status: 1, is_blocked: 1, block_reason: 'Late' });
			expectOk(await h.call('block_and_unblock_agent', { fleet_id: id, block_status: 1 }));
			expect(expectOk(await h.call('get_all_fleets', { fleet_ids: [id] })).data[0]).toMatchObject({ status: 0, is_blocked: 0 });
		},
	},
	{
		path: 'get_all_fleets',
		async run(h, w) {
			const busy = await addAgent(h, w.otherTeamId, { fleet_type: 2 });
			const job = await createDelivery(h, { fleet_id: busy });
			await h.call('update_task_status', { job_id: job, job_status: 1 });
			const res = expectOk(await h.call('get_all_fleets', { status: 2, fleet_type: 2 }));
			expect(ids(res.data)).toContain(busy);
			expect(res.data.every((a: { status: number }) => a.status === 2)).toBe(true);
		},
	},
	{
		path: 'get_available_agents',
		async run(h, w) {
			const res = expectOk(await h.call('get_available_agents', { team_id: w.teamId, latitude: 28.6, longitude: 77.2 }));
			expect(ids(res.data)).toContain(w.fleetId);
			expect(res.data.every((a: { status: number; team_id: number }) => a.status === 0 && a.team_id === w.teamId)).toBe(true);
		},
	},
	{
		path: 'view_fleet_profile',
		async run(h, w) {
			const job = await createDelivery(h, { fleet_id: w.fleetId });
			const res = expectOk(await h.call('view_fleet_profile', { fleet_id: w.fleetId }));
			expect(res.data.fleet_details[0].fleet_id).toBe(w.fleetId);
			expect(res.data.tasks.map((t: { job_id: number }) => t.job_id)).toContain(job);
		},
	},
	{
		path: 'get_fleet_location',
		async run(h, w) {
			h.module.setAgentLocation(w.fleetId, 28.5, 77.1);
			const res = expectOk(await h.call('get_fleet_location', { fleet_id: w.fleetId }));
			expect(res.data[0]).toMatchObject({ fleet_id: w.fleetId, latitude: '28.500000', longitude: '77.100000' });
		},
	},
	{
		path: 'update_fleet_tags',
		async run(h, w) {
			const id = await addAgent(h, w.teamId);
			expectOk(await h.call('update_fleet_tags', { fleet_id: id, tags: 'van, cold-chain' }));
			const any = expectOk(await h.call('get_all_fleets', { tags: 'van,express', include_any_tag: 1 }));
			const all = expectOk(await h.call('get_all_fleets', { tags: 'van,express', include_any_tag: 0 }));
			expect(ids(any.data)).toContain(id);
			expect(ids(all.data)).not.toContain(id);
		},
	},
	{
		path: 'get_fleet_tags',
		async run(h, w) {
			const id = await addAgent(h, w.teamId);
			await h.call('update_fleet_tags', { fleet_id: id, tags: 'night,van' });
			expect(expectOk(await h.call('get_fleet_tags', { fleet_id: id })).data.tag_list).toEqual(['night', 'van']);
			expect(expectOk(await h.call('get_fleet_tags', {})).data).toContain('night');
		},
	},
	{
		path: 'get_agent_duty_logs',
		async run(h, w) {
			const id = await addAgent(h, w.otherTeamId);
			h.module.setAgentDuty(id, false);
			const res = expectOk(await h.call('get_agent_duty_logs', { team_ids: [w.otherTeamId] }));
			expect(res.data).toContainEqual(expect.objectContaining({ fleet_id: id, on_duty: 0 }));
			h.module.setAgentDuty(id, true);
		},
	},
	{
		path: 'send_notification',
		async run(h, w) {
			expectOk(await h.call('send_notification', { fleet_ids: [w.fleetId, w.otherFleetId], message: 'Shift starts at 9' }));
			const sent = h.module.snapshot().notifications as { fleet_id: number; message: string }[];
			expect(sent.filter((n) => n.message === 'Shift starts at 9').map((n) => n.fleet_id)).toEqual([w.fleetId, w.otherFleetId]);
		},
	},
	{
		path: 'get_fleets_availability',
		async run(h) {
			const res = expectOk(await h.call('get_fleets_availability', { limit: 1 }));
			expect(res.data).toHaveLength(1);
			expect(res.data[0]).toHaveProperty('is_available');
		},
	},
	{
		path: 'get_fleets_monthly_availability',
		async run(h, w) {
			const res = expectOk(await h.call('get_fleets_monthly_availability', { fleet_id: w.fleetId, start_date: '2025-03-01', end_date: '2025-03-31' }));
			expect(res.data).toHaveLength(31);
			expect(res.data[30]).toMatchObject({ date: '2025-03-31', fleet_id: w.fleetId });
		},
	},
	{
		path: 'fleet_activity_timeline',
		async run(h, w) {
			const job = await createDelivery(h, { fleet_id: w.otherFleetId });
			await h.call('update_task_status', { job_id: job, job_status: 7 });
			const res = expectOk(await h.call('fleet_activity_timeline', { fleet_id: w.otherFleetId, date: '2025-03-10' }));
			expect(res.data).toContainEqual(expect.objectContaining({ job_id: job, description: 'Accepted at' }));
		},
	},
	{
		path: 'fleet_ratings_and_reviews',
		async run(h, w) {
			const res = expectOk(await h.call('fleet_ratings_and_reviews', { fleet_ids: [w.fleetId] }));
			expect(res.data).toEqual([expect.objectContaining({ fleet_id: w.fleetId, total_rating: 0, reviews: [] })]);
		},
	},
	{
		path: 'get_fleets_near_customer',
		async run(h, w) {
			h.module.setAgentLocation(w.otherFleetId, 28.611, 77.201);
			const res = expectOk(await h.call('get_fleets_near_customer', { customer_id: w.customerId, radius_in_metres: 1000 }));
			expect(ids(res.data)).toContain(w.otherFleetId);
			expect(res.data.every((a: { distance: number }) => a.distance <= 1000)).toBe(true);
		},
	},
	{
		path: 'get_fleet_stripe_details',
		async run(h, w) {
			expect(expectOk(await h.call('get_fleet_stripe_details', { fleet_id: w.fleetId })).data).toMatchObject({ fleet_id: w.fleetId, is_stripe_connected: 0 });
		},
	},
	{
		path: 'fleet/wallet/create_transaction',
		async run(h, w) {
			const id = await addAgent(h, w.teamId);
			expect(expectOk(await h.call('fleet/wallet/create_transaction', { fleet_id: id, amount: 50, transaction_type: 1 })).data.balance).toBe(50);
			expect(expectOk(await h.call('fleet/wallet/create_transaction', { fleet_id: id, amount: 20, transaction_type: 2 })).data.balance).toBe(30);
		},
	},
	{
		path: 'fleet/wallet/read_transaction_history',
		async run(h, w) {
			const id = await addAgent(h, w.teamId);
			await h.call('fleet/wallet/create_transaction', { fleet_id: id, amount: 12.5, description: 'tip' });
			const res = expectOk(await h.call('fleet/wallet/read_transaction_history', { fleet_id: id, start_date: '2025-03-10', end_date: '2025-03-10' }));
			expect(res.data.balance).toBe(12.5);
			expect(res.data.transactions).toEqual([expect.objectContaining({ amount: 12.5, description: 'tip' })]);
		},
	},
];
