/** Input normalisation GHL applies to contact fields. */

/** E.164-ish: keep a leading '+' and the digits; 10 bare digits are taken as a US number. */
export function normalizePhone(raw: string): string {
	const trimmed = raw.trim();
	if (trimmed === '') return '';
	const digits = trimmed.replace(/\D/g, '');
	if (trimmed.startsWith('+')) return `+${digits}`;
	if (digits.length === 10) return `+1${digits}`;
	return `+${digits}`;
}

const DOB_FORMATS: Array<[RegExp, (m: RegExpExecArray) => [string, string, string]]> = [
	[/^(\d{4})[-/._](\d{1,2})[-/._](\d{1,2})$/, (m) => [m[1], m[2], m[3]]],
	[/^(\d{1,2})[-/._](\d{1,2})[-/._](\d{4})$/, (m) => [m[3], m[1], m[2]]],
];

/**
 * dateOfBirth accepts YYYY/MM/DD, MM/DD/YYYY, YYYY-MM-DD, MM-DD-YYYY, YYYY.MM.DD, MM.DD.YYYY, YYYY_MM_DD,
 * MM_DD_YYYY (and full ISO timestamps); stored and returned as an ISO timestamp at midnight UTC.
 * Returns undefined when the value cannot be read as a date.
 */
export function parseDateOfBirth(raw: string): string | undefined {
	const value = raw.trim();
	for (const [pattern, parts] of DOB_FORMATS) {
		const match = pattern.exec(value);
		if (!match) continue;
		const [y, m, d] = parts(match).map(Number);
		const date = new Date(Date.UTC(y, m - 1, d));
		if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
		return date.toISOString();
	}
	const parsed = Date.parse(value);
	return Number.isNaN(parsed) || !/^\d{4}-\d{2}-\d{2}T/.test(value) ? undefined : new Date(parsed).toISOString();
}

export function normalizeTags(tags: string[]): string[] {
	const out: string[] = [];
	for (const tag of tags.map((t) => t.trim()).filter(Boolean)) if (!out.includes(tag)) out.push(tag);
	return out;
}
