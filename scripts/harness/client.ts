/**
 * HTTP access to one running n8n: the public API (`X-N8N-API-KEY`), the editor's internal REST API
 * (cookie session, logged in lazily), the editor's static type files, and webhooks.
 * Everything a test process needs is in the serialisable `N8nConnection`.
 */

export interface N8nConnection {
	version: string;
	/** Editor/REST base URL, with a trailing slash. */
	url: string;
	/** Base URL webhooks are served on (N8N_WEBHOOK_URL), with a trailing slash. */
	webhookUrl: string;
	apiKey: string;
	email: string;
	password: string;
	userFolder: string;
	logFile: string;
}

export class N8nHttpError extends Error {
	constructor(
		readonly status: number,
		readonly method: string,
		readonly url: string,
		readonly body: unknown,
	) {
		super(`${method} ${url} -> ${status}: ${typeof body === 'string' ? body : JSON.stringify(body)}`);
	}
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

const AUTH_COOKIE = 'n8n-auth';
/** Sent with every cookie-authenticated call; n8n binds the session to it. */
const BROWSER_ID = 'ghl-tookan-harness';
const REQUEST_TIMEOUT_MS = 60_000;

function parseBody(text: string): unknown {
	if (!text) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

/**
 * A pooled keep-alive socket n8n already closed fails at once with "other side closed"; one fresh try.
 * A GET also gets one after ECONNRESET: when n8n's event loop has been busy for longer than its keep-alive
 * timeout (5 s) while a request waited on an idle pooled socket, n8n closes that socket unread and the
 * kernel resets it; the request never reached n8n.
 */
async function fetchOnce(url: string, init: RequestInit): Promise<Response> {
	try {
		return await fetch(url, init);
	} catch (error) {
		const cause = (error as { cause?: { code?: string; message?: string } }).cause;
		const closed = cause?.code === 'UND_ERR_SOCKET' || /other side closed/i.test(cause?.message ?? '');
		const reset = cause?.code === 'ECONNRESET' && (init.method ?? 'GET') === 'GET';
		if (!closed && !reset) throw error;
		return await fetch(url, init);
	}
}

export class N8nClient {
	private cookie?: string;

	constructor(readonly connection: N8nConnection) {}

	get url(): string {
		return this.connection.url;
	}

	get version(): string {
		return this.connection.version;
	}

	private async send(method: Method, url: string, headers: Record<string, string>, body?: unknown) {
		const res = await fetchOnce(url, {
			method,
			headers: {
				accept: 'application/json',
				...(body === undefined ? {} : { 'content-type': 'application/json' }),
				...headers,
			},
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
		});
		const parsed = parseBody(await res.text());
		if (!res.ok) throw new N8nHttpError(res.status, method, url, parsed);
		return { res, body: parsed };
	}

	/** Public API: `/api/v1<path>` with the instance's API key. */
	async api<T = unknown>(method: Method, path: string, body?: unknown): Promise<T> {
		const headers = { 'x-n8n-api-key': this.connection.apiKey };
		return (await this.send(method, `${this.url}api/v1${path}`, headers, body)).body as T;
	}

	private keepCookie(res: Response): void {
		for (const line of res.headers.getSetCookie()) {
			const [pair] = line.split(';');
			if (pair.startsWith(`${AUTH_COOKIE}=`)) this.cookie = pair;
		}
	}

	private sessionHeaders(): Record<string, string> {
		return { 'browser-id': BROWSER_ID, ...(this.cookie ? { cookie: this.cookie } : {}) };
	}

	/**
	 * Internal REST API: `/rest<path>`, cookie-authenticated (logs in on first use), unwraps `{data}`.
	 * `anonymous` calls (owner setup, login) skip the login but still keep any cookie n8n issues.
	 */
	async rest<T = unknown>(method: Method, path: string, body?: unknown, anonymous = false): Promise<T> {
		if (!anonymous && !this.cookie) await this.login();
		const { res, body: parsed } = await this.send(method, `${this.url}rest${path}`, this.sessionHeaders(), body);
		this.keepCookie(res);
		const envelope = parsed as { data?: unknown } | undefined;
		return (envelope && typeof envelope === 'object' && 'data' in envelope ? envelope.data : parsed) as T;
	}

	async login(): Promise<void> {
		const { email, password } = this.connection;
		await this.rest('POST', '/login', { emailOrLdapLoginId: email, password }, true);
		if (!this.cookie) throw new Error('n8n login returned no session cookie');
	}

	/** A cookie-authenticated GET of a non-REST editor path, e.g. `types/nodes.json`. */
	async editorGet<T = unknown>(path: string): Promise<T> {
		if (!this.cookie) await this.login();
		return (await this.send('GET', `${this.url}${path}`, this.sessionHeaders())).body as T;
	}

	/**
	 * Calls a production webhook: `path` is relative to `<webhookUrl>webhook/`, or to the webhook base
	 * when it starts with `webhook` (e.g. `webhook-test/...`). Returns the raw Response.
	 */
	callWebhook(path: string, init: RequestInit = {}): Promise<Response> {
		const relative = path.replace(/^\/+/, '');
		const target = /^webhook(-test|-waiting)?\//.test(relative) ? relative : `webhook/${relative}`;
		return fetch(`${this.connection.webhookUrl}${target}`, {
			...init,
			signal: init.signal ?? AbortSignal.timeout(REQUEST_TIMEOUT_MS),
		});
	}
}
