/** Success scenarios for teams (5), managers (3), merchants (9), regions (7), missions (3) and the account (6). */
import { addAgent, createDelivery, details, expectOk, IST, unique } from '../fixtures';
import type { Harness } from '../harness';
import type { Case } from './case';

const SQUARE = [
	{ latitude: 28.5, longitude: 77.0 },
	{ latitude: 28.5, longitude: 77.4 },
	{ latitude: 28.8, longitude: 77.4 },
	{ latitude: 28.8, longitude: 77.0 },
];

async function signUp(h: Harness): Promise<number> {
	const body = { email: `${unique('m')}@shop.test`, password: 'secret1', name: 'Corner Shop', phone_directory: { phone: '9800', country_code: '+91' }, timezone: IST };
	return expectOk(await h.call('merchant/sign_up', body)).data.merchant_id;
}

async function addRegion(h: Harness, extra: Record<string, unknown> = {}): Promise<number> {
	return expectOk(await h.call('add_region', { region_name: unique('Zone'), region_data: SQUARE, ...extra })).data.region_id;
}

const teamIds = (list: { team_id: number }[]) => list.map((t) => t.team_id);
const regionIds = (list: { region_id: number }[]) => list.map((r) => r.region_id);

export const teamCases: Case[] = [
	{
		path: 'create_team',
		async run(h) {
			const res = expectOk(await h.call('create_team', { team_name: 'Night Shift', battery_usage: 2, tags: 'night' }));
			const all = expectOk(await h.call('view_all_team_only', {})).data;
			expect(all).toContainEqual(expect.objectContaining({ team_id: res.data.team_id, team_name: 'Night Shift', battery_usage: 2 }));
		},
	},
	{
		path: 'update_team',
		async run(h) {
			const id = expectOk(await h.call('create_team', { team_name: 'Before' })).data.team_id;
			expect(expectOk(await h.call('update_team', { team_id: id, team_name: 'After', address: 'Hub' })).data).toMatchObject({ team_name: 'After', address: 'Hub' });
		},
	},
	{
		path: 'delete_team',
		async run(h, w) {
			const id = expectOk(await h.call('create_team', { team_name: 'Temporary' })).data.team_id;
			expectOk(await h.call('delete_team', { team_id: id }));
			expect(teamIds(expectOk(await h.call('view_all_team_only', {})).data)).not.toContain(id);
			expect((await h.call('delete_team', { team_id: w.teamId })).status).toBe(201);
		},
	},
	{
		path: 'view_all_team_only',
		async run(h, w) {
			const res = expectOk(await h.call('view_all_team_only', {}));
			expect(teamIds(res.data)).toEqual(expect.arrayContaining([w.teamId, w.otherTeamId]));
			expect(res.data[0]).not.toHaveProperty('fleets');
		},
	},
	{
		path: 'view_teams',
		async run(h, w) {
			const team = expectOk(await h.call('view_teams', {})).data.find((t: { team_id: number }) => t.team_id === w.teamId);
			expect(team.fleets.map((a: { fleet_id: number }) => a.fleet_id)).toContain(w.fleetId);
		},
	},
];

export const managerCases: Case[] = [
	{
		path: 'add_manager',
		async run(h, w) {
			const body = { email: `${unique('d')}@ops.test`, password: 'pw-123456', first_name: 'Dina', phone: '+9190', timezone: IST, task_access: 1, add_driver_access: 0, dispatcher_teams: `${w.teamId}` };
			const id = expectOk(await h.call('add_manager', body)).data.dispatcher_id;
			const listed = expectOk(await h.call('view_all_manager', {})).data.find((m: { dispatcher_id: number }) => m.dispatcher_id === id);
			expect(listed).toMatchObject({ first_name: 'Dina', dispatcher_teams: String(w.teamId), task_access: 1 });
			expect(listed).not.toHaveProperty('password');
		},
	},
	{
		path: 'view_all_manager',
		async run(h) {
			expect(Array.isArray(expectOk(await h.call('view_all_manager', {})).data)).toBe(true);
		},
	},
	{
		path: 'delete_manager',
		async run(h, w) {
			const body = { email: `${unique('d')}@ops.test`, password: 'pw', first_name: 'Del', phone: '+9191', timezone: IST, task_access: 0, add_driver_access: 0, dispatcher_teams: [w.teamId] };
			const id = expectOk(await h.call('add_manager', body)).data.dispatcher_id;
			expectOk(await h.call('delete_manager', { dispatcher_id: id }));
			expect((await h.call('delete_manager', { dispatcher_id: id })).status).toBe(404);
		},
	},
];

