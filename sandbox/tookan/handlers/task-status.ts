/** Task status and assignment endpoints; every change fires the task webhook. */
import { findAgent } from '../agents';
import { ok, type Env, type Handlers } from '../env';
import { invalid, notFound } from '../errors';
import type { Params } from '../params';
import { JOB, OPEN, SETTABLE } from '../statuses';
import { assignAgent, changeStatus, findTask, liveTasks, pickAgent } from '../tasks/lifecycle';
import type { Task } from '../types';

/** The optional (or required) `job_status` to set, limited to the settable codes 0-4 and 6-9. */
function statusOf(p: Params, required = false): number | undefined {
	const status = required ? p.int('job_status') : p.optInt('job_status');
	if (status !== undefined && !(SETTABLE as readonly number[]).includes(status)) throw invalid('Invalid job_status');
	return status;
}

function teamOf(p: Params, env: Env): number | undefined {
	const team = p.optInt('team_id');
	if (team !== undefined && !env.state.teams.has(team)) throw invalid(`Invalid team_id: ${team}`);
	return team;
}

/** Assign `tasks` from the request's `fleet_id`, `team_id` and `job_status`; without an agent only the team moves. */
function assignFrom(p: Params, env: Env, tasks: Task[]): Task[] {
	const status = statusOf(p);
	const team = teamOf(p, env);
	const fleet = p.optInt('fleet_id');
	const agent = fleet === undefined ? null : findAgent(env.state, fleet);
	for (const t of tasks) {
		if (agent) assignAgent(env, t, agent, status ?? JOB.ASSIGNED, team);
		else {
			if (team !== undefined) t.team_id = team;
			if (status !== undefined) changeStatus(env, t, status);
		}
	}
	return tasks;
}

const assigned = (tasks: Task[]) =>
	ok(tasks.map((t) => ({ job_id: t.job_id, fleet_id: t.fleet_id, team_id: t.team_id, job_status: t.job_status })), 'Task assigned successfully.');

function setStatus(p: Params, env: Env, status: number) {
	const t = findTask(env.state, p.int('job_id'));
	if (status === JOB.STARTED && t.fleet_id === null) throw invalid('The task has no agent assigned');
	changeStatus(env, t, status);
	return ok({ job_id: t.job_id, job_status: t.job_status }, 'Status updated successfully.');
}

export const taskStatusHandlers: Handlers = {
	update_task_status: (p, env) => {
		const status = statusOf(p, true)!;
		const tasks = p.needInts('job_id').map((id) => findTask(env.state, id));
		for (const t of tasks) changeStatus(env, t, status);
		return ok(tasks.map((t) => ({ job_id: t.job_id, job_status: t.job_status })), 'Status updated successfully.');
	},

	assign_task: (p, env) => assigned(assignFrom(p, env, [findTask(env.state, p.int('job_id'))])),

	assign_fleet_to_task: (p, env) => {
		if (p.has('merchant_id') && !env.state.merchants.has(p.int('merchant_id'))) throw invalid('Invalid merchant_id');
		return assigned(assignFrom(p, env, [findTask(env.state, p.int('job_id'))]));
	},

	assign_fleet_to_related_tasks: (p, env) => {
		const token = p.needStr('pickup_delivery_relationship');
		const tasks = [...liveTasks(env.state)].filter((t) => t.pickup_delivery_relationship === token);
		if (tasks.length === 0) throw notFound('No tasks found for this pickup_delivery_relationship');
		return assigned(assignFrom(p, env, tasks));
	},

	re_autoassign_task: (p, env) => {
		const t = findTask(env.state, p.int('job_id'));
		if (t.auto_assignment !== 1) throw invalid('Auto assignment is not enabled for this task');
		const agent = pickAgent(env.state, t.team_id, t.tags);
		if (!agent) throw invalid('No agent is available for auto assignment');
		assignAgent(env, t, agent);
		return assigned([t]);
	},

	reassign_open_tasks: (p, env) => {
		const agent = findAgent(env.state, p.int('fleet_id'));
		const team = teamOf(p, env);
		const tasks = p.needInts('job_ids').map((id) => findTask(env.state, id));
		const open = tasks.filter((t) => OPEN.includes(t.job_status));
		for (const t of open) assignAgent(env, t, agent, JOB.ASSIGNED, team);
		const skipped = tasks.filter((t) => !open.includes(t)).map((t) => t.job_id);
		return ok({ reassigned: open.map((t) => t.job_id), skipped }, 'Tasks reassigned successfully.');
	},

	start_task: (p, env) => setStatus(p, env, JOB.STARTED),

	cancel_task: (p, env) => setStatus(p, env, JOB.CANCELLED),
};
