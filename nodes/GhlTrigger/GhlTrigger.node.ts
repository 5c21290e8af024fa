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

import { ghlCredentials } from '../shared/ghl';
import { confirmationHints, confirmDeliveries } from '../shared/trigger/confirm';
import { GHL_DESCRIPTION } from '../shared/legacy';
import { isRegistered, POST_WEBHOOK, register, unregister, type Setup } from '../shared/trigger/registration';
import { receiveOrRetry } from '../shared/trigger/respond';
import { receiveAppEvent } from './app';
import { receiveAutomation } from './automation';
import { enrichEvents } from './enrich';
import { ghlTriggerProperties } from './properties';
import { attempt, readAppSettings, readAutomationSettings, SettingsError } from './settings';

/** The settings of the chosen source, or the reason they cannot work. */
function setupOf(fn: IHookFunctions): Setup | SettingsError {
	const setup = fn.getNodeParameter('source', 'app') as string;
	const read = setup === 'automation' ? readAutomationSettings : readAppSettings;
	const settings = attempt(() => read(fn));
	return settings instanceof SettingsError ? settings : { setup, fingerprint: settings.fingerprint };
}

/** The setup to record; settings that cannot work stop the activation with the reason. */
function requireSetup(fn: IHookFunctions): Setup {
	const setup = setupOf(fn);
	if (!(setup instanceof SettingsError)) return setup;
	throw new NodeOperationError(fn.getNode(), `The GHL Trigger cannot accept deliveries: ${setup.message}`, {
		description: 'Fix the setting and activate the workflow again.',
	});
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
		// shown only for a chosen connection (Authentication "None" needs no credential)
		credentials: ghlCredentials,
		webhooks: [POST_WEBHOOK],
		properties: ghlTriggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const setup = setupOf(this);
				return !(setup instanceof SettingsError) && isRegistered(this, setup);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				register(this, requireSetup(this));
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
		return [await enrichEvents(this, confirmed.items)];
	}
}
