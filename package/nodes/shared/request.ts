import type { IDataObject, IExecuteFunctions, IHttpRequestMethods, INodeProperties } from 'n8n-workflow';

import { FieldError, isEmpty, quote } from './parse';
import { workflowTimeZone } from './time';
import type { BuiltRequest, Field, Operation, ParseContext, Place } from './types';

/** A parameter that failed validation, with the name a person sees in the editor. */
export class ParameterError extends Error {
	constructor(
		readonly label: string,
		readonly reason: string,
	) {
		super(`"${label}" ${reason}`);
		this.name = 'ParameterError';
	}
}

/** Resource locator values arrive as `{ __rl, mode, value }`; URL mode extracts the ID with the mode's regex. */
export function locatorValue(property: INodeProperties, value: unknown): unknown {
	if (!value || typeof value !== 'object' || !(value as IDataObject).__rl) return value;
	const { mode, value: raw } = value as { mode?: string; value?: unknown };
	const modeSpec = property.modes?.find((m) => m.name === mode);
	const extract = modeSpec?.extractValue;
	if (extract && extract.type === 'regex' && typeof raw === 'string' && raw) {
		const match = new RegExp(extract.regex).exec(raw);
		if (!match) throw new FieldError(`is not a URL this field understands: "${raw.slice(0, 80)}"`);
		return match[1] ?? match[0];
	}
	return raw;
}

function setPath(target: IDataObject, key: string, value: unknown): void {
	const parts = key.split('.');
	let node = target;
	for (const part of parts.slice(0, -1)) {
		if (!node[part] || typeof node[part] !== 'object') node[part] = {};
		node = node[part] as IDataObject;
	}
	node[parts[parts.length - 1]] = value as IDataObject[string];
}

interface Sink {
	path: Record<string, string>;
	query: IDataObject;
	body: IDataObject;
	params: IDataObject;
	bodyUsed: boolean;
	timeZone: string;
	/** ParseContext.aside values: group → parameter name → value. */
	aside: Record<string, IDataObject>;
	service?: IDataObject;
	item?: IDataObject;
}

function parseContext(sink: Sink, name: string): ParseContext {
	return {
		timeZone: sink.timeZone,
		service: sink.service,
		item: sink.item,
		aside: (group, value, within) => {
			sink.aside[group] = { ...(sink.aside[group] ?? {}), [within ? `${name}.${within}` : name]: value };
		},
	};
}

function place(sink: Sink, where: Place, key: string, value: unknown): void {
	if (where === 'path') sink.path[key] = String(value);
	else if (where === 'query') setPath(sink.query, key, value);
	else {
		setPath(sink.body, key, value);
		sink.bodyUsed = true;
	}
}

/** Runs a parser step and turns its FieldError into a ParameterError carrying the field's label. */
export function labelled<T>(label: string, step: () => T): T {
	let failure: unknown;
	let result: T | undefined;
	try {
		result = step();
	} catch (error) {
		failure = error;
	}
	if (failure instanceof FieldError) throw new ParameterError(label, failure.message);
	if (failure !== undefined) throw failure;
	return result as T;
}

/** A collection's value: its chosen fields as an object (an expression may produce anything else). */
function fieldSet(value: unknown): IDataObject {
	if (isEmpty(value)) return {};
	if (typeof value !== 'object' || Array.isArray(value)) throw new FieldError(`must be a set of fields (an object), got ${quote(value)}`);
	return value as IDataObject;
}

function take(field: Field, raw: unknown, label: string, sink: Sink): void {
	const property = field.property;
	const located = labelled(label, () => locatorValue(property, raw));
	if (field.children) {
		const values = labelled(label, () => fieldSet(located));
		takeChildren(field.children, values, label, sink);
		return;
	}
	const value = labelled(label, () => {
		if (property.required && isEmpty(located)) throw new FieldError('is required');
		return field.parse ? field.parse(located, parseContext(sink, property.name)) : located;
	});
	if (value === undefined) return;
	sink.params[property.name] = value as IDataObject[string];
	if (field.send) place(sink, field.send.in, field.send.key ?? property.name, value);
}

/**
 * Whether n8n shows a parameter, given the values of the parameters its displayOptions name (resource and
 * operation are already settled). Hidden parameters are neither required nor sent.
 */
