/**
 * The date and time contract (package/nodes/shared/time.ts) with a fixed set of values. What n8n really hands a node
 * under each time-zone setting is proven in real n8n by test/e2e/time-zones.test.ts; these tests pin the
 * reading rules themselves, with real Luxon DateTimes built the way n8n's expression engine builds them
 * (Settings.defaultZone = the workflow's zone).
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

import fc from 'fast-check';

import {
	calendarDateOf,
	clockText,
	instantOf,
	isoAt,
	isoInZone,
	offsetAt,
	readMoment,
	serviceInstant,
	wallToInstant,
	workflowTimeZone,
	type Moment,
} from '../../../package/nodes/shared/time';

interface LuxonDateTime {
	toISO(): string | null;
	toString(): string;
	plus(duration: Record<string, number>): LuxonDateTime;
	set(values: Record<string, number>): LuxonDateTime;
}
interface Luxon {
	DateTime: {
		fromISO(text: string, options?: { zone?: string }): LuxonDateTime;
		now(): LuxonDateTime;
	};
	Settings: { defaultZone: unknown };
}
// n8n-workflow's own Luxon (what n8n uses to build expression values); no type package is installed
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { DateTime, Settings } = require('luxon') as Luxon;

const moment = (value: unknown): Moment => {
	const m = readMoment(value);
	if (!m) throw new Error(`not a moment: ${String(value)}`);
	return m;
};

/** What the calendar shows in `zone` at `ms`. */
const calendarIn = (zone: string, ms: number) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(ms));

const ZONES = ['UTC', 'Australia/Sydney', 'America/New_York', 'Asia/Kolkata', 'Australia/Adelaide', 'Pacific/Auckland', 'America/Los_Angeles'];

describe('readMoment: what a value says before any zone applies', () => {
	it('reads dates, wall-clock times and instants from ISO text', () => {
		expect(moment('1988-03-14')).toEqual({ kind: 'date', wall: Date.UTC(1988, 2, 14) });
		expect(moment('2026-12-10T15:00:00')).toEqual({ kind: 'wall', wall: Date.UTC(2026, 11, 10, 15) });
		expect(moment('2026-12-10 15:00')).toEqual({ kind: 'wall', wall: Date.UTC(2026, 11, 10, 15) });
		expect(moment('2026-12-10T15:00:00.250Z')).toEqual({ kind: 'instant', ms: Date.UTC(2026, 11, 10, 15, 0, 0, 250), offset: 0 });
		expect(moment('1985-06-30T00:00:00+10:00')).toEqual({ kind: 'instant', ms: Date.UTC(1985, 5, 29, 14), offset: 600 });
		expect(moment('2026-01-01T00:00:00-0330')).toEqual({ kind: 'instant', ms: Date.UTC(2026, 0, 1, 3, 30), offset: -210 });
		expect(moment('2026-01-01T05:45+05:45')).toEqual({ kind: 'instant', ms: Date.UTC(2026, 0, 1), offset: 345 });
	});

	it('reads epochs, Dates and Luxon DateTimes as instants', () => {
		expect(moment(1777629600000)).toEqual({ kind: 'instant', ms: 1777629600000 });
		expect(moment('1777629600')).toEqual({ kind: 'instant', ms: 1777629600000 });
		expect(moment(new Date(1777629600000))).toEqual({ kind: 'instant', ms: 1777629600000 });
		expect(moment(DateTime.fromISO('2026-05-01T10:00', { zone: 'Asia/Kolkata' }))).toEqual({
			kind: 'instant',
			ms: Date.UTC(2026, 4, 1, 4, 30),
			offset: 330,
		});
	});

	it('refuses what is not a date', () => {
		for (const bad of ['tomorrow', '2026-02-30', '2026-13-01', '2026-05-01T25:00', '01/05/2026', '2026-05-01T10:00+19:00', {}, true, NaN]) {
			expect(readMoment(bad)).toBeUndefined();
		}
	});
});

