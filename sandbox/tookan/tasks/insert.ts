/**
 * Storing a new task (a draft from layout.ts): ids, hash and token, the implicit customer, the first
 * status (assigned when it has an agent, auto-assigned when asked and someone is free, else unassigned),
 * the first history entries (created, and assigned when it has an agent) and the creation webhooks (REQUEST_RECEIVED, then AGENT_ASSIGNED when it
 * starts assigned).
 */
import { createHash } from 'node:crypto';
import { ensureCustomer } from '../customers';
import type { Env } from '../env';
import { nextId } from '../store';
import { CREATED_TEMPLATE, JOB } from '../statuses';
import type { Task } from '../types';
import { addHistory, pickAgent } from './lifecycle';
import { attachTemplate } from './templates';
import { emitTask } from './webhook';

export interface InsertOptions {
	/** No webhooks (seeding). */
	quiet?: boolean;
	/** Creation time (default: now). */
	at?: number;
	/** The customer, when already known (seeding); otherwise found or created from the customer fields. */
	customerId?: number | null;
}

const digest = (text: string): string => createHash('md5').update(text).digest('hex');

function customerOf(env: Env, t: Task, at: number): number | null {
	const fields = {
		name: t.customer_username,
		phone: t.customer_phone,
		email: t.customer_email,
		address: t.job_address,
		latitude: t.job_latitude,
		longitude: t.job_longitude,
	};
	return ensureCustomer(env.state, fields, at)?.customer_id ?? null;
}

export function insertTask(env: Env, task: Task, opts: InsertOptions = {}): Task {
	const { state } = env;
	const at = opts.at ?? env.now();
	task.job_id = nextId(state, 'job');
	task.job_hash = digest(`tookan-job-${task.job_id}`);
	task.job_token = `${task.job_id}${String(Math.floor(at / 1000) % 1_000_000).padStart(6, '0')}`;
	task.otp = String(parseInt(task.job_hash.slice(0, 8), 16) % 10_000).padStart(4, '0');
	task.createdAt = at;
	attachTemplate(env, task);
	task.customer_id = opts.customerId !== undefined ? opts.customerId : customerOf(env, task, at);
	if (task.fleet_id === null && task.auto_assignment === 1) task.fleet_id = pickAgent(state, task.team_id, task.tags)?.fleet_id ?? null;
	task.job_status = task.fleet_id === null ? JOB.UNASSIGNED : JOB.ASSIGNED;
	if (task.fleet_id !== null && task.team_id === null) task.team_id = state.agents.get(task.fleet_id)?.team_id ?? null;
	addHistory(env, task, 'created', at);
	if (task.job_status === JOB.ASSIGNED) addHistory(env, task, JOB.ASSIGNED, at);
	state.tasks.set(task.job_id, task);
	if (!opts.quiet) {
		emitTask(env, task, CREATED_TEMPLATE);
		if (task.job_status === JOB.ASSIGNED) emitTask(env, task);
	}
	return task;
}
