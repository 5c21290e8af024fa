import type { IDataObject } from 'n8n-workflow';

import * as f from '../../shared/fields';
import { skipLimitPages } from '../../shared/ghl';
import * as parse from '../../shared/parse';
import { serviceInstant } from '../../shared/time';
import type { BuiltRequest, Field, Operation, Resource, RunContext } from '../../shared/types';
import { businessId, locationInBody, locationInQuery } from './common';

const READ = ['businesses.readonly'];
const WRITE = ['businesses.write'];

const details: Field[] = [
	f.phone('phone', 'Phone', { in: 'body' }),
	f.email('email', 'Email', { in: 'body' }),
	f.string('website', 'Website', { in: 'body', placeholder: 'e.g. https://example.com' }),
	f.string('address', 'Address', { in: 'body' }),
	f.string('city', 'City', { in: 'body' }),
	f.string('state', 'State', { in: 'body' }),
	f.string('postalCode', 'Postal Code', { in: 'body' }),
	f.string('country', 'Country', { in: 'body', placeholder: 'e.g. US' }),
	f.text('description', 'Description', { in: 'body' }),
];

/** After a lost answer: the business exists if one with this name was created since we started. */
async function recoverBusiness(ctx: RunContext, request: BuiltRequest): Promise<IDataObject | undefined> {
	const since = (request.startedAt ?? 0) - 120_000;
	for await (const page of skipLimitPages('businesses')(
		ctx,
		ctx.request('GET', '/businesses/', { query: { locationId: request.context.locationId } }),
		Infinity,
	)) {
		const match = page.find(
			(b) => b.name === request.body?.name && (serviceInstant(b.createdAt) || since) >= since,
		);
		if (match) return { buiseness: match };
	}
	return undefined;
}

function linkContacts(link: boolean): Operation {
	return {
		value: link ? 'linkContacts' : 'unlinkContacts',
		name: link ? 'Link Contacts' : 'Unlink Contacts',
		action: link ? 'Link contacts to a business' : 'Unlink contacts from their business',
		description: link
			? 'Make a list of contacts part of a business in one request'
			: 'Remove a list of contacts from their business in one request',
		method: 'POST',
		path: '/contacts/bulk/business',
		idempotent: true,
		context: locationInBody,
		options: { scopes: ['contacts.write'] },
		body: link ? undefined : { businessId: null },
		fields: [
			...(link ? [businessId({ in: 'body' })] : []),
			f.list('ids', 'Contact IDs', {
				in: 'body',
				required: true,
				each: parse.id,
				description: 'Comma-separated contact IDs, or an array from an expression',
			}),
		],
	};
}

export const business: Resource = {
	value: 'business',
	name: 'Business',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a business',
			description: 'Create a business (company) in the location',
			method: 'POST',
			path: '/businesses/',
			context: locationInBody,
			options: { scopes: WRITE },
			fields: [
				f.string('name', 'Name', { in: 'body', required: true, placeholder: 'e.g. Acme Deliveries' }),
				f.collection('additionalFields', 'Additional Fields', details),
			],
			recover: recoverBusiness,
			output: { root: 'buiseness' },
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a business',
			description: 'Delete a business',
			method: 'DELETE',
			path: '/businesses/{businessId}',
			options: { scopes: WRITE },
			fields: [businessId()],
			output: { deleted: true },
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a business',
			description: 'Get a business by ID',
			method: 'GET',
			path: '/businesses/{businessId}',
			options: { scopes: READ },
			fields: [businessId()],
			output: { root: 'business' },
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many businesses',
			description: 'List the businesses of the location',
			method: 'GET',
			path: '/businesses/',
			context: locationInQuery,
			options: { scopes: READ },
			fields: [...f.returnAllAndLimit()],
			paginate: skipLimitPages('businesses'),
		},
		linkContacts(true),
		linkContacts(false),
		{
			value: 'update',
			name: 'Update',
			action: 'Update a business',
			description: 'Update a business',
			method: 'PUT',
			path: '/businesses/{businessId}',
			options: { scopes: WRITE },
			fields: [
				businessId(),
				f.collection('updateFields', 'Update Fields', [f.string('name', 'Name', { in: 'body' }), ...details]),
			],
			output: { root: 'buiseness' },
		},
	],
};
