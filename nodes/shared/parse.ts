import type { IDataObject } from 'n8n-workflow';

import type { Parser } from './types';

/** A parameter value that cannot be used. The message continues the field's name: "is required". */
export class FieldError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'FieldError';
	}
}

export function isEmpty(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (Array.isArray(value)) return value.length === 0;
	return false;
}

/** Shows a bad value in an error without flooding it. */
export function quote(value: unknown): string {
	const text = typeof value === 'string' ? value : JSON.stringify(value);
	return `"${(text ?? '').length > 60 ? `${text.slice(0, 57)}...` : text}"`;
}

export const text: Parser = (value) => {
	if (isEmpty(value)) return undefined;
	if (typeof value === 'object') throw new FieldError(`must be text, got ${quote(value)}`);
	return String(value);
};

/** An identifier that goes into a URL path or a reference: no slashes, spaces or URL syntax. */
export const id: Parser = (value) => {
	if (isEmpty(value)) return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') {
		throw new FieldError(`must be an ID, got ${quote(value)}`);
	}
	const s = String(value).trim();
	if (!/^[^\s/?#%\\]+$/.test(s) || s.length > 200) {
		throw new FieldError(`is not a valid ID: ${quote(s)}`);
	}
	return s;
};

const EMAIL = /^[^\s@"'<>(),;:]+@[^\s@"'<>(),;:]+\.[^\s@"'<>(),;:]{2,}$/;

export const email: Parser = (value) => {
	if (isEmpty(value)) return undefined;
	const s = String(value).trim();
	if (!EMAIL.test(s)) throw new FieldError(`is not a valid email address: ${quote(s)}`);
	return s;
};

/**
 * Phone numbers in E.164. Common formatting is removed ("+1 (415) 555-0123", "+44 20 7946 0958",
 * "0044 20..."); a number without a country code is refused rather than guessed.
 */
export const phone: Parser = (value) => {
	if (isEmpty(value)) return undefined;
	const raw = String(value).trim();
	let s = raw.replace(/[\s().\-/]/g, '');
	if (s.startsWith('00')) s = `+${s.slice(2)}`;
	if (!/^\+[1-9]\d{6,14}$/.test(s)) {
		throw new FieldError(
			`must be a phone number with country code in E.164 format, e.g. +14155550123 (got ${quote(raw)})`,
		);
	}
	return s;
};

export function number(options: { min?: number; max?: number; integer?: boolean } = {}): Parser {
	return (value) => {
		if (isEmpty(value)) return undefined;
		const n = typeof value === 'number' ? value : Number(String(value).trim());
		if (!Number.isFinite(n)) throw new FieldError(`must be a number, got ${quote(value)}`);
		if (options.integer && !Number.isInteger(n)) {
			throw new FieldError(`must be a whole number, got ${quote(value)}`);
		}
		if (options.min !== undefined && n < options.min) {
			throw new FieldError(`must be at least ${options.min}, got ${n}`);
		}
		if (options.max !== undefined && n > options.max) {
			throw new FieldError(`must be at most ${options.max}, got ${n}`);
		}
		return n;
	};
}

export const boolean: Parser = (value) => {
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'boolean') return value;
	const s = String(value).trim().toLowerCase();
	if (['true', '1', 'yes'].includes(s)) return true;
	if (['false', '0', 'no'].includes(s)) return false;
	throw new FieldError(`must be true or false, got ${quote(value)}`);
};

const validDate = (d: Date): Date | undefined => (Number.isNaN(d.getTime()) ? undefined : d);

/**
 * Accepts ISO strings, epoch milliseconds (number, or 10/13 digits as seconds/ms), JS Dates and Luxon
 * DateTimes (what n8n expressions produce). Anything else, or a date outside JavaScript's range, is undefined.
 */
export function toDate(value: unknown): Date | undefined {
	if (isEmpty(value)) return undefined;
	if (value instanceof Date) return validDate(value);
	if (typeof value === 'object' && value !== null && typeof (value as IDataObject).toISO === 'function') {
		const iso = (value as { toISO: () => string | null }).toISO();
		return iso ? validDate(new Date(iso)) : undefined;
	}
	if (typeof value === 'number') return validDate(new Date(value));
	const s = String(value).trim();
	if (/^\d{10,13}$/.test(s)) return validDate(new Date(s.length === 10 ? Number(s) * 1000 : Number(s)));
	if (!/^\d{4}-\d{2}-\d{2}/.test(s)) return undefined;
	return validDate(new Date(s));
}

/** A date and time, sent as an ISO 8601 string in UTC. */
export const dateTime: Parser = (value) => {
	if (isEmpty(value)) return undefined;
	const d = toDate(value);
	if (!d) throw new FieldError(`must be a date and time such as 2026-05-01T14:30:00Z, got ${quote(value)}`);
	return d.toISOString();
};

/** A calendar date, sent as YYYY-MM-DD (taken as written when the input already is one). */
export const date: Parser = (value) => {
	if (isEmpty(value)) return undefined;
	if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value.trim())) {
		const d = toDate(value);
		if (d) return value.trim();
	}
	const d = toDate(value);
	if (!d) throw new FieldError(`must be a date such as 2026-05-01, got ${quote(value)}`);
	return d.toISOString().slice(0, 10);
};

export function oneOf(values: ReadonlyArray<string | number | boolean>): Parser {
	return (value) => {
		if (isEmpty(value)) return undefined;
		const match = values.find((v) => String(v) === String(value));
		if (match === undefined) {
			throw new FieldError(`must be one of ${values.map((v) => String(v)).join(', ')}; got ${quote(value)}`);
		}
		return match;
	};
}

/** A list from an array or a comma-separated string; each entry checked by `each`. */
export function list(each: Parser = text): Parser {
	return (value) => {
		if (isEmpty(value)) return undefined;
		const items = Array.isArray(value) ? value : String(value).split(',');
		const out = items.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => !isEmpty(v));
		return out.length ? out.map((v) => each(v)) : undefined;
	};
}

/** JSON given as text or as an already parsed value; `shape` restricts it to an object or an array. */
export function json(shape?: 'object' | 'array'): Parser {
	return (value) => {
		if (isEmpty(value)) return undefined;
		let parsed = value;
		if (typeof value === 'string') {
			let valid = true;
			try {
				parsed = JSON.parse(value);
			} catch {
				valid = false;
			}
			if (!valid) throw new FieldError(`is not valid JSON: ${quote(value)}`);
		}
		if (shape === 'array' && !Array.isArray(parsed)) throw new FieldError('must be a JSON array');
		if (shape === 'object' && (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))) {
			throw new FieldError('must be a JSON object');
		}
		return parsed;
	};
}

/** Runs parsers in order; each gets the previous result. */
export function chain(...parsers: Parser[]): Parser {
	return (value) => parsers.reduce<unknown>((v, p) => (v === undefined ? v : p(v)), value);
}
