import { createHash } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/** How many delivery keys a trigger remembers (oldest forgotten first). */
export const DEDUPE_LIMIT = 1000;

const STATIC_KEY = 'recentDeliveries';

/** Deliveries being handled right now in this process, so two concurrent copies cannot both pass. */
const inFlight = new Map<string, Set<string>>();

function shortKey(key: string): string {
	return createHash('sha256').update(key, 'utf8').digest('hex').slice(0, 20);
}

function remembered(staticData: IDataObject): string[] {
	const list = staticData[STATIC_KEY];
	return Array.isArray(list) ? (list as string[]) : [];
}

/**
 * Records a delivery key (e.g. GHL `webhookId`) in the node's static data and returns false when it was
 * already recorded: the caller drops that delivery. Keys are hashed and bounded (`limit`, first in first
 * out), and a per-process guard (`scope` = workflow and node) catches copies that arrive at the same time,
 * before n8n has saved the static data of the first one.
 */
export function firstDelivery(staticData: IDataObject, scope: string, key: string, limit = DEDUPE_LIMIT): boolean {
	const hashed = shortKey(key);
	const list = remembered(staticData);
	let recent = inFlight.get(scope);
	if (list.includes(hashed) || recent?.has(hashed)) return false;
	if (!recent) {
		recent = new Set();
		inFlight.set(scope, recent);
	}
	recent.add(hashed);
	if (recent.size > limit) recent.delete(recent.values().next().value as string);
	// a new array (not push) so n8n notices the change and saves it
	staticData[STATIC_KEY] = [...list, hashed].slice(-limit);
	return true;
}
