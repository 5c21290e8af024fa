/**
 * A stand-in for n8n's webhook and hook contexts around the shared test context (real HTTP with credential
 * auth for enrichment): the request (raw body, parsed body, headers, query), a response recorder, static
 * data and the webhook URL. `deliver` runs a delivery as n8n does: webhook(), then, when it started an
 * execution, the trigger's execute() with the started items (in the same process, as in n8n's regular mode).
 */
import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	IWebhookFunctions,
	IWebhookResponseData,
	NodeExecutionHint,
} from 'n8n-workflow';

import { forgetCredentialReads } from '../../../package/nodes/shared/trigger/secret';
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
	headers?: Record<string, string>;
}

export interface WebhookRun {
	result: IWebhookResponseData;
	response: RecordedResponse;
	/** The trigger's output in the execution the delivery started, or undefined when none starts. */
	items?: IDataObject[];
	/** Hints the trigger's execution phase showed. */
	hints: NodeExecutionHint[];
}

export interface DeliveryOptions extends ContextOptions {
	delivery: Delivery;
	workflowId?: string;
	/** The node's type version (default 2, the current one). */
	typeVersion?: number;
	/**
	 * Keep what earlier deliveries read from the credential (secret.ts keeps it for a few seconds per credential
	 * id, and every stand-in credential of a type has the same id): off by default, so each delivery reads the
	 * credentials it is given, as after FRESH_MS in n8n.
	 */
	keepCredentialReads?: boolean;
}

export const WEBHOOK_URL = 'http://127.0.0.1:5678/webhook/6f1c3a52-test/webhook';

export function rawOf(body: unknown): Buffer {
	return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body), 'utf8');
}

export function webhookContext(options: DeliveryOptions) {
	if (!options.keepCredentialReads) forgetCredentialReads();
	const { fn, node } = fakeContext({ staticData: {}, ...options });
	const mode = options.mode ?? 'webhook';
	const { delivery } = options;
	const raw = rawOf(delivery.body);
	const headers = Object.fromEntries(Object.entries(delivery.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
	const parsed = typeof delivery.body === 'string' ? (JSON.parse(delivery.body) as IDataObject) : (delivery.body as IDataObject);
	const response: RecordedResponse = {};
	const res = {
		headersSent: false,
		status(code: number) {
			response.statusCode = code;
			return res;
		},
		setHeader(name: string, value: string) {
			response.headers = { ...response.headers, [name.toLowerCase()]: value };
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
		getNode: () => ({ ...node, typeVersion: options.typeVersion ?? 2 }),
		getMode: () => mode,
		getNodeWebhookUrl: () => WEBHOOK_URL,
		getWebhookName: () => 'default',
	}) as unknown as IWebhookFunctions & IHookFunctions;
	return { fn: webhookFn, response };
}

let executions = 0;

/** The trigger's execute() as n8n runs it in the execution a delivery started, with the started items as input. */
export async function executeStarted(
	nodeType: INodeType,
	fn: IWebhookFunctions,
	started: INodeExecutionData[],
	extra: Partial<IExecuteFunctions> = {},
): Promise<{ items: INodeExecutionData[]; hints: NodeExecutionHint[] }> {
	const hints: NodeExecutionHint[] = [];
	const executionId = String(++executions);
	const context = Object.assign(Object.create(fn) as object, {
		getInputData: () => started,
		getExecutionId: () => executionId,
		addExecutionHints: (...added: NodeExecutionHint[]) => hints.push(...added),
		...extra,
	}) as unknown as IExecuteFunctions;
	const output = (await nodeType.execute!.call(context)) as INodeExecutionData[][];
	return { items: output[0], hints };
}

/** Calls the node's webhook() for one delivery, then its execute() in the execution it started, as n8n does. */
export async function deliver(node: INodeType, options: DeliveryOptions): Promise<WebhookRun> {
	const { fn, response } = webhookContext(options);
	const result = await node.webhook!.call(fn);
	// n8n answers what the node did not answer itself, with its webhookResponse (read once the execution exists)
	if (result.noWebhookResponse !== true) Object.assign(response, { statusCode: 200, body: result.webhookResponse });
	const started = result.workflowData?.[0];
	const execution = started ? await executeStarted(node, fn, started) : undefined;
	const items = execution?.items.map((i) => i.json);
	for (const item of items ?? []) {
		const event = item.type ?? item.job_status ?? (item.contact ? 'workflowWebhook' : undefined);
		if (event !== undefined) markExercised(`${node.description.name}:event:${String(event)}`);
	}
	return { result, response, items, hints: execution?.hints ?? [] };
}

/** The node's webhookMethods.default, bound to a hook context. */
export function lifecycle(node: INodeType, options: ContextOptions & { typeVersion?: number }) {
	const { fn } = webhookContext({ ...options, delivery: { body: {} } });
	const methods = node.webhookMethods!.default!;
	return {
		checkExists: () => methods.checkExists.call(fn),
		create: () => methods.create.call(fn),
		delete: () => methods.delete.call(fn),
	};
}
