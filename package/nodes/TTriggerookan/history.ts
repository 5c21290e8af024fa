/**
 * Tookan's task history (`task_history[]` of get_job_details) read as status changes. Each entry of type
 * `state_changed` is one change; what it changed to is the class of the `<span>` in `label_description`
 * (`<span class='started'>STARTED</span>at`), else the first word of `description` ("Started at",
 * "Assigned Ann to task - 1001", "Created By Ali-219320"), as real Tookan writes them (reference/tookan.md S9).
 * Only CREATED, ASSIGNED, ACCEPTED, STARTED and SUCCESSFUL are seen in Tookan's own data; the other words are
 * the status names in the same style.
 */
import type { IDataObject } from 'n8n-workflow';

import { serviceInstant } from '../shared/time';

/** A task's first entry ("Created By …"): the task came in (webhook template REQUEST_RECEIVED). */
export const CREATED = 'created';

const STATUS_OF_WORD: Readonly<Record<string, number>> = {
	assigned: 0,
	started: 1,
	successful: 2,
	completed: 2,
	failed: 3,
	arrived: 4,
	unassigned: 6,
	accepted: 7,
	acknowledged: 7,
	declined: 8,
	rejected: 8,
	cancelled: 9,
	canceled: 9,
	deleted: 10,
};

/** What Tookan's webhook says for each status (job_state, task_state, template_key), for items built from history. */
export const WEBHOOK_FIELDS: Readonly<Record<number, [jobState: string, taskState: string, templateKey: string]>> = {
	0: ['Assigned', 'ASSIGNED', 'AGENT_ASSIGNED'],
	1: ['Started', 'STARTED', 'AGENT_STARTED'],
	2: ['Successful', 'SUCCESSFUL', 'SUCCESSFUL'],
	3: ['Failed', 'FAILED', 'FAILED'],
	4: ['Arrived', 'ARRIVED', 'AGENT_ARRIVED'],
	6: ['Unassigned', 'UNASSIGNED', 'UNASSIGNED'],
	7: ['Accepted', 'ACKNOWLEDGED', 'AGENT_ACCEPTED'],
	8: ['Declined', 'DECLINED', 'AGENT_DECLINED'],
	9: ['Cancelled', 'CANCELLED', 'CANCELLED'],
	10: ['Deleted', 'DELETED', 'DELETED'],
};

export const REQUEST_RECEIVED = 'REQUEST_RECEIVED';

/** A task enters Unassigned when it comes in, unless an "Assigned" entry follows. */
const STATUS_WHEN_CREATED = 6;

export interface StatusChange {
	entry: IDataObject;
	/** The status the task went to. */
	status: number;
	/** Whether the entry is the task's creation. */
	created: boolean;
	/** Epoch ms of the change. */
	at: number;
}

function wordOf(entry: IDataObject): string {
	const label = /<span[^>]*class=['"]?([a-z_ -]+)['"]?/i.exec(String(entry.label_description ?? ''));
	const word = label ? label[1] : String(entry.description ?? '').trim().split(/\s+/)[0];
	return (word ?? '').trim().toLowerCase();
}

/** The status change an entry records, or undefined for other entries (signatures, images, notes). */
export function changeOf(entry: IDataObject): StatusChange | undefined {
	if (entry.type !== 'state_changed') return undefined;
	const at = serviceInstant(entry.creation_datetime);
	if (!Number.isFinite(at)) return undefined;
	const word = wordOf(entry);
	if (word === CREATED) return { entry, status: STATUS_WHEN_CREATED, created: true, at };
	const status = STATUS_OF_WORD[word];
	return status === undefined ? undefined : { entry, status, created: false, at };
}

/** A task's status changes, oldest first (by time, then by entry ID). */
export function statusChanges(task: IDataObject): StatusChange[] {
	const history = Array.isArray(task.task_history) ? (task.task_history as IDataObject[]) : [];
	return history
		.map((entry) => changeOf(entry))
		.filter((change): change is StatusChange => change !== undefined)
		.sort((a, b) => a.at - b.at || Number(a.entry.id) - Number(b.entry.id));
}
