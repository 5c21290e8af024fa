import type { IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

/**
 * Refuses a delivery: answers `status` (401 for a missing or wrong signature/secret) with a short reason
 * and starts no execution. The reason names what was wrong, never a secret value.
 */
export function reject(fn: IWebhookFunctions, status: number, reason: string): IWebhookResponseData {
	fn.getResponseObject().status(status).json({ accepted: false, reason });
	return { noWebhookResponse: true };
}

/**
 * Accepts a genuine delivery without starting an execution (a duplicate, an event the node does not
 * listen to). Answers 200 so the sender does not retry.
 */
export function skip(reason: string): IWebhookResponseData {
	return { webhookResponse: { accepted: true, started: false, reason } };
}

/** Reads one header (Express lower-cases names); repeated headers count as absent. */
export function header(fn: IWebhookFunctions, name: string): string | undefined {
	const value = fn.getHeaderData()[name.toLowerCase()];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The exact bytes received, as n8n kept them for typeVersion 1 webhook nodes. */
export function rawBody(fn: IWebhookFunctions): Buffer | undefined {
	const raw = (fn.getRequestObject() as { rawBody?: unknown }).rawBody;
	return Buffer.isBuffer(raw) && raw.length > 0 ? raw : undefined;
}
