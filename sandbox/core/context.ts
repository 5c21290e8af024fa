/**
 * The contract between the sandbox core (server, faults, rate limits, admin API, outgoing webhooks)
 * and the two service modules (sandbox/ghl, sandbox/tookan). Each module registers its routes on the
 * shared Fastify instance and hands back a small handle the admin API uses to reset, seed and read state.
 */
import type { FastifyInstance } from 'fastify';

export type Service = 'ghl' | 'tookan';

/** Outgoing webhooks. `send` enqueues a delivery to every matching registered target and returns at once. */
export interface WebhookSender {
	send(service: Service, event: string, payload: Record<string, unknown>, opts?: { locationId?: string }): void;
	/** Resolves when every queued delivery has been attempted (tests await this). */
	drain(): Promise<void>;
}

export interface ServiceModule<Seed = unknown> {
	reset(): void;
	seed(spec: Seed): unknown;
	/** Plain JSON view of the state, for assertions (`GET /_admin/state/<service>`). */
	snapshot(): Record<string, unknown>;
}

export interface SandboxContext {
	/** Mutable runtime configuration (the admin API changes it). */
	config: Record<string, unknown>;
	webhooks: WebhookSender;
	/** Milliseconds since epoch; one place so tests can reason about time. */
	now(): number;
}

export type RegisterService<Seed = unknown> = (
	app: FastifyInstance,
	ctx: SandboxContext,
) => ServiceModule<Seed> | Promise<ServiceModule<Seed>>;
