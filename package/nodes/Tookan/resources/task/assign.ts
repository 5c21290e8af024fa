/** Assigning tasks to agents and teams. */
import * as f from '../../../shared/fields';
import { SETTABLE_JOB_STATUS } from '../../../shared/tookan';
import { agent, flag, id, ids, jobStatus, team, text } from '../fields';
import { op } from '../operation';

const jobId = id('job_id', 'Task ID', { required: true });
const statusAfter = jobStatus('job_status', 'Status', {
	only: SETTABLE_JOB_STATUS,
	description: 'Status to set with the assignment (default: Assigned)',
});
const notify = flag('notify', 'Notify', 'Whether to notify the agent (repeating the call notifies again)');
const geofence = flag('geofence', 'Geofence', 'Whether to respect geofences');

export const assignTask = op({
	value: 'assign',
	name: 'Assign',
	action: 'Assign a task',
	description: 'Assign a task to an agent or a team',
	path: 'assign_task',
	fields: [jobId, f.collection('options', 'Options', [agent(), team(), statusAfter], { placeholder: 'Add Option' })],
});

export const assignAgent = op({
	value: 'assignAgent',
	name: 'Assign Agent',
	action: 'Assign an agent to a task',
	description: 'Assign a task to an agent of a team',
	path: 'assign_fleet_to_task',
	fields: [
		jobId,
		agent('fleet_id', 'Agent', { required: true }),
		team('team_id', 'Team', { required: true }),
		f.collection('options', 'Options', [notify, geofence, statusAfter, id('merchant_id', 'Merchant ID')], { placeholder: 'Add Option' }),
	],
});

export const assignRelated = op({
	value: 'assignRelated',
	name: 'Assign Related',
	action: 'Assign related tasks',
	description: 'Assign a pickup and its delivery (tasks sharing a relationship token) together',
	path: 'assign_fleet_to_related_tasks',
	fields: [
		text('pickup_delivery_relationship', 'Pickup Delivery Relationship', {
			required: true,
			description: 'The pickup_delivery_relationship token both tasks carry',
		}),
		f.collection('options', 'Options', [agent(), team(), notify, geofence, statusAfter], { placeholder: 'Add Option' }),
	],
});

export const reAutoAssign = op({
	value: 'reAutoAssign',
	name: 'Re-Auto-Assign',
	action: 'Re auto assign a task',
	description: 'Run auto-assignment again (only for tasks created with Auto Assign)',
	path: 're_autoassign_task',
	fields: [jobId],
});

export const reassignOpen = op({
	value: 'reassignOpen',
	name: 'Reassign Open Tasks',
	action: 'Reassign open tasks to an agent',
	description: 'Move open tasks to another agent',
	path: 'reassign_open_tasks',
	fields: [
		agent('fleet_id', 'Agent', { required: true, hint: 'The agent who takes over the tasks' }),
		ids('job_ids', 'Task IDs', { required: true }),
		f.collection('options', 'Options', [team()], { placeholder: 'Add Option' }),
	],
	userId: 'optional',
});
