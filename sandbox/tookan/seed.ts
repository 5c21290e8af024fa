/**
 * Seed data: teams, agents, customers and tasks spread over `days` days, generated from a fixed random
 * seed so the same spec (and `today`) always gives the same state. No webhooks fire while seeding.
 * Tasks before `today` are finished (mostly successful), today's are in every stage, later ones wait.
 * Seeding adds to what is there; reset first for a clean state.
 */
import { blankAgent } from './handlers/agents';
import { addCustomer } from './customers';
import type { Env } from './env';
import { Draw, AGENT_TAGS, FIRST_NAMES, JOB_DESCRIPTIONS, LAST_NAMES, STREETS, TEAM_NAMES } from './seed-data';
import { nextId } from './store';
import { JOB } from './statuses';
import { insertTask } from './tasks/insert';
import { appointmentTask, deliveryTask, pickupTask, relationshipToken, type Common, type Kind, type Side } from './tasks/layout';
import { changeStatus } from './tasks/lifecycle';
import { DAY_MS, dayString, parseDay, parseTimezone } from './time';
import type { Agent, Customer, Task } from './types';

export interface TookanSeed {
	teams?: number;
	agents?: number;
	customers?: number;
	/** Task records (a pickup + delivery pair counts as two). */
	tasks?: number;
	/** How many days the tasks spread over, starting at `startDate`. */
	days?: number;
	/** First task day, `YYYY-MM-DD` (default: so that the last day is `today`). */
	startDate?: string;
	/** The day that counts as today for task stages, `YYYY-MM-DD` (default: the sandbox clock's date). */
	today?: string;
	/** Timezone of the seeded tasks and agents in Tookan minutes (UTC − local); default -330 (IST). */
	timezone?: number;
	/** Random seed; default 1. */
	random?: number;
}

/** Seeded ids are consecutive, so a range names them all. */
export interface IdRange {
	count: number;
	first: number | null;
	last: number | null;
}

export interface SeedResult {
	teamIds: number[];
	fleetIds: number[];
	customers: IdRange;
	tasks: IdRange;
	startDate: string;
	endDate: string;
}

const range = (ids: number[]): IdRange => ({ count: ids.length, first: ids[0] ?? null, last: ids.at(-1) ?? null });

const CENTER = { latitude: 28.6139, longitude: 77.209 };
const HOUR = 3_600_000;
const MINUTE = 60_000;

/** Status paths from creation (assigned) to the final status. */
const PATHS: Record<number, number[]> = {
	0: [],
	7: [JOB.ACCEPTED],
	1: [JOB.ACCEPTED, JOB.STARTED],
	4: [JOB.ACCEPTED, JOB.STARTED, JOB.ARRIVED],
	2: [JOB.ACCEPTED, JOB.STARTED, JOB.ARRIVED, JOB.SUCCESSFUL],
	3: [JOB.ACCEPTED, JOB.STARTED, JOB.FAILED],
	8: [JOB.DECLINED],
	9: [JOB.CANCELLED],
	6: [],
};
const STEP_OFFSET: Record<number, number> = { 7: -50 * MINUTE, 1: -40 * MINUTE, 4: -10 * MINUTE, 2: 10 * MINUTE, 3: 5 * MINUTE, 8: -55 * MINUTE, 9: -30 * MINUTE };
const PAST = { 2: 82, 3: 10, 9: 8 };
const TODAY = { 6: 15, 0: 20, 7: 10, 1: 15, 4: 10, 2: 25, 8: 5 };
const FUTURE = { 6: 50, 0: 40, 7: 10 };

const coord = (base: number, d: Draw): string => (base + (d.next() - 0.5) * 0.2).toFixed(6);

function person(d: Draw): { first: string; last: string } {
	return { first: d.pick(FIRST_NAMES), last: d.pick(LAST_NAMES) };
}