export const merchantCases: Case[] = [
	{
		path: 'merchant/sign_up',
		async run(h) {
			const id = await signUp(h);
			const listed = expectOk(await h.call('merchant/get_merchant', {})).data.find((m: { merchant_id: number }) => m.merchant_id === id);
			expect(listed).toMatchObject({ name: 'Corner Shop', phone: '+919800', is_blocked: 0 });
			expect(listed).not.toHaveProperty('password');
		},
	},
	{
		path: 'merchant/get_merchant',
		async run(h) {
			const id = await signUp(h);
			expect(expectOk(await h.call('merchant/get_merchant', { user_id: h.module.config().userId })).data.map((m: { merchant_id: number }) => m.merchant_id)).toContain(id);
		},
	},
	{
		path: 'merchant/edit_merchant',
		async run(h) {
			const id = await signUp(h);
			expect(expectOk(await h.call('merchant/edit_merchant', { merchant_id: id, company_name: 'Shop Ltd', commission_percentage: 12 })).data).toMatchObject({ company_name: 'Shop Ltd', commission_percentage: 12 });
		},
	},
	{
		path: 'merchant/block_merchant',
		async run(h) {
			const id = await signUp(h);
			expect(expectOk(await h.call('merchant/block_merchant', { merchant_id: id, is_blocked: 1 })).data.is_blocked).toBe(1);
		},
	},
	{
		path: 'merchant/delete',
		async run(h) {
			const id = await signUp(h);
			expectOk(await h.call('merchant/delete', { merchant_id: id }));
			expect((await h.call('merchant/edit_merchant', { merchant_id: id })).status).toBe(404);
		},
	},
	{
		path: 'merchant/assign_merchant_to_task',
		async run(h, w) {
			const id = await signUp(h);
			const job = await createDelivery(h);
			expectOk(await h.call('merchant/assign_merchant_to_task', { merchant_id: id, job_id: job, fleet_id: w.fleetId }));
			expect(await details(h, job)).toMatchObject({ merchant_id: id, fleet_id: w.fleetId, job_status: 0 });
		},
	},
	{
		path: 'merchant/get_merchant_teams',
		async run(h, w) {
			const id = await signUp(h);
			await addAgent(h, w.otherTeamId, { merchant_id: id });
			expect(expectOk(await h.call('merchant/get_merchant_teams', { merchant_id: id })).data).toEqual([expect.objectContaining({ team_id: w.otherTeamId })]);
		},
	},
	{
		path: 'merchant/get_merchant_data',
		async run(h) {
			const id = await signUp(h);
			await createDelivery(h, { merchant_id: id });
			const res = expectOk(await h.call('merchant/get_merchant_data', { user_id: h.module.config().userId }));
			expect(res.data.find((m: { merchant_id: number }) => m.merchant_id === id)).toMatchObject({ task_count: 1 });
		},
	},
	{
		path: 'merchant/report',
		async run(h) {
			const id = await signUp(h);
			const job = await createDelivery(h, { merchant_id: id });
			await h.call('update_task_status', { job_id: job, job_status: 2 });
			const res = expectOk(await h.call('merchant/report', { user_id: h.module.config().userId, merchant_id: id }));
			expect(res.data).toEqual([expect.objectContaining({ merchant_id: id, task_counts: { Successful: 1 } })]);
		},
	},
];

export const regionCases: Case[] = [
	{
		path: 'add_region',
		async run(h, w) {
			const id = await addRegion(h, { selected_team_id: w.teamId, fleet_id: w.fleetId });
			expect(expectOk(await h.call('view_regions_only', { region_id: id })).data[0]).toMatchObject({ selected_team_id: String(w.teamId), fleet_ids: [w.fleetId] });
		},
	},
	{
		path: 'edit_region',
		async run(h) {
			const id = await addRegion(h);
			expect(expectOk(await h.call('edit_region', { region_id: id, region_name: 'Renamed', region_data: JSON.stringify(SQUARE.map((p) => [p.latitude, p.longitude])) })).data).toMatchObject({ region_name: 'Renamed' });
		},
	},
	{
		path: 'view_regions',
		async run(h) {
			const id = await addRegion(h);
			expect(regionIds(expectOk(await h.call('view_regions', {})).data)).toContain(id);
		},
	},
	{
		path: 'view_regions_only',
		async run(h) {
			const id = await addRegion(h, { region_description: 'South side' });
			expect(expectOk(await h.call('view_regions_only', { region_id: id })).data).toEqual([expect.objectContaining({ region_id: id, region_description: 'South side' })]);
		},
	},
	{
		path: 'remove_region_for_agent',
		async run(h, w) {
			const id = await addRegion(h, { fleet_id: [w.fleetId, w.otherFleetId] });
			expect(expectOk(await h.call('remove_region_for_agent', { region_id: id, fleet_id: w.fleetId })).data.fleet_ids).toEqual([w.otherFleetId]);
		},
	},
	{
		path: 'remove_region',
		async run(h) {
			const id = await addRegion(h);
			expectOk(await h.call('remove_region', { region_id: id }));
			expect((await h.call('view_regions_only', { region_id: id })).status).toBe(404);
		},
	},
	{
		path: 'find_region_from_points',
		async run(h) {
			const id = await addRegion(h);
			expect(regionIds(expectOk(await h.call('find_region_from_points', { latitude: 28.6, longitude: 77.2 })).data)).toContain(id);
			expect(regionIds(expectOk(await h.call('find_region_from_points', { latitude: 19.0, longitude: 72.8 })).data)).not.toContain(id);
		},
	},
];

