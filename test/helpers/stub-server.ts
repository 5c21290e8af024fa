/**
 * A loopback HTTP server for request-shape and transport tests. By default it answers every request with a
 * fixed JSON body; a handler can script any answer (status, headers, delay, a dropped connection).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StubRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingMessage['headers'];
	body: unknown;
	/** Arrival time (ms since epoch). */
	at: number;
}

export interface StubAnswer {
	status?: number;
	headers?: Record<string, string>;
	body?: unknown;
	delayMs?: number;
	/** Close the connection without answering (after the delay). */
	drop?: boolean;
}

export type StubHandler = (request: StubRequest, index: number) => StubAnswer | Promise<StubAnswer>;

export interface StubServer {
	url: string;
	requests: StubRequest[];
	/** Requests being handled right now, and the most seen at once. */
	inFlight: { now: number; max: number };
	close(): Promise<void>;
}

function parse(text: string): unknown {
	if (!text) return undefined;
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
}

export async function startStubServer(handler: StubHandler | unknown = {}): Promise<StubServer> {
	const requests: StubRequest[] = [];
	const inFlight = { now: 0, max: 0 };
	const answer: StubHandler =
		typeof handler === 'function' ? (handler as StubHandler) : () => ({ status: 200, body: handler });
	const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', async () => {
			const url = new URL(req.url ?? '/', 'http://stub');
			const request: StubRequest = {
				method: req.method ?? 'GET',
				path: url.pathname,
				query: url.searchParams,
				headers: req.headers,
				body: parse(Buffer.concat(chunks).toString('utf8')),
				at: Date.now(),
			};
			const index = requests.push(request) - 1;
			inFlight.now++;
			inFlight.max = Math.max(inFlight.max, inFlight.now);
			try {
				const a = await answer(request, index);
				if (a.delayMs) await new Promise((r) => setTimeout(r, a.delayMs));
				if (a.drop) {
					req.socket.destroy();
					return;
				}
				res.writeHead(a.status ?? 200, { 'content-type': 'application/json', ...(a.headers ?? {}) });
				res.end(a.body === undefined ? '' : JSON.stringify(a.body));
			} finally {
				inFlight.now--;
			}
		});
	});
	server.keepAliveTimeout = 1;
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		inFlight,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
