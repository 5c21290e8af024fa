import type { INodeProperties } from 'n8n-workflow';

import { authenticationProperty } from '../shared/ghl';
import { ANY_EVENT, GHL_EVENTS } from './events';

const app = { show: { source: ['app'] } };

/** At least this many characters for a type version 1 Secret Token parameter (a generated one has 64). */
export const MIN_TOKEN_LENGTH = 16;

/** Authentication value of a trigger without a GHL connection (no enrichment, no credential). */
export const NO_CONNECTION = 'none';

/**
 * Where the workflow-webhook token lives. Type version 2 keeps it in a GHL Workflow Webhook credential only;
 * version 1 kept it in the Secret Token parameter (stored in the workflow, its exports, executions and history)
 * and keeps doing so until the user moves it: `both` accepts the credential's tokens and the parameter's while
 * GHL is switched to the new URL.
 */
export const TOKEN_SOURCE = { parameter: 'parameter', both: 'both', credential: 'credential' } as const;

/** Version 1 with the token in the Secret Token parameter (alone, or next to the credential while moving). */
const v1Parameter = { show: { source: ['automation'], '@version': [1], tokenSource: [TOKEN_SOURCE.parameter, TOKEN_SOURCE.both] } };
/**
 * The token comes from the credential: always in version 2, once chosen in version 1. (The credential takes one
 * condition for both; parameters cannot: the editor decides whether a parameter shows with every parameter's
 * default filled in, version 1's Token Source "parameter" included, so version 2 states its own.)
 */
export const withCredential = { show: { source: ['automation'] }, hide: { tokenSource: [TOKEN_SOURCE.parameter] } };
const v2Credential = { show: { source: ['automation'], '@version': [2] } };
const v1Credential = { show: { source: ['automation'], '@version': [1], tokenSource: [TOKEN_SOURCE.both, TOKEN_SOURCE.credential] } };

/** The ready-to-paste URL n8n computes for the panel (see token.ts), shown under `displayOptions`. */
function workflowWebhookSetup(displayOptions: INodeProperties['displayOptions']): INodeProperties[] {
	return [
		{
			displayName: 'Webhook ID for the URL',
			name: 'setupWebhookId',
			type: 'hidden',
			// the editor resolves it before it asks for the notice below (a default is not saved with the workflow)
			default: '={{ $webhookId }}',
			displayOptions,
		},
		{
			displayName: 'URL for GHL',
			name: 'workflowWebhookSetup',
			type: 'resourceMapper',
			noDataExpression: true,
			// what n8n's resource mapper settles on when it lists no fields (a default equal to it is not saved)
			default: { mappingMode: 'defineBelow', value: {}, matchingColumns: [], schema: [], attemptToConvertTypes: false, convertFieldsToString: false },
			typeOptions: {
				loadOptionsDependsOn: ['setupWebhookId'],
				resourceMapper: {
					resourceMapperMethod: 'workflowWebhookSetup',
					mode: 'add',
					supportAutoMap: false,
					fieldWords: { singular: 'setting', plural: 'settings' },
				},
			},
			displayOptions,
		},
	];
}

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
		displayName: 'Token Source',
		name: 'tokenSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Secret Token Parameter (Deprecated)',
				value: TOKEN_SOURCE.parameter,
				description: 'The token is stored in this workflow, its exports, executions and history',
			},
			{
				name: 'Credential and Secret Token While Moving',
				value: TOKEN_SOURCE.both,
				description: 'Both are accepted until GHL sends the credential\'s URL; outputs say which one a delivery used',
			},
			{
				name: 'Credential',
				value: TOKEN_SOURCE.credential,
				description: 'Only the GHL Workflow Webhook credential\'s token; the Secret Token leaves the workflow when you save it',
			},
		],
		default: 'parameter',
		displayOptions: { show: { source: ['automation'], '@version': [1] } },
	},
	{
		displayName:
			'This node keeps its Secret Token in the workflow, so every export, copy, execution and version of the workflow carries it. To move it into a credential without losing a delivery: set Token Source to "Credential and Secret Token While Moving", choose or create a GHL Workflow Webhook credential, paste the URL shown below into the GHL workflow\'s Webhook action, and once executions say verifiedWith "current" set Token Source to "Credential" and save.',
		name: 'moveTokenNotice',
		type: 'notice',
		default: '',
		displayOptions: v1Parameter,
	},
	{
		displayName: 'Secret Token',
		name: 'secretToken',
		type: 'string',
		typeOptions: { password: true },
		default: '={{ $nodeId.hash("sha256") }}',
		required: true,
		description:
			'Generated for this node (its value is shown under the field); deliveries without it are refused with 401. Stored in the workflow: move it into a credential (see above).',
		hint: 'Send it as ?token=… in the URL or in an X-Webhook-Token header',
		displayOptions: v1Parameter,
	},
	{
		...authenticationProperty,
		description: 'The GHL connection Enrich uses to fetch full records. Receiving events needs none.',
		options: [{ name: 'None (No Enrichment)', value: NO_CONNECTION }, ...(authenticationProperty.options ?? [])],
		default: NO_CONNECTION,
	},
	// after the credentials n8n draws above Authentication: the URL to paste, computed from the chosen one
	...workflowWebhookSetup(v2Credential),
	...workflowWebhookSetup(v1Credential),
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
				displayName: 'Previous Public Key',
				name: 'previousPublicKey',
				type: 'string',
				typeOptions: { rows: 4 },
				default: '',
				description:
					'While the signing key changes: deliveries signed with this Ed25519 key are accepted too, and their output says verifiedWith "previous". Remove it once no delivery uses it.',
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
