import * as f from '../../shared/fields';
import type { Operation, Resource } from '../../shared/types';
import { contactId, WRITE } from './common';

function change(add: boolean): Operation {
	return {
		value: add ? 'add' : 'remove',
		name: add ? 'Add' : 'Remove',
		action: add ? 'Add followers to a contact' : 'Remove followers from a contact',
		description: add ? 'Add users as followers of a contact' : 'Remove users from a contact\'s followers',
		method: add ? 'POST' : 'DELETE',
		path: '/contacts/{contactId}/followers',
		idempotent: true,
		options: { scopes: WRITE },
		fields: [contactId(), f.dynamic('followers', 'Users', 'getUsers', { in: 'body', multiple: true, required: true })],
	};
}

export const follower: Resource = {
	value: 'follower',
	name: 'Follower',
	operations: [change(true), change(false)],
};
