/**
 * Tookan time rules. `timezone` is in minutes, UTC − local (IST = -330, EST = 300), the same sign as
 * JavaScript's getTimezoneOffset(). Task times travel as local `YYYY-MM-DD HH:mm:ss` strings and are
 * stored as UTC epoch milliseconds.
 */
export const DAY_MS = 86_400_000;
export const NOT_SET = '0000-00-00 00:00:00';

const LOCAL_RE = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{1,2}))?$/;
const DAY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const pad = (n: number): string => (n < 10 ? `0${n}` : String(n));
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The UTC epoch ms of a calendar date and time, or null when the fields do not form a real date. */
function calendar(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number | null {
	if (h > 23 || mi > 59 || s > 59) return null;
	const ms = Date.UTC(y, mo - 1, d, h, mi, s);
	const back = new Date(ms);
	return back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? ms : null;
}

/** A valid timezone offset in minutes (UTC−12:00 … UTC+14:00), or null. */
export function parseTimezone(v: unknown): number | null {
	const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
	return Number.isInteger(n) && n >= -840 && n <= 720 ? n : null;
}

/** `YYYY-MM-DD HH:mm[:ss]` local to `timezone` → UTC epoch ms, or null when unparseable. */
export function parseLocal(text: string, timezone: number): number | null {
	const m = LOCAL_RE.exec(text.trim());
	if (!m) return null;
	const [y, mo, d, h, mi, s] = m.slice(1).map((x) => (x === undefined ? 0 : Number(x)));
	const local = calendar(y, mo, d, h, mi, s);
	return local === null ? null : local + timezone * 60_000;
}

/** `YYYY-MM-DD` → epoch ms of that date's midnight in the UTC calendar, or null. */
export function parseDay(text: string): number | null {
	const m = DAY_RE.exec(text.trim());
	return m ? calendar(Number(m[1]), Number(m[2]), Number(m[3])) : null;
}

/** UTC epoch ms → `YYYY-MM-DD HH:mm:ss` local to `timezone`. */
export function formatLocal(ms: number | null, timezone: number): string {
	if (ms === null) return NOT_SET;
	const d = new Date(ms - timezone * 60_000);
	const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
	return `${date} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** UTC epoch ms → the local calendar date `YYYY-MM-DD`. */
export function localDay(ms: number, timezone: number): string {
	return formatLocal(ms, timezone).slice(0, 10);
}

/** Epoch ms → ISO-8601 UTC with milliseconds, as Tookan's `creation_datetime`. */
export function isoUtc(ms: number): string {
	return new Date(ms).toISOString();
}

/** A display string like `11 Oct 2019 02:57 pm`, as in webhook `*_formatted` fields. */
export function formatDisplay(ms: number | null, timezone: number): string {
	if (ms === null) return '';
	const d = new Date(ms - timezone * 60_000);
	const h = d.getUTCHours();
	const hour12 = h % 12 === 0 ? 12 : h % 12;
	return `${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(hour12)}:${pad(d.getUTCMinutes())} ${h < 12 ? 'am' : 'pm'}`;
}

/** Day-ms → `YYYY-MM-DD`. */
export function dayString(dayMs: number): string {
	return isoUtc(dayMs).slice(0, 10);
}
