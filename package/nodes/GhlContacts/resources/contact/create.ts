import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import * as f from '../../../shared/fields';
import { serviceInstant } from '../../../shared/time';
import type { BuiltRequest, Operation, RunContext } from '../../../shared/types';
import { locationInBody, WRITE } from '../common';
import { contactFields, CREATE_FIELDS, pick, simplifyContact } from './fields';
import { applyMapper, mapperField, v1 } from './mapper';

/** Looks up the contact GHL treats as the same person (email first, then phone). */
export async function findDuplicate(ctx: RunContext, request: BuiltRequest): Promise<IDataObject | undefined> {
	const email = request.params.email;
	const phone = request.params.phone;
	if (!email && !phone) return undefined;
	const query: IDataObject = { locationId: request.context.locationId };
	if (email) query.email = email;
	if (phone) query.number = phone;
	const found = await ctx.send(ctx.request('GET', '/contacts/search/duplicate', { query }));
	const contact = found.contact as IDataObject | null | undefined;
	return contact && contact.id ? contact : undefined;
}

/** After a lost answer: the contact exists if GHL now finds one with these details, added since we started. */
async function recoverCreated(ctx: RunContext, request: BuiltRequest): Promise<IDataObject | undefined> {
	const contact = await findDuplicate(ctx, request);
	if (!contact) return undefined;
	const added = serviceInstant(contact.dateAdded);
	const since = (request.startedAt ?? 0) - 120_000;
	return Number.isNaN(added) || added >= since ? { contact } : undefined;
}

export const create: Operation = {
	value: 'create',
	name: 'Create',
	action: 'Create a contact',
	description: 'Create a new contact',
	method: 'POST',
	path: '/contacts/',
	context: locationInBody,
	options: { scopes: WRITE },
	fields: [
		v1(contactFields.email),
		v1(contactFields.phone),
		mapperField('add'),
		f.options(
			'duplicateHandling',
			'If a Duplicate Exists',
			[
				{ name: 'Create Anyway', value: 'create', description: 'Do not check; GHL decides' },
				{
					name: 'Return the Existing Contact',
					value: 'returnExisting',
					description: 'Look the email/phone up first and output the contact found instead of creating one',
				},
				{
					name: 'Fail the Item',
					value: 'fail',
					description: 'Look the email/phone up first and report an error when the contact already exists',
				},
			],
			{ default: 'create', sort: false },
		),
		v1(f.collection('additionalFields', 'Additional Fields', pick(...CREATE_FIELDS))),
		f.simplify,
	],
	check: applyMapper,
	recover: recoverCreated,
	async run(ctx, request) {
		const shown = (c: IDataObject) => (request.params.simplify === true ? simplifyContact(c) : c);
		const handling = request.params.duplicateHandling ?? 'create';
		if (handling !== 'create') {
			const existing = await findDuplicate(ctx, request);
			if (existing && handling === 'fail') {
				throw new NodeOperationError(
					ctx.fn.getNode(),
					`A contact with this email or phone already exists (${String(existing.id)}) [item ${request.itemIndex}]`,
					{ itemIndex: request.itemIndex, description: 'Choose "Return the Existing Contact" or use Create or Update.' },
				);
			}
			if (existing) return [{ ...shown(existing), duplicate: true }];
		}
		const body = await ctx.send(request);
		return [{ ...shown((body.contact ?? {}) as IDataObject), duplicate: false }];
	},
};
