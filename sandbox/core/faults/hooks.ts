import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Service } from '../context';
import { FaultHeaderError, type FaultPlan, type FaultPlanner } from './plan';

declare module 'fastify' {
	interface FastifyRequest {
		sandboxFault: FaultPlan | null;
	}
}

export interface FaultReply {
	body: unknown;
	headers?: Record<string, string>;
}

export interface FaultHooksOptions {
	planner: FaultPlanner;
	/** Which service a URL belongs to; undefined = never faulted (admin, consent page). */
	serviceOf(url: string): Service | undefined;
	/** The error body (and headers) a service answers an injected status with (a 429 without rate headers when told). */
	faultReply(service: Service, status: number, rateLimitHeaders: boolean): FaultReply;
	/** Called once a request got a fault plan (for the request log). */
	onPlanned?(request: FastifyRequest, plan: FaultPlan): void;
}

const SLOW_CHUNKS = 8;

/**
 * Fault injection for both services. `before` faults answer (or drop) the request before any handler ran;
 * `after` faults let the handler change state and then lose or replace the response.
 */
export function installFaultHooks(app: FastifyInstance, options: FaultHooksOptions): void {
	app.decorateRequest('sandboxFault', null);

	app.addHook('onRequest', async (request, reply) => {
		const service = options.serviceOf(request.url);
		if (!service) return;
		const plan = planFor(options, service, request, reply);
		if (!plan) return;
		request.sandboxFault = plan;
		options.onPlanned?.(request, plan);
		if (plan.latencyMs > 0) await delay(plan.latencyMs);
		const action = plan.action;
		if (!action || action.kind === 'slow' || action.phase !== 'before') return;
		if (action.kind === 'status') {
			const { body, headers } = options.faultReply(service, action.status, action.rateLimitHeaders !== false);
			return reply.code(action.status).headers(headers ?? {}).send(body);
		}
		reply.hijack();
		if (action.kind === 'reset') resetSocket(request.raw.socket);
		else void hang(request.raw.socket, action.ms);
		return reply;
	});

	app.addHook('onSend', async (request, reply, payload) => {
		const action = request.sandboxFault?.action;
		if (!action) return payload;
		if (action.kind === 'slow') return slowBody(reply, payload, action.ms);
		if (action.phase !== 'after') return payload;
		request.sandboxFault = { ...request.sandboxFault!, action: undefined };
		const service = options.serviceOf(request.url)!;
		if (action.kind === 'status') {
			const { body, headers } = options.faultReply(service, action.status, action.rateLimitHeaders !== false);
			reply.code(action.status).headers(headers ?? {}).header('content-type', 'application/json; charset=utf-8');
			return JSON.stringify(body);
		}
		if (action.kind === 'reset') {
			resetSocket(request.raw.socket);
			return payload;
		}
		await hang(request.raw.socket, action.ms);
		return payload;
	});
}

function planFor(options: FaultHooksOptions, service: Service, request: FastifyRequest, reply: FastifyReply) {
	const header = request.headers['x-sandbox-fault'];
	try {
		return options.planner.plan(service, Array.isArray(header) ? header[0] : header);
	} catch (error) {
		if (!(error instanceof FaultHeaderError)) throw error;
		void reply.code(400).send({ statusCode: 400, message: `x-sandbox-fault: ${error.message}` });
		return null;
	}
}

function resetSocket(socket: Socket): void {
	if (typeof socket.resetAndDestroy === 'function') socket.resetAndDestroy();
	else socket.destroy();
}

/** Keeps the connection open until the client (or server shutdown) closes it, or drops it after `ms` when ms > 0. */
function hang(socket: Socket, ms: number): Promise<void> {
	return new Promise((resolve) => {
		if (socket.destroyed) return resolve();
		const timer = ms > 0 ? setTimeout(() => socket.destroy(), ms) : undefined;
		timer?.unref();
		socket.once('close', () => {
			if (timer) clearTimeout(timer);
			resolve();
		});
	});
}

function slowBody(reply: FastifyReply, payload: unknown, ms: number): unknown {
	if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
	const bytes = Buffer.from(payload);
	reply.header('content-length', bytes.length);
	const size = Math.max(1, Math.ceil(bytes.length / SLOW_CHUNKS));
	const pause = Math.floor(ms / SLOW_CHUNKS);
	async function* chunks() {
		for (let offset = 0; offset < bytes.length; offset += size) {
			await delay(pause);
			yield bytes.subarray(offset, offset + size);
		}
	}
	return Readable.from(chunks());
}

function delay(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
