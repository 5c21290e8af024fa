import type { INodeProperties } from 'n8n-workflow';

import { authenticationProperty } from '../shared/ghl';
import { ANY_EVENT, GHL_EVENTS } from './events';

const app = { show: { source: ['app'] } };
const automation = { show: { source: ['automation'] } };

/** At least this many characters for a secret token (a generated one has 64). */
export const MIN_TOKEN_LENGTH = 16;

/** Authentication value of a trigger without a GHL connection (no enrichment, no credential). */
export const NO_CONNECTION = 'none';

export const TOKEN_HEADER = 'x-webhook-token';
export const TOKEN_QUERY = 'token';

/** "Contact DND Changed" → "On contact DND changed" (n8n's sentence case, acronyms kept). */
const onEvent = (name: string) => `On ${name.split(' ').map((w) => (w === w.toUpperCase() ? w : w.toLowerCase())).join(' ')}`;

export const ghlTriggerProperties: INodeProperties[] = [
	{
		displayName: 'Webhook Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Marketplace App Webhook',
				value: 'app',
				description: 'Events of a HighLevel Marketplace app, signed by HighLevel (Ed25519)',
			},
			{
				name: 'Workflow Webhook Action',
				value: 'automation',
				description: 'The "Webhook" action of a GHL workflow, protected by a secret token',
			},
		],
		default: 'app',
	},
	{
		displayName:
			'Paste the Production URL above into your Marketplace app (Advanced Settings › Webhooks › Default Webhook URL) and subscribe the app to the same events. Only deliveries signed by HighLevel start the workflow.',
		name: 'appNotice',
		type: 'notice',
		default: '',
		displayOptions: app,
	},
	{
		displayName: 'Trigger On',
		name: 'events',
		type: 'multiOptions',
		required: true,
		options: [
			{ name: 'Any Event', value: ANY_EVENT, action: onEvent('Any Event'), description: 'Every event the app receives, including new kinds' },
			// `action`: how n8n's node panel lists the event among the GHL entry's triggers ("On contact DND changed")
			...GHL_EVENTS.map((e) => ({ name: e.name, value: e.type, action: onEvent(e.name), description: e.description })),
		],
		default: [],
		description: 'Which events start the workflow; other deliveries are acknowledged and ignored',
		displayOptions: app,
	},
	{
		displayName: 'Location IDs',
		name: 'locationIds',
		type: 'string',
		default: '',
		placeholder: 'e.g. ve9EPM428h8vShlRW1KT, otg8dTQqGLh3Q6iQI55w',
		description:
			'Only events of these sub-accounts (comma-separated). One app URL receives the events of every location that installed the app; leave empty to accept all.',
		displayOptions: app,
	},
	{
		displayName:
			'In the GHL workflow, add the "Webhook" action with the Production URL above followed by ?token= and the Secret Token below. With "Custom Webhook" you can send the token in an X-Webhook-Token header instead.',
		name: 'automationNotice',
		type: 'notice',
		default: '',
		displayOptions: automation,
	},
	{
		displayName: 'Secret Token',
		name: 'secretToken',
		type: 'string',
		typeOptions: { password: true },
		default: '={{ $nodeId.hash("sha256") }}',
		required: true,
		description:
			'Generated for this node (its value is shown under the field); deliveries without it are refused with 401. You may replace it with your own random value of at least 16 characters.',
		hint: 'Send it as ?token=… in the URL or in an X-Webhook-Token header',
		displayOptions: automation,
	},
	{
		displayName: 'Drop Re-Sent Deliveries',
		name: 'dropRedeliveries',
		type: 'boolean',
		default: true,
		description:
			'Whether a delivery whose body is byte for byte the same as one received in the last 2 hours is answered as a duplicate without starting the workflow (a re-sent delivery repeats its body). Turn it off if your GHL workflow can send the same data twice on purpose.',
		displayOptions: { show: { source: ['automation'], '@version': [2] } },
	},
	{
		...authenticationProperty,
		description: 'The GHL connection Enrich uses to fetch full records. Receiving events needs none.',
		options: [{ name: 'None (No Enrichment)', value: NO_CONNECTION }, ...(authenticationProperty.options ?? [])],
		default: NO_CONNECTION,
	},
	{
		displayName: 'Enrich',
		name: 'enrich',
		type: 'boolean',
		default: false,
		description:
			'Whether to fetch the full contact (and the note, task or appointment) after the event and add it under "enriched". GHL payloads are often incomplete.',
		displayOptions: { hide: { authentication: [NO_CONNECTION] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: app,
		options: [
			{
				displayName: 'Accept Legacy RSA Signatures',
				name: 'acceptLegacyRsa',
				type: 'boolean',
				default: false,
				description:
					'Whether to also accept deliveries signed only with the legacy RSA x-wh-signature header (HighLevel has stopped sending it)',
			},
			{
				displayName: 'Legacy RSA Public Key',
				name: 'legacyPublicKey',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description: "PEM key for x-wh-signature; leave empty to use HighLevel's published key",
			},
			{
				displayName: 'Max Event Age (Minutes)',
				name: 'maxAgeMinutes',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'Refuse deliveries whose timestamp is older than this (0 = off). GHL re-sends events for up to about 70 minutes after a 429, and deliveries without a timestamp are refused while this is on.',
			},
			{
				displayName: 'Only From App ID',
				name: 'appId',
				type: 'string',
				default: '',
				description: 'Ignore events of other Marketplace apps (compares the payload\'s appId)',
			},
			{
				displayName: 'Public Key',
				name: 'publicKey',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description:
					"Ed25519 key that verifies x-ghl-signature (PEM, or the 32-byte key as base64 or hex). Leave empty to use HighLevel's published key; set it only if HighLevel rotates its key or for a test server.",
			},
		],
	},
];
