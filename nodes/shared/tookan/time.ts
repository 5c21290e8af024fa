/**
 * Tookan time rules (reference/tookan.md §2). Task times travel as local `YYYY-MM-DD HH:mm:ss` strings and
 * `timezone` says how to read them: minutes to ADD to local time to get UTC (UTC − local, the sign of
 * JavaScript's getTimezoneOffset): India (UTC+5:30) is -330, New York in winter (UTC−5) is 300.
 *
 * A time given by the user is either an instant (it carries `Z` or an offset, or is an n8n DateTime / Date /
 * epoch) or a wall-clock time without an offset, which is taken as written in the task's time zone.
 */

import { FieldError, isEmpty, quote, toDate } from '../parse';
import type { Parser } from '../types';

const MINUTE = 60_000;
const DAY = 86_400_000;

const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{1,2})(?:\.\d+)?)?)?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** Either side of a user's time zone choice: an IANA zone, or Tookan's raw offset in minutes. */
export type ZoneChoice = { zone: string } | { minutes: number };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** UTC epoch ms → `YYYY-MM-DD HH:mm:ss` of the same clock reading (no zone shift). */
function formatClock(ms: number): string {
	const d = new Date(ms);
	return (
		`${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
		`${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
	);
}

/** A wall-clock text (`YYYY-MM-DD[ HH:mm[:ss]]`) as epoch ms of the same reading in UTC; undefined if not a real date. */
function wallClock(text: string): number | undefined {
	const m = WALL.exec(text);
	if (!m) return undefined;
	const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
	if (h > 23 || mi > 59 || s > 59) return undefined;
	const ms = Date.UTC(y, mo - 1, d, h, mi, s);
	const back = new Date(ms);
	const real = back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d;
	return real ? ms : undefined;
}

export function isTimeZone(zone: string): boolean {
	let known = true;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: zone });
	} catch {
		known = false;
	}
	return known;
}

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
	const parts = new Intl.DateTimeFormat('en-US', {
		timeZone: zone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(at));
	const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
	const local = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
	return Math.round((Math.floor(at / 1000) * 1000 - local) / MINUTE);
}

/**
 * Parser for task times. Returns an ISO instant (`...Z`) for input that says which instant it means, or a
 * wall-clock `YYYY-MM-DD HH:mm:ss` for input without an offset (read later in the task's time zone).
 */
export const taskTime: Parser = (value) => {
	if (isEmpty(value)) return undefined;
	const text = typeof value === 'string' ? value.trim() : '';
	// instants: Date, Luxon DateTime, epoch seconds or milliseconds
	if (typeof value !== 'string' || /^\d{10,13}$/.test(text)) {
		const instant = toDate(value);
		if (!instant) throw new FieldError(`is not a valid date, got ${quote(value)}`);
		return instant.toISOString();
	}
	const wall = wallClock(text);
	if (wall !== undefined) return formatClock(wall);
	if (WITH_OFFSET.test(text)) {
		const ms = Date.parse(text);
		if (!Number.isNaN(ms)) return new Date(ms).toISOString();
	}
	throw new FieldError(
		`must be a date and time such as 2026-05-01 14:30 (in the task's time zone) or 2026-05-01T14:30:00+05:30, got ${quote(value)}`,
	);
};

/** Parser for an IANA time zone name. */
export const timeZoneName: Parser = (value) => {
	if (isEmpty(value)) return undefined;
	const zone = String(value).trim();
	if (!isTimeZone(zone)) throw new FieldError(`is not a known time zone such as Asia/Kolkata or America/New_York: ${quote(zone)}`);
	return zone;
};

const isInstant = (time: string) => time.endsWith('Z');

/** Tookan's offset for a task whose (first) time is `time` (undefined: now). DST is taken at that time. */
export function offsetFor(choice: ZoneChoice, time?: string): number {
	if ('minutes' in choice) return choice.minutes;
	if (time === undefined) return zoneOffset(choice.zone, Date.now());
	if (isInstant(time)) return zoneOffset(choice.zone, Date.parse(time));
	// A wall-clock time: find the instant it names in the zone (the offset may differ from the guess across DST).
	const clock = wallClock(time) ?? Date.now();
	const guess = zoneOffset(choice.zone, clock);
	const settled = zoneOffset(choice.zone, clock + guess * MINUTE);
	return settled === guess ? guess : zoneOffset(choice.zone, clock + settled * MINUTE);
}

/** A parsed task time as Tookan's local `YYYY-MM-DD HH:mm:ss` for the offset `minutes`. */
export function localTime(time: string, minutes: number): string {
	if (!isInstant(time)) return time;
	return formatClock(Date.parse(time) - minutes * MINUTE);
}

/** `YYYY-MM-DD` → epoch ms of that day at 00:00 UTC. */
function dayMs(day: string): number {
	const ms = wallClock(day);
	if (ms === undefined || day.length !== 10) throw new FieldError(`is not a date such as 2026-05-01: ${quote(day)}`);
	return ms;
}

/**
 * Splits `start`..`end` (inclusive `YYYY-MM-DD` days) into consecutive windows of at most `days` calendar
 * days, the most `get_all_tasks` accepts in one request.
 */
export function dateWindows(start: string, end: string, days = 31): Array<{ start: string; end: string }> {
	const from = dayMs(start);
	const to = dayMs(end);
	if (to < from) throw new FieldError(`must not be before the start date (${start} › ${end})`);
	const windows: Array<{ start: string; end: string }> = [];
	for (let first = from; first <= to; first += days * DAY) {
		const last = Math.min(to, first + (days - 1) * DAY);
		windows.push({ start: formatClock(first).slice(0, 10), end: formatClock(last).slice(0, 10) });
	}
	return windows;
}
