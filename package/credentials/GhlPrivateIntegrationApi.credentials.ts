import type {
	IAuthenticateGeneric,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class GhlPrivateIntegrationApi implements ICredentialType {
	name = 'ghlPrivateIntegrationApi';

	displayName = 'GHL Private Integration Token API';

	icon: Icon = { light: 'file:../icons/ghl.svg', dark: 'file:../icons/ghl.dark.svg' };

	documentationUrl = 'https://marketplace.gohighlevel.com/docs/Authorization/PrivateIntegrationsToken';

	properties: INodeProperties[] = [
		{
			displayName:
				'Set up: (1) In the HighLevel sub-account: Settings › Private Integrations › Create new integration. (2) Select the scopes the nodes use: contacts, businesses, locations, custom fields, tags, users, campaigns and workflows. (3) Copy the token into Private Integration Token below, and the sub-account\'s Location ID (Settings › Business Profile, or the ID after /location/ in its app URL). A token does not receive Marketplace webhooks: with one, use the GHL Trigger\'s Workflow Webhook Action source or the GHL Poll Trigger.',
			name: 'setupNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Private Integration Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description:
				'In the sub-account: Settings › Private Integrations › Create new integration, select the scopes the nodes need (contacts, businesses, users, custom fields, tags, campaigns, workflows) and copy the token',
		},
		{
			displayName: 'Location ID',
			name: 'locationId',
			type: 'string',
			required: true,
			default: '',
			placeholder: 'e.g. ve9EPM428h8vShlRW1KT',
			description:
				'The sub-account the token belongs to: Settings › Business Profile › "Location ID", or the ID after /location/ in the app URL',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://services.leadconnectorhq.com',
			description: 'Change only to use a local sandbox or a proxy',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
			},
		},
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '=/contacts/?locationId={{$credentials.locationId}}&limit=1',
			method: 'GET',
			headers: { Version: '2021-07-28' },
		},
	};
}
