/**
 * Turning the create fields into task records. The layout table (layout_type, has_pickup, has_delivery):
 * pickup 0/1/0, delivery 0/0/1, pickup+delivery 0/1/1 (two linked tasks), appointment 1/0/0, field
 * workforce 2/0/0. Job types: 0 pickup, 1 delivery, 2 appointment, 3 field workforce.
 */
import type { CustomerFields } from '../customers';
import type { Env } from '../env';
import { invalid } from '../errors';
import type { Params } from '../params';
import { parseLocal, parseTimezone } from '../time';
import { JOB } from '../statuses';
import type { MetaItem, Task } from '../types';

export type Kind = 'pickup' | 'delivery' | 'pickup_delivery' | 'appointment' | 'field_workforce';

const KINDS: Record<string, Kind> = {
	'0/1/0': 'pickup',
	'0/0/1': 'delivery',
	'0/1/1': 'pickup_delivery',
	'1/0/0': 'appointment',
	'2/0/0': 'field_workforce',
};

/** The fields every task of one create call shares. */
export type Common = Pick<
	Task,
	| 'layout_type'
	| 'has_pickup'
	| 'has_delivery'
	| 'timezone'
	| 'order_id'
	| 'job_description'
	| 'team_id'
	| 'fleet_id'
	| 'auto_assignment'
	| 'geofence'
	| 'tags'
	| 'merchant_id'
	| 'ride_type'
	| 'pickup_delivery_relationship'
>;

/** One location with its contact, custom fields and images. */
export interface Side extends CustomerFields {
	template: string;
	meta: MetaItem[];
	images: string[];
}

/** The contact parts of a side (the rest are custom fields and images). */
export const CONTACT_PARTS = ['name', 'phone', 'email', 'address', 'latitude', 'longitude'] as const;

/** Which request field carries each part of a side, per naming scheme. */
export type SideNames = Record<keyof Side, string>;

export const PICKUP_FIELDS: SideNames = {
	name: 'job_pickup_name',
	phone: 'job_pickup_phone',
	email: 'job_pickup_email',
	address: 'job_pickup_address',
	latitude: 'job_pickup_latitude',
	longitude: 'job_pickup_longitude',
	template: 'pickup_custom_field_template',
	meta: 'pickup_meta_data',
	images: 'p_ref_images',
};

export const CUSTOMER_FIELDS: SideNames = {
	name: 'customer_username',
	phone: 'customer_phone',
	email: 'customer_email',
	address: 'customer_address',
	latitude: 'latitude',
	longitude: 'longitude',
	template: 'custom_field_template',
	meta: 'meta_data',
	images: 'ref_images',
};

/** The names inside the items of create_multiple_tasks, edit_multiple_tasks and missions. */
export const ITEM_FIELDS: SideNames = {
	name: 'name',
	phone: 'phone',
	email: 'email',
	address: 'address',
	latitude: 'latitude',
	longitude: 'longitude',
	template: 'template_name',
	meta: 'template_data',
	images: 'ref_images',
};

/** The parts of a side the request carries (for edits). */
export function readSidePatch(p: Params, names: SideNames): Partial<Side> {
	const patch: Partial<Side> = {};
	for (const key of [...CONTACT_PARTS, 'template'] as const) {
		if (p.has(names[key])) patch[key] = p.str(names[key]);
	}
	if (p.has(names.meta)) patch.meta = metaOf(p, names.meta);
	if (p.has(names.images)) patch.images = p.strs(names.images);
	return patch;
}

/** A whole side for a new task; the address is required. */
export function readSide(p: Params, names: SideNames): Side {
	p.need(names.address);
	return { name: '', phone: '', email: '', latitude: '', longitude: '', template: '', meta: [], images: [], ...readSidePatch(p, names) } as Side;
}

export function kindOf(p: Params): Kind {
	const key = `${p.int('layout_type')}/${p.flag('has_pickup')}/${p.flag('has_delivery')}`;
	const kind = KINDS[key];
	if (!kind) throw invalid('Invalid combination of layout_type, has_pickup and has_delivery');
	return kind;
}

export function timezoneOf(p: Params): number {
	const tz = parseTimezone(p.need('timezone'));
	if (tz === null) throw invalid('Invalid timezone: minutes between -840 and 720 expected');
	return tz;
}

/** A local datetime field read with the task's timezone; unparseable dates answer status 201. */
export function localTime(p: Params, name: string, timezone: number): number {
	const ms = parseLocal(p.needStr(name), timezone);
	if (ms === null) throw invalid(`Invalid ${p.prefix}${name}: expected YYYY-MM-DD HH:mm:ss`);
	return ms;
}

