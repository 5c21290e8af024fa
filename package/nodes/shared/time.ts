/**
 * The package's one date and time contract (README › Dates and times), used by every node:
 *
 * - A date-only value is a calendar date and never moves: `2026-05-01`, or the date part of a date-time as
 *   it is written (`2026-05-01T23:00:00-05:00` is May 1).
 * - A date-time without an offset (`2026-05-01T14:30`, what n8n's date picker gives) is a wall-clock time in
 *   the workflow's time zone: n8n's `getTimezone()`, which is the workflow's own Timezone setting, else the
 *   instance's GENERIC_TIMEZONE. Never the host's clock zone.
 * - A value with an offset or `Z`, an epoch number, a JS Date, or a Luxon DateTime from an expression is an
 *   instant and keeps it (a Luxon value also keeps its own offset for its calendar date).
 * - Outputs give an ISO instant with its offset next to any service-local string.
 *
 * Values from n8n: a Luxon DateTime from an expression reaches a top-level parameter as a DateTime (in the
 * workflow's zone unless the expression chose another) and a parameter inside a collection as its
 * `toString()`, the ISO text with offset. Both are read through the offset they carry.
 */
import { FieldError } from './errors';

export const MINUTE = 60_000;
export const DAY = 86_400_000;

/**
 * What a value says about time before any zone is applied. `wall` is the clock reading as if it were UTC
 * epoch milliseconds; `offset` is the offset written with an instant, in minutes east of UTC (+05:30 → 330).
 */
export type Moment =
	| { kind: 'date'; wall: number }
	| { kind: 'wall'; wall: number }
	| { kind: 'instant'; ms: number; offset?: number };

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{1,2})(?:[.,](\d{1,9}))?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The clock reading of a calendar date and time as epoch ms "in UTC", or undefined when it is not a real one. */
export function clock(y: number, mo: number, d: number, h = 0, mi = 0, s = 0, ms = 0): number | undefined {
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) return undefined;
	const wall = Date.UTC(y, mo - 1, d, h, mi, s, ms);
	const back = new Date(wall);
	const real = back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d;
	return real ? wall : undefined;
}

function writtenOffset(text: string): number {
	if (/^z$/i.test(text)) return 0;
	const sign = text.startsWith('-') ? -1 : 1;
	const digits = text.slice(1).replace(':', '');
	return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4) || 0));
}

/** ISO 8601 text (date, date-time with or without offset; `T` or a space) or 10/13 digits of epoch time. */
function readText(text: string): Moment | undefined {
	if (/^\d{10}$/.test(text)) return { kind: 'instant', ms: Number(text) * 1000 };
	if (/^\d{13}$/.test(text)) return { kind: 'instant', ms: Number(text) };
	const m = ISO.exec(text);
	if (!m) return undefined;
	const [y, mo, d, h, mi, s] = m.slice(1, 7).map((x) => (x === undefined ? 0 : Number(x)));
	const fraction = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
	const wall = clock(y, mo, d, h, mi, s, fraction);
	if (wall === undefined) return undefined;
	if (m[8]) {
		const offset = writtenOffset(m[8]);
		if (Math.abs(offset) > 18 * 60) return undefined;
		return { kind: 'instant', ms: wall - offset * MINUTE, offset };
	}
	return m[4] === undefined ? { kind: 'date', wall } : { kind: 'wall', wall };
}

const isValidMs = (ms: number) => Number.isFinite(ms) && Math.abs(ms) <= 8.64e15;

/**
 * Reads a parameter value as a Moment: ISO text, epoch milliseconds (number) or epoch seconds/milliseconds
 * (10/13 digits of text), a JS Date, or a Luxon DateTime (anything with `toISO()`). Undefined otherwise.
 */
export function readMoment(value: unknown): Moment | undefined {
	if (value instanceof Date) return isValidMs(value.getTime()) ? { kind: 'instant', ms: value.getTime() } : undefined;
	if (typeof value === 'number') return isValidMs(value) ? { kind: 'instant', ms: value } : undefined;
	if (typeof value === 'object' && value !== null && typeof (value as { toISO?: unknown }).toISO === 'function') {
		const iso = (value as { toISO: () => string | null }).toISO();
		return typeof iso === 'string' ? readText(iso) : undefined;
	}
	if (typeof value !== 'string') return undefined;
	return readText(value.trim());
}

export function isTimeZone(zone: string): boolean {
	return formatterFor(zone) !== undefined;
}

const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(zone: string): Intl.DateTimeFormat | undefined {
	let formatter = formatters.get(zone);
	if (formatter === undefined) {
		try {
			formatter = new Intl.DateTimeFormat('en-US', {
				timeZone: zone,
				hourCycle: 'h23',
				year: 'numeric',
				month: 'numeric',
				day: 'numeric',
				hour: 'numeric',
				minute: 'numeric',
				second: 'numeric',
				era: 'short',
			});
		} catch {
			formatter = null;
		}
		if (formatters.size > 1000) formatters.clear();
		formatters.set(zone, formatter);
	}
	return formatter ?? undefined;
}

