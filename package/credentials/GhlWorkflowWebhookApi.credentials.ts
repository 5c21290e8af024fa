import { randomBytes } from 'crypto';
import type { Icon, ICredentialDataDecryptedObject, ICredentialType, IDataObject, INodeProperties } from 'n8n-workflow';

/**
 * The secret a GHL workflow's Webhook action sends to the GHL Trigger (`?token=` or `X-Webhook-Token`).
 *
 * Nothing is typed here: `tokenSecret` is 32 random bytes n8n stores (encrypted) the first time a GHL Trigger
 * uses the credential, and the token is derived from it and the Token Number (`rotation`), so raising the number
 * by one gives a new token while the one before it is still known (rotation). n8n offers no hook that runs when a credential
 * is created (the dialog saves only what is typed; a default is a fixed value or an expression evaluated anew at
 * every use), but it does persist what `preAuthentication` returns for an empty `expirable` hidden field. The
 * GHL Trigger asks n8n to run it (see nodes/GhlTrigger/token.ts); the value then never changes: not when the
 * credential is saved again, nor when a workflow using it is copied, imported or duplicated.
 */
export class GhlWorkflowWebhookApi implements ICredentialType {
	name = 'ghlWorkflowWebhookApi';

	displayName = 'GHL Workflow Webhook API';

	icon: Icon = { light: 'file:../icons/ghl.svg', dark: 'file:../icons/ghl.dark.svg' };

	documentationUrl = 'https://github.com/n8n-nodes-ghl-tookan/n8n-nodes-ghl-tookan#rotating-webhook-secrets';

	properties: INodeProperties[] = [
		{
			displayName:
				'Nothing to type: n8n generates a random token for this credential the first time a GHL Trigger uses it. The trigger\'s panel shows the URL to paste into your GHL workflow\'s Webhook action.',
			name: 'setupNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Token Number',
			name: 'rotation',
			type: 'number',
			typeOptions: { minValue: 1, numberPrecision: 0 },
			default: 1,
			description:
				'Raise it by one to replace the token (rotation). The trigger panel then shows the new URL; turn on Accept Previous Token until GHL sends it.',
		},
		{
			displayName: 'Accept Previous Token',
			name: 'acceptPrevious',
			type: 'boolean',
			default: false,
			description:
				'Whether deliveries with the token of the number before this one are still accepted (their output says verifiedWith "previous"). Turn it off once no delivery uses it.',
		},
		{
			displayName: 'Token Secret',
			name: 'tokenSecret',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
	];

	/** n8n runs this when `tokenSecret` is empty and persists what it returns (see the class comment). */
	async preAuthentication(credentials: ICredentialDataDecryptedObject): Promise<IDataObject> {
		const secret = credentials.tokenSecret;
		return { tokenSecret: typeof secret === 'string' && secret ? secret : randomBytes(32).toString('hex') };
	}
}
