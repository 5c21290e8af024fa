import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { DELIVERY_KEY } from './confirm';
import { confirmDelivery, releaseDelivery } from './deliveries';
import { recordReceipt } from './receipts';

/** The reason given for a copy of a delivery that was already accepted. */
export const DUPLICATE = 'duplicate delivery';

/**
 * The status for a delivery the trigger cannot take now. GHL re-sends a webhook only when the receiver answers
 * 429 (up to 6 times, about 10 minutes apart); a 5xx, a timeout or a refused connection is final.
 */
export const TRY_LATER = 429;
/** Seconds a sender should wait before sending again (GHL keeps its own schedule). */
export const RETRY_AFTER_SECONDS = '60';

/**
 * Refuses a delivery: answers `status` (401 for a missing or wrong signature/secret) with a short reason
 * and starts no execution. The reason names what was wrong, never a secret value.
 */
export function reject(fn: IWebhookFunctions, status: number, reason: string): IWebhookResponseData {
	fn.getResponseObject().status(status).json({ received: false, reason });
	return { noWebhookResponse: true };
}

/**
 * Answers 429 for a delivery the trigger cannot take now (a setting it needs is missing or broken, or it
 * failed), so that GHL sends it again later instead of dropping it. Starts no execution.
 */
export function refuse(fn: IWebhookFunctions, reason: string): IWebhookResponseData {
	const res = fn.getResponseObject();
	res.setHeader('Retry-After', RETRY_AFTER_SECONDS);
	res.status(TRY_LATER).json({ received: false, retry: true, reason });
	return { noWebhookResponse: true };
}

/**
 * Runs a trigger's webhook phase; if it fails unexpectedly, the delivery is answered 429 (try again later)
 * instead of the 500 n8n would send for a failed webhook node.
 */
export async function receiveOrRetry(
	fn: IWebhookFunctions,
	receive: () => Promise<IWebhookResponseData>,
): Promise<IWebhookResponseData> {
	try {
		return await receive();
	} catch (error) {
		fn.logger.error(`${fn.getNode().name} could not take a delivery, answered 429: ${(error as Error).message}`);
		return refuse(fn, 'the trigger failed to take the delivery; send it again later');
	}
}

/**
 * When n8n cannot start the execution of an accepted delivery (its database refuses the execution, for
 * instance), it answers the request itself, with a 5xx, after the node returned. The node still holds the
 * response then: a 5xx status set on it becomes 429 (with Retry-After), so GHL sends the delivery again, and
 * `onRefused` runs (the delivery's claim is given up, so that copy is taken).
 */
export function retryOnServerError(fn: IWebhookFunctions, onRefused: () => void = () => undefined): void {
	const res = fn.getResponseObject();
	const setStatus = res.status.bind(res);
	res.status = ((code: number) => {
		if (code < 500 || res.headersSent) return setStatus(code);
		onRefused();
		res.setHeader('Retry-After', RETRY_AFTER_SECONDS);
		return setStatus(TRY_LATER);
	}) as typeof res.status;
}

/**
 * Takes a genuine delivery without starting an execution (a duplicate, an event the node does not listen
 * to). Answers 200 so the sender does not retry.
 */
export function skip(reason: string): IWebhookResponseData {
	return { webhookResponse: { received: true, started: false, reason } };
}

/**
 * Accepts a delivery: starts one execution with `item`, and n8n answers 200 `{"received":true}` once it has
 * created the execution (so a sender is never told "received" for an execution n8n could not create, and a
 * busy n8n slows its senders down instead of piling up deliveries).
 *
 * The answer is read from `webhookResponse` when n8n builds it, and that is when a checked delivery is recorded
 * (`hashed`, see deliveries.ts), together with the time the workflow last took a delivery (receipts.ts): n8n saves a webhook node's static data just before it sends the answer, but
 * only when it changed after n8n 2.x started the execution (starting it resets the "changed" flag of the
 * static data), so a change made earlier in the webhook call would never reach the database. The key also
 * travels with the item to the execution phase (see confirm.ts).
 */
export function accept(fn: IWebhookFunctions, item: IDataObject, hashed?: string): IWebhookResponseData {
	retryOnServerError(fn, () => {
		if (hashed) releaseDelivery(fn, hashed);
	});
	return {
		workflowData: [[hashed ? { json: item, [DELIVERY_KEY]: hashed } : { json: item }]],
		get webhookResponse() {
			// the execution exists: whatever happens to the records, the answer is "received"
			try {
				if (hashed) confirmDelivery(fn, hashed);
				if (fn.getMode() !== 'manual') recordReceipt(fn.getWorkflowStaticData('global'), Date.now());
			} catch {
				// a record that cannot be written costs a duplicate check or a catch-up window, never the delivery
			}
			return { received: true };
		},
	};
}

/** Reads one header (Express lower-cases names); repeated headers count as absent. */
export function header(fn: IWebhookFunctions, name: string): string | undefined {
	const value = fn.getHeaderData()[name.toLowerCase()];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

interface RawRequest {
	rawBody?: unknown;
	readRawBody?: () => Promise<void>;
}

export interface Delivered {
	/** The exact bytes received; undefined when there were none. */
	raw: Buffer | undefined;
	body: IDataObject;
}

function jsonObject(raw: Buffer | undefined): IDataObject {
	try {
		const value: unknown = raw ? JSON.parse(raw.toString('utf8')) : undefined;
		return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
	} catch {
		return {};
	}
}

/**
 * The request body, raw and parsed. n8n reads and parses JSON bodies before the node runs; for type version 2
 * nodes it leaves bodies of other content types unread, so those are read here and parsed as JSON.
 */
export async function delivered(fn: IWebhookFunctions): Promise<Delivered> {
	const request = fn.getRequestObject() as RawRequest;
	if (!Buffer.isBuffer(request.rawBody) && typeof request.readRawBody === 'function') {
		try {
			await request.readRawBody();
		} catch {
			// an aborted or unreadable request has no body
		}
	}
	const raw = Buffer.isBuffer(request.rawBody) && request.rawBody.length > 0 ? request.rawBody : undefined;
	const parsed: unknown = fn.getBodyData();
	const usable = parsed && typeof parsed === 'object' && !Array.isArray(parsed) && Object.keys(parsed).length > 0;
	return { raw, body: usable ? (parsed as IDataObject) : jsonObject(raw) };
}
