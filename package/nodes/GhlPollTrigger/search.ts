import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { ghlAdapter, ghlContext, requireLocation, searchPages, type GhlContext } from '../shared/ghl';
import { ParameterError, standaloneRequest } from '../shared/request';
import { send, type ApiFunctions } from '../shared/transport/send';
import type { BuiltRequest, RunContext } from '../shared/types';
import type { StreamField } from './cursor';

/** At most this many contacts per stream and poll; the rest come with the next poll (oldest first). */
export const MAX_PER_POLL = 1000;

const SCOPES = { scopes: ['contacts.readonly'] };

/**
 * The connection and location a contact trigger reads (its Authentication and Options › Location ID); a
 * setting problem becomes an error that names it.
 */
export async function connection(fn: ApiFunctions, authentication: unknown, locationOverride: unknown): Promise<GhlContext> {
	let failure: Error | undefined;
	let context: GhlContext | undefined;
	try {
		context = await ghlContext(fn, authentication, locationOverride);
		requireLocation(context);
	} catch (error) {
		failure = error as Error;
	}
	if (failure instanceof ParameterError) throw new NodeOperationError(fn.getNode(), failure.message);
	if (failure) throw failure;
	return context as GhlContext;
}

function runContext(fn: ApiFunctions): RunContext {
	return {
		fn: fn as unknown as IExecuteFunctions,
		send: async (request: BuiltRequest) => await send(fn, ghlAdapter, request),
		request: () => {
			throw new Error('not used by contact search');
		},
	};
}

/** Contacts whose `field` is at or after `fromMs` (and at or before `untilMs` when given), oldest first. */
export async function contactsSince(
	fn: ApiFunctions,
	context: GhlContext,
	field: StreamField,
	fromMs: number,
	limit = MAX_PER_POLL,
	untilMs?: number,
): Promise<IDataObject[]> {
	const range: IDataObject = { gte: new Date(fromMs).toISOString() };
	if (untilMs !== undefined) range.lte = new Date(untilMs).toISOString();
	const body: IDataObject = {
		locationId: context.locationId,
		filters: [{ field, operator: 'range', value: range }],
		sort: [{ field, direction: 'asc' }],
	};
	const request = standaloneRequest(context, 'POST', '/contacts/search', { body, options: SCOPES });
	const found: IDataObject[] = [];
	for await (const page of searchPages(runContext(fn), request, limit)) {
		found.push(...page.slice(0, limit - found.length));
		if (found.length >= limit) break;
	}
	return found;
}

/** The most recently created or updated contact (the sample for "Fetch Test Event"). */
export async function newestContact(fn: ApiFunctions, context: GhlContext, field: StreamField): Promise<IDataObject | undefined> {
	const body: IDataObject = { locationId: context.locationId, page: 1, pageLimit: 1, sort: [{ field, direction: 'desc' }] };
	const answer = await send(fn, ghlAdapter, standaloneRequest(context, 'POST', '/contacts/search', { body, options: SCOPES }));
	return Array.isArray(answer.contacts) ? (answer.contacts[0] as IDataObject | undefined) : undefined;
}

/** The full contact (search results lack first/last name and other fields). */
export async function fullContact(fn: ApiFunctions, context: GhlContext, id: string): Promise<IDataObject> {
	const request = standaloneRequest(context, 'GET', `/contacts/${encodeURIComponent(id)}`, { options: SCOPES });
	const answer = await send(fn, ghlAdapter, request);
	return (answer.contact ?? answer) as IDataObject;
}
