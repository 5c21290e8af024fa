/** Managers (dispatchers): dashboard users limited to some teams. */
import { email, flag, id, password, phone, teams, text, timeZone, timezoneMinutes } from '../fields';
import * as f from '../../../shared/fields';
import type { Resource } from '../../../shared/types';
import { op, recoverFromList } from '../operation';
import { localTimes } from '../times';

const createManager = op({
	value: 'create',
	name: 'Create',
	action: 'Create a manager',
	description: 'Add a manager (dispatcher) for some teams',
	path: 'add_manager',
	fields: [
		email('email', 'Email', { required: true }),
		password('password', 'Password', { required: true }),
		text('first_name', 'First Name', { required: true }),
		phone('phone', 'Phone', { required: true }),
		teams('dispatcher_teams', 'Teams', { required: true, asCsv: true }),
		flag('task_access', 'Access to Unassigned Tasks', 'Whether the manager sees unassigned tasks', { default: true }),
		flag('add_driver_access', 'May Add Agents', 'Whether the manager may create agents', { default: false }),
		timeZone(),
		f.collection('additionalFields', 'Additional Fields', [text('last_name', 'Last Name'), timezoneMinutes()]),
	],
	prepare: localTimes({ timezone: 'always' }),
	recover: recoverFromList('view_all_manager', 'email'),
});

const getManyManagers = op({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many managers',
	description: 'List the managers',
	path: 'view_all_manager',
	list: true,
	readOnly: true,
});

const deleteManager = op({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a manager',
	description: 'Delete a manager',
	path: 'delete_manager',
	fields: [id('dispatcher_id', 'Manager ID', { required: true })],
	deletes: 'dispatcher_id',
});

export const manager: Resource = {
	value: 'manager',
	name: 'Manager',
	operations: [getManyManagers, createManager, deleteManager],
};
