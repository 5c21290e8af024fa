/** Value checks for Tookan parameters: numeric ids, 0/1 flags and comma-separated lists. */
import * as parse from '../parse';
import { FieldError, isEmpty, quote } from '../parse';
import type { Parser } from '../types';

/** Tookan ids (job, fleet, team, customer, ...) are numbers; digits in text are accepted too. */
export const numericId: Parser = (value) => {
	if (isEmpty(value)) return undefined;
	const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
	if (!/^\d{1,15}$/.test(text)) throw new FieldError(`must be a Tookan ID (a number such as 123456), got ${quote(value)}`);
	return Number(text);
};

/** A list of numeric ids, from an array or comma-separated text. */
export const numericIds: Parser = parse.list(numericId);

/** Booleans become Tookan's 0/1 flags. */
export const flag: Parser = (value) => {
	const on = parse.boolean(value);
	return on === undefined ? undefined : on ? 1 : 0;
};

/** A list (array or comma-separated text) sent as Tookan's comma-separated string. */
export const csv: Parser = (value) => {
	const items = parse.list()(value) as string[] | undefined;
	return items ? items.join(',') : undefined;
};
