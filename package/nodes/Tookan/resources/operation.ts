/**
 * One constructor for every Tookan operation: POST (or GET) to a path, fields into the JSON body, the
 * answer's records out as items. What differs per operation is declared: list answers, read-only calls,
 * the account user id, unconfirmed parameters, time conversion, recovery, deletes, cross-field checks.
 */
import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as f from '../../shared/fields';
import { lookup, records } from '../../shared/tookan';
import type { BuiltRequest, Field, Operation, Paginator, RunContext } from '../../shared/types';
import { additionalParameters, withAdditional } from './fields';

export interface TookanOperation extends Operation {
	/** Whether the operation sends the account `user_id` from the credential. */
	userId?: 'required' | 'optional';
}

/** Turns a validated request into the one that is sent (times to local, task type to flags, ...). */
export type Prepare = (request: BuiltRequest) => BuiltRequest;

export interface Spec {
	value: string;
	name: string;
	action: string;
	description: string;
	path: string;
	method?: 'POST' | 'GET';
	fields?: Field[];
	/** The answer is a list: "No ... found" means no items rather than an error. */
	list?: boolean;
	/** Only reads: safe to retry after a lost answer. */
	readOnly?: boolean;
	/** Writes that may be repeated without harm (edits). */
	idempotent?: boolean;
	userId?: 'required' | 'optional';
	/** No source confirms the parameters: say so and offer Additional Parameters (JSON). */
	unconfirmed?: boolean;
	simplify?: (record: IDataObject) => IDataObject;
	paginate?: Paginator;
	recover?: Operation['recover'];
	prepare?: Prepare;
	check?: (request: BuiltRequest) => void;
	/** Custom logic instead of the single request (e.g. batching). */
	run?: Operation['run'];
	/** A delete: answer `{ deleted: true, <key>: <id> }`. */
	deletes?: string;
	body?: IDataObject;
}

/**
 * Said in the panel of an operation whose parameters no public source confirms (rather than in its name):
 * it works as far as we know, and Additional Parameters (JSON) takes what the fields above do not cover.
 */
const unconfirmedNotice = f.notice(
	'unconfirmedNotice',
	'No public Tookan documentation confirms the parameters of this operation. If Tookan expects more than the fields below, add them under Additional Parameters (JSON).',
);

function runFor(spec: Spec): Operation['run'] {
	if (spec.run) return spec.run;
	if (!spec.prepare && !spec.unconfirmed && !spec.deletes) return undefined;
	return async (ctx: RunContext, request: BuiltRequest) => {
		let ready = spec.prepare ? spec.prepare(request) : request;
		if (spec.unconfirmed) ready = { ...ready, body: withAdditional(ready.body ?? {}, ready.params.additionalParameters) };
		const answer = await ctx.send(ready);
		if (spec.deletes) return [{ deleted: true, [spec.deletes]: ready.body?.[spec.deletes] ?? null }];
		return records(answer);
	};
}

export function op(spec: Spec): TookanOperation {
	const method = spec.method ?? 'POST';
	const fields = [...(spec.unconfirmed ? [unconfirmedNotice] : []), ...(spec.fields ?? [])];
	if (spec.simplify) fields.push(f.simplify);
	if (spec.unconfirmed) fields.push(additionalParameters);
	const operation: TookanOperation = {
		value: spec.value,
		name: spec.name,
		action: spec.action,
		description: spec.description,
		method,
		path: spec.path,
		fields,
		idempotent: spec.readOnly || spec.idempotent ? true : method !== 'POST',
		output: { root: 'data', many: true, ...(spec.simplify ? { simplify: spec.simplify } : {}) },
		options: { list: spec.list === true },
	};
	if (spec.body) operation.body = spec.body;
	if (spec.userId) {
		operation.userId = spec.userId;
		operation.context = [{ in: method === 'GET' ? 'query' : 'body', key: 'user_id', from: 'userId' }];
	}
	if (spec.paginate) operation.paginate = spec.paginate;
	if (spec.recover) operation.recover = spec.recover;
	if (spec.check) operation.check = spec.check;
	const run = runFor(spec);
	if (run) operation.run = run;
	return operation;
}

/**
 * Recovery for a create whose answer was lost: look the record up by what identifies it (order id, phone,
 * username, name); when it is there, that is the answer, otherwise the create is sent again.
 */
export function recoverBy(
	path: string,
	query: (request: BuiltRequest) => IDataObject | undefined,
	matches: (record: IDataObject, request: BuiltRequest) => boolean,
	missing = 'nothing identifies the record to look it up by',
): NonNullable<Operation['recover']> {
	return async (ctx, request) => {
		const body = query(request);
		if (!body) {
			throw new NodeOperationError(ctx.fn.getNode(), 'The answer from Tookan was lost, so the request was not sent again', {
				itemIndex: request.itemIndex,
				description: `It may or may not have been applied and ${missing}. Check Tookan before re-running this item.`,
			});
		}
		const found = (await lookup(ctx, path, body)).filter((record) => matches(record, request));
		return found.length ? { data: found } : undefined;
	};
}

/**
 * Recovery through a list endpoint that returns every record (teams, managers, merchants, ...): the record
 * whose `recordKey` equals the body's `bodyKey` (default: the same key) is the one the create made.
 */
export function recoverFromList(path: string, recordKey: string, bodyKey = recordKey): NonNullable<Operation['recover']> {
	return recoverBy(
		path,
		() => ({}),
		(record, request) => same(record[recordKey], request.body?.[bodyKey]),
	);
}

/** Case-insensitive equality of two values as text (Tookan echoes numbers as strings and back). */
export function same(a: unknown, b: unknown): boolean {
	return a !== undefined && a !== null && String(a).trim().toLowerCase() === String(b ?? '').trim().toLowerCase();
}

/** Runs several Prepare steps in order. */
export function steps(...list: Prepare[]): Prepare {
	return (request) => list.reduce((current, step) => step(current), request);
}
