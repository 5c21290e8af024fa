/** Tookan time rules as pure functions: offsets in minutes (UTC − local) and local `YYYY-MM-DD HH:mm:ss`. */
import fc from 'fast-check';
import { formatDisplay, formatLocal, NOT_SET, parseDay, parseLocal, parseTimezone } from '../../sandbox/tookan/time';

test('IST (-330) and EST (300) read local times into the right UTC instant', () => {
	expect(parseLocal('2025-03-10 18:30:00', -330)).toBe(Date.UTC(2025, 2, 10, 13, 0, 0));
	expect(parseLocal('2025-03-10 18:30:00', 300)).toBe(Date.UTC(2025, 2, 10, 23, 30, 0));
	expect(parseLocal('2025-03-10 18:30', 0)).toBe(Date.UTC(2025, 2, 10, 18, 30, 0));
});

test('the offset has the sign of Date.prototype.getTimezoneOffset', () => {
	const local = new Date(2025, 0, 15, 9, 45, 0);
	expect(parseLocal('2025-01-15 09:45:00', local.getTimezoneOffset())).toBe(local.getTime());
});

test.each(['2025-02-29 10:00:00', '2025-13-01 10:00:00', '2025-01-01 24:00:00', '2025-01-01 10:60:00', '01/15/2025 10:00:00', '', 'now'])(
	'%p is not a valid task time',
	(text) => expect(parseLocal(text, 0)).toBeNull(),
);

test('any valid local time survives parse → format for any valid offset', () => {
	const stamp = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T23:59:59Z'), noInvalidDate: true });
	fc.assert(
		fc.property(stamp, fc.integer({ min: -840, max: 720 }), (d, tz) => {
			const text = d.toISOString().slice(0, 19).replace('T', ' ');
			const utc = parseLocal(text, tz);
			const wholeSeconds = Math.floor(d.getTime() / 1000) * 1000;
			return utc !== null && formatLocal(utc, tz) === text && utc - wholeSeconds === tz * 60_000;
		}),
	);
});

test('timezones are whole minutes from -840 to 720, as numbers or strings', () => {
	expect([parseTimezone(-330), parseTimezone('300'), parseTimezone(720), parseTimezone(-840)]).toEqual([-330, 300, 720, -840]);
	expect([parseTimezone(721), parseTimezone('-841'), parseTimezone(1.5), parseTimezone('IST'), parseTimezone('')]).toEqual([null, null, null, null, null]);
});

test('dates, the not-set placeholder and display strings', () => {
	expect(parseDay('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
	expect(parseDay('2025-02-29')).toBeNull();
	expect(formatLocal(null, 0)).toBe(NOT_SET);
	expect(formatDisplay(Date.UTC(2019, 9, 11, 9, 27, 0), -330)).toBe('11 Oct 2019 02:57 pm');
	expect(formatDisplay(Date.UTC(2019, 9, 11, 0, 5, 0), 0)).toBe('11 Oct 2019 12:05 am');
});
