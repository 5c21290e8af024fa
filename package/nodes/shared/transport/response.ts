import type { IDataObject } from 'n8n-workflow';

/** What came back from one HTTP attempt, whether n8n returned it or threw it. */
export interface Attempt {
	/** HTTP status, or undefined when no response arrived (connection reset, timeout, refused). */
	status?: number;
	headers: Record<string, string>;
	body: unknown;
	/** Network error code (ECONNRESET, ETIMEDOUT, ECONNABORTED, ECONNREFUSED, ...). */
	code?: string;
	/** The thrown error, kept for the error mapper. */
	error?: unknown;
}

function lowerHeaders(headers: unknown): Record<string, string> {
	const out: Record<string, string> = {};
	if (!headers || typeof headers !== 'object') return out;
	for (const [k, v] of Object.entries(headers as IDataObject)) {
		if (v === undefined || v === null) continue;
		out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : String(v);
	}
	return out;
}

/** Reads a full response (`returnFullResponse: true`). */
export function fromResponse(response: IDataObject): Attempt {
	return {
		status: Number(response.statusCode ?? 200),
		headers: lowerHeaders(response.headers),
		body: response.body,
	};
}

const NETWORK_CODES = [
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'ECONNREFUSED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'EAI_AGAIN',
	'ENOTFOUND',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'UND_ERR_SOCKET',
];

/** Finds status, headers, body and network code in whatever n8n threw (NodeApiError wrapping an axios error, ...). */
export function fromError(error: unknown): Attempt {
	const chain: IDataObject[] = [];
	let current = error as IDataObject | undefined;
	for (let depth = 0; current && typeof current === 'object' && depth < 5; depth++) {
		chain.push(current);
		current = (current.cause ?? current.reason) as IDataObject | undefined;
	}
	let status: number | undefined;
	let headers: Record<string, string> = {};
	let body: unknown;
	let code: string | undefined;
	for (const e of chain) {
		const response = e.response as IDataObject | undefined;
		if (response && status === undefined) {
			const s = Number(response.status ?? response.statusCode);
			if (Number.isFinite(s) && s > 0) status = s;
			headers = lowerHeaders(response.headers);
			body = response.data ?? response.body;
		}
		if (!code && typeof e.code === 'string' && NETWORK_CODES.includes(e.code)) code = e.code;
	}
	if (!code && status === undefined) {
		const message = String((error as Error)?.message ?? '');
		if (/socket hang up|ECONNRESET/i.test(message)) code = 'ECONNRESET';
		else if (/timeout|ETIMEDOUT|ECONNABORTED/i.test(message)) code = 'ETIMEDOUT';
		else if (/ECONNREFUSED/i.test(message)) code = 'ECONNREFUSED';
	}
	if (status === undefined && !code) {
		const httpCode = Number((error as IDataObject)?.httpCode);
		if (Number.isFinite(httpCode) && httpCode > 0) status = httpCode;
	}
	return { status, headers, body, code, error };
}

/** The body as an object (JSON text is parsed; anything else is wrapped). */
export function bodyObject(body: unknown): IDataObject {
	if (body && typeof body === 'object' && !Array.isArray(body)) return body as IDataObject;
	if (typeof body === 'string' && body.trim()) {
		try {
			const parsed = JSON.parse(body);
			if (parsed && typeof parsed === 'object') return parsed as IDataObject;
		} catch {
			return { message: body.slice(0, 500) };
		}
	}
	if (Array.isArray(body)) return { data: body } as IDataObject;
	return {};
}
