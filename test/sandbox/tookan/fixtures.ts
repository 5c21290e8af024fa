/** Building blocks the Tookan sandbox tests create through the API. */
import { startTookan, type Envelope, type Harness } from './harness';

export const IST = -330;

export interface World {
	teamId: number;
	otherTeamId: number;
	/** On duty, no work: status 0 (available). */
	fleetId: number;
	otherFleetId: number;
	customerId: number;
}

/** Fail with the envelope in the message when a call did not succeed. */
export function expectOk(res: Envelope): Envelope {
	if (res.status !== 200) throw new Error(`expected status 200, got ${res.status}: ${res.message}`);
	return res;
}

let counter = 0;
export const unique = (prefix: string): string => `${prefix}-${++counter}`;

export async function makeWorld(h: Harness): Promise<World> {
	const team = expectOk(await h.call('create_team', { team_name: unique('Team'), tags: 'bike' }));
	const other = expectOk(await h.call('create_team', { team_name: unique('Team') }));
	const ada = { first_name: 'Ada', last_name: 'Agent', phone: '+15550001' };
	const c = expectOk(await h.call('customer/add', { user_type: 0, name: 'Cara Customer', phone: '+919800000001', address: 'MG Road', latitude: '28.61', longitude: '77.20' }));
	return {
		teamId: team.data.team_id,
		otherTeamId: other.data.team_id,
		fleetId: await addAgent(h, team.data.team_id, ada),
		otherFleetId: await addAgent(h, other.data.team_id, ada),
		customerId: c.data.customer_id,
	};
}

/** A fresh sandbox with a small world of teams, agents and a customer. */
export async function startWorld(): Promise<{ h: Harness; w: World }> {
	const h = await startTookan();
	return { h, w: await makeWorld(h) };
}

/** A new agent (first name Raj, on duty) in `teamId`. */
export async function addAgent(h: Harness, teamId: number, extra: Record<string, unknown> = {}): Promise<number> {
	const body = { username: unique('agent'), phone: '+15550002', first_name: 'Raj', team_id: teamId, timezone: IST, ...extra };
	return expectOk(await h.call('add_agent', body)).data.fleet_id;
}

/** A delivery task body (IST); `extra` overrides. */
export const deliveryBody = (extra: Record<string, unknown> = {}) => ({
	timezone: IST,
	layout_type: 0,
	has_pickup: 0,
	has_delivery: 1,
	customer_address: '12 Park Street',
	customer_username: 'Dev Receiver',
	customer_phone: '+919811111111',
	job_delivery_datetime: '2025-03-10 18:30:00',
	...extra,
});

export const pickupDeliveryBody = (extra: Record<string, unknown> = {}) => ({
	...deliveryBody(),
	has_pickup: 1,
	job_pickup_address: 'Central Warehouse',
	job_pickup_name: 'Warehouse Desk',
	job_pickup_phone: '+919822222222',
	job_pickup_datetime: '2025-03-10 16:00:00',
	...extra,
});

export async function createDelivery(h: Harness, extra: Record<string, unknown> = {}): Promise<number> {
	return expectOk(await h.call('create_task', deliveryBody(extra))).data.job_id;
}

export async function createPair(h: Harness, extra: Record<string, unknown> = {}): Promise<{ pickup: number; delivery: number; token: string }> {
	const { data } = expectOk(await h.call('create_task', pickupDeliveryBody(extra)));
	return { pickup: data.pickup_job_id, delivery: data.delivery_job_id, token: data.pickup_delivery_relationship };
}

export async function details(h: Harness, jobId: number): Promise<Record<string, any>> { // eslint-disable-line @typescript-eslint/no-explicit-any
	return expectOk(await h.call('get_job_details', { job_ids: [jobId], include_task_history: 1 })).data[0];
}
