/** Agents ("fleets"): the drivers and field workers who carry out tasks. */
import type { IDataObject } from 'n8n-workflow';

import * as f from '../../../shared/fields';
import { AGENT_STATUS, codeName, FLEET_TYPE, TRANSPORT_TYPE } from '../../../shared/tookan';
import type { Resource } from '../../../shared/types';
import {
	agent,
	agentLocator,
	choice,
	codes,
	coordinates,
	day,
	email,
	flag,
	id,
	ids,
	password,
	phone,
	tags,
	team,
	text,
	timeZone,
	timezoneMinutes,
} from '../fields';
import { op, recoverFromList } from '../operation';
import { noCustomFieldsNotice } from '../task/customFields';
import { localTimes } from '../times';
import { activityOperations } from './activity';

const KEEP = ['fleet_id', 'username', 'name', 'first_name', 'last_name', 'email', 'phone', 'team_id', 'tags', 'is_available', 'latitude', 'longitude', 'location_update_datetime', 'location_update_datetime_iso', 'timezone', 'distance'];

/** Simplify for agents: contact, team, location (local time, its ISO instant and the agent's timezone), and status / transport as names. */
function simplifyAgent(record: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const key of KEEP) if (record[key] !== undefined) out[key] = record[key];
	if (record.status !== undefined) {
		out.status = codeName(AGENT_STATUS, record.status) ?? record.status;
		out.status_code = Number(record.status);
	}
	if (record.transport_type !== undefined) out.transport_type = codeName(TRANSPORT_TYPE, record.transport_type) ?? record.transport_type;
	return out;
}

const profile = [
	email('email', 'Email'),
	text('last_name', 'Last Name'),
	password('password', 'Password', { description: 'Leave empty to let Tookan generate one and text it to the agent' }),
	codes('transport_type', 'Transport Type', TRANSPORT_TYPE),
	text('transport_desc', 'Transport Description'),
	text('license', 'License Plate'),
	text('color', 'Vehicle Color'),
	id('rule_id', 'Rule ID'),
	id('merchant_id', 'Merchant ID'),
	codes('fleet_type', 'Agent Type', FLEET_TYPE),
	timezoneMinutes(),
];

const createAgent = op({
	value: 'create',
	name: 'Create',
	action: 'Create an agent',
	description: 'Add an agent to a team',
	path: 'add_agent',
	fields: [
		text('username', 'Username', { required: true }),
		phone('phone', 'Phone', { required: true }),
		text('first_name', 'First Name', { required: true }),
		team('team_id', 'Team', { required: true }),
		timeZone(),
		f.collection('additionalFields', 'Additional Fields', profile),
		noCustomFieldsNotice('agents'),
	],
	prepare: localTimes({ timezone: 'always' }),
	recover: recoverFromList('get_all_fleets', 'username'),
});

const updateAgent = op({
	value: 'update',
	name: 'Update',
	action: 'Update an agent',
	description: 'Change the profile, team or vehicle of an agent',
	path: 'edit_agent',
	fields: [
		agentLocator(),
		f.collection('updateFields', 'Update Fields', [
			text('username', 'Username'),
			phone('phone', 'Phone'),
			text('first_name', 'First Name'),
			team(),
			timeZone(),
			...profile,
		]),
		noCustomFieldsNotice('agents'),
	],
	idempotent: true,
	prepare: localTimes({ timezone: 'whenChosen' }),
});

const deleteAgent = op({
	value: 'delete',
	name: 'Delete',
	action: 'Delete an agent',
	description: 'Delete the account of an agent',
	path: 'delete_fleet_account',
	fields: [agentLocator()],
	deletes: 'fleet_id',
});

const blockAgent = op({
	value: 'block',
	name: 'Block or Unblock',
	action: 'Block or unblock an agent',
	description: 'Block an agent (optionally until a date) or unblock them',
	path: 'block_and_unblock_agent',
	fields: [
		agentLocator(),
		choice(
			'block_status',
			'Action',
			[
				{ name: 'Block', value: 0 },
				{ name: 'Unblock', value: 1 },
			],
			{ required: true, default: 0 },
		),
		f.collection('options', 'Options', [text('block_reason', 'Reason'), day('unblock_on_date', 'Unblock On')], {
			placeholder: 'Add Option',
		}),
	],
});

const getManyAgents = op({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many agents',
	description: 'List the agents of the account (the whole list; filters apply on the server)',
	path: 'get_all_fleets',
	fields: [
		f.collection('filters', 'Filters', [
			tags(),
			flag('include_any_tag', 'Any Tag', 'Whether agents with any of the tags match (otherwise all tags are needed)'),
			text('name', 'Name'),
			ids('fleet_ids', 'Agent IDs'),
			codes('status', 'Status', AGENT_STATUS),
			codes('fleet_type', 'Agent Type', FLEET_TYPE),
			id('merchant_id', 'Merchant ID'),
			flag('include_team_id', 'Include Team ID', 'Whether to include the team ID of each agent'),
		], { placeholder: 'Add Filter' }),
	],
	list: true,
	readOnly: true,
	simplify: simplifyAgent,
});

const getAvailableAgents = op({
	value: 'getAvailable',
	name: 'Get Available',
	action: 'Get available agents',
	description: 'List the agents free for work, nearest first when a location is given',
	path: 'get_available_agents',
	fields: [
		f.collection('filters', 'Filters', [
			team(),
			tags(),
			agent(),
			...coordinates('latitude', 'longitude'),
			flag('geofence', 'Geofence', 'Whether to respect geofences'),
		], { placeholder: 'Add Filter' }),
	],
	list: true,
	readOnly: true,
	simplify: simplifyAgent,
});

const getAgent = op({
	value: 'get',
	name: 'Get',
	action: 'Get an agent',
	description: 'Get the profile of an agent and their current tasks',
	path: 'view_fleet_profile',
	fields: [agentLocator()],
	readOnly: true,
});

const getLocation = op({
	value: 'getLocation',
	name: 'Get Location',
	action: 'Get the location of an agent',
	description: 'Get the last known location and battery level of an agent',
	path: 'get_fleet_location',
	fields: [agentLocator()],
	list: true,
	readOnly: true,
});

const updateTags = op({
	value: 'updateTags',
	name: 'Update Tags',
	action: 'Update the tags of an agent',
	description: 'Replace the tags of an agent',
	path: 'update_fleet_tags',
	fields: [agentLocator(), tags({ required: true })],
	idempotent: true,
});

const getTags = op({
	value: 'getTags',
	name: 'Get Tags',
	action: 'Get agent tags',
	description: 'Get the tags of an agent, or every tag of the account',
	path: 'get_fleet_tags',
	fields: [f.collection('options', 'Options', [agent()], { placeholder: 'Add Option' })],
	list: true,
	readOnly: true,
});

export const agentResource: Resource = {
	value: 'agent',
	name: 'Agent',
	description: 'Drivers and field workers',
	operations: [
		getManyAgents,
		createAgent,
		updateAgent,
		deleteAgent,
		blockAgent,
		getAgent,
		getAvailableAgents,
		getLocation,
		getTags,
		updateTags,
		...activityOperations,
	],
};