function seedTeams(env: Env, d: Draw, count: number): number[] {
	return Array.from({ length: count }, (_, i) => {
		const team_id = nextId(env.state, 'team');
		const name = TEAM_NAMES[i % TEAM_NAMES.length] + (i >= TEAM_NAMES.length ? ` ${Math.floor(i / TEAM_NAMES.length) + 1}` : '');
		env.state.teams.set(team_id, {
			team_id,
			team_name: `${name} Team`,
			battery_usage: d.int(0, 2),
			address: `${d.int(1, 200)} ${d.pick(STREETS)}`,
			latitude: coord(CENTER.latitude, d),
			longitude: coord(CENTER.longitude, d),
			tags: '',
		});
		return team_id;
	});
}

function seedAgents(env: Env, d: Draw, count: number, teamIds: number[], timezone: number, at: number): Agent[] {
	if (count > 0 && teamIds.length === 0) throw new Error('Tookan seed: agents need at least one team');
	return Array.from({ length: count }, (_, i) => {
		const { first, last } = person(d);
		const agent = blankAgent(nextId(env.state, 'fleet'), teamIds[i % teamIds.length], at);
		Object.assign(agent, {
			username: `${first.toLowerCase()}.${last.toLowerCase()}${agent.fleet_id}`,
			first_name: first,
			last_name: last,
			email: `${first.toLowerCase()}.${agent.fleet_id}@agents.tookan.sandbox.test`,
			phone: `+1555${d.digits(7)}`,
			tags: AGENT_TAGS.filter(() => d.chance(0.3)).join(','),
			timezone,
			fleet_type: d.chance(0.8) ? 1 : 2,
			transport_type: d.int(1, 6),
			on_duty: d.chance(0.8) ? 1 : 0,
			latitude: coord(CENTER.latitude, d),
			longitude: coord(CENTER.longitude, d),
			battery_level: d.int(15, 100),
			total_rating: Math.round((3 + d.next() * 2) * 10) / 10,
			total_rated_tasks: d.int(0, 400),
		});
		env.state.agents.set(agent.fleet_id, agent);
		return agent;
	});
}

function seedCustomers(env: Env, d: Draw, count: number, at: number): Customer[] {
	return Array.from({ length: count }, () => {
		const { first, last } = person(d);
		return addCustomer(
			env.state,
			{
				name: `${first} ${last}`,
				phone: `+1444${d.digits(7)}`,
				email: `${first.toLowerCase()}.${last.toLowerCase()}${d.digits(3)}@example.com`,
				address: `${d.int(1, 400)} ${d.pick(STREETS)}`,
				latitude: coord(CENTER.latitude, d),
				longitude: coord(CENTER.longitude, d),
			},
			at,
		);
	});
}

function customerSide(c: Customer | undefined, d: Draw): Side {
	return {
		name: c?.customer_username ?? '',
		phone: c?.customer_phone ?? '',
		email: c?.customer_email ?? '',
		address: c?.customer_address ?? `${d.int(1, 400)} ${d.pick(STREETS)}`,
		latitude: c?.customer_latitude ?? coord(CENTER.latitude, d),
		longitude: c?.customer_longitude ?? coord(CENTER.longitude, d),
		template: '',
		meta: [],
		images: [],
	};
}

function pickupSide(d: Draw): Side {
	const { first, last } = person(d);
	const address = `${d.pick(TEAM_NAMES)} Warehouse, ${d.int(1, 90)} ${d.pick(STREETS)}`;
	return { ...customerSide(undefined, d), name: `${first} ${last}`, phone: `+1333${d.digits(7)}`, email: '', address };
}

/** The drafts for one draw: one task, or two linked ones for pickup + delivery. */
function drafts(env: Env, d: Draw, kind: Kind, common: Common, customer: Customer | undefined, at: number, created: number): Task[] {
	if (kind === 'appointment' || kind === 'field_workforce') {
		return [appointmentTask(common, customerSide(customer, d), at, at + d.int(1, 3) * HOUR)];
	}
	if (kind === 'pickup') return [pickupTask(common, pickupSide(d), at)];
	if (kind === 'delivery') return [deliveryTask(common, customerSide(customer, d), at)];
	const pair = [pickupTask(common, pickupSide(d), at - HOUR), deliveryTask(common, customerSide(customer, d), at)];
	const token = relationshipToken(env, created);
	for (const t of pair) t.pickup_delivery_relationship = token;
	return pair;
}

