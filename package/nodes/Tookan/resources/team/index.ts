/** Teams: groups of agents, with an address, tags and the agent app's battery setting. */
import * as f from '../../../shared/fields';
import { BATTERY_USAGE } from '../../../shared/tookan';
import type { Resource } from '../../../shared/types';
import { codes, tags, teamLocator, text } from '../fields';
import { op, recoverFromList } from '../operation';

const settings = [
	codes('battery_usage', 'Battery Usage', BATTERY_USAGE, {
		description: "The agent app's location accuracy: higher is more precise and uses more battery",
	}),
	text('address', 'Address'),
	tags(),
];

const createTeam = op({
	value: 'create',
	name: 'Create',
	action: 'Create a team',
	description: 'Create a team',
	path: 'create_team',
	fields: [text('team_name', 'Name', { required: true }), f.collection('additionalFields', 'Additional Fields', settings)],
	recover: recoverFromList('view_all_team_only', 'team_name'),
});

const updateTeam = op({
	value: 'update',
	name: 'Update',
	action: 'Update a team',
	description: 'Rename a team or change its settings',
	path: 'update_team',
	fields: [teamLocator(), f.collection('updateFields', 'Update Fields', [text('team_name', 'Name'), ...settings])],
	idempotent: true,
});

const deleteTeam = op({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a team',
	description: 'Delete a team (it must have no agents)',
	path: 'delete_team',
	fields: [teamLocator()],
	deletes: 'team_id',
});

const getManyTeams = op({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many teams',
	description: 'List the teams',
	path: 'view_all_team_only',
	list: true,
	readOnly: true,
});

const getManyWithAgents = op({
	value: 'getAllWithAgents',
	name: 'Get Many With Agents',
	action: 'Get many teams with their agents',
	description: 'List the teams with their agents',
	path: 'view_teams',
	list: true,
	readOnly: true,
});

export const team: Resource = {
	value: 'team',
	name: 'Team',
	operations: [getManyTeams, createTeam, updateTeam, deleteTeam, getManyWithAgents],
};
