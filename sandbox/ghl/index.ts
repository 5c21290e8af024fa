import type { FastifyInstance } from 'fastify';
import type { RegisterService, SandboxContext, ServiceModule } from '../core/context';
import type { FaultReply } from '../core/faults/hooks';
import { RateLimiter } from '../core/rate-limiter';
import { GhlAdmin } from './admin';
import { registerAgencyRoutes } from './auth/agency-routes';
import { registerConsentPage } from './auth/consent';
import { registerTokenRoute } from './auth/token-route';
import { registerBusinessRoutes } from './businesses/routes';
import { registerBulkBusinessRoute } from './contacts/bulk-business';
import { registerContactCrudRoutes } from './contacts/crud-routes';
import { registerMembershipRoutes } from './contacts/memberships';
import { registerNoteRoutes } from './contacts/notes';
import { registerTagRoutes } from './contacts/tags';
import { registerTaskRoutes } from './contacts/tasks';
import { ghlConfig } from './config';
import { GhlEvents } from './events/emit';
import { fireEvent, type FireEventRequest } from './events/on-demand';
import type { GhlDeps } from './http/deps';
import { rateLimitHeaders, routeAdder } from './http/guard';
import { configureGhlScope } from './http/plugin';
import { registerLookupRoutes } from './lookups/routes';
import { registerSearchRoutes } from './search/routes';
import { seedGhl, type GhlSeedSpec } from './seed';
import { readCollection, snapshotGhl, type CollectionFilter, type GhlCollection } from './snapshot';
import { GhlState } from './state';
import { installTenant } from './tenant';

export interface GhlService extends ServiceModule<GhlSeedSpec> {
	readonly state: GhlState;
	readonly admin: GhlAdmin;
	/** Registers the API (mount under `/ghl`). */
	registerApi(app: FastifyInstance): void;
	/** Registers the consent page (mount under `/ghl-marketplace`). */
	registerMarketplace(app: FastifyInstance): void;
	/** The answer to an injected status; a 429 says the window is full unless `rateLimitHeaders` is false. */
	faultReply(status: number, rateLimitHeaders?: boolean): FaultReply;
	fireEvent(input: FireEventRequest): Record<string, unknown>;
	read(collection: GhlCollection, filter?: CollectionFilter): unknown[];
}

export function createGhlService(ctx: SandboxContext): GhlService {
	ghlConfig(ctx);
	const state = new GhlState(() => ctx.now());
	const limiter = new RateLimiter();
	const deps: GhlDeps = { ctx, state, limiter, events: new GhlEvents(ctx), config: () => ghlConfig(ctx) };
	const reset = () => {
		state.reset();
		limiter.reset();
		installTenant(state);
	};
	reset();
	return {
		state,
		admin: new GhlAdmin(deps),
		reset,
		seed: (spec) => seedGhl(state, spec ?? {}),
		snapshot: () => snapshotGhl(state),
		read: (collection, filter) => readCollection(state, collection, filter),
		fireEvent: (input) => fireEvent(deps, input),
		registerApi(app) {
			configureGhlScope(app);
			registerTokenRoute(app, deps);
			const route = routeAdder(app, deps);
			for (const register of [
				registerContactCrudRoutes,
				registerSearchRoutes,
				registerTaskRoutes,
				registerNoteRoutes,
				registerTagRoutes,
				registerMembershipRoutes,
				registerBulkBusinessRoute,
				registerBusinessRoutes,
				registerLookupRoutes,
				registerAgencyRoutes,
			]) {
				register(route, deps);
			}
		},
		registerMarketplace(app) {
			registerConsentPage(app, deps);
		},
		faultReply(status, withRateHeaders = true) {
			const { rateLimit } = deps.config();
			const message = status === 429 ? 'Too many requests' : status >= 500 ? 'Internal Server Error' : 'Error';
			const headers = status === 429 && withRateHeaders ? rateLimitHeaders(rateLimit, 0, rateLimit.daily) : {};
			return { body: { statusCode: status, message }, headers };
		},
	};
}

/** The RegisterService form of the GHL module (API routes only; the server also mounts the consent page). */
export const registerGhl: RegisterService<GhlSeedSpec> = (app, ctx) => {
	const service = createGhlService(ctx);
	service.registerApi(app);
	return service;
};
