import type { IDataObject } from 'n8n-workflow';

import * as f from '../../../shared/fields';
import * as parse from '../../../shared/parse';
import { FieldError, isEmpty, quote } from '../../../shared/parse';
import { calendarDateOf, clock, dayText, readMoment } from '../../../shared/time';
import type { Field, Parser } from '../../../shared/types';
import { assignedTo } from '../common';

const country: Parser = (value) => {
	if (isEmpty(value)) return undefined;
	const s = String(value).trim().toUpperCase();
	if (!/^[A-Z]{2}$/.test(s)) throw new FieldError(`must be a two-letter country code such as US or GB, got "${String(value)}"`);
	return s;
};

const timezone: Parser = (value) => {
	if (isEmpty(value)) return undefined;
	const s = String(value).trim();
	let known = true;
	try {
		new Intl.DateTimeFormat('en-US', { timeZone: s });
	} catch {
		known = false;
	}
	if (!known) throw new FieldError(`must be an IANA time zone such as America/New_York, got "${s}"`);
	return s;
};

/** The written date forms GHL's spec lists besides ISO: YYYY/MM/DD, MM/DD/YYYY, with `/`, `-`, `.` or `_`. */
const GHL_DATE_FORMS: Array<[RegExp, (m: RegExpExecArray) => string[]]> = [
	[/^(\d{4})([/._-])(\d{1,2})\2(\d{1,2})$/, (m) => [m[1], m[3], m[4]]],
	[/^(\d{1,2})([/._-])(\d{1,2})\2(\d{4})$/, (m) => [m[4], m[1], m[3]]],
];

/**
 * A date of birth, sent as YYYY-MM-DD: the calendar date as written or picked, never moved by a time zone
 * (see shared/time.ts); also the forms GHL documents, month first (03/14/1988 is March 14).
 */
export const dateOfBirth: Parser = (value, context) => {
	if (isEmpty(value)) return undefined;
	const text = typeof value === 'string' ? value.trim() : '';
	for (const [form, parts] of GHL_DATE_FORMS) {
		const m = form.exec(text);
		if (!m) continue;
		const [y, mo, d] = parts(m).map(Number);
		const wall = clock(y, mo, d);
		if (wall === undefined) {
			throw new FieldError(`is not a real date: ${quote(value)} (GHL reads dates like this one month first: MM/DD/YYYY)`);
		}
		return dayText(wall);
	}
	if (!readMoment(value)) throw new FieldError(`must be a date such as 1988-03-14 or 03/14/1988 (MM/DD/YYYY), got ${quote(value)}`);
	return parse.date(value, context);
};

/** A custom field reference: a field ID, or a field key such as `contact.favourite_colour`. */
function customFieldRef(ref: string): IDataObject {
	return /[.]/.test(ref) ? { key: ref } : { id: ref };
}

/** Values stay text unless they are written as a JSON list or object (checkbox / multi-select fields). */
function customFieldValue(value: unknown): unknown {
	if (typeof value !== 'string') return value;
	const s = value.trim();
	if ((s.startsWith('[') && s.endsWith(']')) || (s.startsWith('{') && s.endsWith('}'))) {
		try {
			return JSON.parse(s);
		} catch {
			return value;
		}
	}
	return value;
}

/**
 * Custom fields as rows of field + value. GHL takes `customFields: [{ id | key, field_value }]` on create,
 * update and upsert alike (the same shape everywhere, so values are never lost on update).
 */
