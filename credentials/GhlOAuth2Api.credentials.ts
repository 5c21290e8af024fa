import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

/** Every scope an operation of this package needs (sub-account app). Agency apps add oauth.readonly oauth.write. */
export const GHL_DEFAULT_SCOPES = [
	'contacts.readonly',
	'contacts.write',
	'businesses.readonly',
	'businesses.write',
	'locations.readonly',
	'locations/customFields.readonly',
	'locations/tags.readonly',
	'users.readonly',
	'campaigns.readonly',
	'workflows.readonly',
].join(' ');

export class GhlOAuth2Api implements ICredentialType {
	name = 'ghlOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'GHL OAuth2 API';

	icon: Icon = { light: 'file:../icons/ghl.svg', dark: 'file:../icons/ghl.dark.svg' };

	documentationUrl = 'https://marketplace.gohighlevel.com/docs/Authorization/OAuth2.0';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName:
				'Create a Marketplace app (My Apps › Create App), add the scopes below to it, and paste n8n\'s OAuth Redirect URL as the app\'s redirect URL. Client ID and Client Secret are on the app\'s "Secrets" page.',
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
			displayName: 'Scope',
			name: 'scope',
			type: 'string',
			default: GHL_DEFAULT_SCOPES,
			description:
				'Space-separated scopes; they must also be enabled on the Marketplace app. Agency apps also need oauth.readonly and oauth.write.',
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
