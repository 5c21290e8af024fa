import type { INodeProperties } from 'n8n-workflow';

import { DEFAULT_LOOK_BACK_MINUTES } from './window';

/** The editor notice of a catch-up trigger: where it goes and what it does. */
export function catchUpNotice(webhookTrigger: string, changes: string): INodeProperties {
	return {
		displayName: `Put this node next to a ${webhookTrigger} in the same workflow and connect both to the same next node. Each time the workflow becomes active (n8n started, the workflow published), it looks for ${changes} since the ${webhookTrigger} last took a delivery (a few minutes back) and starts one execution for each, shaped like the webhook's. While deliveries arrive, it does nothing.`,
		name: 'catchUpNotice',
		type: 'notice',
		default: '',
	};
}

export const lookBackProperty: INodeProperties = {
	displayName: 'Look Back (Minutes)',
	name: 'lookBackMinutes',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 1440 },
	default: DEFAULT_LOOK_BACK_MINUTES,
	description:
		'How far before the last delivery the catch-up starts looking: a change just before it may have been sent while n8n stopped, and the services\' clocks may differ a little from n8n\'s',
};

/** The Look Back option's value, in minutes (the default for a missing or broken value). */
export function lookBackMinutes(value: unknown): number {
	const minutes = Number(value);
	return Number.isFinite(minutes) && minutes >= 0 ? minutes : DEFAULT_LOOK_BACK_MINUTES;
}
