import type {
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { TOOKAN_CREDENTIAL } from '../shared/tookan';
import { confirmationHints, confirmDeliveries, previousSecretHint } from '../shared/trigger/confirm';
import { isRegistered, POST_WEBHOOK, register, unregister, type Setup } from '../shared/trigger/registration';
import { receiveOrRetry } from '../shared/trigger/respond';
import { fingerprint, secretsFingerprint } from '../shared/trigger/secret';
import { tookanTriggerProperties } from './properties';
import { fetchTaskDetails, receiveTookan, sharedSecrets } from './receive';

/** Identifies the secrets and filters in use, without storing a secret. */
async function setupOf(fn: IHookFunctions): Promise<Setup> {
	const secrets = sharedSecrets(await fn.getCredentials(TOOKAN_CREDENTIAL));
	if (!secrets.current) {
		throw new NodeOperationError(fn.getNode(), 'The Tookan credential has no Webhook Shared Secret', {
			description:
				'Set the same shared secret in the credential and in the Tookan dashboard; without it the trigger cannot tell real deliveries from forged ones.',
		});
	}
	const filters = [fn.getNodeParameter('statuses', []), fn.getNodeParameter('templateKeys', '')];
	return { setup: 'tookan', fingerprint: fingerprint(JSON.stringify([secretsFingerprint(secrets), filters])) };
}

export class TookanTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tookan Trigger',
		name: 'tookanTrigger',
		icon: { light: 'file:../../icons/tookan.svg', dark: 'file:../../icons/tookan.dark.svg' },
		group: ['trigger'],
		// 2: n8n reads the body without evaluating an expression (it does for every version 1 webhook node)
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ $parameter["templateKeys"] || "Task status changes" }}',
		description: 'Starts the workflow when Tookan reports a task status change (verified by the shared secret)',
		defaults: {
			name: 'Tookan Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: TOOKAN_CREDENTIAL, required: true }],
		webhooks: [POST_WEBHOOK],
		properties: tookanTriggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return isRegistered(this, await setupOf(this));
			},
			async create(this: IHookFunctions): Promise<boolean> {
				register(this, await setupOf(this));
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				unregister(this);
				return true;
			},
		},
	};

	/** The webhook phase: verify the secret, filter, drop duplicates, start the execution (n8n answers once it exists). */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveOrRetry(this, async () => await receiveTookan(this));
	}

	/** The execution phase: checks the delivery once more in queue mode (see confirm.ts), then fetches details. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const confirmed = await confirmDeliveries(this);
		confirmationHints(this, confirmed);
		previousSecretHint(this, confirmed.items, 'the Previous Webhook Shared Secret');
		return [await fetchTaskDetails(this, confirmed.items)];
	}
}
