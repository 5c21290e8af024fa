import type { IDataObject } from 'n8n-workflow';

import * as f from '../../../shared/fields';
import { inVersions } from '../../../shared/mapper';
import { ParameterError } from '../../../shared/request';
import type { Operation } from '../../../shared/types';
import { locationInBody, WRITE } from '../common';
import { contactFields, CREATE_FIELDS, pick, simplifyContact } from './fields';
import { applyMapper, mapperField, v1 } from './mapper';

/** GHL's switch for locations that allow duplicate contacts (version 1: in Additional Fields; version 2: in Options). */
const createNewIfDuplicateAllowed = f.boolean('createNewIfDuplicateAllowed', 'Create New If Duplicates Allowed', {
	in: 'body',
	description:
		'Whether to always create a new contact when the location allows duplicate contacts (otherwise the match is updated)',
});

const COMPARED = ['email', 'phone', 'firstName', 'lastName', 'companyName', 'address1', 'city', 'state', 'postalCode', 'country', 'website', 'source'];

function same(sent: unknown, got: unknown): boolean {
	const norm = (v: unknown) => String(v ?? '').trim().toLowerCase();
	return norm(sent) === norm(got);
}

/**
 * `POST /contacts/upsert` follows the location's duplicate rules and may match an existing contact by
 * email or phone. GHL then silently keeps its own value for a field that belongs to another contact;
 * the output says what happened (`created` or `updated`) and which sent values were not saved.
 */
export const upsert: Operation = {
	value: 'upsert',
	name: 'Create or Update',
	action: 'Create or update a contact',
	// n8n's lint wants its standard wording here; the notice below says how GHL matches
	description: 'Create a new record, or update the current one if it already exists (upsert)',
	method: 'POST',
	path: '/contacts/upsert',
	idempotent: true,
	context: locationInBody,
	options: { scopes: WRITE },
	fields: [
		f.notice(
			'upsertNotice',
			'Finds the contact by Email or Phone, in the order the location\'s "Allow Duplicate Contact" setting gives, and updates it; creates a contact when none matches. Give an Email or a Phone.',
		),
		v1(contactFields.email),
		v1(contactFields.phone),
		mapperField('upsert'),
		v1(
			f.collection('additionalFields', 'Additional Fields', [
				...pick(...CREATE_FIELDS),
				createNewIfDuplicateAllowed,
			]),
		),
		f.simplify,
		inVersions(f.collection('options', 'Options', [createNewIfDuplicateAllowed], { placeholder: 'Add Option' }), [2]),
	],
	// GHL matches an upsert on email or phone: without either it creates a new contact every time
	check(request) {
		applyMapper(request);
		if (request.body?.email === undefined && request.body?.phone === undefined) {
			throw new ParameterError(
				'Email',
				'or "Phone" is required: Create or Update finds the contact by email or phone, and without either GHL would create a new contact each time. To change a known contact use Contact › Update; to always add one use Contact › Create.',
			);
		}
	},
	async run(ctx, request) {
		const body = await ctx.send(request);
		const raw = (body.contact ?? {}) as IDataObject;
		const contact = request.params.simplify === true ? simplifyContact(raw) : raw;
		const sent = request.body ?? {};
		const notSaved = COMPARED.filter((k) => sent[k] !== undefined && raw[k] !== undefined && !same(sent[k], raw[k]));
		const result: IDataObject = { action: body.new === true ? 'created' : 'updated', new: body.new === true };
		if (notSaved.length) result.notSaved = notSaved;
		return [{ ...contact, upsert: result }];
	},
};
