/**
 * Reading request parameters the way Tookan does: numbers or numeric strings, flags as 0/1,
 * id lists as arrays or comma-separated strings, nested arrays as JSON (or JSON text in form bodies).
 * A required value that is absent throws status 100 naming it; a malformed value throws status 201.
 */
import { invalid, missing } from './errors';
import { parseDay } from './time';

export type Raw = Record<string, unknown>;

const isAbsent = (v: unknown): boolean =>
	v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

function toInt(name: string, v: unknown): number {
	const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : NaN;
	if (!Number.isInteger(n)) throw invalid(`Invalid ${name}`);
	return n;
}

function toNumber(name: string, v: unknown): number {
	const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : NaN;
	if (!Number.isFinite(n)) throw invalid(`Invalid ${name}`);
	return n;
}

function toList(v: unknown): unknown[] {
	if (Array.isArray(v)) return v;
	if (typeof v === 'string') return v.split(',').map((s) => s.trim()).filter((s) => s !== '');
	return [v];
}

export class Params {
	/** `prefix` names where the values sit in error messages, e.g. `pickups[0].`. */
	constructor(
		readonly raw: Raw,
		readonly prefix = '',
	) {}

	has(name: string): boolean {
		return !isAbsent(this.raw[name]);
	}

	need(name: string): unknown {
		if (!this.has(name)) throw missing(this.prefix + name);
		return this.raw[name];
	}

	str(name: string, fallback = ''): string {
		const v = this.raw[name];
		if (isAbsent(v)) return fallback;
		return typeof v === 'object' ? JSON.stringify(v) : String(v);
	}

	needStr(name: string): string {
		this.need(name);
		return this.str(name);
	}

	int(name: string): number {
		return toInt(this.prefix + name, this.need(name));
	}

	optInt(name: string): number | undefined {
		return this.has(name) ? toInt(this.prefix + name, this.raw[name]) : undefined;
	}

	num(name: string): number {
		return toNumber(this.prefix + name, this.need(name));
	}

	optNum(name: string): number | undefined {
		return this.has(name) ? toNumber(this.prefix + name, this.raw[name]) : undefined;
	}

	flag(name: string): 0 | 1 {
		const v = this.raw[name];
		if (isAbsent(v) || v === false || v === 'false') return 0;
		if (v === true || v === 'true') return 1;
		return toInt(this.prefix + name, v) === 0 ? 0 : 1;
	}

	ints(name: string): number[] {
		return this.has(name) ? toList(this.raw[name]).map((v) => toInt(this.prefix + name, v)) : [];
	}

	needInts(name: string): number[] {
		this.need(name);
		return this.ints(name);
	}

	strs(name: string): string[] {
		return this.has(name) ? toList(this.raw[name]).map((v) => String(v)) : [];
	}

	/** An array of objects; JSON text is accepted (form bodies carry arrays that way). */
	objects(name: string): Raw[] {
		if (!this.has(name)) return [];
		let v = this.raw[name];
		if (typeof v === 'string') {
			try {
				v = JSON.parse(v);
			} catch {
				throw invalid(`Invalid ${this.prefix}${name}`);
			}
		}
		const list = Array.isArray(v) ? v : [v];
		if (!list.every((item) => item !== null && typeof item === 'object' && !Array.isArray(item))) {
			throw invalid(`Invalid ${this.prefix}${name}`);
		}
		return list as Raw[];
	}

	/** A `YYYY-MM-DD` date as the epoch millisecond of its midnight (UTC calendar). */
	day(name: string): number {
		const ms = parseDay(this.needStr(name));
		if (ms === null) throw invalid(`Invalid ${this.prefix}${name}, expected YYYY-MM-DD`);
		return ms;
	}

	optDay(name: string): number | undefined {
		return this.has(name) ? this.day(name) : undefined;
	}
}
