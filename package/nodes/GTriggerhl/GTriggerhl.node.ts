import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { ghlCredentials, type GhlContext } from '../shared/ghl';
import { GHL_DESCRIPTION } from '../shared/legacy';
import { advance, initialState, LOOKBACK_MS, readState, searchFrom } from '../GhlPollTrigger/cursor';
import { ghlPollTriggerProperties, POLL_EVENTS, type PollEvent } from '../GhlPollTrigger/properties';
import { connection, contactsSince, fullContact, newestContact } from '../GhlPollTrigger/search';

/** A contact as the trigger emits it: without the search's paging cursor (`searchAfter`), which is GHL's, not the contact's. */
function withoutCursor(contact: IDataObject): IDataObject {
	const rest = { ...contact };
	delete rest.searchAfter;
	return rest;
}

/** Polls one stream: returns the contacts to emit and stores the advanced cursor. */
async function pollStream(fn: IPollFunctions, context: GhlContext, event: PollEvent, full: boolean): Promise<IDataObject[]> {
	const { field, label } = POLL_EVENTS[event];
	const staticData = fn.getWorkflowStaticData('node');
	const key = `${event}:${context.locationId}`;
	const state = readState(staticData[key]);
	if (!state) {
		const now = Date.now();
		staticData[key] = initialState(await contactsSince(fn, context, field, now - LOOKBACK_MS), field, now);
		return [];
	}
	const { emit, state: next } = advance(state, await contactsSince(fn, context, field, searchFrom(state)), field);
	const records = [];
	for (const record of emit) {
		records.push({ ...withoutCursor(full ? await fullContact(fn, context, String(record.id)) : record), event: label });
	}
	staticData[key] = next;
	return records;
}

/**
 * GHL Poll Trigger. Its type name is odd on purpose: n8n's node panel shows a trigger inside an action
 * node's entry only when the trigger's type name, with its first "Trigger" removed, is the action's type
 * name; `gTriggerhl` → `ghl` puts it into the one "GHL" entry next to the GHL node and the GHL Trigger
 * (`ghlTrigger` → `ghl`), which already holds the natural name (see nodes/shared/legacy.ts). The former
 * type `ghlPollTrigger` stays loadable for saved workflows (nodes/GhlPollTrigger).
 */
export class GTriggerhl implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GHL Poll Trigger',
		name: 'gTriggerhl',
		icon: { light: 'file:../../icons/ghl.svg', dark: 'file:../../icons/ghl.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["events"].join(", ") }}',
		description: GHL_DESCRIPTION,
		defaults: {
			name: 'GHL Poll Trigger',
		},
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: ghlCredentials,
		properties: ghlPollTriggerProperties,
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const events = this.getNodeParameter('events', []) as PollEvent[];
		if (!events.length) throw new NodeOperationError(this.getNode(), 'Choose at least one event');
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const full = options.fullContact === true;
		const context = await connection(this, this.getNodeParameter('authentication', 'oAuth2'), options.locationId);
		if (this.getMode() === 'manual') {
			const { field, label } = POLL_EVENTS[events[0]];
			const sample = await newestContact(this, context, field);
			if (!sample) return null;
			const record = withoutCursor(full ? await fullContact(this, context, String(sample.id)) : sample);
			return [this.helpers.returnJsonArray([{ ...record, event: label }])];
		}
		const items: IDataObject[] = [];
		for (const event of events) items.push(...(await pollStream(this, context, event, full)));
		return items.length ? [this.helpers.returnJsonArray(items)] : null;
	}
}
