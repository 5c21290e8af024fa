/**
 * Reading phone numbers as people write them into E.164 (`+` country code + national number, at most 15
 * digits). Understood: spaces, dots, dashes, slashes and brackets; a national trunk prefix in brackets or
 * after the country code (`+44 (0)161 496 0123`, `+44 0161 …`); the international access prefixes `00`,
 * `011` (North America) and `0011` (Australia); `tel:`; an extension at the end (`ext. 12`, `x12`, `#12`,
 * `;ext=12`), returned apart. Refused: a number without a country code (it would be a guess), letters, an
 * unassigned country code, or a length that country's numbers never have.
 */

/**
 * Assigned country calling codes (ITU-T E.164) with the lengths of their national significant numbers
 * where they are well known (`min-max`); other codes allow 4 to 15 − code length digits.
 */
const CODES =
	'1:10 7:10 20:8-10 27:9 30:10 31:9 32:8-9 33:9 34:9 36:8-9 39:6-11 40:9 41:9 43:4-13 44:7-10 45:8 46:7-10 47:8 ' +
	'48:9 49:5-13 51:8-9 52:10 53:8 54:10-11 55:10-11 56:9 57:8-10 58:10 60:8-10 61:9 62:8-12 63:8-10 64:8-10 65:8 ' +
	'66:8-9 81:9-10 82:8-10 84:9-10 86:8-11 90:10 91:10 92:9-10 93:9 94:9 95:7-10 98:10 ' +
	'211 212:9 213:8-9 216:8 218:8-9 220 221:9 222:8 223:8 224:8-9 225:8-10 226:8 227:8 228:8 229:8-10 230:7-8 231 ' +
	'232:8 233:9 234:8-10 235:8 236:8 237:9 238:7 239:7 240:9 241:7-9 242:9 243:9 244:9 245:7-9 246 247 248:7 249:9 ' +
	'250:9 251:9 252:7-9 253:8 254:9 255:9 256:9 257:8 258:8-9 260:9 261:9 262:9 263:9 264:8-9 265:7-9 266:8 267:7-8 ' +
	'268:8 269:7 290 291:7 297:7 298:6 299:6 350:8 351:9 352:4-11 353:7-9 354:7-9 355:8-9 356:8 357:8 358:5-12 ' +
	'359:8-9 370:8 371:8 372:7-8 373:8 374:8 375:9 376:6-9 377:8-9 378:6-10 379 380:9 381:8-9 382:8 383:8 385:8-9 ' +
	'386:8 387:8-9 389:8 420:9 421:9 423:7-9 500 501:7 502:8 503:8 504:8 505:8 506:8 507:7-8 508:6 509:8 590:9 591:8 ' +
	'592:7 593:8-9 594:9 595:9 596:9 597:6-7 598:8 599:7-8 670:7-8 672 673:7 674:7 675:7-8 676:5-7 677:5-7 678:5-7 ' +
	'679:7 680:7 681:6 682:5 683:4-7 685:5-7 686:5-8 687:6 688:5-6 689:6-8 690:4-7 691:7 692:7 800:8 808:8 850 ' +
	'852:8 853:8 855:8-9 856:8-10 870:9 878 880:8-10 881 882 883 886:8-9 888 960:7 961:7-8 962:8-9 963:9 964:8-10 ' +
	'965:8 966:8-9 967:7-9 968:8 970:8-9 971:8-9 972:8-9 973:8 974:8 975:7-8 976:8 977:8-10 979:9 992:9 993:8 ' +
	'994:9 995:9 996:9 998:9';

interface Country {
	min: number;
	max: number;
}

const COUNTRIES = new Map<string, Country>(
	CODES.split(' ').map((entry) => {
		const [code, range] = entry.split(':');
		const [min, max] = range ? range.split('-').map(Number) : [4, 15 - code.length];
		return [code, { min, max: max ?? min }];
	}),
);

/** Countries whose national numbers may begin with 0 (Italy's landlines keep it in international format). */
const ZERO_IS_PART = new Set(['39', '225', '241', '242', '378', '379']);

export type PhoneReading = { number: string; extension?: string } | { problem: string };

