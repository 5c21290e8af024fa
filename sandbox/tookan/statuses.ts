/** Tookan's task status codes (5 is unused) and what each one is called in lists and webhooks. */
export const JOB = {
	ASSIGNED: 0,
	STARTED: 1,
	SUCCESSFUL: 2,
	FAILED: 3,
	ARRIVED: 4,
	UNASSIGNED: 6,
	ACCEPTED: 7,
	DECLINED: 8,
	CANCELLED: 9,
	DELETED: 10,
} as const;

interface StatusInfo {
	/** `job_status_value` in user_task_stats and the history label. */
	label: string;
	/** webhook `job_state` */
	jobState: string;
	/** webhook `task_state` */
	taskState: string;
	/** webhook `template_key` fired when a task enters this status */
	templateKey: string;
}

const info = (label: string, taskState: string, templateKey: string): StatusInfo => ({
	label,
	jobState: label,
	taskState,
	templateKey,
});

export const STATUS_INFO: Readonly<Record<number, StatusInfo>> = {
	0: info('Assigned', 'ASSIGNED', 'AGENT_ASSIGNED'),
	1: info('Started', 'STARTED', 'AGENT_STARTED'),
	2: info('Successful', 'SUCCESSFUL', 'SUCCESSFUL'),
	3: info('Failed', 'FAILED', 'FAILED'),
	4: info('Arrived', 'ARRIVED', 'AGENT_ARRIVED'),
	6: info('Unassigned', 'UNASSIGNED', 'UNASSIGNED'),
	7: info('Accepted', 'ACKNOWLEDGED', 'AGENT_ACCEPTED'),
	8: info('Declined', 'DECLINED', 'AGENT_DECLINED'),
	9: info('Cancelled', 'CANCELLED', 'CANCELLED'),
	10: info('Deleted', 'DELETED', 'DELETED'),
};

/** Fired once when a task is created, whatever its first status. */
export const CREATED_TEMPLATE = 'REQUEST_RECEIVED';

/** The codes update_task_status accepts (10 goes through delete_task). */
export const SETTABLE = [0, 1, 2, 3, 4, 6, 7, 8, 9] as const;

/** Statuses in which the task still waits for an agent to start it. */
export const OPEN = [JOB.ASSIGNED, JOB.UNASSIGNED, JOB.ACCEPTED, JOB.DECLINED] as readonly number[];

/** Statuses that keep an agent busy. */
export const ACTIVE = [JOB.STARTED, JOB.ARRIVED] as readonly number[];

export const JOB_TYPES = [0, 1, 2, 3] as const;
