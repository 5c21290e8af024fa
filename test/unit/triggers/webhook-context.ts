/**
 * A stand-in for n8n's webhook and hook contexts around the shared test context (real HTTP with credential
 * auth for enrichment): the request (raw body, parsed body, headers, query), a response recorder, static
 * data and the webhook URL.
 */
import type { IDataObject, IHookFunctions, INodeType, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { markExercised } from '../../helpers/exercised';
import { fakeContext, type ContextOptions } from '../../helpers/n8n-context';

export interface Delivery {
	/** A JSON value (serialised as the raw body) or the exact raw text. */
	body: unknown;
	headers?: Record<string, string>;
	query?: Record<string, string>;
}

export interface RecordedResponse {
	statusCode?: number;
	body?: unknown;
}

export interface WebhookRun {
	result: IWebhookResponseData;
	response: RecordedResponse;
	/** The items the execution would start with, or undefined when none starts. */
	items?: IDataObject[];
}

export const WEBHOOK_URL = 'http://127.0.0.1:5678/webhook/6f1c3a52-test/webhook';

export function rawOf(body: unknown): Buffer {
	return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
}

export function webhookContext(options: ContextOptions & { delivery: Delivery; workflowId?: string }) {
	const { fn } = fakeContext({ staticData: {}, ...options });
	const { delivery } = options;
	const raw = rawOf(delivery.body);
	const headers = Object.fromEntries(Object.entries(delivery.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
	const parsed = typeof delivery.body === 'string' ? (JSON.parse(delivery.body) as IDataObject) : (delivery.body as IDataObject);
	const response: RecordedResponse = {};
	const res = {
		status(code: number) {
			response.statusCode = code;
			return res;
		},
		json(body: unknown) {
			response.body = body;
			return res;
		},
		send(body: unknown) {
			response.body = body;
			return res;
		},
		end() {
			return res;
		},
	};
	const webhookFn = Object.assign(Object.create(fn) as object, {
		getRequestObject: () => ({ rawBody: raw, body: parsed, headers, query: delivery.query ?? {} }),
		getResponseObject: () => res,
		getHeaderData: () => headers,
		getBodyData: () => parsed,
		getQueryData: () => delivery.query ?? {},
		getWorkflow: () => ({ id: options.workflowId ?? 'wf-unit', active: true }),
		getNodeWebhookUrl: () => WEBHOOK_URL,
		getWebhookName: () => 'default',
	}) as unknown as IWebhookFunctions & IHookFunctions;
	return { fn: webhookFn, response };
}

/** Calls the node's webhook() for one delivery, as n8n does. */
export async function deliver(
	node: INodeType,
	options: ContextOptions & { delivery: Delivery; workflowId?: string },
): Promise<WebhookRun> {
	const { fn, response } = webhookContext(options);
	const result = await node.webhook!.call(fn);
	const items = result.workflowData?.[0]?.map((i) => i.json);
	for (const item of items ?? []) {
		const event = item.type ?? item.job_status ?? (item.contact ? 'workflowWebhook' : undefined);
		if (event !== undefined) markExercised(`${node.description.name}:event:${String(event)}`);
	}
	return { result, response, items };
}

/** The node's webhookMethods.default, bound to a hook context. */
export function lifecycle(node: INodeType, options: ContextOptions) {
	const { fn } = webhookContext({ ...options, delivery: { body: {} } });
	const methods = node.webhookMethods!.default!;
	return {
		checkExists: () => methods.checkExists.call(fn),
		create: () => methods.create.call(fn),
		delete: () => methods.delete.call(fn),
	};
}
