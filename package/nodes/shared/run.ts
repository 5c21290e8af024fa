import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { eachLimit, timeSlicer } from './pool';
import { buildRequest, ParameterError, plainRequest } from './request';
import { DEFAULT_SETTINGS, send, type SendSettings, type ServiceAdapter } from './transport/send';
import type { BuiltRequest, Operation, Resource, RunContext } from './types';

/** What a node needs from its service besides the operation tables. */
export interface Service {
	adapter: ServiceAdapter;
	/** Values every request of an item needs (e.g. GHL `locationId`); must not send HTTP requests. */
	context(fn: IExecuteFunctions, itemIndex: number): Promise<IDataObject>;
}

export const DEFAULT_CONCURRENCY = 50;

/** The "Request Options" collection every action node offers. */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Max Parallel Requests',
			name: 'concurrency',
			type: 'number',
			default: 50,
			typeOptions: { minValue: 1, maxValue: 100 },
			description:
				'How many items are processed at the same time. The node also keeps below the API rate limit, so this only bounds how many requests wait for an answer at once.',
		},
		{
			displayName: 'Retries',
			name: 'retries',
			type: 'number',
			default: 5,
			typeOptions: { minValue: 0, maxValue: 10 },
			description: 'How often a request is retried after a server error, a reset connection or a timeout',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeoutMs',
			type: 'number',
			default: 30000,
			typeOptions: { minValue: 100 },
			description: 'How long to wait for one response before treating it as lost (and retrying)',
		},
	],
};

function readRequestOptions(fn: IExecuteFunctions): { concurrency: number; settings: SendSettings } {
	const o = fn.getNodeParameter('requestOptions', 0, {}) as IDataObject;
	const pick = (v: unknown, fallback: number) => (typeof v === 'number' && Number.isFinite(v) ? v : fallback);
	return {
		concurrency: Math.max(1, pick(o.concurrency, DEFAULT_CONCURRENCY)),
		settings: {
			...DEFAULT_SETTINGS,
			retries: Math.max(0, pick(o.retries, DEFAULT_SETTINGS.retries)),
			timeoutMs: Math.max(100, pick(o.timeoutMs, DEFAULT_SETTINGS.timeoutMs)),
		},
	};
}

export function findOperation(resources: Resource[], resource: string, operation: string): Operation | undefined {
	return resources.find((r) => r.value === resource)?.operations.find((o) => o.value === operation);
}

function toNodeError(fn: IExecuteFunctions, error: unknown, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	if (error instanceof ParameterError) {
		return new NodeOperationError(fn.getNode(), `${error.message} [item ${itemIndex}]`, {
			itemIndex,
			description: `Fix the "${error.label}" parameter of this item; no request was sent for it.`,
		});
	}
	return new NodeOperationError(fn.getNode(), error as Error, { itemIndex });
}

function errorItem(error: NodeApiError | NodeOperationError, itemIndex: number): INodeExecutionData {
	const json: IDataObject = { error: error.message };
	if (error.description) json.description = error.description;
	if (error instanceof NodeApiError && error.httpCode) json.httpCode = error.httpCode;
	return { json, error, pairedItem: { item: itemIndex } };
}

function shape(operation: Operation, body: IDataObject, request: BuiltRequest): IDataObject[] {
	const output = operation.output;
	if (output?.deleted) return [{ deleted: true, ...request.pathParams }];
	if (output?.success) return [{ ...request.pathParams, success: body[output.success] === true }];
	const data = output?.root ? body[output.root] : body;
	if (output?.many) return Array.isArray(data) ? (data as IDataObject[]) : [];
	return [(data ?? {}) as IDataObject];
}

async function perform(operation: Operation, ctx: RunContext, request: BuiltRequest): Promise<IDataObject[]> {
	request.startedAt = Date.now();
	if (operation.recover) {
		const recover = operation.recover;
		request.recover = async () => await recover(ctx, request);
	}
	let records: IDataObject[];
	if (operation.run) {
		records = await operation.run(ctx, request);
	} else if (operation.paginate) {
		const paginator = operation.paginate;
		const limit = request.params.returnAll === true ? Infinity : Number(request.params.limit ?? 50);
		records = [];
		for await (const page of paginator(ctx, request, limit)) {
			for (const record of page) {
				if (records.length >= limit) break;
				records.push(record);
			}
			if (records.length >= limit) break;
		}
	} else {
		records = shape(operation, await ctx.send(request), request);
	}
	const simplify = operation.output?.simplify;
	if (simplify && request.params.simplify === true) records = records.map(simplify);
	return records;
}

/**
 * The one item loop every action node uses: validates every item first (an invalid item sends nothing;
 * thousands of items take n8n seconds, so the loop hands the event loop back between slices), then runs
 * the items with bounded concurrency under the service's rate budget, and returns one result list in
 * input order with pairedItem. With "Continue On Fail" a failed item becomes an error item;
 * otherwise the first failure stops the run.
 */
export async function executeResources(
	fn: IExecuteFunctions,
	resources: Resource[],
	service: Service,
): Promise<INodeExecutionData[][]> {
	const items = fn.getInputData();
	const resource = fn.getNodeParameter('resource', 0) as string;
	const operationName = fn.getNodeParameter('operation', 0) as string;
	const operation = findOperation(resources, resource, operationName);
	if (!operation) {
		throw new NodeOperationError(fn.getNode(), `The operation "${operationName}" is not supported for "${resource}"`);
	}
	const { concurrency, settings } = readRequestOptions(fn);
	const results: INodeExecutionData[][] = new Array(items.length);
	const requests: Array<BuiltRequest | undefined> = new Array(items.length);
	const continueOnFail = fn.continueOnFail();

	const yieldSometimes = timeSlicer();
	for (let i = 0; i < items.length; i++) {
		await yieldSometimes();
		try {
			const request = buildRequest(fn, operation, i, await service.context(fn, i));
			operation.check?.(request);
			requests[i] = request;
		} catch (error) {
			const nodeError = toNodeError(fn, error, i);
			if (!continueOnFail) throw nodeError;
			results[i] = [errorItem(nodeError, i)];
		}
	}

	const sendOne = async (request: BuiltRequest) => await send(fn, service.adapter, request, settings);
	let fatal: NodeApiError | NodeOperationError | undefined;
	const pending = requests.map((r, i) => (r ? i : -1)).filter((i) => i >= 0);
	await eachLimit(pending, concurrency, async (i) => {
		if (fatal) return;
		const request = requests[i] as BuiltRequest;
		const ctx: RunContext = {
			fn,
			send: sendOne,
			request: (method, path, parts) => plainRequest(request, method, path, parts),
		};
		try {
			const records = await perform(operation, ctx, request);
			const aside = request.aside ?? {};
			results[i] = records.map((json) => ({ json: { ...json, ...aside }, pairedItem: { item: i } }));
		} catch (error) {
			const nodeError = toNodeError(fn, error, i);
			if (continueOnFail) results[i] = [errorItem(nodeError, i)];
			else fatal ??= nodeError;
		}
	});
	if (fatal) throw fatal;
	return [results.flat()];
}

