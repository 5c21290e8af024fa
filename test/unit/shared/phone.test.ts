/**
 * Phone numbers as people write them in different countries (package/nodes/shared/phone.ts), through the phone
 * parser every GHL and Tookan phone field uses: E.164 out, extensions apart, non-phones refused with the
 * value named.
 */
import * as parse from '../../../package/nodes/shared/parse';
import { readPhone } from '../../../package/nodes/shared/phone';

/** [country, written, E.164] */
const WRITTEN: Array<[string, string, string]> = [
	['United Kingdom', '+44 (0)161 496 0123', '+441614960123'],
	['United Kingdom', '+44 0161 496 0123', '+441614960123'],
	['United Kingdom', '0044 20 7946 0958', '+442079460958'],
	['United Kingdom', '011 44 20 7946 0958', '+442079460958'],
	['United States', '+1 (415) 555-0123', '+14155550123'],
	['United States', '+1.415.555.0123', '+14155550123'],
	['United States', 'tel:+1-415-555-0123', '+14155550123'],
	['Canada', '+1 604 555 0199', '+16045550199'],
	['Germany', '+49 (0)30 1234567', '+49301234567'],
	['Germany', '0049 (0)89 / 123 456 78', '+498912345678'],
	['France', '+33 (0)1 23 45 67 89', '+33123456789'],
	['France', '+33 6 12 34 56 78', '+33612345678'],
	['Spain', '+34 612 34 56 78', '+34612345678'],
	['Italy', '+39 06 1234 5678', '+390612345678'],
	['Italy', '+39 (0)6 1234 5678', '+390612345678'],
	['Italy (mobile)', '+39 312 345 6789', '+393123456789'],
	['Netherlands', '+31 (0)20 123 4567', '+31201234567'],
	['Switzerland', '+41 (0)44 668 18 00', '+41446681800'],
	['Sweden', '+46 (0)8 123 456 78', '+46812345678'],
	['Norway', '+47 22 12 34 56', '+4722123456'],
	['Poland', '+48 12 345 67 89', '+48123456789'],
	['Ireland', '+353 (0)1 234 5678', '+35312345678'],
	['Portugal', '+351 912 345 678', '+351912345678'],
	['Australia', '+61 (0)2 9876 5432', '+61298765432'],
	['Australia', '0011 61 2 9876 5432', '+61298765432'],
	['New Zealand', '+64 (0)9 123 4567', '+6491234567'],
	['India', '+91 98765 43210', '+919876543210'],
	['India', '+91-98765-43210', '+919876543210'],
	['China', '+86 138 1234 5678', '+8613812345678'],
	['Japan', '+81 3-1234-5678', '+81312345678'],
	['Japan', '+81 (0)90 1234 5678', '+819012345678'],
	['South Korea', '+82 (0)2-1234-5678', '+82212345678'],
	['Singapore', '+65 6123 4567', '+6561234567'],
	['Indonesia', '+62 (0)21 1234 5678', '+622112345678'],
	['Philippines', '+63 (0)2 8123 4567', '+63281234567'],
	['Russia', '+7 (495) 123-45-67', '+74951234567'],
	['Turkey', '+90 (0)212 123 45 67', '+902121234567'],
	['Egypt', '+20 (0)2 1234 5678', '+20212345678'],
	['South Africa', '+27 (0)11 123 4567', '+27111234567'],
	['Nigeria', '+234 (0)803 123 4567', '+2348031234567'],
	['Kenya', '+254 712 345678', '+254712345678'],
	['United Arab Emirates', '+971 (0)4 123 4567', '+97141234567'],
	['Israel', '+972 (0)50-123-4567', '+972501234567'],
	['Brazil', '+55 (11) 91234-5678', '+5511912345678'],
	['Mexico', '+52 55 1234 5678', '+525512345678'],
	['Mexico (old mobile "1")', '+52 1 55 1234 5678', '+525512345678'],
	['Argentina', '+54 9 11 1234-5678', '+5491112345678'],
	['Chile', '+56 9 6123 4567', '+56961234567'],
	['Colombia', '+57 601 234 5678', '+576012345678'],
	['Hong Kong', '+852 2123 4567', '+85221234567'],
	['Bangladesh', '+880 1712-345678', '+8801712345678'],
	['Pakistan', '+92 (0)300 1234567', '+923001234567'],
	['Vietnam', '+84 (0)91 234 56 78', '+84912345678'],
];

describe('phone numbers written in different countries become E.164', () => {
	it('covers at least 40 countries (the issue asked for 20)', () => {
		expect(new Set(WRITTEN.map(([country]) => country.replace(/ \(.*\)$/, ''))).size).toBeGreaterThanOrEqual(40);
	});

	it.each(WRITTEN)('%s: %s', (_country, written, e164) => {
		expect(readPhone(written)).toEqual({ number: e164 });
		expect(parse.phone(written)).toBe(e164);
	});

	it('understands no-break and thin spaces, Unicode dashes and a bracketed "(+44)"', () => {
		expect(readPhone('+44\u00a020\u20097946\u20110958')).toEqual({ number: '+442079460958' });
		expect(readPhone('(+44) 20 7946 0958')).toEqual({ number: '+442079460958' });
	});
});

describe('extensions are kept apart, never glued to the number', () => {
	it.each([
		['+1 415 555 0123 ext. 45', '+14155550123', '45'],
		['+1 (415) 555-0123 x45', '+14155550123', '45'],
		['+1-415-555-0123;ext=45', '+14155550123', '45'],
		['+44 20 7946 0958 #123', '+442079460958', '123'],
		['+49 (0)30 1234567, extension 8', '+49301234567', '8'],
		['0044 20 7946 0958 Ext: 7', '+442079460958', '7'],
	])('%s', (written, number, extension) => {
		expect(readPhone(written)).toEqual({ number, extension });
		const kept: Record<string, string> = {};
		expect(parse.phone(written, { timeZone: 'UTC', aside: (group, value) => (kept[group] = value) })).toBe(number);
		expect(kept).toEqual({ phoneExtensions: extension });
	});
});

describe('what cannot be a phone number is refused, naming the value', () => {
	it.each([
		['020 7946 0958', /with its country code.*"020 7946 0958", which has none/],
		['415 555 0123', /with its country code/],
		['011 555 1234', /with its country code/], // Johannesburg, written nationally: not "011" + a Brazilian number
		['+1 123 555 0123', /country code \+1 .*area code not starting with 0 or 1/],
		['+15550100', /country code \+1 \(10 digits/],
		['+999 1234 5678', /no known country code.*"\+999 1234 5678"/],
		['+44 20 7946 0958 1234', /country code \+44 \(7 to 10 digits/],
		['+33 1 23 45', /country code \+33 \(9 digits/],
		['+1 415 555 CALL', /contains letters/],
		['call me', /contains letters/],
		['n/a', /contains letters/],
		['ann@example.com', /contains letters/],
		['+', /not a phone number/],
		['+44 20 +7946', /a "\+" only goes before the country code/],
		['+0123', /no known country code/],
	])('%s', (written, problem) => {
		const reading = readPhone(written);
		expect('problem' in reading && reading.problem).toMatch(problem);
		expect(() => parse.phone(written)).toThrow(parse.FieldError);
	});
});
