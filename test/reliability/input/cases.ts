/**
 * Bad-input cases for every operation of the action nodes, derived from the operation tables: each
 * required field left empty, each field whose parser checks its value given a value it refuses (ids,
 * emails, phones, dates, enums, JSON, numbers, ...), and each other field left empty (cross-field rules such
 * as "a Delivery task needs an address" may then require it).
 */
import type { IDataObject } from 'n8n-workflow';

import { resources as ghlResources } from '../../../package/nodes/GhlContacts/resources';
import { resources as tookanResources } from '../../../package/nodes/Tookan/resources';
import { FieldError } from '../../../package/nodes/shared/parse';
import { isShown, versionShows } from '../../../package/nodes/shared/request';
import type { Field, Operation, Resource } from '../../../package/nodes/shared/types';
import type { Parameters } from '../../helpers/n8n-context';
import type { Service } from '../support/nodes';
import { emptyValue, invalidValue, isRequired, PARSE_CONTEXT, validValue } from './values';

export interface OperationRef {
	service: Service;
	resource: Resource;
	operation: Operation;
	name: string;
}

export type CaseKind = 'required' | 'invalid' | 'maybe required';

export interface InputCase {
	kind: CaseKind;
	/** The parameter label the error must name. */
	label: string;
	parameters: Parameters;
}

export function allOperations(): OperationRef[] {
	const refs = (service: Service, list: Resource[]) =>
		list.flatMap((resource) =>
			resource.operations.map((operation) => ({ service, resource, operation, name: `${service} ${resource.value}.${operation.value}` })),
		);
	return [...refs('GHL', ghlResources), ...refs('Tookan', tookanResources)];
}

/** Whether the rows field's own parser takes this value. */
function rowsAccept(field: Field, value: IDataObject): boolean {
	try {
		field.parse?.(value, PARSE_CONTEXT);
		return true;
	} catch {
		return false;
	}
}

const ROW_CANDIDATES: unknown[] = ['123456', 'Some text', '+14155550123', 'name@example.com', '2030-06-01T12:30:00Z', '2030-06-01', '{}', '[]', 1, true];

/** One row of a fixed collection with every value filled so that the rows parser accepts it, or {} when it cannot. */
function validRows(field: Field): IDataObject {
	const row = (field.property.options?.[0] ?? {}) as { name?: string; values?: Array<{ name: string; type: string; default?: unknown; options?: Array<{ value: unknown }> }> };
	if (!row.name || !field.parse) return {};
	const entry: IDataObject = {};
	const wrap = (value: IDataObject) => ({ [row.name as string]: [value] });
	for (let pass = 0; pass < 2; pass++) {
		for (const child of row.values ?? []) {
			if (child.name in entry) continue;
			const fixed = child.type === 'options' && child.options?.length ? [child.default, child.options[0].value] : [];
			const candidates = child.type === 'boolean' ? [child.default] : [...fixed, ...ROW_CANDIDATES];
			const found = candidates.find((c) => c !== undefined && c !== '' && rowsAccept(field, wrap({ ...entry, [child.name]: c as IDataObject[string] })));
			if (found !== undefined) entry[child.name] = found as IDataObject[string];
		}
	}
	return Object.keys(entry).length && rowsAccept(field, wrap(entry)) ? wrap(entry) : {};
}

/** Every field filled with a value it accepts (fixed collections with one complete row). */
export function baseline(ref: OperationRef): Parameters {
	const parameters: Parameters = { resource: ref.resource.value, operation: ref.operation.value, requestOptions: { retries: 0, timeoutMs: 5000 } };
	for (const field of ref.operation.fields) {
		parameters[field.property.name] = field.property.type === 'fixedCollection' ? validRows(field) : validValue(field);
	}
	return parameters;
}

/** The values that make a child with displayOptions visible inside its collection. */
function visibleWith(child: Field): IDataObject {
	const show = (child.property.displayOptions?.show ?? {}) as IDataObject;
	return Object.fromEntries(Object.entries(show).map(([name, allowed]) => [name, (allowed as unknown[])[0]])) as IDataObject;
}

/** Fixed-collection rows: one row holding only this child's refused value (rows keep their parsers private). */
function rowCases(field: Field, base: Parameters): InputCase[] {
	const row = (field.property.options?.[0] ?? {}) as { name?: string; values?: Array<{ name: string }> };
	if (!row.name || !field.parse) return [];
	const cases: InputCase[] = [];
	const valid = ((base[field.property.name] as IDataObject)?.[row.name] as IDataObject[] | undefined)?.[0] ?? {};
	for (const child of row.values ?? []) {
		for (const bad of ['not valid/ x', '{not json', 'zzz-not-an-option', 'not-a-date']) {
			const value = { [row.name]: [{ ...valid, [child.name]: bad }] };
			let refused = false;
			try {
				field.parse(value, PARSE_CONTEXT);
			} catch (error) {
				refused = error instanceof FieldError;
			}
			if (refused) {
				cases.push({ kind: 'invalid', label: field.property.displayName, parameters: { ...base, [field.property.name]: value } });
				break;
			}
		}
	}
	return cases;
}

export function inputCases(ref: OperationRef): InputCase[] {
	const base = baseline(ref);
	const cases: InputCase[] = [];
	for (const field of ref.operation.fields) {
		const name = field.property.name;
		const label = field.property.displayName;
		// a hidden parameter is neither required nor checked (n8n does not show it)
		if (!isShown(field.property, (other) => base[other])) continue;
		// the runs use type version 1 (runNode's default); parameters of later versions (the GHL field mapper, Tookan
		// custom fields by template) have their own refusal tests in real n8n (contact-mapper, tookan-custom-fields)
		if (!versionShows(field.property, 1)) continue;
		if (field.children) {
			for (const child of field.children) {
				if (!versionShows(child.property, 1)) continue;
				const bad = invalidValue(child);
				if (bad === undefined) continue;
				cases.push({
					kind: 'invalid',
					label: `${label} › ${child.property.displayName}`,
					parameters: { ...base, [name]: { ...visibleWith(child), [child.property.name]: bad } },
				});
			}
			continue;
		}
		if (field.property.type === 'fixedCollection') {
			cases.push(...rowCases(field, base));
			continue;
		}
		if (isRequired(field)) cases.push({ kind: 'required', label, parameters: { ...base, [name]: emptyValue(field) } });
		else if (field.parse && field.property.type !== 'boolean') {
			cases.push({ kind: 'maybe required', label, parameters: { ...base, [name]: emptyValue(field) } });
		}
		const bad = invalidValue(field);
		if (bad !== undefined) cases.push({ kind: 'invalid', label, parameters: { ...base, [name]: bad } });
	}
	return cases;
}
