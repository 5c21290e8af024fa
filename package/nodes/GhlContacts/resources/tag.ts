import * as f from '../../shared/fields';
import * as parse from '../../shared/parse';
import { ParameterError } from '../../shared/request';
import type { BuiltRequest, Field, Operation, Resource } from '../../shared/types';
import { contactId, locationInBody, WRITE } from './common';

const tagList = (required: boolean): Field =>
	f.dynamic('tags', 'Tags', 'getTags', {
		in: 'body',
		multiple: true,
		arbitrary: true,
		required,
		each: (v) => String(v).trim(),
		description:
			'Choose from the list, or specify tag names using an <a href="https://docs.n8n.io/code/expressions/">expression</a> (new tags are created)',
	});

/**
 * New Tags: names typed in Fixed mode (n8n's dropdowns only pick from their list). Added to the picked Tags
 * in the same request; GHL creates tags it does not have yet.
 */
const newTags: Field = f.list('newTags', 'New Tags', {
	placeholder: 'e.g. vip, summer-2026',
	description: 'Tags to add that are not in the list yet, comma-separated. GHL creates them.',
	each: (v) => String(v).trim(),
});

/** The picked and the typed tags as one list. */
const allTags = (request: BuiltRequest): string[] => [
	...new Set([...((request.body?.tags as string[] | undefined) ?? []), ...((request.params.newTags as string[] | undefined) ?? [])].filter(Boolean)),
];

/** Tag › Add and Add to Many: at least one tag, picked or typed (checked before anything is sent). */
const withNewTags: Pick<Operation, 'check' | 'run'> = {
	check(request) {
		if (!allTags(request).length) throw new ParameterError('Tags', 'needs at least one tag: pick one from the list or type it under New Tags');
	},
	async run(ctx, request) {
		return [await ctx.send({ ...request, body: { ...request.body, tags: allTags(request) } })];
	},
};

function single(add: boolean): Operation {
	return {
		value: add ? 'add' : 'remove',
		name: add ? 'Add' : 'Remove',
		action: add ? 'Add tags to a contact' : 'Remove tags from a contact',
		description: add ? 'Add tags to a contact, keeping the ones it has' : 'Remove tags from a contact',
		method: add ? 'POST' : 'DELETE',
		path: '/contacts/{contactId}/tags',
		idempotent: true,
		options: { scopes: WRITE },
		...(add ? { fields: [contactId(), tagList(false), newTags], ...withNewTags } : { fields: [contactId(), tagList(true)] }),
	};
}

function bulk(add: boolean): Operation {
	const fields: Field[] = [
		f.list('contacts', 'Contact IDs', {
			in: 'body',
			required: true,
			description: 'Comma-separated contact IDs, or an array from an expression',
			each: parse.id,
		}),
		...(add ? [tagList(false), newTags] : [tagList(false)]),
	];
	if (!add) {
		fields.push(
			f.boolean('removeAllTags', 'Remove All Tags', {
				in: 'body',
				description: 'Whether to remove every tag from these contacts (the tag list is then ignored)',
			}),
		);
	}
	return {
		value: add ? 'addToMany' : 'removeFromMany',
		name: add ? 'Add to Many Contacts' : 'Remove From Many Contacts',
		action: add ? 'Add tags to many contacts' : 'Remove tags from many contacts',
		description: add ? 'Add tags to a list of contacts in one request' : 'Remove tags from a list of contacts in one request',
		method: 'POST',
		path: `/contacts/bulk/tags/update/${add ? 'add' : 'remove'}`,
		idempotent: true,
		context: locationInBody,
		options: { scopes: WRITE },
		body: add ? undefined : { tags: [] },
		fields,
		...(add ? withNewTags : {}),
	};
}

export const tag: Resource = {
	value: 'tag',
	name: 'Tag',
	operations: [single(true), single(false), bulk(true), bulk(false)],
};
