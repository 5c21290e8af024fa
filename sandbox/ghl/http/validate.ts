import { isPlainObject } from '../../core/merge';
import { unprocessable } from './errors';

/** One DTO property, with class-validator-like messages ("x must be a string", "x should not be empty", ...). */
export interface FieldRule {
	type: 'string' | 'boolean' | 'number' | 'array' | 'object' | 'any';
	required?: boolean;
	nullable?: boolean;
	/** For arrays: the element type. */
	items?: 'string' | 'object';
	enum?: readonly string[];
	min?: number;
	max?: number;
	maxLength?: number;
	email?: boolean;
}

export type Dto = Record<string, FieldRule>;

/** Returns the body as an object, or throws 422 with every message (GHL's UnprocessableDTO). */
export function validateBody(body: unknown, dto: Dto, strict: boolean): Record<string, unknown> {
	const input = isPlainObject(body) ? body : {};
	const messages: string[] = [];
	if (strict) for (const key of Object.keys(input)) if (!(key in dto)) messages.push(`property ${key} should not exist`);
	for (const [name, rule] of Object.entries(dto)) messages.push(...checkField(name, input[name], rule));
	if (messages.length) throw unprocessable(messages);
	return input;
}

export function checkField(name: string, value: unknown, rule: FieldRule): string[] {
	if (value === undefined || (value === null && !rule.nullable)) {
		if (!rule.required) return [];
		return rule.type === 'string' ? [`${name} should not be empty`, `${name} must be a string`] : [`${name} should not be empty`];
	}
	if (value === null) return [];
	switch (rule.type) {
		case 'string':
			if (typeof value !== 'string') return [`${name} must be a string`];
			if (rule.required && value === '') return [`${name} should not be empty`];
			if (rule.maxLength !== undefined && value.length > rule.maxLength) {
				return [`${name} must be shorter than or equal to ${rule.maxLength} characters`];
			}
			if (rule.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) return [`${name} must be an email`];
			if (rule.enum && !rule.enum.includes(value)) {
				return [`${name} must be one of the following values: ${rule.enum.join(', ')}`];
			}
			return [];
		case 'boolean':
			return typeof value === 'boolean' ? [] : [`${name} must be a boolean value`];
		case 'number':
			if (typeof value !== 'number' || !Number.isFinite(value)) {
				return [`${name} must be a number conforming to the specified constraints`];
			}
			if (rule.min !== undefined && value < rule.min) return [`${name} must not be less than ${rule.min}`];
			if (rule.max !== undefined && value > rule.max) return [`${name} must not be greater than ${rule.max}`];
			return [];
		case 'object':
			return isPlainObject(value) ? [] : [`${name} must be an object`];
		case 'array':
			if (!Array.isArray(value)) return [`${name} must be an array`];
			if (rule.items === 'string' && value.some((v) => typeof v !== 'string')) return [`each value in ${name} must be a string`];
			if (rule.items === 'object' && value.some((v) => !isPlainObject(v))) return [`each value in ${name} must be an object`];
			if (rule.maxLength !== undefined && value.some((v) => typeof v === 'string' && v.length > rule.maxLength!)) {
				return [`each value in ${name} must be shorter than or equal to ${rule.maxLength} characters`];
			}
			return [];
		default:
			return [];
	}
}

/** Query strings arrive as strings; required ones must be present and non-empty. */
export function requireQuery(query: Record<string, unknown>, names: string[]): void {
	const messages = names.flatMap((name) =>
		typeof query[name] === 'string' && query[name] !== '' ? [] : [`${name} should not be empty`, `${name} must be a string`],
	);
	if (messages.length) throw unprocessable(messages);
}

/** A non-negative integer query parameter (GHL sends skip/limit as strings). */
export function intQuery(value: string | undefined, name: string, fallback: number): number {
	if (value === undefined || value === '') return fallback;
	const n = Number(value);
	if (!Number.isInteger(n) || n < 0) throw unprocessable([`${name} must be a number conforming to the specified constraints`]);
	return n;
}
