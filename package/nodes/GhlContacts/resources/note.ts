import type { IDataObject } from 'n8n-workflow';

import * as f from '../../shared/fields';
import { wholeList } from '../../shared/ghl';
import { FieldError } from '../../shared/parse';
import { serviceInstant } from '../../shared/time';
import type { BuiltRequest, Field, Resource, RunContext } from '../../shared/types';
import { contactId, noteId, READ, WRITE } from './common';

const PATH = '/contacts/{contactId}/notes';

const optional: Field[] = [
	f.string('title', 'Title', { in: 'body' }),
	f.dynamic('userId', 'Author', 'getUsers', { in: 'body', description: 'The user shown as the note\'s author' }),
	f.string('color', 'Color', {
		in: 'body',
		placeholder: 'e.g. #FFAA00',
		parse: (v) => {
			if (v === undefined || v === '') return undefined;
			const s = String(v).trim();
			if (!/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/.test(s)) throw new FieldError('must be a hex color such as #FFAA00');
			return s;
		},
	}),
	f.boolean('pinned', 'Pinned', { in: 'body', description: 'Whether the note is pinned to the top of the timeline' }),
];

/** After a lost answer: the note exists if the contact now has one with the same text added since we started. */
async function recoverNote(ctx: RunContext, request: BuiltRequest): Promise<IDataObject | undefined> {
	const list = await ctx.send(ctx.request('GET', `/contacts/${request.pathParams.contactId}/notes`));
	const since = (request.startedAt ?? 0) - 120_000;
	const match = ((list.notes ?? []) as IDataObject[]).find(
		(n) => n.body === request.body?.body && (serviceInstant(n.dateAdded) || since) >= since,
	);
	return match ? { note: match } : undefined;
}

export const note: Resource = {
	value: 'note',
	name: 'Note',
	operations: [
		{
			value: 'create',
			name: 'Create',
			action: 'Create a note',
			description: 'Add a note to a contact\'s timeline',
			method: 'POST',
			path: PATH,
			options: { scopes: WRITE },
			fields: [
				contactId(),
				f.text('body', 'Text', { in: 'body', required: true }),
				f.collection('additionalFields', 'Additional Fields', optional),
			],
			recover: recoverNote,
			output: { root: 'note' },
		},
		{
			value: 'delete',
			name: 'Delete',
			action: 'Delete a note',
			description: 'Delete a note of a contact',
			method: 'DELETE',
			path: `${PATH}/{id}`,
			options: { scopes: WRITE },
			fields: [contactId(), noteId],
			output: { deleted: true },
		},
		{
			value: 'get',
			name: 'Get',
			action: 'Get a note',
			description: 'Get a note of a contact',
			method: 'GET',
			path: `${PATH}/{id}`,
			options: { scopes: READ },
			fields: [contactId(), noteId],
			output: { root: 'note' },
		},
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many notes',
			description: 'List the notes of a contact',
			method: 'GET',
			path: PATH,
			options: { scopes: READ },
			fields: [contactId(), ...f.returnAllAndLimit()],
			paginate: wholeList('notes'),
		},
		{
			value: 'update',
			name: 'Update',
			action: 'Update a note',
			description: 'Update a note of a contact',
			method: 'PUT',
			path: `${PATH}/{id}`,
			options: { scopes: WRITE },
			fields: [
				contactId(),
				noteId,
				f.collection('updateFields', 'Update Fields', [f.text('body', 'Text', { in: 'body' }), ...optional]),
			],
			output: { root: 'note' },
		},
	],
};
