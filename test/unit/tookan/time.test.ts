import fc from 'fast-check';

import { FieldError } from '../../../package/nodes/shared/parse';
import { dateWindows, localTime, offsetFor, taskInstant, taskTime, timeZoneName, withInstants, zoneOffset } from '../../../package/nodes/shared/tookan';

describe('zoneOffset: Tookan minutes are UTC − local', () => {
	it('is -330 for India and 0 for UTC', () => {
		expect(zoneOffset('Asia/Kolkata', Date.UTC(2025, 0, 15))).toBe(-330);
		expect(zoneOffset('UTC', Date.UTC(2025, 6, 1))).toBe(0);
	});

	it('follows daylight saving time at the given instant (New York 300 in winter, 240 in summer)', () => {
		expect(zoneOffset('America/New_York', Date.UTC(2025, 0, 15, 12))).toBe(300);
		expect(zoneOffset('America/New_York', Date.UTC(2025, 6, 15, 12))).toBe(240);
		expect(zoneOffset('Australia/Sydney', Date.UTC(2025, 0, 15))).toBe(-660);
		expect(zoneOffset('Australia/Sydney', Date.UTC(2025, 6, 15))).toBe(-600);
	});

	it('agrees with the runtime for random instants and zones', () => {
		const zones = ['Asia/Kolkata', 'America/Los_Angeles', 'Europe/Berlin', 'Asia/Kathmandu', 'Pacific/Chatham'];
		fc.assert(
			fc.property(fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }), fc.constantFrom(...zones), (at, zone) => {
				const minutes = zoneOffset(zone, at);
				const wall = localTime(at, minutes);
				const shown = new Intl.DateTimeFormat('sv-SE', {
					timeZone: zone,
					year: 'numeric',
					month: '2-digit',
					day: '2-digit',
					hour: '2-digit',
					minute: '2-digit',
					second: '2-digit',
					hourCycle: 'h23',
				}).format(new Date(at));
				expect(wall).toBe(shown);
			}),
		);
	});
});

describe('taskTime parser', () => {
	it('keeps a time without an offset as a wall-clock time (seconds added)', () => {
		expect(taskTime('2025-03-10 18:30')).toBe('2025-03-10 18:30:00');
		expect(taskTime('2025-03-10T18:30:15')).toBe('2025-03-10 18:30:15');
		expect(taskTime('2025-03-10')).toBe('2025-03-10 00:00:00');
	});

	it('turns instants (offset, Z, epoch, Date, Luxon-like DateTime) into UTC ISO', () => {
		expect(taskTime('2025-03-10T18:30:00+05:30')).toBe('2025-03-10T13:00:00.000Z');
		expect(taskTime('2025-03-10T13:00:00Z')).toBe('2025-03-10T13:00:00.000Z');
		expect(taskTime(Date.UTC(2025, 2, 10, 13))).toBe('2025-03-10T13:00:00.000Z');
		expect(taskTime(new Date(Date.UTC(2025, 2, 10, 13)))).toBe('2025-03-10T13:00:00.000Z');
		expect(taskTime({ toISO: () => '2025-03-10T08:00:00.000-05:00' })).toBe('2025-03-10T13:00:00.000Z');
	});

	it('refuses what is not a date and time, with the expected forms in the message', () => {
		expect(() => taskTime('tomorrow')).toThrow(FieldError);
		expect(() => taskTime('2025-02-30 10:00')).toThrow(/2026-05-01 14:30/);
		expect(() => taskTime('2025-03-10 25:00')).toThrow(FieldError);
		expect(taskTime('')).toBeUndefined();
	});
});

describe('taskInstant, offsetFor and localTime', () => {
	const ny = { zone: 'America/New_York' };
	const at = (time: string) => taskInstant(ny, time);

	it('gives the raw minutes unchanged, and reads wall-clock times with them', () => {
		expect(offsetFor({ minutes: 300 }, Date.UTC(2025, 6, 1))).toBe(300);
		expect(taskInstant({ minutes: 300 }, '2025-07-01 10:00:00')).toBe(Date.UTC(2025, 6, 1, 15));
		expect(localTime(Date.UTC(2025, 6, 1, 15), 300)).toBe('2025-07-01 10:00:00');
	});

	it('takes the zone offset at the task date, for instants and for wall-clock times', () => {
		expect(offsetFor(ny, at('2025-01-20 09:00:00'))).toBe(300);
		expect(offsetFor(ny, at('2025-07-20 09:00:00'))).toBe(240);
		expect(offsetFor(ny, at('2025-07-20T13:00:00.000Z'))).toBe(240);
		// 2025-03-09 in New York: DST starts at 02:00 local; 01:30 is still EST, 03:30 already EDT.
		expect(offsetFor(ny, at('2025-03-09 01:30:00'))).toBe(300);
		expect(offsetFor(ny, at('2025-03-09 03:30:00'))).toBe(240);
		// 02:30 does not exist that night: the clock shows 03:30 EDT
		expect(at('2025-03-09 02:30:00')).toBe(Date.UTC(2025, 2, 9, 7, 30));
	});

	it('writes every time of a task in the one offset it is sent with: across a DST change both keep their instants', () => {
		// pickup before, delivery after the change (New York, 2025-11-02 02:00 EDT → 01:00 EST)
		const pickup = at('2025-11-01 20:00:00');
		const delivery = at('2025-11-02 10:00:00');
		const minutes = offsetFor(ny, pickup);
		expect(minutes).toBe(240);
		expect(localTime(pickup, minutes)).toBe('2025-11-01 20:00:00');
		// 10:00 EST is 11:00 at the pickup's offset (EDT): Tookan reading it with 240 gets 15:00 UTC, the right instant
		expect(localTime(delivery, minutes)).toBe('2025-11-02 11:00:00');
		expect(delivery).toBe(Date.UTC(2025, 10, 2, 15));
	});

	it('converts an instant to the local time of the offset', () => {
		expect(localTime(Date.UTC(2025, 2, 10, 13), -330)).toBe('2025-03-10 18:30:00');
	});
});

