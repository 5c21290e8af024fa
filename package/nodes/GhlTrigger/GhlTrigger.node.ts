import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	IExecuteFunctions,
	IHookFunctions,
	ILoadOptionsFunctions,
	INodeCredentialTestResult,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
	ResourceMapperFields,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { GHL_DESCRIPTION } from '../shared/legacy';
import { confirmationHints, confirmDeliveries, previousSecretHint } from '../shared/trigger/confirm';
import { isRegistered, POST_WEBHOOK, register, unregister, type Setup } from '../shared/trigger/registration';
import { receiveOrRetry } from '../shared/trigger/respond';
import { receiveAppEvent } from './app';
import { receiveAutomation } from './automation';
import { enrichEvents } from './enrich';
import { ghlTriggerProperties, TOKEN_SOURCE, withCredential } from './properties';
import { attempt, readAppSettings, readAutomationSettings, SettingsError } from './settings';
import { checkWorkflowWebhookCredential, credentialWithSeed, setupNotice } from './token';

/** The settings of the chosen source, or the reason they cannot work. */
function setupOf(fn: IHookFunctions): Setup | SettingsError {
	const setup = fn.getNodeParameter('source', 'app') as string;
	const read = setup === 'automation' ? readAutomationSettings : readAppSettings;
	const settings = attempt(() => read(fn));
	return settings instanceof SettingsError ? settings : { setup, fingerprint: settings.fingerprint };
}

/**
 * The setup to record; settings that cannot work stop the activation with the reason. A workflow-webhook token
 * credential gets its token now if it has none yet (the panel may never have been opened, e.g. an imported
 * workflow published through the API).
 */
async function requireSetup(fn: IHookFunctions): Promise<Setup> {
	const setup = setupOf(fn);
	if (setup instanceof SettingsError) {
		throw new NodeOperationError(fn.getNode(), `The GHL Trigger cannot accept deliveries: ${setup.message}`, {
			description: 'Fix the setting and activate the workflow again.',
		});
	}
	if (setup.setup === 'automation' && readAutomationSettings(fn).source !== TOKEN_SOURCE.parameter) {
		try {
			await credentialWithSeed(fn);
		} catch (error) {
			throw new NodeOperationError(fn.getNode(), `The GHL Trigger cannot accept deliveries: ${(error as Error).message}`, {
				description: 'Check the GHL Workflow Webhook credential and activate the workflow again.',
			});
		}
	}
	return setup;
}

export class GhlTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GHL Trigger',
		name: 'ghlTrigger',
		icon: { light: 'file:../../icons/ghl.svg', dark: 'file:../../icons/ghl.dark.svg' },
		group: ['trigger'],
		// 2: n8n reads the body without evaluating an expression (it does for every version 1 webhook node),
		// and identical workflow-hook bodies count as one delivery by default
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{ $parameter["source"] === "automation" ? "Workflow webhook" : $parameter["events"].join(", ") }}',
		description: GHL_DESCRIPTION,
		defaults: {
			name: 'GHL Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			// the workflow-webhook token (type version 1: once Token Source is no longer the parameter alone)
			{ name: 'ghlWorkflowWebhookApi', required: true, testedBy: 'ghlWorkflowWebhookTest', displayOptions: withCredential },
			// a GHL connection, only for Enrich (Authentication "None" needs none); the same two as every GHL node
			// (ghlCredentials, spelled out: n8n's lint rules read this array literally)
			{ name: 'ghlOAuth2Api', required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
			{ name: 'ghlPrivateIntegrationApi', required: true, displayOptions: { show: { authentication: ['privateIntegrationToken'] } } },
		],
		webhooks: [POST_WEBHOOK],
		properties: ghlTriggerProperties,
	};

	methods = {
		credentialTest: {
			async ghlWorkflowWebhookTest(this: ICredentialTestFunctions, credential: ICredentialsDecrypted): Promise<INodeCredentialTestResult> {
				return checkWorkflowWebhookCredential(credential);
			},
		},
		resourceMapping: {
			/** The ready-to-paste URL and header of the workflow-webhook mode (see token.ts). */
			async workflowWebhookSetup(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
				return await setupNotice(this, this.getCurrentNodeParameter('setupWebhookId'));
			},
		},
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const setup = setupOf(this);
				return !(setup instanceof SettingsError) && isRegistered(this, setup);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				register(this, await requireSetup(this));
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				unregister(this);
				return true;
			},
		},
	};

	/** The webhook phase: verify, filter, drop duplicates, start the execution (n8n answers once it exists). */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const source = this.getNodeParameter('source', 'app') as string;
		return await receiveOrRetry(this, async () => (source === 'automation' ? await receiveAutomation(this) : await receiveAppEvent(this)));
	}

	/**
	 * The execution phase: n8n runs it with the item the webhook phase started the execution with. It checks
	 * the delivery once more where the execution runs in another process (queue mode), then enriches.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const confirmed = await confirmDeliveries(this);
		confirmationHints(this, confirmed);
		previousSecretHint(this, confirmed.items, this.getNodeParameter('source', 0, 'app') === 'automation' ? 'the previous token' : 'the Previous Public Key');
		return [await enrichEvents(this, confirmed.items)];
	}
}
