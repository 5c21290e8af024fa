/**
 * The Tookan task status changes a catch-up starts executions for. Tookan has no "changed since" list:
 * `get_all_tasks` lists tasks by their task date (at most 31 days per request), so the catch-up lists the
 * tasks dated from a few days before the window to some days after it, reads their history with
 * `get_job_details` (100 tasks per request) and keeps the status changes made inside the window. Each change
 * becomes an item shaped like the webhook Tookan sends for it.
 */
import type { IDataObject } from 'n8n-workflow';

import type { Change } from '../shared/catchup/run';
import { inWindow, type CatchUpWindow } from '../shared/catchup/window';
import { DAY, dayText, serviceInstant } from '../shared/time';
import { callTookan, dateWindows, MAX_TASK_WINDOW_DAYS, records, withInstants } from '../shared/tookan';
import type { ApiFunctions } from '../shared/transport/send';
import { withoutSecrets } from '../TookanTrigger/redact';
import { REQUEST_RECEIVED, statusChanges, WEBHOOK_FIELDS, type StatusChange } from './history';

/** `get_job_details` takes at most this many tasks per request. */
const TASKS_PER_DETAILS_REQUEST = 100;

export interface TookanCatchUpSettings {
	/** `job_status` codes to catch up; empty = all. */
	statuses: number[];
	/** `job_type` codes whose tasks are listed. */
	jobTypes: number[];
	/** Tasks dated this many days before the window … */
	daysBefore: number;
	/** … to this many days after it are looked at. */
	daysAfter: number;
}

/** The task dates to list: around the window, one more day each side for tasks in other time zones. */
export function taskDates(window: CatchUpWindow, settings: TookanCatchUpSettings): { start: string; end: string } {
	return {
		start: dayText(window.from - (settings.daysBefore + 1) * DAY),
		end: dayText(window.until + (settings.daysAfter + 1) * DAY),
	};
}

async function taskIds(fn: ApiFunctions, window: CatchUpWindow, settings: TookanCatchUpSettings): Promise<number[]> {
	const { start, end } = taskDates(window, settings);
	const ids = new Set<number>();
	for (const jobType of settings.jobTypes) {
		for (const dates of dateWindows(start, end, MAX_TASK_WINDOW_DAYS)) {
			for (let page = 1; ; page++) {
				const body = { job_type: jobType, start_date: dates.start, end_date: dates.end, is_pagination: 1, requested_page: page };
				const answer = await callTookan(fn, 'get_all_tasks', body);
				const tasks = records(answer);
				for (const task of tasks) if (Number.isFinite(Number(task.job_id))) ids.add(Number(task.job_id));
				const pages = Number(answer.total_page_count);
				if (!tasks.length || !Number.isFinite(pages) || page >= pages) break;
			}
		}
	}
	return [...ids];
}

async function tasksWithHistory(fn: ApiFunctions, ids: number[]): Promise<IDataObject[]> {
	const tasks: IDataObject[] = [];
	for (let start = 0; start < ids.length; start += TASKS_PER_DETAILS_REQUEST) {
		const jobIds = ids.slice(start, start + TASKS_PER_DETAILS_REQUEST);
		tasks.push(...records(await callTookan(fn, 'get_job_details', { job_ids: jobIds, include_task_history: 1 })));
	}
	return tasks;
}

/** The history up to and including the change (so its last entry is the change, as in the webhook). */
function historyUpTo(task: IDataObject, change: StatusChange): IDataObject[] {
	const history = Array.isArray(task.task_history) ? (task.task_history as IDataObject[]) : [];
	return history.filter((entry) => {
		const at = serviceInstant(entry.creation_datetime);
		return at < change.at || (at === change.at && Number(entry.id) <= Number(change.entry.id));
	});
}

/**
 * The item for one change: the task as the webhook shows it, with the status, agent and history of that
 * change, and `catch_up` saying where it comes from and whether it is the task's latest change (later ones
 * reached n8n another way, or come next).
 */
export function changeItem(task: IDataObject, change: StatusChange, latest: boolean, window: CatchUpWindow): IDataObject {
	const [jobState, taskState, templateKey] = WEBHOOK_FIELDS[change.status];
	const agent = change.entry.fleet_name;
	return {
		...withInstants(withoutSecrets(task)),
		job_status: change.status,
		task_status: change.status,
		job_state: jobState,
		task_state: taskState,
		template_key: change.created ? REQUEST_RECEIVED : templateKey,
		fleet_id: change.entry.fleet_id ?? (latest ? task.fleet_id : null),
		fleet_name: typeof agent === 'string' && agent ? agent : latest ? (task.fleet_name ?? '') : '',
		task_history: historyUpTo(task, change),
		catch_up: {
			from: new Date(window.from).toISOString(),
			until: new Date(window.until).toISOString(),
			change_id: change.entry.id ?? null,
			changed_at: new Date(change.at).toISOString(),
			latest,
		},
	};
}

/** The changes of `tasks` made inside the window (and with a wanted status), oldest first; one key per task. */
export function changesIn(tasks: IDataObject[], window: CatchUpWindow, statuses: number[]): Change[] {
	const found: Array<Change & { at: number }> = [];
	for (const task of tasks) {
		const all = statusChanges(task);
		const last = all[all.length - 1];
		for (const change of all) {
			if (!inWindow(window, change.at) || (statuses.length && !statuses.includes(change.status))) continue;
			found.push({ key: String(task.job_id), at: change.at, item: { json: changeItem(task, change, change === last, window) } });
		}
	}
	return found.sort((a, b) => a.at - b.at).map(({ key, item }) => ({ key, item }));
}

export async function missedChanges(fn: ApiFunctions, window: CatchUpWindow, settings: TookanCatchUpSettings): Promise<Change[]> {
	const tasks = await tasksWithHistory(fn, await taskIds(fn, window, settings));
	return changesIn(tasks, window, settings.statuses);
}
