/** Simplify for task records: the fields people use, with status and task type as names. */
import type { IDataObject } from 'n8n-workflow';

import { codeName, JOB_STATUS, JOB_TYPE } from '../../../shared/tookan';

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
	'fleet_id',
	'fleet_name',
	'team_id',
	'tags',
	'tracking_link',
	'pickup_delivery_relationship',
	'creation_datetime',
	'completed_datetime',
	'timezone',
];

/** `job_status` and `job_type` become names (`Successful`, `Delivery`); the codes stay in `*_code`. */
export function simplifyTask(task: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const key of KEEP) if (task[key] !== undefined) out[key] = task[key];
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
