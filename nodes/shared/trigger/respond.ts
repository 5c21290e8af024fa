import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

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

/**
 * Starts one execution with `item`. With `complete` (e.g. fetching more data), the sender gets its 200
 * first and the item is completed afterwards, so a slow API never delays the answer: GHL and Tookan do not
 * re-send a delivery that was answered.
 */
export async function start(
	fn: IWebhookFunctions,
	item: IDataObject,
	complete?: (item: IDataObject) => Promise<IDataObject>,
): Promise<IWebhookResponseData> {
	if (!complete) return { workflowData: [fn.helpers.returnJsonArray([item])] };
	fn.getResponseObject().status(200).json({ accepted: true, started: true });
	return { noWebhookResponse: true, workflowData: [fn.helpers.returnJsonArray([await complete(item)])] };
}
