import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { ghlCredentials } from '../shared/ghl';
import { isRegistered, register, unregister } from '../shared/trigger/registration';
import { receiveAppEvent } from './app';
import { receiveAutomation } from './automation';
import { ghlTriggerProperties } from './properties';
import { attempt, readAppSettings, readAutomationSettings, SettingsError } from './settings';

/** The settings of the chosen source, or the reason they cannot work. */
function setupOf(fn: IHookFunctions): { source: string; fingerprint: string } | SettingsError {
	const source = fn.getNodeParameter('source', 'app') as string;
	const read = source === 'automation' ? readAutomationSettings : readAppSettings;
	const settings = attempt(() => read(fn));
	return settings instanceof SettingsError ? settings : { source, fingerprint: settings.fingerprint };
}

export class GhlTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GHL Trigger',
		name: 'ghlTrigger',
		icon: { light: 'file:../../icons/ghl.svg', dark: 'file:../../icons/ghl.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{ $parameter["source"] === "automation" ? "Workflow webhook" : $parameter["events"].join(", ") }}',
		description: 'Starts the workflow when HighLevel (GHL) sends a verified webhook',
		defaults: {
			name: 'GHL Trigger',
		},
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: ghlCredentials.map((c) => ({
			...c,
			required: true,
			displayOptions: { show: { ...c.displayOptions.show, enrich: [true] } },
		})),
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: ghlTriggerProperties,
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const setup = setupOf(this);
				if (setup instanceof SettingsError) return false;
				return isRegistered(this, setup.source, setup.fingerprint);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const setup = setupOf(this);
				if (setup instanceof SettingsError) {
					throw new NodeOperationError(this.getNode(), `The GHL Trigger cannot accept deliveries: ${setup.message}`, {
						description: 'Fix the setting and activate the workflow again.',
					});
				}
				register(this, setup.source, setup.fingerprint);
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				unregister(this);
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const source = this.getNodeParameter('source', 'app') as string;
		return source === 'automation' ? await receiveAutomation(this) : await receiveAppEvent(this);
	}
}