const EXTENSION = /^(.*?)\s*(?:[,;]\s*)?(?:ext(?:ension)?|x|#)\s*[.:=]?\s*(\d{1,10})$/i;
/** Separators people write between digit groups (incl. no-break and thin spaces, Unicode dashes). */
const SEPARATORS = /[\s.\-/\u00a0\u2009\u202f\u2010-\u2015\u2212]/g;

const shown = (raw: string) => `"${raw.length > 60 ? `${raw.slice(0, 57)}...` : raw}"`;

function countryCodeOf(digits: string): string | undefined {
	for (const length of [1, 2, 3]) {
		const code = digits.slice(0, length);
		if (COUNTRIES.has(code)) return code;
	}
	return undefined;
}

/** Checks an international number (digits after `+`); `trunk`: a `(0)` was written after the country code. */
function international(digits: string, trunk: boolean, raw: string): PhoneReading {
	const code = countryCodeOf(digits);
	if (!code) return { problem: `has no known country code after the "+": ${shown(raw)}` };
	let national = digits.slice(code.length);
	if (trunk && ZERO_IS_PART.has(code)) national = `0${national}`;
	// a national trunk 0 written after the country code ("+44 0161 …") is not dialled from abroad
	if (national.startsWith('0') && !ZERO_IS_PART.has(code)) national = national.slice(1);
	// Mexico dropped the "1" of mobile numbers in 2019; numbers written with it still reach the same line
	if (code === '52' && national.length === 11 && national.startsWith('1')) national = national.slice(1);
	const country = COUNTRIES.get(code) as Country;
	const valid =
		national.length >= country.min &&
		national.length <= country.max &&
		code.length + national.length <= 15 &&
		(code !== '1' || /^[2-9]/.test(national));
	if (!valid) {
		const length = country.min === country.max ? `${country.min}` : `${country.min} to ${country.max}`;
		return {
			problem: `is not a phone number of country code +${code} (${length} digits after the country code${code === '1' ? ', the area code not starting with 0 or 1' : ''}): ${shown(raw)}`,
		};
	}
	return { number: `+${code}${national}` };
}

/** Reads one written phone number; see the module comment. */
export function readPhone(raw: string): PhoneReading {
	const text = raw.trim().replace(/^tel:/i, '');
	const ext = EXTENSION.exec(text);
	const body = ext ? ext[1] : text;
	if (/[a-z]/i.test(body)) return { problem: `is not a phone number (it contains letters): ${shown(raw)}` };
	if (!/^[\s\d+().\-/\u00a0\u2009\u202f\u2010-\u2015\u2212]+$/.test(body) || !/\d/.test(body)) {
		return { problem: `is not a phone number: ${shown(raw)}` };
	}
	// "(+44) 20 …" is "+44 20 …"; a "(0)" is a trunk prefix, dialled only at home
	const unwrapped = body.replace(/^\(\s*(\+?\d{1,4})\s*\)/, '$1');
	const trunk = /\(\s*0\s*\)/.test(unwrapped);
	const compact = unwrapped.replace(/\(\s*0\s*\)/g, '').replace(/[()]/g, '').replace(SEPARATORS, '');
	if (!/^\+?\d+$/.test(compact)) return { problem: `is not a phone number (a "+" only goes before the country code): ${shown(raw)}` };
	const extension = ext ? ext[2] : undefined;
	const withExtension = (reading: PhoneReading): PhoneReading =>
		'number' in reading && extension ? { ...reading, extension } : reading;

	if (compact.startsWith('+')) return withExtension(international(compact.slice(1), trunk, raw));
	// international access prefixes: 0011 (Australia), 011 (North America), 00 (most others)
	const candidates = ['0011', '011', '00'].filter((prefix) => compact.startsWith(prefix)).map((prefix) => compact.slice(prefix.length));
	const readings = candidates.filter((rest) => !rest.startsWith('0')).map((rest) => international(rest, trunk, raw));
	const found = readings.find((reading) => 'number' in reading);
	if (found) return withExtension(found);
	if (readings.length && compact.startsWith('00')) return readings[readings.length - 1];
	return {
		problem: `must be a phone number with its country code, e.g. +14155550123 or +44 161 496 0123 (got ${shown(raw)}, which has none)`,
	};
}
