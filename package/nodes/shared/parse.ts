import { FieldError } from './errors';
import { readPhone } from './phone';
import { calendarDateOf, instantOf, readMoment } from './time';
import type { ParseContext, Parser } from './types';

export { FieldError };

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
 * A phone number in E.164 (`+441614960123`): written formats with spaces, dots, dashes and brackets, a
 * national trunk prefix in brackets (`+44 (0)161 …`), international access prefixes (`00`, `011`, `0011`)
 * and `tel:` are understood; an extension (`ext. 12`, `x12`, `#12`, `;ext=12`) is kept apart (ParseContext
 * aside: `phoneExtensions` in the output) and never glued to the number. A number without a country code,
 * or one that cannot be a phone number of that country, is refused.
 */
export const phone: Parser = (value, context) => {
	if (isEmpty(value)) return undefined;
	if (typeof value !== 'string' && typeof value !== 'number') throw new FieldError(`must be a phone number, got ${quote(value)}`);
	const read = readPhone(String(value));
	if ('problem' in read) throw new FieldError(read.problem);
	if (read.extension) context?.aside?.('phoneExtensions', read.extension);
	return read.number;
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

function zoneOf(context: ParseContext | undefined): string {
	if (!context) throw new Error('A date parser was called without the parse context (the workflow time zone)');
	return context.timeZone;
}

/**
 * A date and time, sent as an ISO 8601 instant in UTC. Without an offset it is read in the workflow's time
 * zone; with one (or as an epoch, Date or Luxon DateTime) it keeps its instant. See time.ts.
 */
export const dateTime: Parser = (value, context) => {
	if (isEmpty(value)) return undefined;
	const zone = zoneOf(context);
	const moment = readMoment(value);
	if (!moment) {
		throw new FieldError(
			`must be a date and time such as 2026-05-01T14:30 (read in the workflow's time zone, ${zone}) or 2026-05-01T14:30:00+02:00, got ${quote(value)}`,
		);
	}
	return new Date(instantOf(moment, zone)).toISOString();
};

/** A calendar date, sent as YYYY-MM-DD: the date as written, never moved by a time zone. See time.ts. */
export const date: Parser = (value, context) => {
	if (isEmpty(value)) return undefined;
	const moment = readMoment(value);
	if (!moment) throw new FieldError(`must be a date such as 2026-05-01, got ${quote(value)}`);
	return calendarDateOf(moment, zoneOf(context));
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
	return (value, context) => {
		if (isEmpty(value)) return undefined;
		const items = Array.isArray(value) ? value : String(value).split(',');
		const out = items.map((v) => (typeof v === 'string' ? v.trim() : v)).filter((v) => !isEmpty(v));
		return out.length ? out.map((v) => each(v, context)) : undefined;
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
	return (value, context) => parsers.reduce<unknown>((v, p) => (v === undefined ? v : p(v, context)), value);
}
