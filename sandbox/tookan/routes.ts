/**
 * HTTP wiring: one Fastify route per catalogue entry. Every answer is HTTP 200 with Tookan's
 * `{message, status, data}` envelope (plus paging keys next to `data`); malformed JSON is HTTP 400.
 * Checks run in Tookan's order: `api_key` present (100) and valid (101), required fields (100),
 * `user_id` matching the account when sent (201), then the endpoint itself.
 */
import { parse as parseQuery } from 'node:querystring';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Endpoint } from './catalogue';
import type { Env, Handler } from './env';
import { invalid, missing, STATUS, TookanError } from './errors';
import { Params, type Raw } from './params';

const FORM = 'application/x-www-form-urlencoded';

export interface Envelope {
	message: string;
	status: number;
	data: unknown;
	[key: string]: unknown;
}

/** Form bodies: `ids[]=1&ids[]=2` become arrays, and JSON text (`meta_data=[{...}]`) is decoded. */
export function normalizeForm(body: Raw): Raw {
	const out: Raw = {};
	for (const [rawKey, value] of Object.entries(body)) {
		const key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
		let v: unknown = rawKey.endsWith('[]') && !Array.isArray(value) ? [value] : value;
		if (typeof v === 'string' && /^\s*[[{]/.test(v)) {
			try {
				v = JSON.parse(v);
			} catch {
				// not JSON: keep the text
			}
		}
		out[key] = v;
	}
	return out;
}

function rawParams(req: FastifyRequest): Raw {
	const source = req.method === 'GET' ? req.query : req.body;
	const raw = source && typeof source === 'object' && !Array.isArray(source) ? (source as Raw) : {};
	return String(req.headers['content-type'] ?? '').startsWith(FORM) ? normalizeForm(raw) : raw;
}

export function dispatch(endpoint: Endpoint, raw: Raw, env: Env, handler: Handler): Envelope {
	try {
		const p = new Params(raw);
		const config = env.config();
		if (!p.has('api_key')) throw missing('api_key');
		if (p.str('api_key') !== config.apiKey) throw new TookanError(STATUS.INVALID_KEY, 'Invalid API key');
		for (const name of [...endpoint.required, ...endpoint.assumed]) p.need(name);
		if (p.has('user_id') && p.str('user_id') !== String(config.userId)) throw invalid('Invalid user_id');
		const reply = handler(p, env);
		return { message: reply.message ?? 'Successful', status: STATUS.OK, data: reply.data, ...reply.top };
	} catch (err) {
		if (err instanceof TookanError) return { message: err.message, status: err.status, data: err.data };
		throw err;
	}
}

export function registerRoutes(app: FastifyInstance, endpoints: readonly Endpoint[], handlers: Record<string, Handler>, env: Env): void {
	if (!app.hasContentTypeParser(FORM)) {
		app.addContentTypeParser(FORM, { parseAs: 'string' }, (_req, body, done) => done(null, parseQuery(String(body))));
	}
	for (const endpoint of endpoints) {
		const handler = handlers[endpoint.path];
		if (!handler) throw new Error(`Tookan sandbox: no handler for ${endpoint.path}`);
		app.route({
			method: endpoint.method,
			url: `/${endpoint.path}`,
			handler: async (req, reply) => {
				try {
					return dispatch(endpoint, rawParams(req), env, handler);
				} catch (err) {
					req.log.error(err);
					return reply.send({ message: 'Error in execution', status: STATUS.ERROR_IN_EXECUTION, data: {} });
				}
			},
		});
	}
}
