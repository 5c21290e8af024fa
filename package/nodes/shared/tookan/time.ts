/**
 * Tookan's side of the date and time contract (../time.ts; reference/tookan.md §2). Task times travel as
 * local `YYYY-MM-DD HH:mm:ss` strings and the task's `timezone` says how to read them: minutes to ADD to
 * local time to get UTC (UTC − local, the sign of JavaScript's getTimezoneOffset, opposite to ISO): India
 * (UTC+5:30) is -330, New York in winter (UTC−5) is 300. One `timezone` per task (or per Create Many), so
 * every time of the task is written in that one offset.
 */
import type { IDataObject } from 'n8n-workflow';

import { FieldError, isEmpty, quote } from '../parse';
import {
	clock,
	clockText,
	DAY,
	dayText,
	isoAt,
	isTimeZone,
	MINUTE,
	offsetAt,
	readMoment,
	wallToInstant,
} from '../time';
import type { Parser } from '../types';

export { isTimeZone };

/** Either side of a user's time zone choice: an IANA zone, or Tookan's raw offset in minutes. */
export type ZoneChoice = { zone: string } | { minutes: number };

/** Older ICU builds list some zones under their former names; people look for the current ones. */
const CURRENT_NAMES: Record<string, string> = {
	'Africa/Asmera': 'Africa/Asmara',
	'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
	'America/Godthab': 'America/Nuuk',
	'Asia/Calcutta': 'Asia/Kolkata',
	'Asia/Katmandu': 'Asia/Kathmandu',
	'Asia/Rangoon': 'Asia/Yangon',
	'Asia/Saigon': 'Asia/Ho_Chi_Minh',
	'Atlantic/Faeroe': 'Atlantic/Faroe',
	'Europe/Kiev': 'Europe/Kyiv',
	'Pacific/Enderbury': 'Pacific/Kanton',
	'Pacific/Ponape': 'Pacific/Pohnpei',
	'Pacific/Truk': 'Pacific/Chuuk',
};

/** Every IANA zone this runtime knows, under its current name (for the Time Zone dropdown). */
export function timeZoneNames(): string[] {
	const intl = Intl as unknown as { supportedValuesOf?: (key: string) => string[] };
	const listed = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : ['UTC'];
	const names = listed.map((zone) => (CURRENT_NAMES[zone] && isTimeZone(CURRENT_NAMES[zone]) ? CURRENT_NAMES[zone] : zone));
	return [...new Set(['UTC', ...names])].sort();
}

/** Tookan's `timezone` for `zone` at the instant `at`: UTC − local in minutes (IST → -330, EST → 300). */
export function zoneOffset(zone: string, at: number): number {
	return 0 - offsetAt(zone, at);
}

const isInstant = (time: string) => time.endsWith('Z');

/**
 * Parser for task times. Returns an ISO instant (`...Z`) for input that says which instant it means (an
 * offset or Z, an epoch, a Date or a Luxon DateTime), or a wall-clock `YYYY-MM-DD HH:mm:ss` for input
 * without an offset (n8n's date picker), read later in the task's time zone.
 */
export const taskTime: Parser = (value) => {
	if (isEmpty(value)) return undefined;
	const moment = readMoment(value);
	if (!moment) {
		throw new FieldError(
			`must be a date and time such as 2026-05-01 14:30 (in the task's time zone) or 2026-05-01T14:30:00+05:30, got ${quote(value)}`,
		);
	}
	return moment.kind === 'instant' ? new Date(moment.ms).toISOString() : clockText(moment.wall, 0);
};

/** Parser for an IANA time zone name. */
export const timeZoneName: Parser = (value) => {
	if (isEmpty(value)) return undefined;
	const zone = String(value).trim();
	if (!isTimeZone(zone)) throw new FieldError(`is not a known time zone such as Asia/Kolkata or America/New_York: ${quote(zone)}`);
	return zone;
};

/** The clock reading of a `YYYY-MM-DD HH:mm:ss` text (seconds may be unpadded, as Tookan writes them). */
function readClock(text: string): number | undefined {
	const m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?$/.exec(text.trim());
	if (!m) return undefined;
	const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
	return clock(y, mo, d, h, mi, s);
}

