import { taskEvent } from '../events/payloads';
import type { GhlDeps } from '../http/deps';
import type { RouteAdder } from '../http/guard';
import { validateBody } from '../http/validate';
import type { Contact, Task } from '../model';
import { registerChildRoutes, type ChildResource } from './child-routes';
import { CREATE_TASK, TASK_COMPLETED, UPDATE_TASK } from './dtos';
import { loadContact } from './load';
import { notFound } from '../http/errors';


export const taskView = (t: Task) => ({
	id: t.id,
	title: t.title,
	body: t.body,
	assignedTo: t.assignedTo,
	dueDate: t.dueDate,
	completed: t.completed,
	contactId: t.contactId,
});

/** TaskCreate on create, TaskComplete when `completed` turns true, TaskDelete on delete (GHL has no TaskUpdate). */
function emitTask(deps: GhlDeps, contact: Contact, before: Task | undefined, after: Task | undefined): void {
	if (!before && after) deps.events.emit('TaskCreate', contact.locationId, taskEvent(after));
	else if (before && after && !before.completed && after.completed) deps.events.emit('TaskComplete', contact.locationId, taskEvent(after));
	else if (before && !after) deps.events.emit('TaskDelete', contact.locationId, taskEvent(before));
}

const tasks: ChildResource<Task> = {
	plural: 'tasks',
	singular: 'task',
	param: 'taskId',
	label: 'Task',
	store: (deps) => deps.state.tasks,
	createDto: CREATE_TASK,
	updateDto: UPDATE_TASK,
	check(task, body, messages) {
		if (body.dueDate !== undefined && Number.isNaN(Date.parse(task.dueDate))) messages.push('dueDate must be a valid ISO 8601 date string');
	},
	view: taskView,
	emit: emitTask,
};

/** Contacts ops 9-14. */
export function registerTaskRoutes(route: RouteAdder, deps: GhlDeps): void {
	registerChildRoutes(route, deps, tasks);
	route('PUT', '/contacts/:contactId/tasks/:taskId/completed', { scope: 'contacts.write' }, (request) => {
		const contact = loadContact(deps, request);
		const task = deps.state.tasks.get(contact.id, request.params.taskId);
		if (!task) throw notFound('Task not found');
		const body = validateBody(request.body, TASK_COMPLETED, deps.config().strictBodies);
		const before = { ...task };
		task.completed = body.completed as boolean;
		emitTask(deps, contact, before, task);
		return { task: taskView(task) };
	});
}
