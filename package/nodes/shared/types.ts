import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeProperties,
} from 'n8n-workflow';

/** Where a parameter's value goes in the HTTP request. */
export type Place = 'path' | 'query' | 'body';

/** What a parser may need besides the value: the workflow's time zone, and a place for values kept apart. */
export interface ParseContext {
	/** The workflow's time zone (n8n's getTimezone()), for date-times written without an offset. */
	timeZone: string;
	/**
	 * Keeps a part of the value that is not sent but must not be lost (a phone number's extension): it
	 * appears in the item's output under `group`, by the parameter's name (+ `.within`, e.g. a row's field).
	 */
	aside?: (group: string, value: string, within?: string) => void;
	/** The values the service resolved for the item (Service.context), e.g. a location's custom fields. */
	service?: IDataObject;
	/** The input item's JSON (a resource mapper's "Map Automatically" reads it). */
	item?: IDataObject;
}

/**
 * Checks and converts a parameter value. Throws `FieldError` with a message that reads after the field's
 * name ("is not a valid email address"); returning `undefined` leaves the value out of the request.
 * The engine always passes a context; parsers that read dates need it.
 */
export type Parser = (value: unknown, context?: ParseContext) => unknown;

/** One n8n parameter plus how its value reaches the request. */
export interface Field {
	/** The n8n parameter; the engine adds the resource/operation displayOptions. */
	property: INodeProperties;
	/** Where the parsed value goes; `key` defaults to the parameter name and may be dotted (`address.city`). */
	send?: { in: Place; key?: string };
	parse?: Parser;
	/** Collections and fixed collections: their options, each with its own send/parse. */
	children?: Field[];
}

/** What one input item asks for, after parsing and validation. */
export interface BuiltRequest {
	method: IHttpRequestMethods;
	/** Path with every `{param}` filled (URL-encoded). */
	path: string;
	/** The values that filled the path placeholders, by placeholder name. */
	pathParams: Record<string, string>;
	query: IDataObject;
	body?: IDataObject;
	headers?: IDataObject;
	/** Every parsed parameter by name, including the ones that are not sent (used by custom code). */
	params: IDataObject;
	/** Values the service resolved for this item (e.g. GHL `locationId`). */
	context: IDataObject;
	/** Values kept apart while parsing (ParseContext.aside), added to every output item of the request. */
	aside?: IDataObject;
	itemIndex: number;
	/** Whether sending it twice is harmless (GET/PUT/DELETE by default). */
	idempotent: boolean;
	/** Service specific options (e.g. GHL Version header). */
	options: IDataObject;
	/** When the item's work started (ms since epoch); recovery looks for records created after it. */
	startedAt?: number;
	/**
	 * For requests that are not idempotent: after an ambiguous failure (the answer was lost), finds out
	 * whether the request was applied. Returns the record it created, or undefined when it is safe to re-send.
	 */
	recover?: () => Promise<IDataObject | undefined>;
}

/** Sends a request through the service's transport and returns the parsed JSON body. */
export type Send = (request: BuiltRequest) => Promise<IDataObject>;

export interface RunContext {
	fn: IExecuteFunctions;
	send: Send;
	/** Builds a follow-up request for another operation path of the same service. */
	request(
		method: IHttpRequestMethods,
		path: string,
		parts?: { query?: IDataObject; body?: IDataObject; idempotent?: boolean },
	): BuiltRequest;
}

/** Yields pages of records; the engine stops pulling once it has `limit` records. */
export type Paginator = (
	ctx: RunContext,
	request: BuiltRequest,
	limit: number,
) => AsyncGenerator<IDataObject[], void, unknown>;

export interface Output {
	/** Property of the response that holds the record(s). */
	root?: string;
	/** The root is a list: one output item per record. */
	many?: boolean;
	/** Answer `{ deleted: true }` (n8n convention for Delete) plus the ids that were used. */
	deleted?: boolean;
	/** Answer `{ ...ids, success }` where success is this (boolean) property of the response. */
	success?: string;
	/** Applied when the operation has a "Simplify" parameter switched on. */
	simplify?: (record: IDataObject) => IDataObject;
}

export interface Operation {
	value: string;
	name: string;
	action: string;
	description: string;
	method: IHttpRequestMethods;
	/** Path relative to the service's base URL, with `{param}` placeholders. */
	path: string;
	fields: Field[];
	/** Constant body (e.g. `{}` where the API requires a body) merged under the fields' values. */
	body?: IDataObject;
	query?: IDataObject;
	/** Values supplied by the service for every item, e.g. GHL's `locationId`. */
	context?: Array<{ in: Place; key: string; from: string }>;
	idempotent?: boolean;
	output?: Output;
	/** Get Many: pages through the results; the engine applies Return All / Limit. */
	paginate?: Paginator;
	/** Cross-field rules, checked for every item before anything is sent (throw ParameterError). */
	check?: (request: BuiltRequest) => void;
	/** See `BuiltRequest.recover`; without it a non-idempotent request is not re-sent after a lost answer. */
	recover?: (ctx: RunContext, request: BuiltRequest) => Promise<IDataObject | undefined>;
	/** Replaces the single request for operations that need several calls or special logic. */
	run?: (ctx: RunContext, request: BuiltRequest) => Promise<IDataObject[]>;
	/** Service specific options copied to the request (e.g. `{ version: '2021-07-28' }`). */
	options?: IDataObject;
	/** Scopes the call needs (shown in errors and the README catalogue). */
	scopes?: string[];
}

export interface Resource {
	value: string;
	name: string;
	description?: string;
	/** The first operation is the one selected by default. */
	operations: Operation[];
}
