import type { IDataObject } from 'n8n-workflow';

import * as f from '../../shared/fields';
import { wholeList } from '../../shared/ghl';
import { serviceInstant } from '../../shared/time';
import type { BuiltRequest, Field, Operation, Resource, RunContext } from '../../shared/types';
import { assignedTo, contactId, READ, taskId, WRITE } from './common';

const PATH = '/contacts/{contactId}/tasks';

const details = (required: boolean): Field[] => [
	f.string('title', 'Title', { in: 'body', required, placeholder: 'e.g. Call back about the delivery' }),
	f.dateTime('dueDate', 'Due Date', { in: 'body', required }),
];

const optional: Field[] = [f.text('body', 'Description', { in: 'body' }), assignedTo()];

/** After a lost answer: the task exists if the contact now has one with the same title, due date and text. */
async function recoverTask(ctx: RunContext, request: BuiltRequest): Promise<IDataObject | undefined> {
	const list = await ctx.send(ctx.request('GET', `/contacts/${request.pathParams.contactId}/tasks`));
	const sent = request.body ?? {};
	const match = ((list.tasks ?? []) as IDataObject[]).find(
		(t) =>
			t.title === sent.title &&
			serviceInstant(t.dueDate) === serviceInstant(sent.dueDate) &&
			(t.body ?? '') === (sent.body ?? ''),
	);
	return match ? { task: match } : undefined;
}

function completion(done: boolean): Operation {
	return {
		value: done ? 'markCompleted' : 'markIncomplete',
		name: done ? 'Mark as Completed' : 'Mark as Incomplete',
		action: done ? 'Mark a task as completed' : 'Mark a task as incomplete',
		description: done ? 'Set the task\'s completed flag' : 'Clear the task\'s completed flag',
		method: 'PUT',
		path: `${PATH}/{taskId}/completed`,
		body: { completed: done },
		options: { scopes: WRITE },
		fields: [contactId(), taskId],
		output: { root: 'task' },
	};
}

export const task: Resource = {
	value: 'task',
	name: 'Task',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a task',
			description: 'Create a task on a contact',
			method: 'POST',
			path: PATH,
			options: { scopes: WRITE },
			fields: [
				contactId(),
				...details(true),
				f.boolean('completed', 'Completed', { in: 'body', description: 'Whether the task is already done' }),
				f.collection('additionalFields', 'Additional Fields', optional),
			],
			body: { completed: false },
			recover: recoverTask,
			output: { root: 'task' },
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a task',
			description: 'Delete a task of a contact',
			method: 'DELETE',
			path: `${PATH}/{taskId}`,
			options: { scopes: WRITE },
			fields: [contactId(), taskId],
			output: { deleted: true },
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a task',
			description: 'Get a task of a contact',
			method: 'GET',
			path: `${PATH}/{taskId}`,
			options: { scopes: READ },
			fields: [contactId(), taskId],
			output: { root: 'task' },
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many tasks',
			description: 'List the tasks of a contact',
			method: 'GET',
			path: PATH,
			options: { scopes: READ },
			fields: [contactId(), ...f.returnAllAndLimit()],
			paginate: wholeList('tasks'),
		},
		completion(true),
		completion(false),
		{
			value: 'update',
			name: 'Update',
			action: 'Update a task',
			description: 'Update a task of a contact',
			method: 'PUT',
			path: `${PATH}/{taskId}`,
			options: { scopes: WRITE },
			fields: [
				contactId(),
				taskId,
				f.collection('updateFields', 'Update Fields', [
					...details(false),
					f.boolean('completed', 'Completed', { in: 'body', description: 'Whether the task is done' }),
					...optional,
				]),
			],
			output: { root: 'task' },
		},
	],
};
