/**
 * Editing tasks (edit_task, edit_multiple_tasks, change_job_date). A pickup task's pickup fields are also
 * its main location, so a pickup-side edit updates both.
 */
import { findAgent } from '../agents';
import type { Env } from '../env';
import { invalid } from '../errors';
import type { Params } from '../params';
import type { Task } from '../types';
import { assignAgent } from './lifecycle';
import { settleTemplate } from './templates';
import { CONTACT_PARTS, CUSTOMER_FIELDS, localTime, PICKUP_FIELDS, readSidePatch, timezoneOf, type Side } from './layout';

/** Where each part of a side is stored on a task. */
const MAIN_TARGET: Record<keyof Side, keyof Task> = {
	name: 'customer_username',
	phone: 'customer_phone',
	email: 'customer_email',
	address: 'job_address',
	latitude: 'job_latitude',
	longitude: 'job_longitude',
	template: 'custom_field_template',
	meta: 'meta_data',
	images: 'ref_images',
};

/** Pickup request fields carry the task's own names, so the pickup targets are those names. */
const PICKUP_TARGET = Object.fromEntries(CONTACT_PARTS.map((part) => [part, PICKUP_FIELDS[part]])) as Partial<Record<keyof Side, keyof Task>>;

function apply(t: Task, s: Partial<Side>, targets: Partial<Record<keyof Side, keyof Task>>): void {
	for (const [part, value] of Object.entries(s) as [keyof Side, unknown][]) {
		const target = targets[part];
		if (target && value !== undefined) (t as unknown as Record<string, unknown>)[target] = value;
	}
}

/**
 * Apply a side patch: `pickup` for pickup fields, `main` for the customer / delivery location. A pickup
 * task's main location is its pickup place, so its pickup edits land on both and main edits are ignored.
 */
export function applySide(env: Env, t: Task, s: Partial<Side>, which: 'pickup' | 'main'): void {
	const before = { template: t.custom_field_template, meta: t.meta_data };
	if (which === 'pickup') apply(t, s, PICKUP_TARGET);
	if (which === 'pickup' ? t.job_type === 0 : t.job_type !== 0) apply(t, s, MAIN_TARGET);
	settleTemplate(env, t, before);
}

/**
 * New times for a task: the pickup time applies to all but deliveries (it is the start of appointments
 * and field work), the delivery time to all but pickups (the end of appointments and field work).
 */
export function setTimes(t: Task, pickupAt: number | undefined, deliveryAt: number | undefined): void {
	const nextPickup = pickupAt !== undefined && t.job_type !== 1 ? pickupAt : t.pickupAt;
	const nextDelivery = deliveryAt !== undefined && t.job_type !== 0 ? deliveryAt : t.deliveryAt;
	if (t.job_type >= 2 && nextPickup !== null && nextDelivery !== null && nextDelivery < nextPickup) {
		throw invalid('The end time must not be before the start time');
	}
	t.pickupAt = nextPickup;
	t.deliveryAt = nextDelivery;
}

/** edit_task: any create_task field; changing `fleet_id` reassigns (and fires the webhook). */
export function editTask(p: Params, env: Env, t: Task): void {
	const tz = p.has('timezone') ? timezoneOf(p) : t.timezone;
	const team = p.optInt('team_id');
	if (team !== undefined && !env.state.teams.has(team)) throw invalid(`Invalid team_id: ${team}`);
	const fleet = p.optInt('fleet_id');
	const agent = fleet === undefined ? undefined : findAgent(env.state, fleet);
	const pickupAt = p.has('job_pickup_datetime') ? localTime(p, 'job_pickup_datetime', tz) : undefined;
	const deliveryAt = p.has('job_delivery_datetime') ? localTime(p, 'job_delivery_datetime', tz) : undefined;
	setTimes(t, pickupAt, deliveryAt);
	t.timezone = tz;
	applySide(env, t, readSidePatch(p, PICKUP_FIELDS), 'pickup');
	applySide(env, t, readSidePatch(p, CUSTOMER_FIELDS), 'main');
	if (p.has('order_id')) t.order_id = p.str('order_id');
	if (p.has('job_description')) t.job_description = p.str('job_description');
	if (p.has('tags')) t.tags = p.str('tags');
	if (p.has('auto_assignment')) t.auto_assignment = p.flag('auto_assignment');
	if (p.has('geofence')) t.geofence = p.flag('geofence');
	if (p.has('ride_type')) t.ride_type = p.optInt('ride_type') ?? 0;
	if (p.has('merchant_id')) t.merchant_id = p.optInt('merchant_id') ?? null;
	if (team !== undefined) t.team_id = team;
	if (agent && agent.fleet_id !== t.fleet_id) assignAgent(env, t, agent, undefined, team);
}
