/**
 * Simplify for task records: the fields people use, with status and task type as names. Times keep
 * Tookan's local strings, the ISO instants with the task's offset beside them (`*_iso`), Tookan's UTC
 * `job_time_utc`, and the task's `timezone`; custom field values come as `custom_fields` (label → value).
 */
import type { IDataObject } from 'n8n-workflow';

import { codeName, JOB_STATUS, JOB_TYPE, LOCAL_TIME_KEYS } from '../../../shared/tookan';

const KEEP = [
	'job_id',
	'order_id',
	'job_description',
	'customer_id',
	'customer_username',
	'customer_phone',
	'customer_email',
	'job_address',
	'job_pickup_name',
	'job_pickup_address',
	'job_pickup_datetime',
	'job_delivery_datetime',
	'job_time',
	'job_time_utc',
	'fleet_id',
	'fleet_name',
	'team_id',
	'tags',
	'tracking_link',
	'pickup_delivery_relationship',
	'creation_datetime',
	'started_datetime',
	'completed_datetime',
	'timezone',
];

/** `custom_field[]` (API) or `custom_fields[]` (webhooks) as `{ label: value }`. */
function customFieldValues(task: IDataObject): IDataObject | undefined {
	const list = Array.isArray(task.custom_field) ? task.custom_field : Array.isArray(task.custom_fields) ? task.custom_fields : undefined;
	if (!list) return undefined;
	const values: IDataObject = {};
	for (const field of list as IDataObject[]) {
		if (!field || typeof field.label !== 'string') continue;
		values[field.label] = (field.data ?? field.value ?? null) as IDataObject[string];
	}
	return values;
}

/** `job_status` and `job_type` become names (`Successful`, `Delivery`); the codes stay in `*_code`. */
export function simplifyTask(task: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const key of KEEP) {
		if (task[key] !== undefined) out[key] = task[key];
		const iso = `${key}_iso`;
		if (LOCAL_TIME_KEYS.includes(key) && task[iso] !== undefined) out[iso] = task[iso];
	}
	const custom = customFieldValues(task);
	if (custom) out.custom_fields = custom;
	if (task.job_status !== undefined) {
		out.job_status = codeName(JOB_STATUS, task.job_status) ?? task.job_status;
		out.job_status_code = Number(task.job_status);
	}
	if (task.job_type !== undefined) {
		out.job_type = codeName(JOB_TYPE, task.job_type) ?? task.job_type;
		out.job_type_code = Number(task.job_type);
	}
	return out;
}
