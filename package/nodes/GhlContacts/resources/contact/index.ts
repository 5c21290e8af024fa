import type { IDataObject } from 'n8n-workflow';

import * as f from '../../../shared/fields';
import { skipLimitPages, startAfterPages } from '../../../shared/ghl';
import type { Operation, Resource } from '../../../shared/types';
import { businessId, contactId, locationInBody, locationInQuery, READ, WRITE } from '../common';
import { create, findDuplicate } from './create';
import { contactFields, pick, simplifyContact, UPDATE_FIELDS } from './fields';
import { applyMapper, mapperField, v1 } from './mapper';
import { searchContacts, searchFields } from './search';
import { upsert } from './upsert';

const get: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get a contact',
	description: 'Get a contact by ID',
	method: 'GET',
	path: '/contacts/{contactId}',
	options: { scopes: READ },
	fields: [contactId(), f.simplify],
	output: { root: 'contact', simplify: simplifyContact },
};

const update: Operation = {
	value: 'update',
	name: 'Update',
	action: 'Update a contact',
	description: 'Update fields of a contact; custom fields are kept unless given',
	method: 'PUT',
	path: '/contacts/{contactId}',
	options: { scopes: WRITE },
	fields: [
		contactId(),
		v1(
			f.collection('updateFields', 'Update Fields', pick(...UPDATE_FIELDS), {
				description: 'Tags given here replace all of the contact\'s tags; use Tag › Add to keep existing ones',
			}),
		),
		mapperField('update'),
		f.simplify,
	],
	check: applyMapper,
	output: { root: 'contact', simplify: simplifyContact },
};

const remove: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a contact',
	description: 'Delete a contact',
	method: 'DELETE',
	path: '/contacts/{contactId}',
	options: { scopes: WRITE },
	fields: [contactId()],
	output: { deleted: true },
};

const getAll: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many contacts',
	description: 'Search contacts with filters and sorting (pages past 10,000 results with GHL\'s search cursor)',
	method: 'POST',
	path: '/contacts/search',
	idempotent: true,
	context: locationInBody,
	options: { scopes: READ },
	fields: searchFields,
	paginate: searchContacts,
	output: { simplify: simplifyContact },
};

const duplicate: Operation = {
	value: 'findDuplicate',
	name: 'Find Duplicate',
	action: 'Find a duplicate contact',
	description: "Find the contact GHL's duplicate rules match for an email or phone (email first)",
	method: 'GET',
	path: '/contacts/search/duplicate',
	context: locationInQuery,
	options: { scopes: READ },
	fields: [
		f.email('email', 'Email', { in: 'query' }),
		f.phone('phone', 'Phone', { in: 'query', key: 'number' }),
		f.simplify,
	],
	async run(ctx, request) {
		if (!request.params.email && !request.params.phone) return [{ found: false }];
		const contact = await findDuplicate(ctx, request);
		if (!contact) return [{ found: false }];
		return [{ found: true, ...(request.params.simplify === true ? simplifyContact(contact) : contact) }];
	},
};

const byBusiness: Operation = {
	value: 'getManyByBusiness',
	name: 'Get Many by Business',
	action: 'Get many contacts of a business',
	description: 'List the contacts linked to a business',
	method: 'GET',
	path: '/contacts/business/{businessId}',
	context: locationInQuery,
	options: { scopes: READ },
	fields: [
		businessId(),
		f.string('query', 'Search Text', { in: 'query', placeholder: 'e.g. contact name' }),
		...f.returnAllAndLimit(),
		f.simplify,
	],
	paginate: skipLimitPages('contacts'),
	output: { simplify: simplifyContact },
};

const legacyList: Operation = {
	value: 'getManyLegacy',
	name: 'Get Many (Deprecated)',
	action: 'Get many contacts (deprecated)',
	description: 'GHL\'s older contact list, which GHL has deprecated: free text only, no filters. Use Get Many instead.',
	method: 'GET',
	path: '/contacts/',
	context: locationInQuery,
	options: { scopes: READ },
	fields: [
		f.string('query', 'Search Text', { in: 'query' }),
		...f.returnAllAndLimit(),
		f.simplify,
	],
	paginate: startAfterPages,
	output: { simplify: simplifyContact },
};

function businessLink(link: boolean): Operation {
	return {
		value: link ? 'linkBusiness' : 'unlinkBusiness',
		name: link ? 'Link to Business' : 'Unlink From Business',
		action: link ? 'Link a contact to a business' : 'Unlink a contact from its business',
		description: link ? 'Make the contact part of a business' : 'Remove the contact from its business',
		method: 'POST',
		path: '/contacts/bulk/business',
		idempotent: true,
		context: locationInBody,
		options: { scopes: WRITE },
		fields: link ? [contactId({ required: true }), businessId({ in: 'body' })] : [contactId({ required: true })],
		async run(ctx, request) {
			const contact = String(request.pathParams.contactId ?? request.params.contactId);
			const body: IDataObject = {
				locationId: request.context.locationId,
				ids: [contact],
				businessId: link ? (request.params.businessId as string) : null,
			};
			const answer = await ctx.send({ ...request, body, path: '/contacts/bulk/business' });
			return [{ contactId: contact, businessId: body.businessId, success: answer.success === true }];
		},
	};
}

export const contact: Resource = {
	value: 'contact',
	name: 'Contact',
	// most used first (the first is the default: never change it)
	operations: [
		upsert,
		create,
		get,
		getAll,
		update,
		remove,
		duplicate,
		byBusiness,
		businessLink(true),
		businessLink(false),
		legacyList,
	],
};

export { contactFields };
