/**
 * Starts the whole sandbox in-process on a free loopback port, with a local webhook receiver registered
 * for Tookan events, and gives tests a small Tookan client.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import { createSandbox, type Sandbox } from '../../../sandbox/server';
import { CATALOGUE, type TookanModule, type TookanSeed } from '../../../sandbox/tookan/index';

export interface Envelope {
	message: string;
	status: number;
	data: any; // eslint-disable-line @typescript-eslint/no-explicit-any
	[key: string]: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface Hook {
	template_key: string;
	job_id: number;
	job_status: number;
	[key: string]: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** 2025-03-10 06:00 UTC: a Monday, 11:30 in IST. */
export const NOW = Date.UTC(2025, 2, 10, 6, 0, 0);
export const TODAY = '2025-03-10';

export interface Harness {
	sandbox: Sandbox;
	module: TookanModule;
	apiKey: string;
	/** Call an endpoint the way clients do (POST JSON, or GET with a query for the GET endpoints). */
	call(path: string, body?: Record<string, unknown>, opts?: { apiKey?: string | null }): Promise<Envelope>;
	/** Raw HTTP access for transport tests. */
	fetch(path: string, init?: RequestInit): Promise<Response>;
	/** Every webhook delivered so far (waits for pending deliveries first). */
	hooks(): Promise<Hook[]>;
	/** Wait for pending deliveries, then forget every webhook received so far. */
	clearHooks(): Promise<void>;
	close(): Promise<void>;
}

const methodOf = (path: string): string => CATALOGUE.find((e) => e.path === path)?.method ?? 'POST';

async function startReceiver(received: Hook[]): Promise<{ app: FastifyInstance; url: string }> {
	const app = Fastify();
	app.post('/tookan-hook', async (req) => {
		received.push(req.body as Hook);
		return { ok: true };
	});
	const url = await app.listen({ host: '127.0.0.1', port: 0 });
	return { app, url: `${url}/tookan-hook` };
}

export async function startTookan(seed?: TookanSeed): Promise<Harness> {
	const received: Hook[] = [];
	const receiver = await startReceiver(received);
	const sandbox = await createSandbox({ now: () => NOW, config: { webhooks: { retryDelayMs: 10 } } });
	const module = sandbox.tookan as unknown as TookanModule;
	if (seed) module.seed(seed);
	sandbox.admin.addWebhook({ url: receiver.url, service: 'tookan' });
	const apiKey = module.config().apiKey;
	const fetchPath = (path: string, init?: RequestInit) => fetch(`${sandbox.tookanBaseUrl}/${path}`, init);
	return {
		sandbox,
		module,
		apiKey,
		fetch: fetchPath,
		async call(path, body = {}, opts = {}) {
			const key = opts.apiKey === undefined ? apiKey : opts.apiKey;
			const params = key === null ? body : { api_key: key, ...body };
			if (methodOf(path) === 'GET') {
				const query = new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, String(v)]));
				return (await fetchPath(`${path}?${query}`)).json() as Promise<Envelope>;
			}
			const res = await fetchPath(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(params) });
			return res.json() as Promise<Envelope>;
		},
		async hooks() {
			await sandbox.admin.drainWebhooks();
			return received;
		},
		async clearHooks() {
			await sandbox.admin.drainWebhooks();
			received.length = 0;
		},
		async close() {
			await sandbox.close();
			await receiver.app.close();
		},
	};
}
