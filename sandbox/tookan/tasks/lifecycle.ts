/**
 * Everything that moves a task between statuses: timestamps, `task_history`, and the webhook for the
 * new status. `quiet` skips the webhook (seeding); `at` backdates the change (seeding).
 */
import { AGENT_STATUS, agentName, agentStatus, busyFleetIds, hasTags, splitTags } from '../agents';
import type { Env } from '../env';
import { notFound } from '../errors';
import { nextId, type State } from '../store';
import { JOB, STATUS_INFO } from '../statuses';
import type { Agent, Task } from '../types';
import { emitTask } from './webhook';

export interface ChangeOptions {
	quiet?: boolean;
	at?: number;
}

/** A task that exists and is not deleted, else status 404. */
export function findTask(state: State, jobId: number): Task {
	const t = state.tasks.get(jobId);
	if (!t || t.job_status === JOB.DELETED) throw notFound(`Task not found: ${jobId}`);
	return t;
}

export function* liveTasks(state: State): Generator<Task> {
	for (const t of state.tasks.values()) if (t.job_status !== JOB.DELETED) yield t;
}

/**
 * One `task_history` entry in Tookan's own words (reference: a real webhook, reference/tookan.md S9): the
 * creation "Created By <user>-<user_id>", an assignment "Assigned <agent> to task - <user_id>", any other
 * status "<Status> at"; `label_description` starts with `<span class='<status>'><STATUS></span>`. The entry
 * carries the task's agent at that moment (null when it has none).
 */
export function addHistory(env: Env, t: Task, change: 'created' | number, at: number): void {
	const agent = t.fleet_id === null ? undefined : env.state.agents.get(t.fleet_id);
	const userId = env.config().userId;
	const [word, rest] =
		change === 'created'
			? ['Created', `By Sandbox Owner-${userId}`]
			: change === JOB.ASSIGNED
				? ['Assigned', `${agent ? agentName(agent) : 'an agent'} to task - ${userId}`]
				: [STATUS_INFO[change].label, 'at'];
	t.history.push({
		id: nextId(env.state, 'history'),
		job_id: t.job_id,
		fleet_id: t.fleet_id,
		fleet_name: agent ? agentName(agent) : null,
		latitude: agent?.latitude ?? null,
		longitude: agent?.longitude ?? null,
		type: 'state_changed',
		description: `${word} ${rest}`,
		label_description: `<span class='${word.toLowerCase()}'>${word.toUpperCase()}</span>${rest}`,
		at,
	});
}

function stamp(t: Task, status: number, at: number): void {
	if (status === JOB.ACCEPTED) t.acknowledgedAt = at;
	if (status === JOB.STARTED) t.startedAt = at;
	if (status === JOB.ARRIVED) t.arrivedAt = at;
	if (status === JOB.SUCCESSFUL || status === JOB.FAILED) t.completedAt = at;
}

export function changeStatus(env: Env, t: Task, status: number, opts: ChangeOptions = {}): void {
	const at = opts.at ?? env.now();
	t.job_status = status;
	stamp(t, status, at);
	addHistory(env, t, status, at);
	if (!opts.quiet) emitTask(env, t);
}

/** Give the task to `agent` (or take it away with null) and move it to `status`. */
export function assignAgent(
	env: Env,
	t: Task,
	agent: Agent | null,
	status: number = agent ? JOB.ASSIGNED : JOB.UNASSIGNED,
	teamId?: number,
	opts: ChangeOptions = {},
): void {
	t.fleet_id = agent ? agent.fleet_id : null;
	if (teamId !== undefined) t.team_id = teamId;
	else if (agent) t.team_id = agent.team_id;
	changeStatus(env, t, status, opts);
}

/** The first available agent of the task's team (any team if none) carrying one of the task's tags. */
export function pickAgent(state: State, teamId: number | null, tags: string): Agent | null {
	const busy = busyFleetIds(state);
	const wanted = splitTags(tags);
	for (const agent of state.agents.values()) {
		if (teamId !== null && agent.team_id !== teamId) continue;
		if (agentStatus(agent, busy) === AGENT_STATUS.AVAILABLE && hasTags(agent, wanted, true)) return agent;
	}
	return null;
}