/** The instant a parsed task time (taskTime's result) stands for, given the task's zone choice. */
export function taskInstant(choice: ZoneChoice, time: string): number {
	if (isInstant(time)) return Date.parse(time);
	const wall = readClock(time);
	if (wall === undefined) throw new FieldError(`is not a date and time: ${quote(time)}`);
	return 'minutes' in choice ? wall + choice.minutes * MINUTE : wallToInstant(wall, choice.zone);
}

/** Tookan's offset for a task whose (first) time is the instant `at` (undefined: now); DST as at that time. */
export function offsetFor(choice: ZoneChoice, at?: number): number {
	if ('minutes' in choice) return choice.minutes;
	return zoneOffset(choice.zone, at ?? Date.now());
}

/** The instant `at` as Tookan's local `YYYY-MM-DD HH:mm:ss` for the offset `minutes` (UTC − local). */
export function localTime(at: number, minutes: number): string {
	return clockText(at, -minutes);
}

/**
 * Splits `start`..`end` (inclusive `YYYY-MM-DD` days) into consecutive windows of at most `days` calendar
 * days, the most `get_all_tasks` accepts in one request.
 */
export function dateWindows(start: string, end: string, days = 31): Array<{ start: string; end: string }> {
	const dayOf = (text: string) => {
		const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
		const wall = m ? clock(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
		if (wall === undefined) throw new FieldError(`is not a date such as 2026-05-01: ${quote(text)}`);
		return wall;
	};
	const from = dayOf(start);
	const to = dayOf(end);
	if (to < from) throw new FieldError(`must not be before the start date (${start} › ${end})`);
	const windows: Array<{ start: string; end: string }> = [];
	for (let first = from; first <= to; first += days * DAY) {
		windows.push({ start: dayText(first), end: dayText(Math.min(to, first + (days - 1) * DAY)) });
	}
	return windows;
}

/* ---- outputs: an ISO instant with offset beside each of Tookan's local strings ---- */

/** Local time fields of Tookan's task and agent records, read in the record's own `timezone`. */
export const LOCAL_TIME_KEYS = [
	'job_pickup_datetime',
	'job_delivery_datetime',
	'job_time',
	'acknowledged_datetime',
	'started_datetime',
	'arrived_datetime',
	'completed_datetime',
	'location_update_datetime',
];

/** A record's `timezone` ("-330", 300) as minutes, or undefined when it has none Tookan could mean. */
function recordMinutes(value: unknown): number | undefined {
	const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
	return Number.isInteger(n) && n >= -840 && n <= 720 ? n : undefined;
}

/** `10/17/2019 02:50 pm`, as webhooks show some times. */
function readDisplayed(text: string): number | undefined {
	const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))? ?([ap]m)$/i.exec(text.trim());
	if (!m) return undefined;
	const hour12 = Number(m[4]);
	if (hour12 < 1 || hour12 > 12) return undefined;
	const hour = (hour12 % 12) + (m[7].toLowerCase() === 'pm' ? 12 : 0);
	return clock(Number(m[3]), Number(m[1]), Number(m[2]), hour, Number(m[5]), Number(m[6] ?? 0));
}

/** The instant of one of Tookan's time values (local text in `minutes`, or ISO); undefined for "not set". */
function instantOfLocal(value: unknown, minutes: number): number | undefined {
	if (typeof value !== 'string' || value.startsWith('0000-00-00')) return undefined;
	const wall = readClock(value) ?? readDisplayed(value);
	if (wall !== undefined) return wall + minutes * MINUTE;
	const moment = readMoment(value);
	return moment?.kind === 'instant' ? moment.ms : undefined;
}

/**
 * Adds `<key>_iso` (ISO 8601 with the record's own offset, e.g. `2026-12-10T15:00:00+11:00`) after each
 * local time of a task or agent record that carries a `timezone`; `job_time_iso` comes from Tookan's
 * `job_time_utc` when present. Records without a `timezone` are returned as they are.
 */
export function withInstants(record: IDataObject): IDataObject {
	const minutes = recordMinutes(record.timezone);
	if (minutes === undefined) return record;
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(record)) {
		out[key] = value;
		if (!LOCAL_TIME_KEYS.includes(key)) continue;
		const fromUtc = key === 'job_time' ? readMoment(record.job_time_utc) : undefined;
		const at = fromUtc?.kind === 'instant' ? fromUtc.ms : instantOfLocal(value, minutes);
		if (at !== undefined) out[`${key}_iso`] = isoAt(at, -minutes);
	}
	return out;
}