/** The shared fields, with team, agent and merchant checked against the state. */
export function commonOf(p: Params, env: Env, kind: Kind): Common {
	const { state } = env;
	const team = p.optInt('team_id');
	const fleet = p.optInt('fleet_id');
	const merchant = p.optInt('merchant_id');
	if (team !== undefined && !state.teams.has(team)) throw invalid(`Invalid team_id: ${team}`);
	if (fleet !== undefined && !state.agents.has(fleet)) throw invalid(`Invalid fleet_id: ${fleet}`);
	if (merchant !== undefined && !state.merchants.has(merchant)) throw invalid(`Invalid merchant_id: ${merchant}`);
	return {
		layout_type: kind === 'appointment' ? 1 : kind === 'field_workforce' ? 2 : 0,
		has_pickup: kind === 'pickup' || kind === 'pickup_delivery' ? 1 : 0,
		has_delivery: kind === 'delivery' || kind === 'pickup_delivery' ? 1 : 0,
		timezone: timezoneOf(p),
		order_id: p.str('order_id'),
		job_description: p.str('job_description'),
		team_id: team ?? null,
		fleet_id: fleet ?? null,
		auto_assignment: p.flag('auto_assignment'),
		geofence: p.flag('geofence'),
		tags: p.str('tags'),
		merchant_id: merchant ?? null,
		ride_type: p.optInt('ride_type') ?? 0,
		pickup_delivery_relationship: '',
	};
}

export function metaOf(p: Params, name: string): MetaItem[] {
	return p.objects(name).map((m) => ({ label: String(m.label ?? ''), data: String(m.data ?? '') }));
}

/** A long numeric token shared by the two tasks of a pickup + delivery pair. */
export const relationshipToken = (env: Env, at = env.now()): string =>
	`${at}${String(env.state.ids.job % 100_000).padStart(5, '0')}`;

const NOBODY: Side = { name: '', phone: '', email: '', address: '', latitude: '', longitude: '', template: '', meta: [], images: [] };

/**
 * A new task record; the derived fields (ids, status, stamps, history) are placeholders insertTask fills.
 * Written as one literal: spreading objects this wide is slow in V8 and seeding builds thousands.
 */
function draft(common: Common, jobType: number, main: Side, pickup: Side, pickupAt: number | null, deliveryAt: number | null): Task {
	return {
		job_id: 0,
		job_hash: '',
		job_token: '',
		order_id: common.order_id,
		job_description: common.job_description,
		job_type: jobType,
		job_status: JOB.UNASSIGNED,
		layout_type: common.layout_type,
		has_pickup: common.has_pickup,
		has_delivery: common.has_delivery,
		team_id: common.team_id,
		fleet_id: common.fleet_id,
		customer_id: null,
		merchant_id: common.merchant_id,
		auto_assignment: common.auto_assignment,
		geofence: common.geofence,
		tags: common.tags,
		ride_type: common.ride_type,
		timezone: common.timezone,
		pickup_delivery_relationship: common.pickup_delivery_relationship,
		job_pickup_name: pickup.name,
		job_pickup_phone: pickup.phone,
		job_pickup_email: pickup.email,
		job_pickup_address: pickup.address,
		job_pickup_latitude: pickup.latitude,
		job_pickup_longitude: pickup.longitude,
		customer_username: main.name,
		customer_phone: main.phone,
		customer_email: main.email,
		job_address: main.address,
		job_latitude: main.latitude,
		job_longitude: main.longitude,
		custom_field_template: main.template,
		meta_data: main.meta,
		template_fields: null,
		ref_images: main.images,
		pickupAt,
		deliveryAt,
		createdAt: 0,
		acknowledgedAt: null,
		startedAt: null,
		arrivedAt: null,
		completedAt: null,
		otp: '',
		history: [],
	};
}

/** A pickup task: its pickup fields, and the same place as its main location. */
export function pickupTask(common: Common, side: Side, at: number): Task {
	return draft(common, 0, side, side, at, null);
}

export function deliveryTask(common: Common, side: Side, at: number): Task {
	return draft(common, 1, side, NOBODY, null, at);
}

/** Appointment (job_type 2) or field workforce (3): the pickup time is the start, the delivery time the end. */
export function appointmentTask(common: Common, side: Side, start: number, end: number): Task {
	if (end < start) throw invalid('The end time must not be before the start time');
	return draft(common, common.layout_type === 1 ? 2 : 3, side, NOBODY, start, end);
}