function knownZone(zone: string): Intl.DateTimeFormat {
	const formatter = formatterFor(zone);
	if (!formatter) {
		throw new FieldError(
			`cannot be read: the workflow's time zone "${zone}" is not a known time zone (set one under the workflow's settings › Timezone)`,
		);
	}
	return formatter;
}

/** Epoch ms of a clock reading given as parts (years 0-99 stay as they are, unlike Date.UTC). */
function utcOf(y: number, mo: number, d: number, h: number, mi: number, s: number): number {
	const date = new Date(0);
	date.setUTCFullYear(y, mo - 1, d);
	date.setUTCHours(h, mi, s, 0);
	return date.getTime();
}

/** The offset of `zone` at the instant `ms`, in minutes east of UTC (India 330, New York in winter -300). */
export function offsetAt(zone: string, ms: number): number {
	const parts = knownZone(zone).formatToParts(new Date(ms));
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
	const bc = parts.find((p) => p.type === 'era')?.value === 'BC';
	const local = utcOf(bc ? 1 - get('year') : get('year'), get('month'), get('day'), get('hour'), get('minute'), get('second'));
	return Math.round((local - Math.floor(ms / 1000) * 1000) / MINUTE);
}

/**
 * The instant a wall-clock reading names in `zone`. A reading that happens twice (the hour repeated when
 * daylight saving time ends) is the first one; a reading the clock skips (when it starts) moves forward by
 * the gap, as a clock would show it (02:30 → 03:30).
 */
export function wallToInstant(wall: number, zone: string): number {
	const candidates = [...new Set([offsetAt(zone, wall - DAY), offsetAt(zone, wall), offsetAt(zone, wall + DAY)])];
	const valid = candidates.map((offset) => wall - offset * MINUTE).filter((ms) => wall - offsetAt(zone, ms) * MINUTE === ms);
	if (valid.length) return Math.min(...valid);
	return wall - Math.min(...candidates) * MINUTE;
}

/** The instant a Moment stands for; a date or wall-clock time is read in `zone` (a date at 00:00). */
export function instantOf(moment: Moment, zone: string): number {
	return moment.kind === 'instant' ? moment.ms : wallToInstant(moment.wall, zone);
}

/** The calendar date (`YYYY-MM-DD`) a Moment stands for: as written, or in `zone` for a bare instant. */
export function calendarDateOf(moment: Moment, zone: string): string {
	if (moment.kind !== 'instant') return dayText(moment.wall);
	const offset = moment.offset ?? offsetAt(zone, moment.ms);
	return dayText(moment.ms + offset * MINUTE);
}

/** `YYYY-MM-DD` of a clock reading. */
export function dayText(wall: number): string {
	const d = new Date(wall);
	return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** `YYYY-MM-DD HH:mm:ss` of the instant `ms` on a clock `offset` minutes east of UTC. */
export function clockText(ms: number, offset: number): string {
	const d = new Date(ms + offset * MINUTE);
	return `${dayText(d.getTime())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `+05:30`, `-04:00`; `Z` for UTC. */
export function offsetText(offset: number): string {
	if (offset === 0) return 'Z';
	const abs = Math.abs(offset);
	return `${offset < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/** ISO 8601 of the instant `ms` with the offset `offset` (minutes east), e.g. `2026-12-10T15:00:00+11:00`. */
export function isoAt(ms: number, offset: number): string {
	const d = new Date(ms + offset * MINUTE);
	const millis = d.getUTCMilliseconds() ? `.${pad(d.getUTCMilliseconds(), 3)}` : '';
	return `${clockText(ms, offset).replace(' ', 'T')}${millis}${offsetText(offset)}`;
}

/** ISO 8601 of the instant `ms` in `zone`, with the zone's offset at that instant. */
export function isoInZone(ms: number, zone: string): string {
	return isoAt(ms, offsetAt(zone, ms));
}

/**
 * The workflow's time zone as n8n gives it to a node (`getTimezone()`: the workflow's own Timezone setting,
 * else GENERIC_TIMEZONE). 'UTC' only for contexts without it (n8n always has it).
 */
export function workflowTimeZone(fn: object): string {
	const getTimezone = (fn as { getTimezone?: () => unknown }).getTimezone;
	const zone = typeof getTimezone === 'function' ? getTimezone.call(fn) : undefined;
	return typeof zone === 'string' && zone ? zone : 'UTC';
}

/**
 * A timestamp from a service's answer or webhook (ISO with `Z` or an offset, or epoch milliseconds) as epoch
 * ms; NaN when it is not one. GHL and Tookan write UTC, so text without an offset is read as UTC, never in
 * the host's clock zone (which is what Date.parse would do).
 */
export function serviceInstant(value: unknown): number {
	const moment = readMoment(value);
	if (!moment) return NaN;
	return moment.kind === 'instant' ? moment.ms : moment.wall;
}
