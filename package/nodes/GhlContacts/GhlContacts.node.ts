import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { Ghl } from '../Ghl/Ghl.node';
import { formerTypeOf } from '../shared/legacy';

const current = new Ghl().description;

/**
 * The GHL node's former type (`ghlContacts`, "GHL Contacts"): the same node, hidden from the node panel,
 * so that workflows saved with it keep loading and running. The resources and methods in this folder are
 * the GHL node's (HighLevel Contacts API v2).
 */
export class GhlContacts extends Ghl implements INodeType {
	description: INodeTypeDescription = {
		...current,
		displayName: 'GHL Contacts',
		name: 'ghlContacts',
		// the former type stays at version 1: the fields as a collection, as workflows saved with it have them
		version: 1,
		defaultVersion: undefined,
		icon: current.icon,
		subtitle: current.subtitle,
		description: formerTypeOf('the GHL node'),
		defaults: { name: 'GHL Contacts' },
		usableAsTool: true,
		hidden: true,
	};
}
