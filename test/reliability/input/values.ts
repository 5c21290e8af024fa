/**
 * Parameter values for every field of an operation table, found by asking the field's own parser: a valid
 * value (the first candidate it accepts) and an invalid one (the first it refuses with a FieldError). Fields
 * whose parser accepts anything (free text) have no invalid value.
 */
import type { INodeProperties } from 'n8n-workflow';

import { FieldError } from '../../../package/nodes/shared/parse';
import type { Field, ParseContext } from '../../../package/nodes/shared/types';

/** What the engine gives every parser (the workflow's time zone). */
export const PARSE_CONTEXT: ParseContext = { timeZone: 'UTC' };

const VALID: unknown[] = [
	'123456',
	'name@example.com',
	'+14155550123',
	'2030-06-01T12:30:00Z',
	'2030-06-01',
	'Asia/Kolkata',
	'US',
	'#FFAA00',
	'https://example.com/page',
	'Some text',
	'{}',
	'[]',
	1,
	true,
];

const INVALID: unknown[] = [
	'not valid/ x',
	'bad@',
	'+1',
	'not-a-date',
	'{not json',
	'[1,',
	'zzz-not-an-option',
	'maybe',
	-999999,
	1.5,
	{ nested: { object: true } },
	'x'.repeat(300),
];

function accepts(field: Field, value: unknown): boolean {
	if (!field.parse) return true;
	try {
		field.parse(value, PARSE_CONTEXT);
		return true;
	} catch {
		return false;
	}
}

function refuses(field: Field, value: unknown): boolean {
	if (!field.parse) return false;
	try {
		field.parse(value, PARSE_CONTEXT);
		return false;
	} catch (error) {
		return error instanceof FieldError;
	}
}

const isLocator = (p: INodeProperties) => p.type === 'resourceLocator';
const wrap = (p: INodeProperties, value: unknown) => (isLocator(p) ? { __rl: true, mode: 'id', value } : value);

function listed(p: INodeProperties): unknown[] {
	return ((p.options ?? []) as Array<{ value?: unknown }>).map((o) => o.value).filter((v) => v !== undefined);
}

/** A value the field accepts (what a person would fill in); undefined for containers. */
export function validValue(field: Field): unknown {
	const p = field.property;
	if (p.type === 'collection' || p.type === 'fixedCollection') return {};
	const fixed = !p.typeOptions?.loadOptionsMethod && (p.type === 'options' || p.type === 'multiOptions');
	if (fixed) {
		const values = listed(p);
		if (p.type === 'multiOptions') return values.slice(0, 1);
		return values.includes(p.default) ? p.default : values[0];
	}
	if (p.type === 'boolean') return p.default;
	if (p.type === 'number') {
		const min = Number(p.typeOptions?.minValue ?? 1);
		return Math.max(1, min);
	}
	if (p.type === 'json' && accepts(field, p.default)) return p.default;
	const candidates = p.type === 'multiOptions' ? VALID.map((v) => [v]) : VALID;
	const found = candidates.find((v) => accepts(field, v) && field.parse?.(v, PARSE_CONTEXT) !== undefined);
	return wrap(p, found ?? (p.type === 'multiOptions' ? [] : 'Some text'));
}

/** A value the field's parser refuses (locators: as their "By ID" value), or undefined when it takes anything. */
export function invalidValue(field: Field): unknown {
	const found = INVALID.find((v) => refuses(field, v));
	return found === undefined ? undefined : wrap(field.property, found);
}

/** What "left empty" looks like for this kind of parameter. */
export function emptyValue(field: Field): unknown {
	const p = field.property;
	if (isLocator(p)) return { __rl: true, mode: 'id', value: '' };
	if (p.type === 'multiOptions') return [];
	if (p.type === 'collection' || p.type === 'fixedCollection') return {};
	return '';
}

export function isRequired(field: Field): boolean {
	return field.property.required === true;
}
