import type { IDataObject } from 'n8n-workflow';

import { serviceInstant } from '../shared/time';

/**
 * The polling cursor of one stream (contacts created, or contacts updated), kept in static data:
 * `since` is the newest time already handled; `seen` maps contact ID → the time of the version emitted.
 * Each poll searches from `since - LOOKBACK_MS`, because GHL's search index lags writes by a few seconds:
 * a record that appears late (with an older time) is still found, and `seen` keeps it from being emitted
 * twice.
 */
export interface StreamState extends IDataObject {
	since: number;
	seen: Record<string, number>;
}

export const LOOKBACK_MS = 5 * 60_000;
/** Stop remembering more than this many IDs (the newest are kept). */
export const SEEN_LIMIT = 5000;
/** A contact whose dateUpdated is this close to its dateAdded was never edited (only created). */
export const CREATE_TOLERANCE_MS = 2000;

export type StreamField = 'dateAdded' | 'dateUpdated';

export function timeOf(record: IDataObject, field: StreamField): number {
	return serviceInstant(record[field]);
}

/** A contact that was only created (its "updated" time is its creation time). */
export function onlyCreated(record: IDataObject): boolean {
	return Math.abs(timeOf(record, 'dateUpdated') - timeOf(record, 'dateAdded')) <= CREATE_TOLERANCE_MS;
}

export function readState(value: unknown): StreamState | undefined {
	if (!value || typeof value !== 'object') return undefined;
	const state = value as StreamState;
	if (!Number.isFinite(state.since) || !state.seen || typeof state.seen !== 'object') return undefined;
	return state;
}

/** Where the next search starts. */
export function searchFrom(state: StreamState): number {
	return state.since - LOOKBACK_MS;
}

/**
 * Splits a search result (sorted by `field`, oldest first) into what to emit and the next state.
 * Records without a readable time are skipped; for the "updated" stream, contacts that were only created.
 */
export function advance(
	state: StreamState,
	records: IDataObject[],
	field: StreamField,
): { emit: IDataObject[]; state: StreamState } {
	const seen = { ...state.seen };
	const emit: IDataObject[] = [];
	let since = state.since;
	for (const record of records) {
		const time = timeOf(record, field);
		const id = typeof record.id === 'string' ? record.id : '';
		if (!id || !Number.isFinite(time)) continue;
		since = Math.max(since, time);
		if (seen[id] === time) continue;
		seen[id] = time;
		if (field === 'dateUpdated' && onlyCreated(record)) continue;
		emit.push(record);
	}
	return { emit, state: { since, seen: prune(seen, since) } };
}

/** Keeps only IDs a later search can still return (inside the lookback), at most SEEN_LIMIT of them. */
function prune(seen: Record<string, number>, since: number): Record<string, number> {
	const kept = Object.entries(seen)
		.filter(([, time]) => time >= since - LOOKBACK_MS)
		.sort((a, b) => b[1] - a[1])
		.slice(0, SEEN_LIMIT);
	return Object.fromEntries(kept);
}

/** The first state: everything up to `now` counts as already handled. */
export function initialState(records: IDataObject[], field: StreamField, now: number): StreamState {
	const { state } = advance({ since: now, seen: {} }, records, field);
	return { since: Math.max(now, state.since), seen: state.seen };
}
