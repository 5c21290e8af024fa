import type { INodeProperties } from 'n8n-workflow';

import { authenticationProperty, locationOverrideProperty } from '../shared/ghl';

export const POLL_EVENTS = {
	created: { name: 'Contact Created', field: 'dateAdded', label: 'ContactCreate' },
	updated: { name: 'Contact Updated', field: 'dateUpdated', label: 'ContactUpdate' },
} as const;

export type PollEvent = keyof typeof POLL_EVENTS;

export const ghlPollTriggerProperties: INodeProperties[] = [
	authenticationProperty,
	{
		displayName:
			'For accounts without a Marketplace app: checks the contact search on every poll. Each new or changed contact starts the workflow once; changes made before the workflow was activated are not replayed.',
		name: 'pollNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		required: true,
		// `action`: how n8n's node panel lists them in the GHL entry, apart from the GHL Trigger's webhook events
		options: [
			{
				name: POLL_EVENTS.created.name,
				value: 'created',
				action: 'On contact created (polling)',
				description: 'A contact was added (by its dateAdded)',
			},
			{
				name: POLL_EVENTS.updated.name,
				value: 'updated',
				action: 'On contact updated (polling)',
				description: 'A contact was changed (by its dateUpdated)',
			},
		],
		default: ['created'],
		description: 'Each output item has "event" set to ContactCreate or ContactUpdate',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Fetch Full Contact',
				name: 'fullContact',
				type: 'boolean',
				default: false,
				description:
					'Whether to fetch each contact by ID (one request per contact). Search results lack some fields, such as first and last name in original case.',
			},
			locationOverrideProperty,
		],
	},
];
