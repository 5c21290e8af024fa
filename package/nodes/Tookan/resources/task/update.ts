/** Changing tasks: edit, edit many, status, start, cancel, date, delete, CSV import. */
import type { IDataObject } from 'n8n-workflow';

import * as f from '../../../shared/fields';
import { ParameterError } from '../../../shared/request';
import { SETTABLE_JOB_STATUS } from '../../../shared/tookan';
import type { BuiltRequest, Field } from '../../../shared/types';
import { day, id, jobStatus, text, time, timeZone } from '../fields';
import { op, steps } from '../operation';
import { localTimes } from '../times';
import { withLayout } from './create';
import { inVersions } from '../../../shared/mapper';
import { applyCustomFields } from './customFields';
import { customerDetails, customerDetailsV2, entryFields, pickupDetails, pickupDetailsV2, taskOptions, taskType, templateFields } from './fields';

const jobId = id('job_id', 'Task ID', { required: true });

function updateFields(details: Field[]): Field {
	return f.collection(
		'updateFields',
		'Update Fields',
		[
			taskType(),
			text('job_pickup_address', 'Pickup Address'),
			time('job_pickup_datetime', 'Pickup Before / Start Time'),
			text('customer_address', 'Customer Address'),
			time('job_delivery_datetime', 'Deliver Before / End Time'),
			...details,
			...taskOptions,
		],
		{ placeholder: 'Add Field' },
	);
}

export const updateTask = op({
	value: 'update',
	name: 'Update',
	action: 'Update a task',
	description: 'Change addresses, times, details or settings of a task',
	path: 'edit_task',
	fields: [jobId, timeZone(), ...templateFields(), inVersions(updateFields([...pickupDetails, ...customerDetails]), [1]), inVersions(updateFields([...pickupDetailsV2, ...customerDetailsV2]), [2])],
	idempotent: true,
	check: applyCustomFields,
	prepare: steps(withLayout, localTimes({ keys: ['job_pickup_datetime', 'job_delivery_datetime'], timezone: 'withTimes' })),
});

const editItem = [id('job_id', 'Task ID'), ...entryFields([time('time', 'Time')])];

const editRows = (name: string, displayName: string, row: string) =>
	f.rows(name, displayName, row, displayName.replace(/s$/, ''), editItem, (rows) => rows, { in: 'body' });

function checkEditMany(request: BuiltRequest): void {
	const lists: Array<[string, string]> = [
		['pickups', 'Pickups'],
		['deliveries', 'Deliveries'],
	];
	let count = 0;
	for (const [key, label] of lists) {
		const entries = (request.params[key] ?? []) as IDataObject[];
		entries.forEach((entry, i) => {
			if (entry.job_id === undefined) throw new ParameterError(`${label} › ${i + 1} › Task ID`, 'is required');
		});
		count += entries.length;
	}
	if (!count) throw new ParameterError('Pickups', 'or Deliveries need at least one task to update');
}

export const updateManyTasks = op({
	value: 'updateMany',
	name: 'Update Many',
	action: 'Update many tasks',
	description: 'Change the pickup or delivery side of several tasks in one request',
	path: 'edit_multiple_tasks',
	fields: [
		editRows('pickups', 'Pickups', 'pickup'),
		editRows('deliveries', 'Deliveries', 'delivery'),
		timeZone({ hint: 'The time zone of the tasks (empty: the workflow time zone). Times without an offset are sent as written.' }),
	],
	idempotent: true,
	check: checkEditMany,
	prepare: localTimes({ lists: { pickups: ['time'], deliveries: ['time'] }, timezone: 'never' }),
});

export const deleteTask = op({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a task',
	description: 'Delete a task',
	path: 'delete_task',
	fields: [jobId],
	deletes: 'job_id',
});

export const updateTaskStatus = op({
	value: 'updateStatus',
	name: 'Update Status',
	action: 'Update the status of a task',
	description: 'Set the status of a task: Assigned, Started, Successful, Failed, Cancelled and others',
	path: 'update_task_status',
	fields: [
		jobId,
		jobStatus('job_status', 'Status', {
			required: true,
			only: SETTABLE_JOB_STATUS,
			default: 2,
			description: 'Successful, Failed and Cancelled close the task and send the notifications set up in Tookan',
		}),
	],
});

export const startTask = op({
	value: 'start',
	name: 'Start',
	action: 'Start a task',
	description: 'Mark a task as started',
	path: 'start_task',
	fields: [jobId],
	unconfirmed: true,
});

export const cancelTask = op({
	value: 'cancel',
	name: 'Cancel',
	action: 'Cancel a task',
	description: 'Cancel a task',
	path: 'cancel_task',
	fields: [jobId],
	unconfirmed: true,
});

export const changeTaskDate = op({
	value: 'changeDate',
	name: 'Change Date',
	action: 'Change the date of a task',
	description: 'Move a task to another day, keeping its times of day',
	path: 'change_job_date',
	fields: [jobId, day('date', 'New Date', { required: true })],
	unconfirmed: true,
});

export const importTasksCsv = op({
	value: 'importCsv',
	name: 'Import CSV',
	action: 'Import tasks from CSV',
	description: 'Create tasks from CSV text (a header row of task field names, one task per row)',
	path: 'import_bulk_tasks_csv',
	fields: [
		f.text('csv', 'CSV', {
			in: 'body',
			required: true,
			placeholder: 'e.g. customer_address,job_delivery_datetime',
			description: 'Header row of create-task field names, then one task per row',
		}),
	],
	unconfirmed: true,
});
