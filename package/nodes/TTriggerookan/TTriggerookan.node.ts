import type { IDataObject, INodeType, INodeTypeDescription, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { catchUpNotice, lookBackMinutes, lookBackProperty } from '../shared/catchup/properties';
import { startCatchUp } from '../shared/catchup/run';
import { DAY } from '../shared/time';
import { codeOptions, JOB_STATUS, JOB_TYPE, SETTABLE_JOB_STATUS, TOOKAN_CREDENTIAL } from '../shared/tookan';
import { missedChanges, type TookanCatchUpSettings } from './changes';

/** The editor's test run shows the latest changes of this many hours. */
const PREVIEW_HOURS = 24;
const PREVIEW_ITEMS = 5;

function whole(value: unknown, fallback: number): number {
	const n = Number(value);
	return Number.isInteger(n) && n >= 0 ? n : fallback;
}

function settingsOf(fn: ITriggerFunctions): TookanCatchUpSettings & { lookBack: number } {
	const options = fn.getNodeParameter('options', {}) as IDataObject;
	return {
		statuses: (fn.getNodeParameter('statuses', []) as unknown[]).map(Number).filter(Number.isFinite),
		jobTypes: (fn.getNodeParameter('jobTypes', [0, 1, 2, 3]) as unknown[]).map(Number).filter(Number.isFinite),
		daysBefore: whole(options.daysBefore, 7),
		daysAfter: whole(options.daysAfter, 31),
		lookBack: lookBackMinutes(options.lookBackMinutes),
	};
}

/**
 * Tookan Catch-Up Trigger: starts one execution per task status change made while the Tookan Trigger next
 * to it could not receive (n8n stopped, the workflow unpublished), read from the tasks' history. Its type
 * name is odd on purpose: n8n's node panel groups a trigger with the Tookan node when the type name without
 * its first "Trigger" is the Tookan node's (`tTriggerookan` → `tookan`), as `tookanTrigger` does.
 */
export class TTriggerookan implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tookan Catch-Up Trigger',
		name: 'tTriggerookan',
		icon: { light: 'file:../../icons/tookan.svg', dark: 'file:../../icons/tookan.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Missed task status changes',
		description: 'Catches up on Tookan task status changes made while the Tookan Trigger could not receive',
		defaults: {
			name: 'Tookan Catch-Up Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: TOOKAN_CREDENTIAL, required: true }],
		properties: [
			catchUpNotice('Tookan Trigger', 'task status changes'),
			{
				displayName: 'Trigger On',
				name: 'statuses',
				type: 'multiOptions',
				// a deleted task is no longer listed by Tookan, so its deletion cannot be caught up
				// `action`: what n8n's node panel lists under the Tookan entry's triggers, as the GHL Catch-Up Trigger's
				options: codeOptions(JOB_STATUS, SETTABLE_JOB_STATUS).map((o) => ({ ...o, action: `On task ${o.name.toLowerCase()} (catch-up after downtime)` })),
				default: [],
				description:
					'Only changes to these statuses start the workflow (a new task counts as Unassigned). Leave empty for all. Use the Tookan Trigger\'s choice.',
			},
			{
				displayName: 'Task Types',
				name: 'jobTypes',
				type: 'multiOptions',
				options: codeOptions(JOB_TYPE),
				default: [0, 1, 2, 3],
				description: 'The kinds of task to look at (Tookan lists tasks one kind at a time)',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Days After',
						name: 'daysAfter',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 365 },
						default: 31,
						description: 'Tookan lists tasks by their task date: tasks dated up to this many days after the outage are looked at',
					},
					{
						displayName: 'Days Before',
						name: 'daysBefore',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 365 },
						default: 7,
						description: 'Tasks dated up to this many days before the outage are looked at',
					},
					lookBackProperty,
				],
			},
		],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		const settings = settingsOf(this);
		if (this.getMode() !== 'manual') {
			return startCatchUp(this, { changes: async (window) => await missedChanges(this, window, settings) }, settings.lookBack);
		}
		// the editor's test run: the latest changes of the last hours, as one execution
		return {
			manualTriggerFunction: async () => {
				const until = Date.now();
				const changes = await missedChanges(this, { from: until - PREVIEW_HOURS * (DAY / 24), until }, settings);
				if (!changes.length) {
					throw new NodeOperationError(this.getNode(), `No task status change in the last ${PREVIEW_HOURS} hours to show`);
				}
				this.emit([changes.slice(-PREVIEW_ITEMS).map((change) => change.item)]);
			},
		};
	}
}
