/** Geofences ("regions"): areas agents and teams work in. The polygon format is unconfirmed. */
import * as f from '../../../shared/fields';
import type { Resource } from '../../../shared/types';
import { agent, agents, flag, id, json, number, teams, text } from '../fields';
import { op, recoverFromList } from '../operation';

const regionId = id('region_id', 'Region ID', { required: true });
const polygon = (required: boolean) =>
	json('region_data', 'Area (JSON)', 'array', {
		required,
		description: 'The polygon as a JSON array of at least three points, e.g. [{"latitude": 30.7, "longitude": 76.7}, ...]',
	});
const settings = [
	text('region_description', 'Description'),
	teams('selected_team_id', 'Teams'),
	agents('fleet_id', 'Agents'),
	flag('is_force', 'Force', 'Whether to apply the region even if it overlaps others'),
];

const addRegion = op({
	value: 'create',
	name: 'Create',
	action: 'Create a geofence',
	description: 'Add a geofence region',
	path: 'add_region',
	fields: [text('region_name', 'Name', { required: true }), polygon(true), f.collection('additionalFields', 'Additional Fields', settings)],
	userId: 'optional',
	unconfirmed: true,
	recover: recoverFromList('view_regions', 'region_name'),
});

const editRegion = op({
	value: 'update',
	name: 'Update',
	action: 'Update a geofence',
	description: 'Change a geofence region',
	path: 'edit_region',
	fields: [regionId, f.collection('updateFields', 'Update Fields', [text('region_name', 'Name'), polygon(false), ...settings])],
	userId: 'optional',
	idempotent: true,
	unconfirmed: true,
});

const viewRegions = op({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many geofences',
	description: 'List the geofence regions',
	path: 'view_regions',
	userId: 'optional',
	list: true,
	readOnly: true,
	unconfirmed: true,
});

const viewRegion = op({
	value: 'get',
	name: 'Get',
	action: 'Get a geofence',
	description: 'Get one geofence region',
	path: 'view_regions_only',
	fields: [regionId],
	userId: 'optional',
	list: true,
	readOnly: true,
	unconfirmed: true,
});

const removeAgent = op({
	value: 'removeAgent',
	name: 'Remove Agent',
	action: 'Remove an agent from a geofence',
	description: 'Take an agent out of a geofence region',
	path: 'remove_region_for_agent',
	fields: [regionId, agent('fleet_id', 'Agent', { required: true })],
	userId: 'optional',
	unconfirmed: true,
});

const removeRegion = op({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a geofence',
	description: 'Delete a geofence region',
	path: 'remove_region',
	fields: [regionId],
	userId: 'optional',
	unconfirmed: true,
	deletes: 'region_id',
});

const findByPoint = op({
	value: 'findByPoint',
	name: 'Find by Point',
	action: 'Find geofences containing a point',
	description: 'Find the geofence regions that contain a location',
	path: 'find_region_from_points',
	fields: [
		number('latitude', 'Latitude', { required: true, min: -90, max: 90 }),
		number('longitude', 'Longitude', { required: true, min: -180, max: 180 }),
	],
	list: true,
	readOnly: true,
	unconfirmed: true,
});

export const geofence: Resource = {
	value: 'geofence',
	name: 'Geofence',
	description: 'Regions agents work in',
	operations: [viewRegions, addRegion, editRegion, viewRegion, removeAgent, removeRegion, findByPoint],
};
