/**
 * Creating tasks. A "Task Type" option sets layout_type / has_pickup / has_delivery; each type shows the
 * address and time fields it needs (pickup: pickup address + before; delivery: address + before;
 * appointment and field workforce: address + start + end). Times become local with the right `timezone`.
 */
import type { IDataObject } from 'n8n-workflow';

import * as f from '../../../shared/fields';
import { ParameterError } from '../../../shared/request';
import { TASK_TYPES } from '../../../shared/tookan';
import { serviceInstant } from '../../../shared/time';
import type { BuiltRequest, Field } from '../../../shared/types';
import { agent, flag, id, json, strings, tags, team, text, time, timeZone, timezoneMinutes } from '../fields';
import { op, recoverBy, same, steps, type Prepare } from '../operation';
import { localTimes } from '../times';
import { inVersions } from '../../../shared/mapper';
import { applyCustomFields } from './customFields';
import {
	customerDetails,
	customerDetailsV2,
	entryAddress,
	entryFields,
	pickupDetails,
	pickupDetailsV2,
	taskOptions,
	taskType,
	templateFields,
} from './fields';

const PICKUP = ['pickup', 'pickupAndDelivery'];
const DELIVERY = ['delivery', 'pickupAndDelivery'];
const APPOINTMENT = ['appointment', 'fieldWorkforce'];
const CUSTOMER_SIDE = [...DELIVERY, 'appointment', 'fieldWorkforce'];

const only = (types: string[]) => ({ show: { taskType: types } });

const pickupAddress = text('job_pickup_address', 'Pickup Address', { ...only(PICKUP), placeholder: 'e.g. 12 Market Street, Springfield' });
const pickupTime = time('pickupTime', 'Pickup Before', { key: 'job_pickup_datetime', ...only(PICKUP) });
const customerAddress = text('customer_address', 'Customer Address', {
	...only(CUSTOMER_SIDE),
	description: 'Where the delivery, appointment or field work takes place',
	placeholder: 'e.g. 4 Elm Road, Springfield',
});
const deliveryTime = time('deliveryTime', 'Deliver Before', { key: 'job_delivery_datetime', ...only(DELIVERY) });
const startTime = time('startTime', 'Start Time', { key: 'job_pickup_datetime', ...only(APPOINTMENT) });
const endTime = time('endTime', 'End Time', { key: 'job_delivery_datetime', ...only(APPOINTMENT) });

/** The fields each task type cannot do without (shown only for that type, so checked here). */
const NEEDED: Record<string, Field[]> = {
	pickup: [pickupAddress, pickupTime],
	delivery: [customerAddress, deliveryTime],
	pickupAndDelivery: [pickupAddress, pickupTime, customerAddress, deliveryTime],
	appointment: [customerAddress, startTime, endTime],
	fieldWorkforce: [customerAddress, startTime, endTime],
};

function requireFor(type: string, present: (name: string) => boolean, fields: Field[], where = ''): void {
	for (const field of fields) {
		if (!present(field.property.name)) {
			throw new ParameterError(`${where}${field.property.displayName}`, `is required for a ${TASK_TYPES[type].name} task`);
		}
	}
}

function checkTask(request: BuiltRequest): void {
	const type = String(request.params.taskType);
	requireFor(type, (name) => request.params[name] !== undefined, NEEDED[type] ?? []);
}

/** Adds layout_type / has_pickup / has_delivery for the chosen Task Type (when one is chosen). */
export const withLayout: Prepare = (request) => {
	const layout = TASK_TYPES[String(request.params.taskType ?? '')];
	if (!layout) return request;
	const { layout_type, has_pickup, has_delivery } = layout;
	return { ...request, body: { layout_type, has_pickup, has_delivery, ...(request.body ?? {}) } };
};

/** Order ids are not unique in Tookan: a task created well before this item started is someone else's. */
const CLOCK_SKEW_MS = 10 * 60_000;

function createdSinceStart(task: IDataObject, request: BuiltRequest): boolean {
	const created = serviceInstant(task.creation_datetime);
	return request.startedAt === undefined || Number.isNaN(created) || created >= request.startedAt - CLOCK_SKEW_MS;
}

const taskTimes = localTimes({ keys: ['job_pickup_datetime', 'job_delivery_datetime'], timezone: 'always' });

const createFields: Field[] = [
	taskType(),
	pickupAddress,
	pickupTime,
	customerAddress,
	deliveryTime,
	startTime,
	endTime,
	timeZone(),
	...templateFields(only(PICKUP).show, only(CUSTOMER_SIDE).show),
	inVersions(f.collection('pickupDetails', 'Pickup Details', pickupDetails, { placeholder: 'Add Pickup Detail', ...only(PICKUP) }), [1]),
	inVersions(f.collection('pickupDetails', 'Pickup Details', pickupDetailsV2, { placeholder: 'Add Pickup Detail', ...only(PICKUP) }), [2]),
	inVersions(f.collection('customerDetails', 'Customer Details', customerDetails, { placeholder: 'Add Customer Detail', ...only(CUSTOMER_SIDE) }), [1]),
	inVersions(f.collection('customerDetails', 'Customer Details', customerDetailsV2, { placeholder: 'Add Customer Detail', ...only(CUSTOMER_SIDE) }), [2]),
	f.collection('additionalFields', 'Additional Fields', taskOptions),
];

