/** Task endpoints: create, read, list, edit, delete. */
import { ok, type Env, type Handlers } from '../env';
import { invalid, notFound } from '../errors';
import { paged } from '../paging';
import { Params } from '../params';
import { JOB } from '../statuses';
import { createBatch } from '../tasks/batch';
import { createdData, createFromParams } from '../tasks/create';
import { applySide, editTask, setTimes } from '../tasks/edit';
import { ITEM_FIELDS, localTime, readSidePatch } from '../tasks/layout';
import { changeStatus, findTask, liveTasks } from '../tasks/lifecycle';
import { dateWindow, jobTypeOf, taskFilter } from '../tasks/query';
import { taskDetails, taskLite } from '../tasks/view';
import type { Task } from '../types';

/** Full task objects for get_job_details and friends; no match at all answers status 404. */
function detailsOf(tasks: Task[], p: Params, env: Env) {
	if (tasks.length === 0) throw notFound('No task found');
	const opts = { history: p.flag('include_task_history') === 1, additionalInfo: p.flag('job_additional_info') === 1 };
	return ok(tasks.map((t) => taskDetails(t, env.state, env.config(), opts)));
}

function byOrderIds(env: Env, orderIds: string[]): Task[] {
	const wanted = new Set(orderIds);
	return [...liveTasks(env.state)].filter((t) => wanted.has(t.order_id));
}

function byJobIds(env: Env, ids: number[]): Task[] {
	return ids.flatMap((id) => {
		const t = env.state.tasks.get(id);
		return t && t.job_status !== JOB.DELETED ? [t] : [];
	});
}

/** edit_multiple_tasks: `pickups[]` edit the pickup side, `deliveries[]` the delivery side. */
function editItems(p: Params, env: Env, name: string, which: 'pickup' | 'main'): Task[] {
	return p.objects(name).map((raw, i) => {
		const item = new Params(raw, `${name}[${i}].`);
		const t = findTask(env.state, item.int('job_id'));
		const at = item.has('time') ? localTime(item, 'time', t.timezone) : undefined;
		setTimes(t, which === 'pickup' ? at : undefined, which === 'main' ? at : undefined);
		applySide(env, t, readSidePatch(item, ITEM_FIELDS), which);
		if (item.has('order_id')) t.order_id = item.str('order_id');
		if (item.has('job_description')) t.job_description = item.str('job_description');
		return t;
	});
}

export const taskHandlers: Handlers = {
	create_task: (p, env) => ok(createdData(createFromParams(p, env), env, p.flag('tracking_link') === 1), 'The task has been created.'),

	create_multiple_tasks: (p, env) => {
		const batch = createBatch(p, env);
		const view = (list: Task[]) => list.map((t) => createdData([t], env, true));
		return ok(
			{ pickups: view(batch.pickups), deliveries: view(batch.deliveries), appointments: view(batch.appointments) },
			'The tasks have been created.',
		);
	},

	get_job_details: (p, env) => {
		const ids = p.needInts('job_ids');
		const max = env.config().maxJobIds;
		if (ids.length > max) throw invalid(`At most ${max} job_ids per request`);
		return detailsOf(byJobIds(env, ids), p, env);
	},

	get_job_details_by_order_id: (p, env) => detailsOf(byOrderIds(env, p.strs('order_ids')), p, env),

	get_task_details: (p, env) => ok([taskDetails(findTask(env.state, p.int('job_id')), env.state, env.config(), { history: true })]),

	get_task_details_by_order_id: (p, env) => {
		const tasks = byOrderIds(env, [p.needStr('order_id')]);
		if (tasks.length === 0) throw notFound('No task found');
		return ok(tasks.map((t) => taskDetails(t, env.state, env.config(), { history: true })));
	},

	get_all_tasks: (p, env) => {
		const config = env.config();
		const keep = taskFilter(p, dateWindow(p, config, true), jobTypeOf(p));
		const withFields = p.flag('custom_fields') === 1;
		const tasks = [...liveTasks(env.state)].filter(keep);
		return paged(tasks, p, config, (t) => taskLite(t, env.state, config, withFields));
	},

	edit_task: (p, env) => {
		const t = findTask(env.state, p.int('job_id'));
		editTask(p, env, t);
		return ok(createdData([t], env, p.flag('tracking_link') === 1), 'The task has been updated.');
	},

	edit_multiple_tasks: (p, env) => {
		if (!p.has('pickups') && !p.has('deliveries')) throw invalid('Send pickups[] or deliveries[] to edit');
		const edited = [...editItems(p, env, 'pickups', 'pickup'), ...editItems(p, env, 'deliveries', 'main')];
		return ok({ job_ids: edited.map((t) => t.job_id) }, 'The tasks have been updated.');
	},

	delete_task: (p, env) => {
		const t = findTask(env.state, p.int('job_id'));
		changeStatus(env, t, JOB.DELETED);
		return ok({ job_id: t.job_id }, 'The task has been deleted.');
	},
};
