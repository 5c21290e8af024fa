import { isPlainObject } from '../../core/merge';
import type { Contact } from '../model';
import type { GhlState } from '../state';
import { searchField, type Operator, type SearchField } from './fields';

export type Predicate = (contact: Contact) => boolean;

const VALUE_LIMIT = 75;

/**
 * Compiles the `filters` array of POST /contacts/search into one predicate (top level AND-ed; items are
 * `{field, operator, value}` or `{group: 'AND'|'OR', filters: [...]}`, nestable). Errors are collected
 * into `messages` (422).
 */
export function compileFilters(filters: unknown[], locationId: string, state: GhlState, messages: string[]): Predicate {
	const parts = filters.map((f, i) => compileItem(f, `filters[${i}]`, locationId, state, messages));
	return (contact) => parts.every((p) => p(contact));
}

function compileItem(item: unknown, at: string, locationId: string, state: GhlState, messages: string[]): Predicate {
	if (!isPlainObject(item)) {
		messages.push(`${at} must be an object`);
		return () => false;
	}
	if ('group' in item) {
		if (item.group !== 'AND' && item.group !== 'OR') messages.push(`${at}.group must be one of the following values: AND, OR`);
		if (!Array.isArray(item.filters)) {
			messages.push(`${at}.filters must be an array`);
			return () => false;
		}
		const parts = item.filters.map((f, i) => compileItem(f, `${at}.filters[${i}]`, locationId, state, messages));
		return item.group === 'OR' ? (c) => parts.some((p) => p(c)) : (c) => parts.every((p) => p(c));
	}
	const field = typeof item.field === 'string' ? searchField(item.field, locationId, state) : undefined;
	if (!field) {
		messages.push(`${at}.field "${String(item.field)}" is not a supported filter field`);
		return () => false;
	}
	const operator = item.operator as Operator;
	if (!field.operators.includes(operator)) {
		messages.push(`${at}.operator "${String(item.operator)}" is not supported for field "${String(item.field)}"`);
		return () => false;
	}
	const problem = checkValue(operator, item.value);
	if (problem) {
		messages.push(`${at}.value ${problem}`);
		return () => false;
	}
	const test = operatorTest(field, operator, item.value);
	return (contact) => test(field.read(contact, state));
}

function checkValue(operator: Operator, value: unknown): string | undefined {
	if (operator === 'exists' || operator === 'not_exists') return undefined;
	if (value === undefined || value === null) return 'is required for this operator';
	if (operator === 'range') {
		if (!isPlainObject(value) || !['gt', 'gte', 'lt', 'lte'].some((k) => k in value)) return 'must be an object with gt/gte/lt/lte';
		return undefined;
	}
	const values = Array.isArray(value) ? value : [value];
	if (values.some((v) => typeof v === 'string' && v.length > VALUE_LIMIT)) return `must be shorter than or equal to ${VALUE_LIMIT} characters`;
	return undefined;
}

function operatorTest(field: SearchField, operator: Operator, value: unknown): (actual: unknown) => boolean {
	const wanted = (Array.isArray(value) ? value : [value]).map((v) => normalise(field, v));
	switch (operator) {
		case 'exists':
			return present;
		case 'not_exists':
			return (a) => !present(a);
		case 'eq':
			return (a) => elements(a).some((x) => wanted.includes(normalise(field, x)));
		case 'not_eq':
			return (a) => !elements(a).some((x) => wanted.includes(normalise(field, x)));
		case 'contains':
			return (a) => elements(a).some((x) => wanted.some((w) => String(normalise(field, x)).includes(String(w))));
		case 'not_contains':
			return (a) => !elements(a).some((x) => wanted.some((w) => String(normalise(field, x)).includes(String(w))));
		case 'range':
			return rangeTest(field, value as Record<string, unknown>);
	}
}

function rangeTest(field: SearchField, range: Record<string, unknown>): (actual: unknown) => boolean {
	const toNumber = (v: unknown) => (field.kind === 'date' ? dateValue(v) : Number(v));
	const bounds = Object.entries(range).map(([op, v]) => [op, toNumber(v)] as const);
	return (actual) => {
		if (!present(actual)) return false;
		const n = toNumber(actual);
		return bounds.every(([op, b]) => (op === 'gt' ? n > b : op === 'gte' ? n >= b : op === 'lt' ? n < b : op === 'lte' ? n <= b : true));
	};
}

/** Dates compare as epoch ms (ISO strings, YYYY-MM-DD or epoch numbers). */
export function dateValue(value: unknown): number {
	return typeof value === 'number' ? value : Date.parse(String(value));
}

function normalise(field: SearchField, value: unknown): unknown {
	if (field.kind === 'bool') return value === true || value === 'true';
	if (field.kind === 'number') return Number(value);
	return typeof value === 'string' && field.kind !== 'keyword' ? value.toLowerCase() : value;
}

function elements(value: unknown): unknown[] {
	if (value === undefined || value === null) return [];
	return Array.isArray(value) ? value : [value];
}

function present(value: unknown): boolean {
	return elements(value).some((v) => v !== '' && v !== undefined && v !== null);
}
