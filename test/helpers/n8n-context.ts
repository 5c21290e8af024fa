/**
 * Runs our nodes in jest without n8n: a small stand-in for n8n's execution context whose
 * `httpRequestWithAuthentication` makes real HTTP requests (to the sandbox) and applies each credential's
 * authentication the way n8n does (generic Bearer header, the Tookan credential's own `authenticate`,
 * OAuth2 Bearer with refresh on 401 unless `skipTokenRefresh`). Errors are thrown as n8n throws them:
 * a NodeApiError wrapping an axios-like error with `response.status/headers/data`.
 *
 * The real-n8n e2e tests prove the same nodes inside n8n; this context makes the per-operation tests fast.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	INodeType,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { TookanApi } from '../../package/credentials/TookanApi.credentials';
import { markExercised } from './exercised';

export type Parameters = Record<string, unknown>;
export type ParameterSource = Parameters | ((itemIndex: number) => Parameters);

export interface SentRequest {
	method: string;
	url: string;
	headers: Record<string, string>;
	body?: unknown;
}

export interface ContextOptions {
	parameters: ParameterSource;
	items?: IDataObject[];
	/** Credential data by credential type name. */
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	continueOnFail?: boolean;
	nodeType?: string;
	/** The node's type version (default 1). */
	typeVersion?: number;
	/** Receives every request sent (after authentication). */
	onRequest?: (request: SentRequest) => void;
	/** Static data for triggers and polling. */
	staticData?: IDataObject;
	mode?: string;
	/** The workflow's time zone (n8n's getTimezone()); absent: the context has no getTimezone. */
	timeZone?: string;
}

class HttpError extends Error {
	code?: string;
	response?: { status: number; headers: Record<string, string>; data: unknown };
}

function buildUrl(options: IHttpRequestOptions): string {
	const base = options.baseURL ? options.baseURL.replace(/\/+$/, '') : '';
	const path = options.url.startsWith('http') ? options.url : `${base}${options.url.startsWith('/') ? '' : '/'}${options.url}`;
	const url = new URL(path);
	for (const [k, v] of Object.entries(options.qs ?? {})) {
		if (v === undefined || v === null) continue;
		if (Array.isArray(v)) v.forEach((x) => url.searchParams.append(k, String(x)));
		else url.searchParams.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
	}
	return url.toString();
}

/** One HTTP request the way n8n's httpRequest performs it (throws on non-2xx unless told otherwise). */
export async function httpRequest(options: IHttpRequestOptions, onRequest?: (r: SentRequest) => void): Promise<unknown> {
	const headers: Record<string, string> = {};
	for (const [k, v] of Object.entries(options.headers ?? {})) if (v !== undefined) headers[k] = String(v);
	let body: string | undefined;
	if (options.body !== undefined && options.method !== 'GET') {
		if (typeof options.body === 'string') body = options.body;
		else if (options.body instanceof URLSearchParams) {
			body = options.body.toString();
			headers['Content-Type'] ??= 'application/x-www-form-urlencoded';
		} else {
			body = JSON.stringify(options.body);
			headers['Content-Type'] ??= 'application/json';
		}
	}
	const url = buildUrl(options);
	onRequest?.({ method: options.method ?? 'GET', url, headers, body: body === undefined ? undefined : safeJson(body) });
	const controller = new AbortController();
	const timer = options.timeout ? setTimeout(() => controller.abort(), options.timeout) : undefined;
	let response: Response;
	try {
		response = await fetch(url, { method: options.method ?? 'GET', headers, body, signal: controller.signal });
	} catch (error) {
		const failure = new HttpError((error as Error).message);
		const cause = (error as { cause?: { code?: string } }).cause;
		failure.code = controller.signal.aborted ? 'ECONNABORTED' : cause?.code ?? 'ECONNRESET';
		throw failure;
	} finally {
		if (timer) clearTimeout(timer);
	}
	let text: string;
	try {
		text = await response.text();
	} catch (error) {
		const failure = new HttpError((error as Error).message);
		failure.code = controller.signal.aborted ? 'ECONNABORTED' : 'ECONNRESET';
		throw failure;
	}
	const data = options.json === false ? text : safeJson(text);
	const responseHeaders: Record<string, string> = {};
	response.headers.forEach((v, k) => (responseHeaders[k] = v));
	const ignore = options.ignoreHttpStatusErrors === true;
	if (response.status >= 400 && !ignore) {
		const failure = new HttpError(`Request failed with status code ${response.status}`);
		failure.response = { status: response.status, headers: responseHeaders, data };
		throw failure;
	}
	return options.returnFullResponse ? { statusCode: response.status, headers: responseHeaders, body: data } : data;
}