export const customFields: Field = f.rows(
	'customFields',
	'Custom Fields',
	'field',
	'Custom Field',
	[
		f.dynamic('fieldId', 'Field', 'getCustomFields', {
			required: true,
			each: (v) => {
				if (isEmpty(v)) throw new FieldError('needs a custom field');
				const s = String(v).trim();
				if (!/^[^\s/?#]+$/.test(s)) throw new FieldError(`is not a custom field ID or key: "${s}"`);
				return s;
			},
			description:
				'Choose from the list, or specify a field ID or a field key such as contact.favourite_colour using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		}),
		f.string('value', 'Value', {
			description: 'Text, a number, or a JSON list such as ["a","b"] for checkbox and multi-select fields',
		}),
	],
	(rows) =>
		rows.map((row) => ({
			...customFieldRef(String(row.fieldId)),
			field_value: customFieldValue(row.value ?? ''),
		})),
	{ in: 'body' },
);

/** Every writable contact field; each operation picks the ones GHL accepts for it. */
export const contactFields: Record<string, Field> = {
	firstName: f.string('firstName', 'First Name', { in: 'body' }),
	lastName: f.string('lastName', 'Last Name', { in: 'body' }),
	name: f.string('name', 'Full Name', { in: 'body', description: 'Used when first and last name are not given' }),
	email: f.email('email', 'Email', { in: 'body' }),
	phone: f.phone('phone', 'Phone', { in: 'body' }),
	companyName: f.string('companyName', 'Company Name', { in: 'body' }),
	gender: f.string('gender', 'Gender', { in: 'body', placeholder: 'e.g. female' }),
	address1: f.string('address1', 'Address', { in: 'body', placeholder: 'e.g. 3535 1st St N' }),
	city: f.string('city', 'City', { in: 'body' }),
	state: f.string('state', 'State', { in: 'body' }),
	postalCode: f.string('postalCode', 'Postal Code', { in: 'body' }),
	country: f.string('country', 'Country', { in: 'body', placeholder: 'e.g. US', parse: country }),
	website: f.string('website', 'Website', { in: 'body', placeholder: 'e.g. https://example.com' }),
	timezone: f.string('timezone', 'Timezone', { in: 'body', placeholder: 'e.g. America/New_York', parse: timezone }),
	source: f.string('source', 'Source', { in: 'body', placeholder: 'e.g. public api' }),
	dateOfBirth: f.date('dateOfBirth', 'Date of Birth', {
		in: 'body',
		parse: dateOfBirth,
		description: 'The calendar date, the same in every time zone: picked, 1988-03-14, or month first as GHL reads it (03/14/1988)',
	}),
	tags: f.list('tags', 'Tags', { in: 'body', description: 'Comma-separated tags' }),
	assignedTo: assignedTo(),
	dnd: f.boolean('dnd', 'Do Not Disturb', { in: 'body', description: 'Whether all channels are on do-not-disturb' }),
	dndSettings: f.json('dndSettings', 'DND Settings (JSON)', 'object', {
		in: 'body',
		description: 'Per channel, e.g. {"SMS": {"status": "active"}, "Email": {"status": "inactive"}}',
	}),
	inboundDndSettings: f.json('inboundDndSettings', 'Inbound DND Settings (JSON)', 'object', {
		in: 'body',
		description: 'e.g. {"all": {"status": "active", "message": "Opted out"}}',
	}),
	customFields,
};

export function pick(...names: string[]): Field[] {
	return names.map((n) => contactFields[n]);
}

/** Fields GHL's create and upsert accept besides email and phone. */
export const CREATE_FIELDS = [
	'firstName',
	'lastName',
	'name',
	'companyName',
	'gender',
	'address1',
	'city',
	'state',
	'postalCode',
	'country',
	'website',
	'timezone',
	'source',
	'dateOfBirth',
	'tags',
	'assignedTo',
	'dnd',
	'dndSettings',
	'inboundDndSettings',
	'customFields',
];

/** UpdateContactDto: email and phone among the optional fields; no companyName, gender or locationId. */
export const UPDATE_FIELDS = [
	...CREATE_FIELDS.slice(0, 3),
	'email',
	'phone',
	...CREATE_FIELDS.slice(3).filter((name) => name !== 'companyName' && name !== 'gender'),
];

/** The fields most workflows need, for Simplify (a date of birth as YYYY-MM-DD). */
export function simplifyContact(contact: IDataObject): IDataObject {
	const keep = [
		'id',
		'locationId',
		'firstName',
		'lastName',
		'email',
		'phone',
		'companyName',
		'tags',
		'businessId',
		'customFields',
		'dateAdded',
		'dateUpdated',
	];
	const out: IDataObject = {};
	for (const key of keep) if (contact[key] !== undefined) out[key] = contact[key];
	// GHL keeps a date of birth as 00:00 UTC of that day: the calendar date, the same in every zone
	const born = readMoment(contact.dateOfBirth);
	if (born) out.dateOfBirth = calendarDateOf(born, 'UTC');
	if (out.firstName === undefined && contact.firstNameLowerCase !== undefined) out.firstName = contact.firstNameLowerCase;
	if (out.lastName === undefined && contact.lastNameLowerCase !== undefined) out.lastName = contact.lastNameLowerCase;
	return out;
}