const MAX_COUNT = 1_000_000;

function count(spec: TookanSeed, key: 'teams' | 'agents' | 'customers' | 'tasks' | 'days', fallback: number): number {
	const n = spec[key] ?? fallback;
	if (!Number.isInteger(n) || n < 0 || n > MAX_COUNT) throw new Error(`Tookan seed: ${key} must be a whole number from 0 to ${MAX_COUNT}`);
	return n;
}

export function seedTookan(env: Env, spec: TookanSeed = {}): SeedResult {
	const d = new Draw(spec.random ?? 1);
	const timezone = parseTimezone(spec.timezone ?? -330);
	if (timezone === null) throw new Error('Tookan seed: timezone must be minutes between -840 and 720');
	const today = parseDay(String(spec.today ?? dayString(env.now())));
	const days = Math.max(1, count(spec, 'days', 14));
	const start = spec.startDate === undefined ? today : parseDay(String(spec.startDate));
	if (today === null || start === null) throw new Error('Tookan seed: dates must be YYYY-MM-DD');
	const first = spec.startDate === undefined ? today - (days - 1) * DAY_MS : start;
	const sizes = { teams: count(spec, 'teams', 3), agents: count(spec, 'agents', 10), customers: count(spec, 'customers', 50) };
	const total = count(spec, 'tasks', 200);
	const teamIds = seedTeams(env, d, sizes.teams);
	const agents = seedAgents(env, d, sizes.agents, teamIds, timezone, first);
	const customers = seedCustomers(env, d, sizes.customers, first);
	const jobIds: number[] = [];
	while (jobIds.length < total) {
		const remaining = total - jobIds.length;
		const kind = d.weighted<Kind>({ delivery: 40, pickup: 15, pickup_delivery: remaining > 1 ? 25 : 0, appointment: 10, field_workforce: 10 });
		const day = first + d.int(0, days - 1) * DAY_MS;
		const at = day + d.int(8 * 60, 20 * 60) * MINUTE + timezone * MINUTE;
		const stage = day < today ? PAST : day === today ? TODAY : FUTURE;
		const finalStatus = Number(d.weighted<string>(stage as Record<string, number>));
		const agent = finalStatus === JOB.UNASSIGNED || agents.length === 0 ? undefined : d.pick(agents);
		const created = Math.min(at, today + timezone * MINUTE) - d.int(1, 48) * HOUR;
		const common: Common = {
			layout_type: kind === 'appointment' ? 1 : kind === 'field_workforce' ? 2 : 0,
			has_pickup: kind === 'pickup' || kind === 'pickup_delivery' ? 1 : 0,
			has_delivery: kind === 'delivery' || kind === 'pickup_delivery' ? 1 : 0,
			timezone,
			order_id: `ORD-${d.digits(6)}`,
			job_description: d.pick(JOB_DESCRIPTIONS),
			team_id: agent?.team_id ?? (teamIds.length ? d.pick(teamIds) : null),
			fleet_id: agent?.fleet_id ?? null,
			auto_assignment: 0,
			geofence: 0,
			tags: '',
			merchant_id: null,
			ride_type: 0,
			pickup_delivery_relationship: '',
		};
		const customer = customers.length ? d.pick(customers) : undefined;
		for (const draft of drafts(env, d, kind, common, customer, at, created)) {
			const task = insertTask(env, draft, { quiet: true, at: created, customerId: customer?.customer_id ?? null });
			for (const status of PATHS[finalStatus]) changeStatus(env, task, status, { quiet: true, at: at + STEP_OFFSET[status] });
			jobIds.push(task.job_id);
		}
	}
	return {
		teamIds,
		fleetIds: agents.map((a) => a.fleet_id),
		customers: range(customers.map((c) => c.customer_id)),
		tasks: range(jobIds),
		startDate: dayString(first),
		endDate: dayString(first + (days - 1) * DAY_MS),
	};
}