function safeJson(text: string): unknown {
	if (!text) return text;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

function authenticateGeneric(data: ICredentialDataDecryptedObject, options: IHttpRequestOptions): IHttpRequestOptions {
	return { ...options, headers: { ...(options.headers ?? {}), Authorization: `Bearer ${String(data.accessToken)}` } };
}

async function refreshOAuth2(credentials: ICredentialDataDecryptedObject): Promise<void> {
	const token = (credentials.oauthTokenData ?? {}) as IDataObject;
	const base = String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	const form = new URLSearchParams({
		grant_type: 'refresh_token',
		refresh_token: String(token.refresh_token ?? ''),
		client_id: String(credentials.clientId ?? ''),
		client_secret: String(credentials.clientSecret ?? ''),
		user_type: String(credentials.userType ?? 'Location'),
	});
	const fresh = (await httpRequest({ method: 'POST', url: `${base}/oauth/token`, body: form })) as IDataObject;
	credentials.oauthTokenData = { ...token, ...fresh };
}

export interface FakeContext {
	fn: IExecuteFunctions & ILoadOptionsFunctions;
	requests: SentRequest[];
	node: INode;
}

/** Builds the stand-in context; `fn` serves as IExecuteFunctions and ILoadOptionsFunctions. */
export function fakeContext(options: ContextOptions): FakeContext {
	const items = (options.items ?? [{}]).map((json) => ({ json })) as INodeExecutionData[];
	const credentials = options.credentials ?? {};
	const requests: SentRequest[] = [];
	const record = (r: SentRequest) => {
		requests.push(r);
		options.onRequest?.(r);
	};
	const paramsFor = (i: number): Parameters =>
		typeof options.parameters === 'function' ? options.parameters(i) : options.parameters;
	const node: INode = {
		id: 'node-under-test',
		name: 'Node Under Test',
		type: options.nodeType ?? 'n8n-nodes-ghl-tookan.test',
		typeVersion: options.typeVersion ?? 1,
		position: [0, 0],
		parameters: paramsFor(0) as INode['parameters'],
		credentials: Object.fromEntries(Object.keys(credentials).map((type) => [type, { id: `cred-${type}`, name: type }])),
	};
	const tookan = new TookanApi();
	const staticData = options.staticData ?? {};

	async function withAuth(
		type: string,
		request: IHttpRequestOptions,
		extra?: { oauth2?: { skipTokenRefresh?: boolean }; credentialsDecrypted?: ICredentialsDecrypted },
	): Promise<unknown> {
		const send = async (r: IHttpRequestOptions) => await httpRequest(r, record);
		try {
			if (type === 'ghlOAuth2Api' && !extra?.credentialsDecrypted) {
				const data = credentials[type];
				const sign = () => ({
					...request,
					headers: {
						...(request.headers ?? {}),
						Authorization: `Bearer ${String((data.oauthTokenData as IDataObject)?.access_token ?? '')}`,
					},
				});
				try {
					return await send(sign());
				} catch (error) {
					if ((error as HttpError).response?.status === 401 && !extra?.oauth2?.skipTokenRefresh) {
						await refreshOAuth2(data);
						return await send(sign());
					}
					throw error;
				}
			}
			const data = extra?.credentialsDecrypted?.data ?? credentials[type];
			if (!data) throw new Error(`No credentials of type ${type}`);
			if (type === 'tookanApi') return await send(await tookan.authenticate(data, request));
			return await send(authenticateGeneric(data, request));
		} catch (error) {
			throw new NodeApiError(node, error as never);
		}
	}

	const fn = {
		getInputData: () => items,
		getNode: () => node,
		getMode: () => options.mode ?? 'manual',
		continueOnFail: () => options.continueOnFail ?? false,
		getCredentials: async (type: string) => {
			const data = credentials[type];
			if (!data) throw new Error(`No credentials of type ${type}`);
			return data;
		},
		getNodeParameter: (name: string, itemIndexOrFallback?: unknown, fallback?: unknown) => {
			const itemIndex = typeof itemIndexOrFallback === 'number' ? itemIndexOrFallback : 0;
			const fb = typeof itemIndexOrFallback === 'number' ? fallback : itemIndexOrFallback;
			const params = paramsFor(itemIndex);
			const value = name.split('.').reduce<unknown>((acc, key) => (acc as Parameters | undefined)?.[key], params);
			if (value === undefined) {
				if (fb === undefined) throw new Error(`Could not get parameter "${name}"`);
				return fb;
			}
			return value;
		},
		getCurrentNodeParameter: (name: string) => paramsFor(0)[name],
		getCurrentNodeParameters: () => paramsFor(0),
		getWorkflowStaticData: () => staticData,
		...(options.timeZone ? { getTimezone: () => options.timeZone } : {}),
		logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
		helpers: {
			httpRequestWithAuthentication: async function (
				type: string,
				request: IHttpRequestOptions,
				extra?: { oauth2?: { skipTokenRefresh?: boolean }; credentialsDecrypted?: ICredentialsDecrypted },
			) {
				return await withAuth(type, request, extra);
			},
			httpRequest: async (request: IHttpRequestOptions) => await httpRequest(request, record),
			returnJsonArray: (data: IDataObject | IDataObject[]) =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
			constructExecutionMetaData: (data: INodeExecutionData[], meta: { itemData: { item: number } }) =>
				data.map((d) => ({ ...d, pairedItem: meta.itemData })),
		},
	} as unknown as IExecuteFunctions & ILoadOptionsFunctions;
	return { fn, requests, node };
}

/** Executes an action node's `execute` with the stand-in context and returns its first output. */
export async function runNode(
	nodeType: INodeType,
	options: ContextOptions,
): Promise<{ output: INodeExecutionData[]; requests: SentRequest[] }> {
	const { fn, requests } = fakeContext(options);
	return { output: await executeNode(nodeType, fn), requests };
}

/** Runs `execute` with a stand-in context, noting the resource and operation as exercised (test/helpers/exercised.ts). */
export async function executeNode(nodeType: INodeType, fn: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const resource = fn.getNodeParameter('resource', 0, '') as string;
	const operation = fn.getNodeParameter('operation', 0, '') as string;
	markExercised(`${nodeType.description.name}:${resource}:${operation}`);
	const result = await nodeType.execute!.call(fn);
	return (result as INodeExecutionData[][])[0] ?? [];
}