export function isShown(property: INodeProperties, valueOf: (name: string) => unknown): boolean {
	const matches = (conditions: IDataObject | undefined) =>
		Object.entries(conditions ?? {})
			.filter(([name]) => name !== 'resource' && name !== 'operation' && !name.startsWith('@'))
			.map(([name, allowed]) => {
				const value = valueOf(name);
				const list = (Array.isArray(allowed) ? allowed : [allowed]) as unknown[];
				return list.some((a) => (a !== null && typeof a === 'object' ? true : a === value));
			});
	const show = matches(property.displayOptions?.show as IDataObject | undefined);
	const hide = matches(property.displayOptions?.hide as IDataObject | undefined);
	return show.every(Boolean) && !(hide.length && hide.every(Boolean));
}

/** Whether a parameter's `@version` display condition (plain version numbers) admits the node's version. */
export function versionShows(property: INodeProperties, version: number): boolean {
	const show = property.displayOptions?.show?.['@version'] as unknown[] | undefined;
	const hide = property.displayOptions?.hide?.['@version'] as unknown[] | undefined;
	if (show && !show.includes(version)) return false;
	return !(hide && hide.includes(version));
}

function takeChildren(children: Field[], values: IDataObject, parentLabel: string, sink: Sink): void {
	for (const child of children) {
		if (!(child.property.name in values)) continue;
		if (!isShown(child.property, (name) => values[name])) continue;
		take(child, values[child.property.name], `${parentLabel} › ${child.property.displayName}`, sink);
	}
}

/**
 * Reads, validates and places one item's parameters. Throws ParameterError naming the field; no request
 * is sent for an item that fails here.
 */
export function buildRequest(
	fn: IExecuteFunctions,
	operation: Operation,
	itemIndex: number,
	context: IDataObject,
): BuiltRequest {
	const sink: Sink = {
		path: {},
		query: { ...(operation.query ?? {}) },
		body: operation.body ? (JSON.parse(JSON.stringify(operation.body)) as IDataObject) : {},
		params: {},
		bodyUsed: operation.body !== undefined,
		timeZone: workflowTimeZone(fn),
		aside: {},
		service: context,
		item: fn.getInputData?.()?.[itemIndex]?.json,
	};
	const version = fn.getNode?.()?.typeVersion ?? 1;
	for (const entry of operation.context ?? []) {
		const value = context[entry.from];
		if (value !== undefined && value !== '') place(sink, entry.in, entry.key, value);
	}
	const read = (name: string, fallback?: unknown) => fn.getNodeParameter(name, itemIndex, fallback as never) as unknown;
	const defaults = new Map(operation.fields.map((f) => [f.property.name, f.property.default]));
	for (const field of operation.fields) {
		if (!versionShows(field.property, version)) continue;
		if (!isShown(field.property, (name) => read(name, defaults.get(name)))) continue;
		take(field, read(field.property.name, field.property.default), field.property.displayName, sink);
	}
	const path = operation.path.replace(/\{(\w+)\}/g, (_, name: string) => {
		const value = sink.path[name];
		if (value === undefined || value === '') {
			const field = operation.fields.find((f) => (f.send?.key ?? f.property.name) === name);
			throw new ParameterError(field?.property.displayName ?? name, 'is required');
		}
		return encodeURIComponent(value);
	});
	return {
		method: operation.method,
		path,
		pathParams: sink.path,
		query: sink.query,
		body: sink.bodyUsed || ['POST', 'PUT', 'PATCH'].includes(operation.method) ? sink.body : undefined,
		params: sink.params,
		context,
		...(Object.keys(sink.aside).length ? { aside: sink.aside } : {}),
		itemIndex,
		idempotent: operation.idempotent ?? operation.method !== 'POST',
		options: { ...(operation.options ?? {}) },
	};
}

/** A follow-up request for the same item (lookups, pagination, recovery): same context, item and options. */
export function plainRequest(
	template: BuiltRequest,
	method: IHttpRequestMethods,
	path: string,
	parts: { query?: IDataObject; body?: IDataObject; idempotent?: boolean } = {},
): BuiltRequest {
	return {
		...standaloneRequest(template.context, method, path, { ...parts, options: template.options }),
		params: template.params,
		itemIndex: template.itemIndex,
		idempotent: parts.idempotent ?? method !== 'POST',
	};
}

/** A request outside any operation table (dropdowns, triggers, lookups). */
export function standaloneRequest(
	context: IDataObject,
	method: IHttpRequestMethods,
	path: string,
	parts: { query?: IDataObject; body?: IDataObject; options?: IDataObject } = {},
): BuiltRequest {
	return {
		method,
		path,
		pathParams: {},
		query: parts.query ?? {},
		body: parts.body,
		params: {},
		context,
		itemIndex: 0,
		idempotent: true,
		options: { ...(parts.options ?? {}) },
	};
}
