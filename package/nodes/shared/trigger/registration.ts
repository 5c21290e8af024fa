import type { IDataObject, IHookFunctions, IWebhookDescription } from 'n8n-workflow';

/**
 * The one endpoint every trigger of this package listens on: POST, answered as soon as the execution exists
 * (n8n 2.x; 1.x answers just before starting it). The response data is declared empty, so n8n answers with
 * the node's own `webhookResponse` (left undeclared, it would answer the literal text "firstEntryJson").
 * Every value is static: receiving a delivery needs no expression.
 */
export const POST_WEBHOOK: IWebhookDescription = {
	name: 'default',
	httpMethod: 'POST',
	responseMode: 'onReceived',
	responseData: '',
	path: 'webhook',
};

/** What a trigger was set up with: its mode and a fingerprint of the settings that matter. */
export interface Setup {
	setup: string;
	fingerprint: string;
}

/**
 * GHL and Tookan have no API to subscribe a webhook: the user pastes the URL into the Marketplace app, the
 * GHL workflow action or the Tookan dashboard. So "registering" means checking that this node can accept
 * deliveries (the caller validates its settings first and throws when they cannot work) and recording what
 * was set up, in the node's static data: URL, mode and a fingerprint of the settings that matter.
 */
export interface Registration extends IDataObject {
	url: string;
	setup: string;
	fingerprint: string;
	since: string;
}

const KEY = 'registration';

function current(fn: IHookFunctions): Registration | undefined {
	const value = fn.getWorkflowStaticData('node')[KEY];
	return value && typeof value === 'object' ? (value as Registration) : undefined;
}

/** True when the recorded setup is the one the node has now (same URL, same settings). */
export function isRegistered(fn: IHookFunctions, wanted: Setup): boolean {
	const found = current(fn);
	if (!found) return false;
	return found.url === fn.getNodeWebhookUrl('default') && found.setup === wanted.setup && found.fingerprint === wanted.fingerprint;
}

export function register(fn: IHookFunctions, wanted: Setup): Registration {
	const registration: Registration = {
		url: fn.getNodeWebhookUrl('default') ?? '',
		setup: wanted.setup,
		fingerprint: wanted.fingerprint,
		since: new Date().toISOString(),
	};
	fn.getWorkflowStaticData('node')[KEY] = registration;
	return registration;
}

/** Forgets the recorded setup (the URL stays in the external service until the user removes it there). */
export function unregister(fn: IHookFunctions): void {
	delete fn.getWorkflowStaticData('node')[KEY];
}
