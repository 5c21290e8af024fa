/** Read-only Tookan calls outside the operation tables: lookups for recovery, dropdowns and searches. */
import type { IDataObject } from 'n8n-workflow';

import { standaloneRequest } from '../request';
import { send, type ApiFunctions } from '../transport/send';
import type { BuiltRequest, RunContext } from '../types';
import { records, tookanAdapter } from './adapter';
import { tookanContext } from './context';

/** A read-only POST to `path` on behalf of the same item (its records come back as a list). */
export function lookupRequest(ctx: RunContext, path: string, body: IDataObject): BuiltRequest {
	const request = ctx.request('POST', path, { body, idempotent: true });
	return { ...request, options: { list: true } };
}

/** Sends a lookup for the same item and returns its records. */
export async function lookup(ctx: RunContext, path: string, body: IDataObject): Promise<IDataObject[]> {
	return records(await ctx.send(lookupRequest(ctx, path, body)));
}

/**
 * A read-only call from any n8n context (dropdowns, resource locator searches, triggers). Returns the
 * unwrapped answer: `data` (the records) plus Tookan's paging keys; `records()` gives the list.
 */
export async function callTookan(fn: ApiFunctions, path: string, body: IDataObject = {}): Promise<IDataObject> {
	const request = standaloneRequest(await tookanContext(fn), 'POST', path, { body, options: { list: true } });
	return await send(fn, tookanAdapter, request);
}
