import { createHmac } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeCredentialTestResult,
	ResourceMapperFields,
} from 'n8n-workflow';

import type { Secrets } from '../shared/trigger/secret';

/** The credential holding the workflow-webhook token (credentials/GhlWorkflowWebhookApi.credentials.ts). */
export const WORKFLOW_WEBHOOK_CREDENTIAL = 'ghlWorkflowWebhookApi';

export const TOKEN_HEADER = 'x-webhook-token';
export const TOKEN_QUERY = 'token';

/** Token `number` of a credential whose Token Secret is `seed`: 64 hex characters, the same every time. */
export function tokenFor(seed: string, number: number): string {
	return createHmac('sha256', seed).update(`ghl-workflow-webhook-token:${number}`).digest('hex');
}

export function tokenNumberOf(credentials: ICredentialDataDecryptedObject): number {
	const number = Math.floor(Number(credentials.rotation ?? 1));
	return Number.isFinite(number) && number >= 1 ? number : 1;
}

function seedOf(credentials: ICredentialDataDecryptedObject): string {
	return typeof credentials.tokenSecret === 'string' ? credentials.tokenSecret : '';
}

/** The tokens a delivery may carry: the current one, and the one before it while Accept Previous Token is on. */
export function credentialTokens(credentials: ICredentialDataDecryptedObject): Secrets {
	const seed = seedOf(credentials);
	if (!seed) return {};
	const number = tokenNumberOf(credentials);
	const previous = credentials.acceptPrevious === true && number > 1 ? tokenFor(seed, number - 1) : undefined;
	return { current: tokenFor(seed, number), previous };
}

/**
 * The credential dialog's check when the credential is saved: the settings that can be wrong (the token itself is
 * generated, see credentialWithSeed).
 */
export function checkWorkflowWebhookCredential(credential: ICredentialsDecrypted): INodeCredentialTestResult {
	const data = credential.data ?? {};
	const number = Number(data.rotation ?? 1);
	if (!Number.isInteger(number) || number < 1) {
		return { status: 'Error', message: 'Token Number must be a whole number, 1 or more' };
	}
	if (data.acceptPrevious === true && number === 1) {
		return { status: 'Error', message: 'Token 1 has no previous token: raise Token Number to rotate, or turn off Accept Previous Token' };
	}
	return { status: 'OK', message: 'Ready: the GHL Trigger panel shows the URL to paste into GHL' };
}

/** What the trigger's activation (IHookFunctions) and its panel (ILoadOptionsFunctions) both offer. */
interface SeedFunctions {
	getCredentials(type: string): Promise<ICredentialDataDecryptedObject>;
	getNode(): INode;
	helpers: { httpRequestWithAuthentication(this: unknown, type: string, options: IHttpRequestOptions): Promise<unknown> };
}

/** One seed generation at a time per credential in this process (the panel and an activation may ask at once). */
const generating = new Map<string, Promise<ICredentialDataDecryptedObject>>();

/**
 * Asks n8n to run the credential's `preAuthentication`, which it does for a request through
 * `httpRequestWithAuthentication` when the credential's `expirable` field (`tokenSecret`) is empty, and to store what it
 * returns. The request itself is never sent: its signal is aborted before n8n would send it.
 */
async function generateSeed(fn: SeedFunctions): Promise<void> {
	try {
		await fn.helpers.httpRequestWithAuthentication.call(fn, WORKFLOW_WEBHOOK_CREDENTIAL, {
			url: 'https://seed.invalid/',
			method: 'GET',
			abortSignal: AbortSignal.abort(),
		});
	} catch {
		// the aborted request: expected, the seed is stored by then
	}
}

/**
 * The credential, with its seed generated first when it has none yet (the first time a trigger's panel or
 * activation uses it). Throws when the node has no such credential or the seed could not be stored.
 */
