/** Reading tasks: by id, by order id, lists over a date range, statistics and the dispatch views. */
import type { IDataObject } from 'n8n-workflow';

import * as f from '../../../shared/fields';
import { ParameterError } from '../../../shared/request';
import { codeOptions, JOB_STATUS, records, taskPages } from '../../../shared/tookan';
import type { BuiltRequest, Operation } from '../../../shared/types';
import { agent, day, flag, id, ids, jobStatus, jobType, number, phone, strings, team, text } from '../fields';
import { op } from '../operation';
import { simplifyTask } from './simplify';

/** `get_job_details` takes at most this many ids per request. */
export const JOB_IDS_PER_REQUEST = 100;

/** Sends the ids in `key` in batches of `size` and returns every batch's records in order. */
function inBatches(key: string, size: number): NonNullable<Operation['run']> {
	return async (ctx, request) => {
		const all = (request.body?.[key] ?? []) as unknown[];
		const out: IDataObject[] = [];
		for (let start = 0; start < all.length; start += size) {
			const body = { ...(request.body ?? {}), [key]: all.slice(start, start + size) };
			out.push(...records(await ctx.send({ ...request, body })));
		}
		return out;
	};
}

const history = flag('include_task_history', 'Include Task History', 'Whether to include the status history of each task');

export const getTasks = op({
	value: 'get',
	name: 'Get',
	action: 'Get tasks',
	description: 'Get the full details of tasks by ID (with tags and custom fields)',
	path: 'get_job_details',
	fields: [
		ids('job_ids', 'Task IDs', { required: true, description: `Comma-separated task (job) IDs; sent in batches of ${JOB_IDS_PER_REQUEST}` }),
		f.collection('options', 'Options', [
			history,
			flag('job_additional_info', 'Include Additional Info', 'Whether to include additional info such as the task OTP'),
			flag('include_job_report', 'Include Task Report', 'Whether to include the task report'),
		], { placeholder: 'Add Option' }),
	],
	list: true,
	readOnly: true,
	simplify: simplifyTask,
	run: inBatches('job_ids', JOB_IDS_PER_REQUEST),
});

export const getTasksByOrderId = op({
	value: 'getByOrderId',
	name: 'Get by Order ID',
	action: 'Get tasks by order ID',
	description: 'Get the full details of the tasks with these order IDs',
	path: 'get_job_details_by_order_id',
	fields: [
		strings('order_ids', 'Order IDs', { required: true, placeholder: 'e.g. ORD-1001, ORD-1002' }),
		f.collection('options', 'Options', [history], { placeholder: 'Add Option' }),
	],
	list: true,
	readOnly: true,
	simplify: simplifyTask,
});

export const getTaskLegacy = op({
	value: 'getLegacy',
	name: 'Get (Older Endpoint)',
	action: 'Get a task with the older endpoint',
	description: 'Get one task with the older get_task_details endpoint (needs the User ID in the credential)',
	path: 'get_task_details',
	fields: [id('job_id', 'Task ID', { required: true })],
	userId: 'required',
	list: true,
	readOnly: true,
	simplify: simplifyTask,
});

export const getTaskByOrderIdLegacy = op({
	value: 'getByOrderIdLegacy',
	name: 'Get by Order ID (Older Endpoint)',
	action: 'Get a task by order ID with the older endpoint',
	description: 'Get tasks by order ID with the older get_task_details_by_order_id endpoint (needs the User ID in the credential)',
	path: 'get_task_details_by_order_id',
	fields: [text('order_id', 'Order ID', { required: true })],
	userId: 'required',
	list: true,
	readOnly: true,
	simplify: simplifyTask,
});

function checkRange(request: BuiltRequest): void {
	const start = request.body?.start_date;
	const end = request.body?.end_date;
	if (start && end && String(end) < String(start)) {
		throw new ParameterError('End Date', `must not be before the Start Date (${String(start)})`);
	}
}

