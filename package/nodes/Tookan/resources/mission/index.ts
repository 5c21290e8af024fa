/** Missions: batches of tasks dispatched over several days. No source confirms the parameters. */
import * as f from '../../../shared/fields';
import type { Resource } from '../../../shared/types';
import { day, id, json, number, text } from '../fields';
import { op, recoverFromList } from '../operation';

const range = [day('start_date', 'Start Date'), day('end_date', 'End Date')];

const createMission = op({
	value: 'create',
	name: 'Create',
	action: 'Create a mission',
	description: 'Create a mission from one or more Create Many bodies',
	path: 'create_mission_task',
	fields: [
		text('mission_name', 'Name', { required: true }),
		json('create_task_body', 'Tasks (JSON)', 'array', {
			required: true,
			description:
				'A JSON array; each entry is a Create Many body: timezone, has_pickup, has_delivery, layout_type and pickups / deliveries / appointments with local times (YYYY-MM-DD HH:mm:ss)',
		}),
		f.collection('additionalFields', 'Additional Fields', [number('dispatched_status', 'Dispatched Status', { integer: true }), ...range]),
	],
	unconfirmed: true,
	recover: recoverFromList('get_mission_list', 'mission_name'),
});

const getMissions = op({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many missions',
	description: 'List the missions',
	path: 'get_mission_list',
	fields: [f.collection('filters', 'Filters', range, { placeholder: 'Add Filter' })],
	list: true,
	readOnly: true,
	unconfirmed: true,
});

const deleteMission = op({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a mission',
	description: 'Delete a mission and its remaining tasks',
	path: 'delete_mission',
	fields: [id('mission_id', 'Mission ID', { required: true })],
	unconfirmed: true,
	deletes: 'mission_id',
});

export const mission: Resource = {
	value: 'mission',
	name: 'Mission',
	description: 'Batches of tasks over several days',
	operations: [getMissions, createMission, deleteMission],
};