describe('withInstants: ISO instants beside the local times of task and agent records', () => {
	it('reads each local time with the record\'s own timezone (sign opposite to ISO) and job_time from job_time_utc', () => {
		const task = withInstants({
			job_id: 1,
			job_pickup_datetime: '2026-10-03 20:00:00',
			job_delivery_datetime: '2026-10-04 11:00:00',
			started_datetime: '2026-10-03 19:5:7',
			completed_datetime: '0000-00-00 00:00:00',
			job_time: '2026-10-04 11:00:00',
			job_time_utc: '2026-10-04T00:00:00.000Z',
			timezone: '-600',
		});
		expect(task).toEqual({
			job_id: 1,
			job_pickup_datetime: '2026-10-03 20:00:00',
			job_pickup_datetime_iso: '2026-10-03T20:00:00+10:00',
			job_delivery_datetime: '2026-10-04 11:00:00',
			job_delivery_datetime_iso: '2026-10-04T11:00:00+10:00',
			started_datetime: '2026-10-03 19:5:7',
			started_datetime_iso: '2026-10-03T19:05:07+10:00',
			completed_datetime: '0000-00-00 00:00:00',
			job_time: '2026-10-04 11:00:00',
			job_time_iso: '2026-10-04T10:00:00+10:00',
			job_time_utc: '2026-10-04T00:00:00.000Z',
			timezone: '-600',
		});
		expect(withInstants({ location_update_datetime: '2026-01-05 09:30:00', timezone: -330 })).toEqual({
			location_update_datetime: '2026-01-05 09:30:00',
			location_update_datetime_iso: '2026-01-05T09:30:00+05:30',
			timezone: -330,
		});
		expect(withInstants({ job_delivery_datetime: '10/17/2019 02:50 pm', timezone: '300' }).job_delivery_datetime_iso).toBe(
			'2019-10-17T14:50:00-05:00',
		);
	});

	it('leaves records without a usable timezone as they are', () => {
		const record = { job_pickup_datetime: '2026-10-03 20:00:00' };
		expect(withInstants(record)).toBe(record);
		expect(withInstants({ ...record, timezone: 'Asia/Kolkata' })).toEqual({ ...record, timezone: 'Asia/Kolkata' });
	});
});

describe('timeZoneName parser', () => {
	it('accepts IANA names and refuses unknown ones', () => {
		expect(timeZoneName('Asia/Kolkata')).toBe('Asia/Kolkata');
		expect(() => timeZoneName('Mars/Olympus')).toThrow(/not a known time zone/);
		expect(timeZoneName('')).toBeUndefined();
	});
});

describe('dateWindows: get_all_tasks takes at most 31 days per request', () => {
	it('keeps a short range whole and splits a long one into 31-day windows', () => {
		expect(dateWindows('2025-03-01', '2025-03-31')).toEqual([{ start: '2025-03-01', end: '2025-03-31' }]);
		expect(dateWindows('2025-01-01', '2025-03-15')).toEqual([
			{ start: '2025-01-01', end: '2025-01-31' },
			{ start: '2025-02-01', end: '2025-03-03' },
			{ start: '2025-03-04', end: '2025-03-15' },
		]);
	});

	it('refuses an end before the start', () => {
		expect(() => dateWindows('2025-03-10', '2025-03-09')).toThrow(FieldError);
	});

	it('covers any range exactly: contiguous windows of 1 to 31 days from start to end', () => {
		const day = 86_400_000;
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 400 }), (offset, length) => {
				const first = Date.UTC(1990, 0, 1) + offset * day;
				const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
				const windows = dateWindows(iso(first), iso(first + length * day));
				expect(windows[0].start).toBe(iso(first));
				expect(windows[windows.length - 1].end).toBe(iso(first + length * day));
				windows.forEach((window, i) => {
					const span = (Date.parse(window.end) - Date.parse(window.start)) / day + 1;
					expect(span).toBeGreaterThanOrEqual(1);
					expect(span).toBeLessThanOrEqual(31);
					if (i > 0) expect(Date.parse(window.start) - Date.parse(windows[i - 1].end)).toBe(day);
				});
			}),
		);
	});
});