const missionBody = (name: string) => ({
	mission_name: name,
	start_date: '2025-03-20',
	end_date: '2025-03-21',
	create_task_body: [
		{ timezone: IST, layout_type: 1, has_pickup: 0, has_delivery: 0, appointments: [{ address: 'Clinic', start_time: '2025-03-20 10:00:00', end_time: '2025-03-20 11:00:00' }] },
		{ timezone: IST, layout_type: 0, has_pickup: 0, has_delivery: 1, deliveries: [{ address: 'Home', time: '2025-03-21 10:00:00' }] },
	],
});

export const missionCases: Case[] = [
	{
		path: 'create_mission_task',
		async run(h) {
			const res = expectOk(await h.call('create_mission_task', missionBody('Week 12')));
			expect(res.data.job_ids).toHaveLength(2);
			expect(await details(h, res.data.job_ids[0])).toMatchObject({ job_type: 2, job_pickup_datetime: '2025-03-20 10:00:00', job_delivery_datetime: '2025-03-20 11:00:00' });
		},
	},
	{
		path: 'get_mission_list',
		async run(h) {
			const id = expectOk(await h.call('create_mission_task', missionBody('Listed'))).data.mission_id;
			const ids = (res: { data: { mission_id: number }[] }) => res.data.map((m) => m.mission_id);
			expect(ids(expectOk(await h.call('get_mission_list', { start_date: '2025-03-21', end_date: '2025-03-25' })))).toContain(id);
			expect(ids(expectOk(await h.call('get_mission_list', { start_date: '2025-04-01', end_date: '2025-04-02' })))).not.toContain(id);
		},
	},
	{
		path: 'delete_mission',
		async run(h) {
			const { mission_id, job_ids } = expectOk(await h.call('create_mission_task', missionBody('Doomed'))).data;
			expectOk(await h.call('delete_mission', { mission_id }));
			expect((await h.call('get_job_details', { job_ids })).status).toBe(404);
		},
	},
];

export const accountCases: Case[] = [
	{
		path: 'get_user_details',
		async run(h) {
			expect(expectOk(await h.call('get_user_details', {})).data).toMatchObject({ user_id: h.module.config().userId });
		},
	},
	{
		path: 'set_tookan_shared_secret_key',
		async run(h) {
			const before = h.module.config().sharedSecret;
			expectOk(await h.call('set_tookan_shared_secret_key', { tookan_shared_secret: 'rotated-secret' }));
			expect(h.module.config().sharedSecret).toBe('rotated-secret');
			await h.call('set_tookan_shared_secret_key', { tookan_shared_secret: before });
		},
	},
	{
		path: 'edit_phone',
		async run(h) {
			expectOk(await h.call('edit_phone', { phone: '+919999999999' }));
			expect(expectOk(await h.call('get_user_details', {})).data.phone).toBe('+919999999999');
		},
	},
	{
		path: 'users_change_password',
		async run(h) {
			expect((await h.call('users_change_password', { current_password: 'wrong', new_password: 'whatever1' })).status).toBe(201);
			expectOk(await h.call('users_change_password', { current_password: 'sandbox', new_password: 'changed-1' }));
			expectOk(await h.call('users_change_password', { current_password: 'changed-1', new_password: 'sandbox' }));
		},
	},
	{
		path: 'check_email_exists',
		async run(h) {
			expect(expectOk(await h.call('check_email_exists', { email: 'OWNER@tookan.sandbox.test' })).data.exists).toBe(1);
			expect(expectOk(await h.call('check_email_exists', { email: 'nobody@nowhere.test' })).data.exists).toBe(0);
		},
	},
	{
		path: 'register_new_user',
		async run(h) {
			const email = `${unique('u')}@new.test`;
			expect(expectOk(await h.call('register_new_user', { email, password: 'longpass' })).data.user_id).toEqual(expect.any(Number));
			expect(expectOk(await h.call('check_email_exists', { email })).data.exists).toBe(1);
			expect((await h.call('register_new_user', { email, password: 'longpass' })).status).toBe(201);
		},
	},
];
