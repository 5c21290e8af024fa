import * as parse from '../../../package/nodes/shared/parse';

describe('parameter parsers', () => {
	it('normalises common phone formats to E.164, keeps an extension apart and refuses numbers without a country code', () => {
		expect(parse.phone('+1 (415) 555-0123')).toBe('+14155550123');
		expect(parse.phone('0044 20 7946 0958')).toBe('+442079460958');
		expect(parse.phone('+44.20.7946.0958')).toBe('+442079460958');
		const kept: Array<[string, string, string | undefined]> = [];
		const context = { timeZone: 'UTC', aside: (group: string, value: string, within?: string) => kept.push([group, value, within]) };
		expect(parse.phone('+44 (0)161 496 0123 ext. 45', context)).toBe('+441614960123');
		expect(kept).toEqual([['phoneExtensions', '45', undefined]]);
		expect(() => parse.phone('415 555 0123')).toThrow(/with its country code/);
		expect(() => parse.phone('+0123')).toThrow(parse.FieldError);
		expect(parse.phone('')).toBeUndefined();
	});

	it('accepts plausible emails and names the bad value', () => {
		expect(parse.email(' ann@example.com ')).toBe('ann@example.com');
		expect(() => parse.email('ann@example')).toThrow('is not a valid email address: "ann@example"');
		expect(() => parse.email('ann example.com')).toThrow(parse.FieldError);
	});

	it('refuses IDs that would change the URL path', () => {
		expect(parse.id('abc123')).toBe('abc123');
		for (const bad of ['a/b', 'a b', 'a?b', 'a#b', '../x', '%2F']) {
			expect(() => parse.id(bad)).toThrow(/not a valid ID/);
		}
	});

	it('reads dates from ISO text, epoch values and Luxon-like objects; a time without offset in the workflow zone', () => {
		const utc = { timeZone: 'UTC' };
		const sydney = { timeZone: 'Australia/Sydney' };
		expect(parse.dateTime('2026-05-01T10:00:00+02:00', sydney)).toBe('2026-05-01T08:00:00.000Z');
		expect(parse.dateTime(1777629600000, sydney)).toBe(new Date(1777629600000).toISOString());
		expect(parse.dateTime({ toISO: () => '2026-05-01T10:00:00.000Z' }, sydney)).toBe('2026-05-01T10:00:00.000Z');
		// the date picker's value has no offset: it is a Sydney wall-clock time (AEDT, +11:00, in December)
		expect(parse.dateTime('2026-12-10T15:00:00', sydney)).toBe('2026-12-10T04:00:00.000Z');
		expect(parse.dateTime('2026-12-10T15:00:00', utc)).toBe('2026-12-10T15:00:00.000Z');
		expect(parse.date('2026-05-01', sydney)).toBe('2026-05-01');
		expect(parse.date('2026-05-01T23:00:00Z', sydney)).toBe('2026-05-01');
		expect(parse.date('1985-06-30T00:00:00+10:00', utc)).toBe('1985-06-30');
		expect(parse.date({ toISO: () => '1988-03-14T00:00:00.000+11:00' }, utc)).toBe('1988-03-14');
		expect(() => parse.dateTime('tomorrow', utc)).toThrow(/date and time/);
		expect(() => parse.date('01/05/2026', utc)).toThrow(/date such as/);
		expect(() => parse.date('2026-05-01', undefined)).toThrow(/parse context/);
	});

	it('checks enums, numbers, booleans, lists and JSON', () => {
		expect(parse.oneOf(['add', 'remove'])('add')).toBe('add');
		expect(() => parse.oneOf(['add', 'remove'])('drop')).toThrow('must be one of add, remove; got "drop"');
		expect(parse.number({ min: 1, integer: true })('5')).toBe(5);
		expect(() => parse.number({ min: 1 })(0)).toThrow('must be at least 1');
		expect(() => parse.number({ integer: true })(1.5)).toThrow('whole number');
		expect(parse.boolean('yes')).toBe(true);
		expect(() => parse.boolean('maybe')).toThrow(parse.FieldError);
		expect(parse.list()('a, b,,c')).toEqual(['a', 'b', 'c']);
		expect(parse.list(parse.email)(['x@example.com'])).toEqual(['x@example.com']);
		expect(() => parse.list(parse.email)('x@example.com, nope')).toThrow(/nope/);
		expect(parse.json('array')('[1,2]')).toEqual([1, 2]);
		expect(() => parse.json('object')('[1]')).toThrow('must be a JSON object');
		expect(() => parse.json()('{nope')).toThrow(/not valid JSON/);
	});
});
