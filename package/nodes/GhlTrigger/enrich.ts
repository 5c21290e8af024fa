import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { ghlAdapter, ghlContext } from '../shared/ghl';
import { send, type ApiFunctions } from '../shared/transport/send';
import { standaloneRequest } from '../shared/request';
import { findEvent, type RecordKind } from './events';
import { NO_CONNECTION } from './properties';

/** Reads a dotted path (`appointment.contactId`) from a payload; only non-empty text or numbers count. */
export function valueAt(payload: IDataObject, path: string): string | undefined {
	let node: unknown = payload;
	for (const part of path.split('.')) {
		if (!node || typeof node !== 'object') return undefined;
		node = (node as IDataObject)[part];
	}
	if (typeof node === 'number') return String(node);
	return typeof node === 'string' && node.trim() ? node.trim() : undefined;
}

type Ids = Partial<Record<RecordKind, string>>;

interface Lookup {
	/** The API path, or a reason why the record cannot be looked up. */
	path(ids: Ids): { path: string } | { missing: string };
	read(body: IDataObject, ids: Ids): unknown;
}

const enc = encodeURIComponent;

function underContact(ids: Ids, kind: RecordKind, suffix: (contact: string) => string): { path: string } | { missing: string } {
	if (!ids.contact) return { missing: `the event has no contact ID, so its ${kind} cannot be looked up` };
	return { path: suffix(enc(ids.contact)) };
}

const LOOKUPS: Record<RecordKind, Lookup> = {
	contact: {
		path: (ids) => (ids.contact ? { path: `/contacts/${enc(ids.contact)}` } : { missing: 'the event has no contact ID' }),
		read: (body) => body.contact,
	},
	note: {
		path: (ids) => underContact(ids, 'note', (c) => `/contacts/${c}/notes/${enc(ids.note ?? '')}`),
		read: (body) => body.note,
	},
	task: {
		path: (ids) => underContact(ids, 'task', (c) => `/contacts/${c}/tasks/${enc(ids.task ?? '')}`),
		read: (body) => body.task,
	},
	appointment: {
		path: (ids) => underContact(ids, 'appointment', (c) => `/contacts/${c}/appointments`),
		read: (body, ids) => (Array.isArray(body.events) ? (body.events as IDataObject[]) : []).find((e) => e.id === ids.appointment),
	},
};

export interface Enrichment {
	enriched: IDataObject;
	errors: string[];
}

/**
 * Fetches the records an event points to (`fetch`: kind → payload path of its ID) through the shared
 * transport (authentication, rate budget, retries). A record that cannot be fetched is reported in
 * `errors`; the event itself is never dropped for it, since GHL does not re-send accepted events.
 */
export async function fetchRecords(
	fn: ApiFunctions,
	authentication: unknown,
	fetch: Partial<Record<RecordKind, string>>,
	payload: IDataObject,
	locationId: string | undefined,
): Promise<Enrichment> {
	const result: Enrichment = { enriched: {}, errors: [] };
	const kinds = Object.keys(fetch) as RecordKind[];
	if (!kinds.length) return result;
	const ids: Ids = {};
	for (const kind of kinds) ids[kind] = valueAt(payload, fetch[kind] as string);
	let context: IDataObject;
	try {
		context = await ghlContext(fn, authentication, locationId ?? '');
	} catch (error) {
		result.errors.push(`connection: ${(error as Error).message}`);
		return result;
	}
	await Promise.all(
		kinds.map(async (kind) => {
			if (!ids[kind]) {
				result.errors.push(`${kind}: the event has no ${kind} ID`);
				return;
			}
			const where = LOOKUPS[kind].path(ids);
			if ('missing' in where) {
				result.errors.push(`${kind}: ${where.missing}`);
				return;
			}
			const request = standaloneRequest(context, 'GET', where.path, { options: { scopes: ['contacts.readonly'] } });
			try {
				const record = LOOKUPS[kind].read(await send(fn, ghlAdapter, request), ids);
				if (record && typeof record === 'object') result.enriched[kind] = record as IDataObject;
				else result.errors.push(`${kind}: GHL did not return it`);
			} catch (error) {
				result.errors.push(`${kind}: ${(error as Error).message}`);
			}
		}),
	);
	return result;
}

/** Adds what `fetchRecords` found to an output item. */
export function withEnrichment(item: IDataObject, enrichment: Enrichment): IDataObject {
	const out: IDataObject = { ...item, enriched: enrichment.enriched };
	if (enrichment.errors.length) out.enrichmentErrors = enrichment.errors;
	return out;
}

/** Which records Enrich fetches for an item: an app event's catalogue entry, or the contact of a workflow hook. */
function recordsOf(source: string, item: IDataObject): Partial<Record<RecordKind, string>> {
	return source === 'automation' ? { contact: 'contact.id' } : (findEvent(item.type)?.fetch ?? {});
}

/**
 * Enrich, in the execution phase: with a GHL connection chosen and Enrich on, each accepted event gets the
 * records it points to. It runs in the execution (a worker in queue mode), so a slow API never delays the
 * answer.
 */
export async function enrichEvents(fn: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const authentication = fn.getNodeParameter('authentication', 0, NO_CONNECTION);
	if (authentication === NO_CONNECTION || fn.getNodeParameter('enrich', 0, false) !== true) return items;
	const source = fn.getNodeParameter('source', 0, 'app') as string;
	return await Promise.all(
		items.map(async (item) => {
			const locationId = typeof item.json.locationId === 'string' ? item.json.locationId : undefined;
			const found = await fetchRecords(fn, authentication, recordsOf(source, item.json), item.json, locationId);
			return { ...item, json: withEnrichment(item.json, found) };
		}),
	);
}