const createSpec = {
	fields: createFields,
	check: (request: BuiltRequest) => {
		checkTask(request);
		applyCustomFields(request);
	},
	prepare: steps(withLayout, taskTimes),
};

export const createTask = op({
	value: 'create',
	name: 'Create',
	action: 'Create a task',
	description: 'Create a pickup, delivery, pickup and delivery, appointment or field workforce task',
	path: 'create_task',
	...createSpec,
	recover: recoverBy(
		'get_job_details_by_order_id',
		(request) => (request.body?.order_id ? { order_ids: [String(request.body.order_id)] } : undefined),
		(task, request) => same(task.order_id, request.body?.order_id) && createdSinceStart(task, request),
		'the task has no Order ID to look it up by (set Additional Fields › Order ID to make creates safe to retry)',
	),
});

export const createTaskForFormUser = op({
	value: 'createForFormUser',
	name: 'Create for Form User',
	action: 'Create a task for a form user',
	description: 'Create a task on behalf of a form (customer app) user',
	path: 'create_task_for_form_user',
	unconfirmed: true,
	...createSpec,
});

/* ---- Create Many: several pickups / deliveries / appointments sharing the task settings ---- */

function itemFields(times: Field[]): Field[] {
	return [
		...entryFields(times),
		text('template_name', 'Custom Field Template'),
		json('template_data', 'Custom Field Values (JSON)', 'array', { description: 'e.g. [{"label": "Order_Value", "data": "12"}]' }),
		strings('ref_images', 'Reference Image URLs'),
	];
}

const itemTime = time('time', 'Time', { description: 'Pickup or deliver before this time' });
const itemStart = time('start_time', 'Start Time');
const itemEnd = time('end_time', 'End Time');

function itemRows(name: string, displayName: string, row: string, times: Field[], types: string[]): Field {
	return f.rows(name, displayName, row, displayName.replace(/s$/, ''), itemFields(times), (rows) => rows, {
		in: 'body',
		...only(types),
	});
}

const ITEM_LISTS: Array<{ key: string; label: string; types: string[]; needs: Field[] }> = [
	{ key: 'pickups', label: 'Pickups', types: PICKUP, needs: [entryAddress, itemTime] },
	{ key: 'deliveries', label: 'Deliveries', types: DELIVERY, needs: [entryAddress, itemTime] },
	{ key: 'appointments', label: 'Appointments', types: APPOINTMENT, needs: [entryAddress, itemStart, itemEnd] },
];

function checkMany(request: BuiltRequest): void {
	const type = String(request.params.taskType);
	for (const list of ITEM_LISTS.filter((l) => l.types.includes(type))) {
		const entries = (request.params[list.key] ?? []) as IDataObject[];
		if (!entries.length) throw new ParameterError(list.label, `needs at least one entry for a ${TASK_TYPES[type].name} task`);
		entries.forEach((entry, i) =>
			requireFor(type, (name) => entry[name] !== undefined, list.needs, `${list.label} › ${i + 1} › `),
		);
	}
}

export const createManyTasks = op({
	value: 'createMany',
	name: 'Create Many',
	action: 'Create many tasks',
	description: 'Create several pickups, deliveries or appointments in one request',
	path: 'create_multiple_tasks',
	fields: [
		taskType(),
		itemRows('pickups', 'Pickups', 'pickup', [itemTime], PICKUP),
		itemRows('deliveries', 'Deliveries', 'delivery', [itemTime], DELIVERY),
		itemRows('appointments', 'Appointments', 'appointment', [itemStart, itemEnd], APPOINTMENT),
		timeZone(),
		f.collection('additionalFields', 'Additional Fields', [
			team(),
			agent('fleet_id', 'Agent', { hint: 'Assign the tasks directly to this agent' }),
			flag('auto_assignment', 'Auto Assign', 'Whether Tookan assigns an agent of the team automatically'),
			flag('geofence', 'Geofence', 'Whether to restrict assignment to agents of the geofence'),
			tags(),
			id('merchant_id', 'Merchant ID'),
			timezoneMinutes(),
		]),
	],
	check: checkMany,
	prepare: steps(
		withLayout,
		localTimes({ lists: { pickups: ['time'], deliveries: ['time'], appointments: ['start_time', 'end_time'] }, timezone: 'always' }),
	),
});
