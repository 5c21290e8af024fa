import { createSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox/server';
import { GHL_DEFAULTS } from '../../../sandbox/ghl/defaults';

export const PIT = GHL_DEFAULTS.pit;
export const LOC1 = GHL_DEFAULTS.locationIds[0];
export const LOC2 = GHL_DEFAULTS.locationIds[1];
export const VERSION = '2021-07-28';

/** Parsed JSON as tests read it: field by field, with expect() doing the checking. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the one loose type of the sandbox tests
export type Json = any;

export interface ApiResponse<T = Json> {
	status: number;
	headers: Headers;
	body: T;
}

/** A sandbox on a free loopback port; webhooks retry fast so tests never wait minutes. */
export function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	return createSandbox({
		tookan: false,
		...options,
		config: { ...options.config, webhooks: { retryDelayMs: 20, ...options.config?.webhooks } },
	});
}

/**
 * Registers jest hooks for a sandbox shared by one test file (started before all, closed after all,
 * reset before each test unless `reset: false`) and returns live handles to it and a PIT client.
 */
export function useSandbox(options: SandboxOptions = {}, hooks: { reset?: boolean } = {}) {
	const env = {} as { sandbox: Sandbox; api: GhlClient };
	beforeAll(async () => {
		env.sandbox = await startSandbox(options);
		env.api = ghlClient(env.sandbox);
	});
	afterAll(() => env.sandbox.close());
	if (hooks.reset !== false) beforeEach(() => env.sandbox.admin.reset());
	return env;
}

/** A tiny GHL API client: Bearer token + Version header, JSON in and out. */
export function ghlClient(sandbox: Sandbox, token: string | null = PIT, extraHeaders: Record<string, string> = {}) {
	const request = async <T = Json>(method: string, path: string, body?: unknown, query?: Record<string, string>) => {
		const url = new URL(`${sandbox.ghlBaseUrl}${path}`);
		for (const [k, v] of Object.entries(query ?? {})) url.searchParams.set(k, v);
		const headers: Record<string, string> = { version: VERSION, ...extraHeaders };
		if (token) headers.authorization = `Bearer ${token}`;
		if (body !== undefined) headers['content-type'] = 'application/json';
		const response = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
		const text = await response.text();
		return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined } as ApiResponse<T>;
	};
	return {
		request,
		get: <T = Json>(path: string, query?: Record<string, string>) => request<T>('GET', path, undefined, query),
		post: <T = Json>(path: string, body: unknown = {}) => request<T>('POST', path, body),
		put: <T = Json>(path: string, body: unknown = {}) => request<T>('PUT', path, body),
		del: <T = Json>(path: string, body?: unknown) => request<T>('DELETE', path, body),
	};
}

export type GhlClient = ReturnType<typeof ghlClient>;

/** Creates a contact in location 1 and returns its id. */
export async function newContact(api: GhlClient, fields: Record<string, unknown> = {}): Promise<string> {
	const res = await api.post('/contacts/', { locationId: LOC1, firstName: 'Test', ...fields });
	if (res.status !== 201) throw new Error(`create contact failed: ${res.status} ${JSON.stringify(res.body)}`);
	return res.body.contact.id as string;
}
