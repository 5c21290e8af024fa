import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes } from 'n8n-workflow';

import { connection, contactsSince, fullContact, newestContact } from '../GhlPollTrigger/search';
import { catchUpNotice, lookBackMinutes, lookBackProperty } from '../shared/catchup/properties';
import { startCatchUp } from '../shared/catchup/run';
import { authenticationProperty, ghlCredentials, locationOverrideProperty } from '../shared/ghl';
import { GHL_DESCRIPTION } from '../shared/legacy';
import { MINUTE } from '../shared/time';
import { CATCH_UP_EVENTS, catchUpInfo, catchUpOutput, contactChanges, eventOf, type CatchUpEvent } from './changes';

/** A catch-up after a long outage may find this many contacts at most (oldest first); the rest wait for the next. */
const MAX_CONTACTS = 100_000;

function settings(fn: ITriggerFunctions | IExecuteFunctions) {
	const read = (name: string, fallback: unknown) =>
		'getInputData' in fn ? fn.getNodeParameter(name, 0, fallback) : fn.getNodeParameter(name, fallback);
	const options = read('options', {}) as IDataObject;
	return {
		authentication: read('authentication', 'oAuth2'),
		events: read('events', Object.keys(CATCH_UP_EVENTS)) as string[],
		locationId: options.locationId,
		lookBack: lookBackMinutes(options.lookBackMinutes),
	};
}

function isNotFound(error: unknown): boolean {
	return error instanceof NodeApiError && String(error.httpCode) === '404';
}

/**
 * GHL Catch-Up Trigger: starts one execution per contact created or changed while the GHL Trigger next to
 * it could not receive (n8n stopped, the workflow unpublished). Its type name is odd on purpose: n8n's node
 * panel groups a trigger with the GHL node when the type name without its first "Trigger" is the GHL node's
 * (`ghTriggerl` → `ghl`), as `ghlTrigger` and the GHL Poll Trigger do.
 */
export class GhTriggerl implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GHL Catch-Up Trigger',
		name: 'ghTriggerl',
		icon: { light: 'file:../../icons/ghl.svg', dark: 'file:../../icons/ghl.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Missed: " + $parameter["events"].join(", ") }}',
		// the one GHL entry of the node panel shows the description of the last trigger merged into it (nodes/shared/legacy.ts)
		description: GHL_DESCRIPTION,
		defaults: {
			name: 'GHL Catch-Up Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: ghlCredentials,
		properties: [
			authenticationProperty,
			catchUpNotice('GHL Trigger', 'contacts created or changed'),
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: Object.entries(CATCH_UP_EVENTS).map(([value, event]) => ({ name: event.name, value, description: event.description, action: event.action })),
				default: ['ContactCreate', 'ContactUpdate'],
				description: 'Each output item is the contact with "type" ContactCreate or ContactUpdate, as the GHL Trigger outputs it',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [lookBackProperty, locationOverrideProperty],
			},
		],
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		// the editor's test run: execute() shows the most recently changed contact
		if (this.getMode() === 'manual') return { manualTriggerFunction: async () => this.emit([[{ json: {} }]]) };
		const { authentication, events, locationId, lookBack } = settings(this);
		return startCatchUp(
			this,
			{
				changes: async (window) => {
					const context = await connection(this, authentication, locationId);
					const found = await contactsSince(this, context, 'dateUpdated', window.from, MAX_CONTACTS, window.until);
					return contactChanges(found, window, events, context);
				},
			},
			lookBack,
		);
	}

	/**
	 * The execution phase: fetches each caught-up contact whole (the search gives only part of it). A contact
	 * deleted since passes nothing on. In the editor's test run: the most recently changed contact.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const { authentication, locationId, lookBack } = settings(this);
		const context = await connection(this, authentication, locationId);
		const items = this.getInputData();
		const out: INodeExecutionData[] = [];
		const gone: string[] = [];
		for (const [index, item] of items.entries()) {
			const info = catchUpInfo(item);
			if (!info) continue;
			const id = String(item.json.id);
			const contact = await fullContact(this, context, id).catch((error: unknown) => error as Error);
			if (contact instanceof Error) {
				if (!isNotFound(contact)) throw contact;
				gone.push(id);
				continue;
			}
			out.push({ json: catchUpOutput(String(item.json.type), context.locationId, contact, info), pairedItem: { item: index } });
		}
		if (gone.length) {
			this.addExecutionHints({ message: `Contact ${gone.join(', ')} was deleted since it changed; nothing to pass on`, type: 'info', location: 'outputPane' });
		}
		if (out.length || gone.length || this.getMode() !== 'manual') return [out];
		const newest = await newestContact(this, context, 'dateUpdated');
		if (!newest) return [[]];
		const now = Date.now();
		const window = { from: now - lookBack * MINUTE, until: now };
		const type: CatchUpEvent = eventOf(newest, window);
		const contact = await fullContact(this, context, String(newest.id));
		const info = { from: new Date(window.from).toISOString(), until: new Date(window.until).toISOString() };
		return [[{ json: catchUpOutput(type, context.locationId, contact, info), pairedItem: { item: 0 } }]];
	}
}
