/**
 * Turns the times of a request into Tookan's local `YYYY-MM-DD HH:mm:ss` and adds the matching `timezone`
 * (minutes, UTC − local) for the time zone the user chose, taken at the task's first time (so DST is right).
 * Each time is first read as an instant (a wall-clock time in the chosen zone, with that day's offset), then
 * written in the one offset the request is sent with: a pickup before and a delivery after a daylight-saving
 * change both keep their instants.
 */
import type { IDataObject } from 'n8n-workflow';

import { localTime, offsetFor, taskInstant, type ZoneChoice } from '../../shared/tookan';
import type { BuiltRequest } from '../../shared/types';
import type { Prepare } from './operation';

/** Raw minutes when given, else the IANA zone chosen, else the workflow's zone. */
export function zoneChoice(request: BuiltRequest): ZoneChoice {
	const minutes = request.params.timezone;
	if (typeof minutes === 'number') return { minutes };
	const zone = request.params.timeZone || request.context.timeZone || 'UTC';
	return { zone: String(zone) };
}

export interface TimeSlots {
	/** Time keys at the top of the body. */
	keys?: string[];
	/** Lists of objects in the body and the time keys of each object (e.g. `pickups[].time`). */
	lists?: Record<string, string[]>;
	/**
	 * When to send `timezone`: always, only when a time was given, only when the user chose a zone or an
	 * offset (updates), or never (the record's own zone applies).
	 */
	timezone: 'always' | 'withTimes' | 'whenChosen' | 'never';
}

interface Slot {
	holder: IDataObject;
	key: string;
}

function slotsOf(body: IDataObject, spec: TimeSlots): Slot[] {
	const slots: Slot[] = [];
	const add = (holder: IDataObject, keys: string[]) => {
		for (const key of keys) if (typeof holder[key] === 'string') slots.push({ holder, key });
	};
	add(body, spec.keys ?? []);
	for (const [list, keys] of Object.entries(spec.lists ?? {})) {
		const entries = Array.isArray(body[list]) ? (body[list] as IDataObject[]) : [];
		for (const entry of entries) add(entry, keys);
	}
	return slots;
}

export function localTimes(spec: TimeSlots): Prepare {
	return (request) => {
		const body = JSON.parse(JSON.stringify(request.body ?? {})) as IDataObject;
		const slots = slotsOf(body, spec);
		const choice = zoneChoice(request);
		const instants = slots.map((slot) => taskInstant(choice, String(slot.holder[slot.key])));
		const minutes = offsetFor(choice, instants[0]);
		slots.forEach((slot, i) => (slot.holder[slot.key] = localTime(instants[i], minutes)));
		const chosen = request.params.timeZone !== undefined || request.params.timezone !== undefined;
		const send =
			spec.timezone === 'always' ||
			(spec.timezone === 'withTimes' && slots.length > 0) ||
			(spec.timezone === 'whenChosen' && chosen);
		if (send) body.timezone = minutes;
		else delete body.timezone;
		return { ...request, body };
	};
}
