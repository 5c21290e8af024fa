/** Records the per-endpoint tests act on, created directly in the sandbox before the node runs. */
import type { IDataObject } from 'n8n-workflow';

import type { Testbed } from './testbed';

export const IST = -330;

export interface World {
	teamId: number;
	emptyTeamId: number;
	fleetId: number;
	spareFleetId: number;
	customerId: number;
	spareCustomerId: number;
	/** A delivery with order id ORD-W1, auto-assignment on, in `teamId`. */
	jobId: number;
	/** A delivery assigned to `fleetId` (can be started). */
	assignedJobId: number;
	spareJobId: number;
	pair: { pickup: number; delivery: number; token: string };
	merchantId: number;
	spareMerchantId: number;
	regionId: number;
	spareRegionId: number;
	missionId: number;
	managerId: number;
}

const data = (envelope: IDataObject) => envelope.data as IDataObject;

export async function makeWorld(t: Testbed): Promise<World> {
	const team = data(await t.call('create_team', { team_name: 'Riders', tags: 'bike,cold' }));
	const emptyTeam = data(await t.call('create_team', { team_name: 'Empty' }));
	const agent = async (username: string) =>
		data(await t.call('add_agent', { username, phone: '+15550001', first_name: 'Ada', team_id: team.team_id, timezone: IST }));
	const fleet = await agent('ada');
	const spareFleet = await agent('spare');
	await t.call('update_fleet_tags', { fleet_id: fleet.fleet_id, tags: 'bike' });
	const customer = async (name: string, phone: string) =>
		data(await t.call('customer/add', { user_type: 0, name, phone, address: 'MG Road', latitude: '28.61', longitude: '77.20' }));
	const cara = await customer('Cara', '+919800000001');
	const spareCustomer = await customer('Spare', '+919800000002');
	const delivery = async (extra: IDataObject) =>
		data(
			await t.call('create_task', {
				timezone: IST,
				layout_type: 0,
				has_pickup: 0,
				has_delivery: 1,
				customer_address: '12 Park Street',
				customer_phone: '+919811111111',
				job_delivery_datetime: '2025-03-10 18:30:00',
				...extra,
			}),
		);
	const job = await delivery({ order_id: 'ORD-W1', team_id: team.team_id, auto_assignment: 1 });
	const assigned = await delivery({ fleet_id: fleet.fleet_id, team_id: team.team_id });
	const spareJob = await delivery({});
	const pair = data(
		await t.call('create_task', {
			timezone: IST,
			layout_type: 0,
			has_pickup: 1,
			has_delivery: 1,
			job_pickup_address: 'Central Warehouse',
			job_pickup_datetime: '2025-03-10 16:00:00',
			customer_address: '4 Elm Road',
			job_delivery_datetime: '2025-03-10 18:00:00',
		}),
	);
	const merchant = async (email: string) => data(await t.call('merchant/sign_up', { email, password: 'secret1' }));
	const shop = await merchant('shop@example.com');
	const spareShop = await merchant('spare@example.com');
	const square = [
		{ latitude: 28.5, longitude: 77.1 },
		{ latitude: 28.5, longitude: 77.3 },
		{ latitude: 28.7, longitude: 77.3 },
		{ latitude: 28.7, longitude: 77.1 },
	];
	const region = async (name: string) =>
		data(await t.call('add_region', { region_name: name, region_data: square, fleet_id: [fleet.fleet_id] }));
	const delhi = await region('Delhi');
	const spareRegion = await region('Spare');
	const mission = data(
		await t.call('create_mission_task', {
			mission_name: 'Week 11',
			create_task_body: [
				{ timezone: IST, layout_type: 0, has_pickup: 0, has_delivery: 1, deliveries: [{ address: '1 Road', time: '2025-03-12 10:00:00' }] },
			],
		}),
	);
	const manager = data(
		await t.call('add_manager', {
			email: 'dispatch@example.com',
			password: 'secret1',
			first_name: 'Dee',
			phone: '+15550009',
			timezone: IST,
			task_access: 1,
			add_driver_access: 0,
			dispatcher_teams: String(team.team_id),
		}),
	);
	const id = (record: IDataObject, key: string) => Number(record[key]);
	return {
		teamId: id(team, 'team_id'),
		emptyTeamId: id(emptyTeam, 'team_id'),
		fleetId: id(fleet, 'fleet_id'),
		spareFleetId: id(spareFleet, 'fleet_id'),
		customerId: id(cara, 'customer_id'),
		spareCustomerId: id(spareCustomer, 'customer_id'),
		jobId: id(job, 'job_id'),
		assignedJobId: id(assigned, 'job_id'),
		spareJobId: id(spareJob, 'job_id'),
		pair: { pickup: id(pair, 'pickup_job_id'), delivery: id(pair, 'delivery_job_id'), token: String(pair.pickup_delivery_relationship) },
		merchantId: id(shop, 'merchant_id'),
		spareMerchantId: id(spareShop, 'merchant_id'),
		regionId: id(delhi, 'region_id'),
		spareRegionId: id(spareRegion, 'region_id'),
		missionId: id(mission, 'mission_id'),
		managerId: id(manager, 'dispatcher_id'),
	};
}
