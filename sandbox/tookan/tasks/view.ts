/**
 * The task object as Tookan returns it. Note Tookan's own names: the delivery / appointment location is
 * `job_address` / `job_latitude` / `job_longitude` (it is `customer_address` on create), custom fields are
 * `custom_field[]`, and times are local `YYYY-MM-DD HH:mm:ss` strings next to an ISO `creation_datetime`.
 */
import { agentName } from '../agents';
import type { TookanConfig } from '../config';
import type { State } from '../store';
import { STATUS_INFO } from '../statuses';
import { formatLocal, isoUtc, localDay } from '../time';
import type { HistoryItem, Task } from '../types';
import { customFieldsOf } from './templates';

/** The moment the task is "for": delivery time for deliveries, otherwise the pickup / start time. */
export function jobTime(t: Task): number {
	return (t.job_type === 1 ? t.deliveryAt : (t.pickupAt ?? t.deliveryAt)) ?? t.createdAt;
}

/** The task's date in its own timezone, which the date filters match against. */
export const jobDay = (t: Task): string => localDay(jobTime(t), t.timezone);

export const trackingLink = (t: Task, config: TookanConfig): string => `${config.trackingBaseUrl}/${t.job_hash}`;

/** The task's `custom_field[]` (see templates.ts). */
export const customFields = (t: Task): Record<string, unknown>[] => customFieldsOf(t);

export function historyView(h: HistoryItem, timezone: number): Record<string, unknown> {
	return {
		id: h.id,
		job_id: h.job_id,
		fleet_id: h.fleet_id,
		fleet_name: h.fleet_name,
		latitude: h.latitude,
		longitude: h.longitude,
		type: h.type,
		description: h.description,
		extra_fields: '',
		creation_datetime: isoUtc(h.at),
		creation_date: localDay(h.at, timezone),
		label_description: h.label_description,
	};
}

export interface DetailOptions {
	history?: boolean;
	additionalInfo?: boolean;
}

/** The full task object of get_job_details (and, with extras, of webhooks). */
export function taskDetails(t: Task, state: State, config: TookanConfig, opts: DetailOptions = {}): Record<string, unknown> {
	const agent = t.fleet_id === null ? undefined : state.agents.get(t.fleet_id);
	const when = jobTime(t);
	const details: Record<string, unknown> = {
		job_id: t.job_id,
		order_id: t.order_id,
		job_hash: t.job_hash,
		job_token: t.job_token,
		created_by: config.userId,
		user_id: config.userId,
		merchant_id: t.merchant_id,
		dispatcher_id: null,
		team_id: t.team_id,
		fleet_id: t.fleet_id,
		fleet_name: agent ? agentName(agent) : '',
		fleet_phone: agent?.phone ?? '',
		fleet_latitude: agent?.latitude ?? '',
		fleet_longitude: agent?.longitude ?? '',
		fleet_image: '',
		customer_id: t.customer_id,
		form_id: null,
		job_status: t.job_status,
		job_status_value: STATUS_INFO[t.job_status].label,
		job_type: t.job_type,
		layout_type: t.layout_type,
		is_active: t.job_status === 10 ? 0 : 1,
		has_pickup: t.has_pickup,
		has_delivery: t.has_delivery,
		auto_assignment: t.auto_assignment,
		geofence: t.geofence,
		tags: t.tags,
		is_routed: 0,
		pickup_delivery_relationship: t.pickup_delivery_relationship,
		matched_pickup_delivery_relationship: t.pickup_delivery_relationship,
		recurring_id: 0,
		recurring_count: 0,
		partner_order_id: null,
		vertical: 0,
		ride_type: t.ride_type,
		job_description: t.job_description,
		job_pickup_name: t.job_pickup_name,
		job_pickup_phone: t.job_pickup_phone,
		job_pickup_email: t.job_pickup_email,
		job_pickup_address: t.job_pickup_address,
		job_pickup_latitude: t.job_pickup_latitude,
		job_pickup_longitude: t.job_pickup_longitude,
		job_pickup_datetime: formatLocal(t.pickupAt, t.timezone),
		customer_username: t.customer_username,
		customer_email: t.customer_email,
		customer_phone: t.customer_phone,
		customer_comment: '',
		job_address: t.job_address,
		job_latitude: t.job_latitude,
		job_longitude: t.job_longitude,
		job_delivery_datetime: formatLocal(t.deliveryAt, t.timezone),
		creation_datetime: isoUtc(t.createdAt),
		acknowledged_datetime: formatLocal(t.acknowledgedAt, t.timezone),
		started_datetime: formatLocal(t.startedAt, t.timezone),
		arrived_datetime: formatLocal(t.arrivedAt, t.timezone),
		completed_datetime: formatLocal(t.completedAt, t.timezone),
		job_time: formatLocal(when, t.timezone),
		job_date: localDay(when, t.timezone),
		job_time_utc: isoUtc(when),
		job_date_utc: isoUtc(when),
		timezone: String(t.timezone),
		fleet_rating: 0,
		customer_rating: 0,
		is_customer_rated: 0,
		driver_comment: '',
		remarks: '',
		barcode: '',
		completed_by_admin: 0,
		total_distance_travelled: 0,
		days_started: 0,
		open_tracking_link: 0,
		tracking_link: trackingLink(t, config),
		ref_images: [...t.ref_images],
		custom_field: customFields(t),
		task_history: opts.history ? t.history.map((h) => historyView(h, t.timezone)) : [],
	};
	if (opts.additionalInfo) details.job_additional_info = { job_id: t.job_id, job_otp: t.otp, is_job_otp_verified: 0 };
	return details;
}

const LITE_KEYS = [
	'job_id', 'order_id', 'job_status', 'job_type', 'job_description', 'job_address', 'job_latitude', 'job_longitude',
	'job_pickup_name', 'job_pickup_phone', 'job_pickup_email', 'job_pickup_address', 'job_pickup_latitude',
	'job_pickup_longitude', 'job_pickup_datetime', 'job_delivery_datetime', 'customer_id', 'customer_username',
	'customer_email', 'customer_phone', 'customer_comment', 'fleet_id', 'fleet_name', 'fleet_phone', 'fleet_image',
	'fleet_latitude', 'fleet_longitude', 'fleet_rating', 'team_id', 'user_id', 'timezone', 'creation_datetime',
	'acknowledged_datetime', 'started_datetime', 'arrived_datetime', 'completed_datetime',
	'pickup_delivery_relationship', 'has_pickup', 'has_delivery', 'total_distance_travelled', 'completed_by_admin',
	'days_started', 'merchant_id',
];

/** The lighter object of get_all_tasks: no tags, custom fields only when asked for. */
export function taskLite(t: Task, state: State, config: TookanConfig, withCustomFields: boolean): Record<string, unknown> {
	const full = taskDetails(t, state, config);
	const lite: Record<string, unknown> = {};
	for (const key of LITE_KEYS) lite[key] = full[key];
	if (withCustomFields) lite.custom_field = full.custom_field;
	return lite;
}
