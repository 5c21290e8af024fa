import type { FastifyReply, FastifyRequest } from 'fastify';
import type { SandboxContext } from '../../core/context';
import type { RateLimiter } from '../../core/rate-limiter';
import type { GhlConfig } from '../config';
import type { GhlEvents } from '../events/emit';
import type { GhlState } from '../state';

/** What every GHL route needs. */
export interface GhlDeps {
	ctx: SandboxContext;
	state: GhlState;
	limiter: RateLimiter;
	events: GhlEvents;
	config(): GhlConfig;
}

export type GhlRequest = FastifyRequest<{
	Params: Record<string, string>;
	Querystring: Record<string, string | undefined>;
	Body: unknown;
}>;

export type GhlHandler = (request: GhlRequest, reply: FastifyReply) => unknown;
