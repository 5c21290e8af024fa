/** Task fields shared by Create, Create Many, Create for Form User, Update and Update Many. */
import type { IDataObject } from 'n8n-workflow';

import { TASK_TYPES } from '../../../shared/tookan';
import * as f from '../../../shared/fields';
import type { Field } from '../../../shared/types';
import { inVersions } from '../../../shared/mapper';
import { agent, coordinates, customFields, email, flag, id, number, phone, strings, tags, team, text, timezoneMinutes } from '../fields';
import {
	byLabelRows,
	CUSTOMER_SIDE,
	customFieldsNotice,
	PICKUP_SIDE,
	templateLocator,
	templateMapper,
} from './customFields';

export const taskTypeOptions = Object.entries(TASK_TYPES).map(([value, layout]) => ({ name: layout.name, value }));

export const taskType = (o: { show?: object } = {}): Field =>
	f.options('taskType', 'Task Type', taskTypeOptions, {
		sort: false,
		default: 'delivery',
		description: "Sets Tookan's layout_type, has_pickup and has_delivery for you",
		...(o.show ? { show: o.show as never } : {}),
	});

const pickupContact: Field[] = [
	text('job_pickup_name', 'Pickup Contact Name'),
	phone('job_pickup_phone', 'Pickup Phone'),
	email('job_pickup_email', 'Pickup Email'),
	...coordinates('job_pickup_latitude', 'job_pickup_longitude', 'Pickup '),
];

const customerContact: Field[] = [
	text('customer_username', 'Customer Name'),
	phone('customer_phone', 'Customer Phone'),
	email('customer_email', 'Customer Email'),
	...coordinates('latitude', 'longitude'),
];

/** Version 1: the template by name and its values as label/value rows, inside the details. */
export const pickupDetails: Field[] = [
	...pickupContact,
	...customFields('pickup_custom_field_template', 'pickup_meta_data', 'Pickup '),
	strings('p_ref_images', 'Pickup Reference Image URLs'),
];

export const customerDetails: Field[] = [
	...customerContact,
	...customFields('custom_field_template', 'meta_data'),
	strings('ref_images', 'Reference Image URLs'),
];

/** Version 2: the template and its fields are top-level parameters (templateFields); values by label stay here. */
export const pickupDetailsV2: Field[] = [...pickupContact, byLabelRows(PICKUP_SIDE), strings('p_ref_images', 'Pickup Reference Image URLs')];

export const customerDetailsV2: Field[] = [...customerContact, byLabelRows(CUSTOMER_SIDE), strings('ref_images', 'Reference Image URLs')];

/**
 * Version 2's custom field parameters: the notice, then per side the template and its fields; `pickupShow` /
 * `customerShow` limit a side to the task types that have it.
 */
export function templateFields(pickupShow?: IDataObject, customerShow?: IDataObject): Field[] {
	return [
		customFieldsNotice,
		templateLocator(PICKUP_SIDE, pickupShow),
		templateMapper(PICKUP_SIDE, pickupShow),
		templateLocator(CUSTOMER_SIDE, customerShow),
		templateMapper(CUSTOMER_SIDE, customerShow),
	].map((field) => inVersions(field, [2]));
}

/** Options every task write accepts. */
export const taskOptions: Field[] = [
	text('order_id', 'Order ID', { description: 'Your own reference; also lets the node find the task if an answer is lost' }),
	text('job_description', 'Description'),
	team(),
	agent('fleet_id', 'Agent', { hint: 'Assign the task directly to this agent' }),
	flag('auto_assignment', 'Auto Assign', 'Whether Tookan assigns an agent of the team automatically'),
	flag('tracking_link', 'Tracking Link', 'Whether to return tracking links for the task'),
	flag('notify', 'Notify', "Whether to send the account's customer and agent notifications"),
	tags({ hint: 'Agent tags that auto-assignment matches' }),
	flag('geofence', 'Geofence', 'Whether to restrict assignment to agents of the geofence'),
	id('merchant_id', 'Merchant ID'),
	number('ride_type', 'Ride Type', { integer: true }),
	flag('ignore_customer_lat_long', 'Ignore Customer Saved Location', "Whether to use the given address instead of the customer's saved location"),
	timezoneMinutes(),
];

/** The address of one entry of Create Many / Update Many. */
export const entryAddress = text('address', 'Address');

/** The fields one entry of Create Many / Update Many (`pickups[]`, `deliveries[]`, ...) shares. */
export function entryFields(times: Field[]): Field[] {
	return [
		entryAddress,
		...times,
		text('name', 'Name'),
		phone('phone', 'Phone'),
		email('email', 'Email'),
		text('order_id', 'Order ID'),
		text('job_description', 'Description'),
		...coordinates('latitude', 'longitude'),
	];
}
