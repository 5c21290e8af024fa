import type { GhlState } from './state';

export const GHL_COLLECTIONS = [
	'companies',
	'locations',
	'users',
	'customFields',
	'tags',
	'campaigns',
	'workflows',
	'contacts',
	'tasks',
	'notes',
	'appointments',
	'businesses',
] as const;
export type GhlCollection = (typeof GHL_COLLECTIONS)[number];

export interface CollectionFilter {
	locationId?: string;
	contactId?: string;
	id?: string;
}

/** Plain copies of one collection's records, optionally filtered (GET /_admin/state/ghl/:collection). */
export function readCollection(state: GhlState, name: GhlCollection, filter: CollectionFilter = {}): unknown[] {
	const records = source(state, name);
	const matches = (r: Record<string, unknown>) =>
		(!filter.id || r.id === filter.id) &&
		(!filter.contactId || r.contactId === filter.contactId) &&
		(!filter.locationId || (name === 'locations' ? [r.id] : locationsOf(state, r)).includes(filter.locationId));
	return records.filter((r) => matches(r as Record<string, unknown>)).map((r) => structuredClone(r));
}

/** The whole GHL state as JSON (token values and client secrets are never included). */
export function snapshotGhl(state: GhlState): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const name of GHL_COLLECTIONS) out[name] = readCollection(state, name);
	out.clients = [...state.clients.values()].map((client) => ({ ...client, clientSecret: undefined }));
	out.tokens = state.tokens.stats(state.now());
	return out;
}

function source(state: GhlState, name: GhlCollection): object[] {
	switch (name) {
		case 'contacts':
			return [...state.contacts.all()];
		case 'tasks':
			return [...state.tasks.all()];
		case 'notes':
			return [...state.notes.all()];
		case 'appointments':
			return [...state.appointments.all()];
		default:
			return [...state[name].values()];
	}
}

function locationsOf(state: GhlState, record: Record<string, unknown>): unknown[] {
	if (typeof record.locationId === 'string') return [record.locationId];
	if (Array.isArray(record.locationIds)) return record.locationIds;
	if (typeof record.contactId === 'string') return [state.contacts.get(record.contactId)?.locationId];
	if (typeof record.companyId === 'string') return state.locationsOf(record.companyId).map((l) => l.id);
	return [record.id];
}