describe('date-only values never move', () => {
	afterEach(() => {
		Settings.defaultZone = 'system';
	});

	it.each(ZONES)('a date from the picker, a Luxon date, its text in a collection and a string with offset stay the same day (%s)', (zone) => {
		Settings.defaultZone = zone; // as n8n's expression engine does for the workflow
		const luxon = DateTime.fromISO('1988-03-14');
		expect(calendarDateOf(moment('1988-03-14'), zone)).toBe('1988-03-14');
		expect(calendarDateOf(moment('1988-03-14T00:00:00'), zone)).toBe('1988-03-14');
		expect(calendarDateOf(moment(luxon), zone)).toBe('1988-03-14');
		expect(calendarDateOf(moment(luxon.toString()), zone)).toBe('1988-03-14');
		expect(calendarDateOf(moment('1985-06-30T00:00:00+10:00'), zone)).toBe('1985-06-30');
	});

	it.each(ZONES)('$today and $today.plus({days: 1}) are today and tomorrow in the workflow zone (%s)', (zone) => {
		Settings.defaultZone = zone;
		const today = DateTime.now().set({ hour: 0, minute: 0, second: 0, millisecond: 0 });
		const now = Date.now();
		expect(calendarDateOf(moment(today), zone)).toBe(calendarIn(zone, now));
		const tomorrow = new Date(Date.parse(`${calendarIn(zone, now)}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
		expect(calendarDateOf(moment(today.plus({ days: 1 })), zone)).toBe(tomorrow);
	});

	it('an evening value in New York is that evening\'s date, whatever the workflow zone', () => {
		const evening = DateTime.fromISO('2027-03-20T21:00', { zone: 'America/New_York' });
		for (const zone of ZONES) expect(calendarDateOf(moment(evening), zone)).toBe('2027-03-20');
	});

	it('a bare instant (epoch, JS Date) takes its date in the workflow zone', () => {
		const at = Date.UTC(2027, 2, 19, 20); // 07:00 on the 20th in Sydney, 16:00 on the 19th in New York
		expect(calendarDateOf(moment(at), 'Australia/Sydney')).toBe('2027-03-20');
		expect(calendarDateOf(moment(new Date(at)), 'America/New_York')).toBe('2027-03-19');
	});
});

describe('date-times without an offset are wall-clock times in the workflow zone', () => {
	it('reads the picker\'s value in the zone, with the offset of its own date', () => {
		expect(instantOf(moment('2026-12-10T15:00:00'), 'Australia/Sydney')).toBe(Date.UTC(2026, 11, 10, 4)); // AEDT +11
		expect(instantOf(moment('2026-06-10T15:00:00'), 'Australia/Sydney')).toBe(Date.UTC(2026, 5, 10, 5)); // AEST +10
		expect(instantOf(moment('2026-12-10T15:00:00'), 'Australia/Adelaide')).toBe(Date.UTC(2026, 11, 10, 4, 30)); // +10:30
		expect(instantOf(moment('2026-12-10T15:00:00'), 'Asia/Kolkata')).toBe(Date.UTC(2026, 11, 10, 9, 30));
		expect(instantOf(moment('2026-12-10T15:00:00'), 'America/New_York')).toBe(Date.UTC(2026, 11, 10, 20));
		expect(instantOf(moment('2026-12-10'), 'Australia/Sydney')).toBe(Date.UTC(2026, 11, 9, 13)); // a date: 00:00 there
		// with an offset the instant is kept, whatever the zone
		expect(instantOf(moment('2026-12-10T15:00:00+05:30'), 'Australia/Sydney')).toBe(Date.UTC(2026, 11, 10, 9, 30));
	});

	it('a skipped reading moves forward by the gap; a repeated one is the first occurrence', () => {
		// Sydney 2026-10-04: 02:00 AEST → 03:00 AEDT
		expect(isoInZone(wallToInstant(Date.UTC(2026, 9, 4, 2, 30), 'Australia/Sydney'), 'Australia/Sydney')).toBe('2026-10-04T03:30:00+11:00');
		// Sydney 2026-04-05: 03:00 AEDT → 02:00 AEST; 02:30 happens twice
		expect(isoInZone(wallToInstant(Date.UTC(2026, 3, 5, 2, 30), 'Australia/Sydney'), 'Australia/Sydney')).toBe('2026-04-05T02:30:00+11:00');
		// New York 2026-11-01: 01:30 happens twice
		expect(isoInZone(wallToInstant(Date.UTC(2026, 10, 1, 1, 30), 'America/New_York'), 'America/New_York')).toBe('2026-11-01T01:30:00-04:00');
		// New York 2026-03-08: 02:30 does not exist
		expect(isoInZone(wallToInstant(Date.UTC(2026, 2, 8, 2, 30), 'America/New_York'), 'America/New_York')).toBe('2026-03-08T03:30:00-04:00');
	});

	it('round-trips every instant through its wall-clock reading (first occurrence in a repeated hour)', () => {
		const zones = [...ZONES, 'Asia/Kathmandu', 'Pacific/Chatham', 'Europe/London', 'America/St_Johns', 'Pacific/Apia'];
		fc.assert(
			fc.property(fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (at, zone) => {
				const offset = offsetAt(zone, at);
				const wall = at + offset * 60_000;
				const back = wallToInstant(wall, zone);
				expect(back).toBeLessThanOrEqual(at);
				expect(clockText(back, offsetAt(zone, back))).toBe(clockText(at, offset));
			}),
		);
	});
});

describe('the host clock zone (TZ) changes nothing', () => {
	// the same readings in processes whose clock zone is east, west and half an hour off UTC
	const script = `
		const t = require(${JSON.stringify(join(__dirname, '..', '..', '..', 'package', 'nodes', 'shared', 'time.ts'))});
		const m = (v) => t.readMoment(v);
		console.log(JSON.stringify([
			t.instantOf(m('2026-12-10T15:00:00'), 'Asia/Kolkata'),
			t.calendarDateOf(m(Date.UTC(2027, 2, 19, 20)), 'America/New_York'),
			t.calendarDateOf(m('1988-03-14T00:00:00'), 'Australia/Sydney'),
			t.serviceInstant('2026-03-01T10:00:05'),
			t.isoInZone(Date.UTC(2026, 11, 10, 4, 30), 'Australia/Adelaide'),
			new Date(Date.UTC(2026, 0, 1)).getTimezoneOffset(),
		]));`;
	const run = (tz: string) =>
		JSON.parse(execFileSync(join(__dirname, '..', '..', '..', 'node_modules', '.bin', 'tsx'), ['-e', script], { env: { ...process.env, TZ: tz } }).toString()) as unknown[];

	it('gives the same results with TZ east, west and half an hour off UTC', () => {
		const expected = [Date.UTC(2026, 11, 10, 9, 30), '2027-03-19', '1988-03-14', Date.UTC(2026, 2, 1, 10, 0, 5), '2026-12-10T15:00:00+10:30'];
		for (const [tz, hostOffset] of [['Australia/Sydney', -660], ['America/Los_Angeles', 480], ['Asia/Kolkata', -330]] as const) {
			expect(run(tz)).toEqual([...expected, hostOffset]); // the last value shows the host zone really changed
		}
	});
});

describe('outputs and helpers', () => {
	it('writes ISO instants with their offset', () => {
		expect(isoAt(Date.UTC(2026, 11, 10, 4), 660)).toBe('2026-12-10T15:00:00+11:00');
		expect(isoAt(Date.UTC(2026, 11, 10, 4, 0, 0, 5), -330)).toBe('2026-12-09T22:30:00.005-05:30');
		expect(isoAt(Date.UTC(2026, 11, 10, 4), 0)).toBe('2026-12-10T04:00:00Z');
		expect(isoInZone(Date.UTC(2026, 11, 10, 4, 30), 'Australia/Adelaide')).toBe('2026-12-10T15:00:00+10:30');
	});

	it('reads service timestamps as UTC when they carry no offset, never in the host zone', () => {
		expect(serviceInstant('2026-05-01T10:00:00.000Z')).toBe(Date.UTC(2026, 4, 1, 10));
		expect(serviceInstant('2026-05-01T10:00:00')).toBe(Date.UTC(2026, 4, 1, 10));
		expect(serviceInstant(1777629600000)).toBe(1777629600000);
		expect(serviceInstant('soon')).toBeNaN();
	});

	it('takes the workflow zone from n8n\'s getTimezone()', () => {
		expect(workflowTimeZone({ getTimezone: () => 'Australia/Adelaide' })).toBe('Australia/Adelaide');
		expect(workflowTimeZone({})).toBe('UTC');
	});

	it('names the workflow setting when the workflow zone is not a zone', () => {
		expect(() => instantOf(moment('2026-12-10T15:00:00'), 'DEFAULT')).toThrow(/workflow's time zone "DEFAULT" is not a known time zone/);
	});
});