export const getManyTasks = op({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many tasks',
	description: 'List tasks of one type by task date; ranges longer than 31 days are split automatically',
	path: 'get_all_tasks',
	fields: [
		jobType({ required: true }),
		day('start_date', 'Start Date', { required: true, description: 'First task date (YYYY-MM-DD)' }),
		day('end_date', 'End Date', { required: true, description: 'Last task date (YYYY-MM-DD), inclusive' }),
		...f.returnAllAndLimit(),
		f.collection('filters', 'Filters', [
			jobStatus('job_status', 'Status'),
			id('customer_id', 'Customer ID'),
			agent(),
			team(),
			ids('job_id', 'Task IDs'),
			strings('order_id', 'Order IDs'),
			text('customer_username', 'Customer Name'),
			phone('customer_phone', 'Customer Phone'),
			flag('custom_fields', 'Include Custom Fields', 'Whether to include the custom field values of each task'),
		], { placeholder: 'Add Filter' }),
	],
	list: true,
	readOnly: true,
	simplify: simplifyTask,
	paginate: taskPages,
	check: checkRange,
});

export const getDeletedTasks = op({
	value: 'getDeleted',
	name: 'Get Deleted',
	action: 'Get deleted tasks',
	description: 'List deleted tasks',
	path: 'get_all_deleted_tasks',
	fields: [
		f.collection('filters', 'Filters', [day('start_date', 'Start Date'), day('end_date', 'End Date')], { placeholder: 'Add Filter' }),
	],
	list: true,
	readOnly: true,
	unconfirmed: true,
	simplify: simplifyTask,
	check: checkRange,
});

export const getRelatedTasks = op({
	value: 'getRelated',
	name: 'Get Related',
	action: 'Get related tasks',
	description: 'Get the pickup and delivery tasks that belong together',
	path: 'get_related_tasks',
	fields: [
		text('pickup_delivery_relationship', 'Pickup Delivery Relationship', {
			required: true,
			description: 'The pickup_delivery_relationship token both tasks carry',
		}),
	],
	list: true,
	readOnly: true,
	unconfirmed: true,
	simplify: simplifyTask,
});

export const getTaskStats = op({
	value: 'getStats',
	name: 'Get Statistics',
	action: 'Get task statistics',
	description: 'Count tasks per status',
	path: 'user_task_stats',
	fields: [
		f.collection('filters', 'Filters', [
			jobType(),
			f.multiOptions('job_status', 'Statuses', codeOptions(JOB_STATUS), { in: 'body' }),
			day('start_date', 'Start Date'),
			day('end_date', 'End Date'),
			team(),
		], { placeholder: 'Add Filter' }),
	],
	list: true,
	readOnly: true,
	check: checkRange,
});

export const getTasksAndAgents = op({
	value: 'getWithAgents',
	name: 'Get With Agents',
	action: 'Get tasks and agents of a day',
	description: 'Get the tasks of a day together with the agents (the dispatch map view)',
	path: 'get_job_and_fleet_details',
	fields: [
		f.collection('filters', 'Filters', [
			day('date', 'Date'),
			team(),
			agent(),
			text('search_string', 'Search'),
			flag('ignore_fleets', 'Ignore Agents', 'Whether to leave the agents out'),
			flag('is_offline', 'Offline Agents', 'Whether to include offline agents'),
			flag('unzip', 'Unzip', 'Whether to return the answer uncompressed'),
			flag('has_agent_module', 'Has Agent Module', 'Whether the account uses the agent module'),
			number('sorting', 'Sorting', { integer: true }),
			id('form_id', 'Form ID'),
		], { placeholder: 'Add Filter' }),
	],
	readOnly: true,
});

export const getRoute = op({
	value: 'getRoute',
	name: 'Get Route',
	action: 'Get the routes of a day',
	description: 'Get the route (ordered stops) of agents for a date',
	path: 'get_route_details_for_date',
	fields: [day('date', 'Date', { required: true }), f.collection('filters', 'Filters', [agent()], { placeholder: 'Add Filter' })],
	list: true,
	readOnly: true,
	unconfirmed: true,
});

export const getFareEstimate = op({
	value: 'getFareEstimate',
	name: 'Get Fare Estimate',
	action: 'Get a fare estimate',
	description: 'Estimate the fare between a pickup and a delivery point',
	path: 'get_fare_estimate',
	fields: [
		number('job_pickup_latitude', 'Pickup Latitude', { required: true, min: -90, max: 90 }),
		number('job_pickup_longitude', 'Pickup Longitude', { required: true, min: -180, max: 180 }),
		number('latitude', 'Delivery Latitude', { required: true, min: -90, max: 90 }),
		number('longitude', 'Delivery Longitude', { required: true, min: -180, max: 180 }),
	],
	readOnly: true,
	unconfirmed: true,
});