export async function credentialWithSeed(fn: SeedFunctions): Promise<ICredentialDataDecryptedObject> {
	const credentials = await fn.getCredentials(WORKFLOW_WEBHOOK_CREDENTIAL);
	if (seedOf(credentials)) return credentials;
	const key = fn.getNode().credentials?.[WORKFLOW_WEBHOOK_CREDENTIAL]?.id ?? '';
	let pending = generating.get(key);
	if (!pending) {
		pending = (async () => {
			const again = await fn.getCredentials(WORKFLOW_WEBHOOK_CREDENTIAL);
			if (seedOf(again)) return again;
			await generateSeed(fn);
			return await fn.getCredentials(WORKFLOW_WEBHOOK_CREDENTIAL);
		})();
		generating.set(key, pending);
		void pending.finally(() => generating.delete(key)).catch(() => undefined);
	}
	const generated = await pending;
	if (!seedOf(generated)) throw new Error('n8n did not store a token for the GHL Workflow Webhook credential');
	return generated;
}

/**
 * The production URL of a trigger node: n8n's webhook base (its REST API URL without the `rest` segment, the same
 * base WEBHOOK_URL sets) + `webhook/<webhookId>/webhook`. Assumes n8n's default webhook endpoint name (`webhook`).
 */
export function productionUrlOf(restApiUrl: string, webhookId: string): string {
	const base = new URL('.', restApiUrl.replace(/\/+$/, '')).href;
	return `${base}webhook/${webhookId}/webhook`;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A long value as HTML the panel can wrap: `<wbr>` (a line break opportunity that copying leaves out) after
 * each slash and question mark and every 16 characters of a long run.
 */
export function wrappable(text: string): string {
	const chunks = text.match(/[^/?]{1,16}[/?]?|[/?]/g) ?? [];
	return chunks.map(escapeHtml).join('<wbr>');
}

/** What the panel shows while there is nothing to show yet. */
const notice = (html: string): ResourceMapperFields => ({ fields: [], emptyFieldsNotice: html });

/**
 * The ready-to-paste setup the trigger panel shows under the credential: the complete URL for GHL's Webhook action
 * and the header for a Custom Webhook, computed inside n8n (the editor cannot read a credential). n8n shows it as
 * the notice of an empty field list; `webhookId` is the node's own (the editor resolves `{{ $webhookId }}`).
 */
export async function setupNotice(fn: ILoadOptionsFunctions, webhookId: unknown): Promise<ResourceMapperFields> {
	if (!fn.getNode().credentials?.[WORKFLOW_WEBHOOK_CREDENTIAL]?.id) {
		// n8n's editor asks again when the panel opens (not when a credential is picked)
		return notice('The URL to paste into GHL appears here once this node has a <b>GHL Workflow Webhook</b> credential: choose or create one, then open this panel again.');
	}
	let credentials: ICredentialDataDecryptedObject;
	try {
		credentials = await credentialWithSeed(fn);
	} catch (error) {
		return notice(`The token could not be read: ${escapeHtml((error as Error).message)}`);
	}
	const { current, previous } = credentialTokens(credentials);
	const url = `${productionUrlOf(fn.getRestApiUrl(), typeof webhookId === 'string' ? webhookId : '')}?${TOKEN_QUERY}=${current}`;
	const lines = [
		'<b>Paste this URL</b> into the GHL workflow\'s <b>Webhook</b> action (it works once this workflow is published; for a test event, the Test URL with the same token):',
		`<code>${wrappable(url)}</code>`,
		`Or, in a <b>Custom Webhook</b> action, the Production URL above with this header: <code>X-Webhook-Token: ${wrappable(current ?? '')}</code>`,
	];
	if (previous) {
		lines.push(
			`Token ${tokenNumberOf(credentials) - 1} is still accepted (outputs say verifiedWith "previous"): turn off Accept Previous Token in the credential once GHL sends the URL above.`,
		);
	}
	return notice(lines.join('<br>'));
}
