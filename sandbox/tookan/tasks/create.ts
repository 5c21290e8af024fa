/**
 * create_task: one task, or two linked tasks for pickup + delivery. What each layout needs besides the
 * common fields: pickup → job_pickup_address + job_pickup_datetime; delivery → customer_address +
 * job_delivery_datetime; appointment / field workforce → customer_address + job_pickup_datetime (start) +
 * job_delivery_datetime (end).
 */
import type { Env } from '../env';
import type { Params } from '../params';
import type { Task } from '../types';
import { insertTask } from './insert';
import {
	appointmentTask,
	commonOf,
	deliveryTask,
	CUSTOMER_FIELDS,
	kindOf,
	localTime,
	PICKUP_FIELDS,
	pickupTask,
	readSide,
	relationshipToken,
} from './layout';
import { trackingLink } from './view';

/** Validate everything first, then store: a bad delivery half never leaves a lone pickup behind. */
export function createFromParams(p: Params, env: Env): Task[] {
	const kind = kindOf(p);
	const common = commonOf(p, env, kind);
	const tz = common.timezone;
	if (kind === 'appointment' || kind === 'field_workforce') {
		const side = readSide(p, CUSTOMER_FIELDS);
		const input = appointmentTask(common, side, localTime(p, 'job_pickup_datetime', tz), localTime(p, 'job_delivery_datetime', tz));
		return [insertTask(env, input)];
	}
	const inputs = [];
	if (kind !== 'delivery') inputs.push(pickupTask(common, readSide(p, PICKUP_FIELDS), localTime(p, 'job_pickup_datetime', tz)));
	if (kind !== 'pickup') inputs.push(deliveryTask(common, readSide(p, CUSTOMER_FIELDS), localTime(p, 'job_delivery_datetime', tz)));
	if (kind === 'pickup_delivery') {
		const token = relationshipToken(env);
		for (const input of inputs) input.pickup_delivery_relationship = token;
	}
	return inputs.map((input) => insertTask(env, input));
}

/** The create_task response `data`, with Tookan's P&D keys (including the `delivery_tracing_link` spelling). */
export function createdData(tasks: Task[], env: Env, withLinks: boolean): Record<string, unknown> {
	const config = env.config();
	const [first] = tasks;
	if (tasks.length === 1) {
		const data: Record<string, unknown> = {
			job_id: first.job_id,
			job_hash: first.job_hash,
			job_token: first.job_token,
			order_id: first.order_id,
			customer_name: first.customer_username,
			customer_address: first.job_address,
			job_pickup_name: first.job_pickup_name,
			job_pickup_address: first.job_pickup_address,
		};
		if (withLinks) data.tracking_link = trackingLink(first, config);
		return data;
	}
	const [pickup, delivery] = tasks;
	const data: Record<string, unknown> = {
		job_id: pickup.job_id,
		pickup_job_id: pickup.job_id,
		delivery_job_id: delivery.job_id,
		job_hash: pickup.job_hash,
		pickup_job_hash: pickup.job_hash,
		delivery_job_hash: delivery.job_hash,
		job_token: pickup.job_token,
		customer_address: delivery.job_address,
		job_pickup_name: pickup.job_pickup_name,
		job_pickup_address: pickup.job_pickup_address,
		order_id: pickup.order_id,
		pickupOrderId: pickup.order_id,
		deliveryOrderId: delivery.order_id,
		pickup_delivery_relationship: pickup.pickup_delivery_relationship,
		pickupAddressNotFound: false,
		deliveryAddressNotFound: false,
	};
	if (withLinks) {
		data.pickup_tracking_link = trackingLink(pickup, config);
		data.delivery_tracing_link = trackingLink(delivery, config);
	}
	return data;
}
