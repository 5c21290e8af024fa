import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export class TookanApi implements ICredentialType {
	name = 'tookanApi';

	displayName = 'Tookan API';

	icon: Icon = { light: 'file:../icons/tookan.svg', dark: 'file:../icons/tookan.dark.svg' };

	documentationUrl = 'https://tookanapi.docs.apiary.io/';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'In the Tookan dashboard: Settings › API Keys › Generate Key (a V2 API key)',
		},
		{
			displayName: 'User ID',
			name: 'userId',
			type: 'string',
			default: '',
			description:
				'Your Tookan account (user) ID. Only region, merchant and a few legacy endpoints need it; find it on the account page of the dashboard.',
		},
		{
			displayName: 'Webhook Shared Secret',
			name: 'sharedSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'Used by the Tookan Trigger to accept only deliveries from your account. Set the same value in the Tookan dashboard (Settings › Notifications › Shared Secret).',
		},
		{
			displayName: 'Previous Webhook Shared Secret',
			name: 'previousSharedSecret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			description:
				'While you change the shared secret: the one Tookan sent until now. Deliveries with it are still accepted (their output says verifiedWith "previous"); clear it once Tookan sends the new one.',
		},
		{
			displayName: 'API Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.tookanapp.com/v2',
			description: 'Change only to use a local sandbox or a proxy',
		},
	];

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const apiKey = credentials.apiKey as string;
		if ((requestOptions.method ?? 'GET') === 'GET') {
			return { ...requestOptions, qs: { ...(requestOptions.qs ?? {}), api_key: apiKey } };
		}
		const body = (requestOptions.body ?? {}) as IDataObject;
		return { ...requestOptions, body: { ...body, api_key: apiKey } };
	}

	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{$credentials.baseUrl.replace(/\\/+$/, "")}}',
			url: '/get_user_details',
			method: 'POST',
			body: {},
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: { key: 'status', value: 101, message: 'The API key is not valid (Tookan status 101)' },
			},
			{
				type: 'responseSuccessBody',
				properties: { key: 'status', value: 100, message: 'Tookan says a parameter is missing (status 100)' },
			},
		],
	};
}
