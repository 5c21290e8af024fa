/**
 * The contacts a GHL catch-up starts executions for, and what each execution outputs: the contact as the
 * GHL API returns it, with the `type` and `locationId` a ContactCreate / ContactUpdate webhook carries, so the
 * nodes after it read the same fields as after the GHL Trigger.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Change } from '../shared/catchup/run';
import { inWindow, type CatchUpWindow } from '../shared/catchup/window';
import { serviceInstant } from '../shared/time';
import type { GhlContext } from '../shared/ghl';

export const CATCH_UP_EVENTS = {
	ContactCreate: { name: 'Contact Created', description: 'A contact added while the GHL Trigger was not receiving', action: 'On contact created (catch-up after downtime)' },
	ContactUpdate: { name: 'Contact Updated', description: 'A contact changed while the GHL Trigger was not receiving', action: 'On contact updated (catch-up after downtime)' },
} as const;

export type CatchUpEvent = keyof typeof CATCH_UP_EVENTS;

/** What a catch-up item says about where it comes from (the output's `catchUp`). */
export interface CatchUpInfo extends IDataObject {
	from: string;
	until: string;
}

/** A contact found by the search: ContactCreate when it was added inside the window, else ContactUpdate. */
export function eventOf(contact: IDataObject, window: CatchUpWindow): CatchUpEvent {
	return inWindow(window, serviceInstant(contact.dateAdded)) ? 'ContactCreate' : 'ContactUpdate';
}

/**
 * One change per contact the search found (its latest state is what the execution fetches), for the events
 * the node listens to. The item carries only the ID: the execution fetches the whole contact.
 */
export function contactChanges(found: IDataObject[], window: CatchUpWindow, events: string[], context: GhlContext): Change[] {
	const catchUp: CatchUpInfo = { from: new Date(window.from).toISOString(), until: new Date(window.until).toISOString() };
	const changes: Change[] = [];
	for (const contact of found) {
		const id = typeof contact.id === 'string' ? contact.id : '';
		const type = eventOf(contact, window);
		if (!id || !events.includes(type)) continue;
		changes.push({ key: id, item: { json: { id, type, locationId: context.locationId, catchUp } } });
	}
	return changes;
}

export function catchUpInfo(item: INodeExecutionData): CatchUpInfo | undefined {
	const info = item.json.catchUp;
	return info && typeof info === 'object' && !Array.isArray(info) && typeof (info as IDataObject).from === 'string'
		? (info as CatchUpInfo)
		: undefined;
}

/**
 * The output of one catch-up item: the full contact under the webhook's `type` (the event) and `locationId`.
 * The contact's own `type` (lead, customer), which GHL's webhook payloads do not carry, becomes `contactType`.
 */
export function catchUpOutput(type: string, locationId: string, contact: IDataObject, catchUp: CatchUpInfo): IDataObject {
	const { type: contactType, ...rest } = contact;
	return { ...rest, ...(contactType === undefined ? {} : { contactType }), type, locationId, catchUp };
}
