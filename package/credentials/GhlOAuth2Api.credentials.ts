import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/** Every scope an operation of this package needs, and what for (sub-account app). */
export const GHL_SCOPES: Array<[scope: string, purpose: string]> = [
	['contacts.readonly', 'read contacts, their tasks, notes and appointments'],
	['contacts.write', 'create and change contacts, tasks, notes, tags, followers, campaigns and workflows of a contact'],
	['businesses.readonly', 'read businesses'],
	['businesses.write', 'create and change businesses, link contacts to them'],
	['locations.readonly', 'the location (sub-account) itself'],
	['locations/customFields.readonly', 'custom field lists, and custom field names in outputs'],
	['locations/tags.readonly', 'the tag list'],
	['users.readonly', 'the user lists (Assigned To, Followers)'],
	['campaigns.readonly', 'the campaign list'],
	['workflows.readonly', 'the workflow list'],
];

/** Agency (Company) apps also exchange the agency token for location tokens. */
export const AGENCY_SCOPES = ['oauth.readonly', 'oauth.write'];

export class GhlOAuth2Api implements ICredentialType {
	name = 'ghlOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'GHL Marketplace App OAuth2 API';

	icon: Icon = { light: 'file:../icons/ghl.svg', dark: 'file:../icons/ghl.dark.svg' };

	documentationUrl = 'https://marketplace.gohighlevel.com/docs/Authorization/OAuth2.0';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		// n8n lists OAuth Redirect URL, Client ID, Client Secret and Allowed HTTP Request Domains first (they
		// belong to its OAuth2 credential); everything here follows them, in the order a person sets the app up
		{
			displayName:
				'Set up: (1) In the HighLevel Marketplace: My Apps › Create App, Distribution "Sub-Account" or "Agency" (the same Account Type as below). (2) In the app, enable the Scopes listed below and add the OAuth Redirect URL shown above as a redirect URL. (3) Copy the Client ID and Client Secret from the app\'s Secrets page into the fields above. (4) Save, then Connect and choose the location.',
			name: 'setupNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Account Type',
			name: 'userType',
			type: 'options',
			options: [
				{
					name: 'Sub-Account (Location)',
					value: 'Location',
					description: 'The app is installed on one sub-account; the token carries its location ID',
				},
				{
					name: 'Agency (Company)',
					value: 'Company',
					description:
						'The app is installed on the agency; the node exchanges the agency token for a location token (needs oauth.readonly and oauth.write)',
				},
			],
			default: 'Location',
			description: 'Which kind of HighLevel account installs the Marketplace app ("Target User" in the app settings)',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrlChoice',
			type: 'options',
			options: [
				{
					name: 'Standard (marketplace.gohighlevel.com)',
					value: 'standard',
				},
				{
					name: 'White-Label (marketplace.leadconnectorhq.com)',
					value: 'whiteLabel',
				},
				{
					name: 'Custom',
					value: 'custom',
				},
			],
			default: 'standard',
			description: 'Where users choose the location and approve the app. White-label agencies use the LeadConnector domain.',
		},
		{
			displayName: 'Custom Authorization URL',
			name: 'customAuthUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://marketplace.example.com/v2/oauth/chooselocation',
			displayOptions: { show: { authUrlChoice: ['custom'] } },
		},
		{
			displayName: 'Auth URL',
			name: 'authUrl',
			type: 'hidden',
			default:
				'={{ $self["authUrlChoice"] === "custom" ? $self["customAuthUrl"] : ($self["authUrlChoice"] === "whiteLabel" ? "https://marketplace.leadconnectorhq.com/v2/oauth/chooselocation" : "https://marketplace.gohighlevel.com/v2/oauth/chooselocation") }}',
		},
		{
			displayName: 'Scopes',
			name: 'scopeList',
			type: 'string',
			typeOptions: { rows: 3 },
			default: GHL_SCOPES.map(([scope]) => scope).join(' '),
			hint: `Enable the same scopes on the Marketplace app. ${GHL_SCOPES.map(([scope, purpose]) => `${scope}: ${purpose}`).join('; ')}. Agency apps also get ${AGENCY_SCOPES.join(' and ')} (location tokens).`,
			description:
				'Space-separated. Every operation of the nodes is covered by these; add others (e.g. for HTTP Request nodes that use this credential) at the end.',
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			// what n8n sends as the OAuth2 scope: Scopes, plus the agency scopes for an agency app (n8n computes
			// it from this default even for a credential that stored a scope before Scopes existed)
			default: `={{ [$self["scopeList"] || "", $self["userType"] === "Company" ? "${AGENCY_SCOPES.join(' ')}" : ""].join(" ").trim() }}`,
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://services.leadconnectorhq.com',
			description: 'Change only to use a local sandbox or a proxy',
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: '={{ $self["baseUrl"].replace(/\\/+$/, "") }}/oauth/token',
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			default: '',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
		{
			displayName: 'Send Additional Body Properties',
			name: 'sendAdditionalBodyProperties',
			type: 'hidden',
			default: true,
		},
		{
			displayName: 'Additional Body Properties',
			name: 'additionalBodyProperties',
			type: 'hidden',
			default: '={{ JSON.stringify({ user_type: $self["userType"] }) }}',
		},
	];
}
