/**
 * Tookan answers `{ message, status, data }`, usually with HTTP 200 even for errors: the body `status` is the
 * real outcome (200 ok, 100 parameter missing, 101 invalid key, 201 refused, 404 execution error). Paged
 * lists add `total_page_count`, `requested_page` and `records_per_page` next to `data`.
 */
import type { IDataObject } from 'n8n-workflow';

import { withInstants } from './time';

export const STATUS = { OK: 200, PARAMETER_MISSING: 100, INVALID_KEY: 101, REFUSED: 201, FAILED: 404 } as const;

export const PAGING_KEYS = ['total_page_count', 'requested_page', 'records_per_page'];

/** "No task found", "No customers found", "No related tasks found": an empty list, not a failure. */
export function isEmptyResult(message: unknown): boolean {
	return typeof message === 'string' && /^\s*no\b.*\bfound\b/i.test(message);
}

function isEmptyValue(data: unknown): boolean {
	if (data === undefined || data === null || data === '') return true;
	if (Array.isArray(data)) return data.length === 0;
	return typeof data === 'object' && Object.keys(data as IDataObject).length === 0;
}

/**
 * One n8n item per record: objects stay (tasks and agents gain ISO instants beside their local times),
 * other values (e.g. a list of tag names) become `{ value }`.
 */
function asRecords(data: unknown): IDataObject[] {
	const list = Array.isArray(data) ? data : [data];
	return list.map((entry) =>
		entry && typeof entry === 'object' && !Array.isArray(entry) ? withInstants(entry as IDataObject) : ({ value: entry } as IDataObject),
	);
}

/**
 * The records of a successful answer, in `data`, plus the paging keys. Lists may be empty; an action that
 * answers no data at all (e.g. "Shared secret updated") gives one `{ success: true, message }` record.
 */
export function recordsOf(body: IDataObject, list: boolean): IDataObject {
	const out: IDataObject = {};
	if (isEmptyValue(body.data)) {
		out.data = list ? [] : [{ success: true, message: body.message ?? '' }];
	} else {
		out.data = asRecords(body.data);
	}
	for (const key of PAGING_KEYS) if (body[key] !== undefined) out[key] = body[key];
	return out;
}
