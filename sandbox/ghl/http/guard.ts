import type { FastifyInstance, FastifyReply, HTTPMethods } from 'fastify';
import type { AccessToken } from '../auth/tokens';
import type { UserType } from '../model';
import type { GhlDeps, GhlHandler, GhlRequest } from './deps';
import { badRequest, forbidden, GhlError, MESSAGES, tooManyRequests, unauthorized } from './errors';

declare module 'fastify' {
	interface FastifyRequest {
		ghlAuth: AccessToken | null;
	}
}

export interface RouteAuth {
	/** Scope the operation's `security` block names; undefined = any valid token. */
	scope?: string;
	/** Token user types allowed (default: Location, i.e. sub-account OAuth token, location token or PIT). */
	userTypes?: UserType[];
}

export type RouteAdder = (method: HTTPMethods, url: string, auth: RouteAuth, handler: GhlHandler) => void;

/** Registers GHL API routes behind the checks GHL makes, in GHL's order. */
export function routeAdder(app: FastifyInstance, deps: GhlDeps): RouteAdder {
	return (method, url, auth, handler) => {
		app.route({
			method,
			url,
			preHandler: async (request, reply) => {
				request.ghlAuth = authenticate(deps, request as GhlRequest, reply, auth);
			},
			handler: (request, reply) => handler(request as GhlRequest, reply),
		});
	};
}

/** Version header, bearer token, expiry, rate limit (headers on every authenticated response), user type, scope. */
export function authenticate(deps: GhlDeps, request: GhlRequest, reply: FastifyReply, auth: RouteAuth): AccessToken {
	const config = deps.config();
	const version = request.headers.version;
	if (version === undefined || version === '') throw unauthorized(MESSAGES.versionMissing);
	if (!config.acceptedVersions.includes(String(version))) throw badRequest(`version header is invalid: ${String(version)}`);
	const token = bearerToken(deps, request.headers.authorization);
	rateLimit(deps, reply, token);
	const userTypes = auth.userTypes ?? ['Location'];
	if (!userTypes.includes(token.userType)) {
		throw unauthorized(token.userType === 'Company' ? MESSAGES.userTypeMismatch : MESSAGES.authClass);
	}
	if (auth.scope && !token.scopes.includes(auth.scope)) throw unauthorized(MESSAGES.scope);
	return token;
}

function bearerToken(deps: GhlDeps, header: string | undefined): AccessToken {
	const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
	if (!match) throw unauthorized(MESSAGES.expired);
	const token = deps.state.tokens.lookupAccess(match[1]);
	if (!token) throw unauthorized(MESSAGES.invalidToken);
	const now = deps.ctx.now();
	if (token.expiresAt !== null && token.expiresAt <= now) throw unauthorized(MESSAGES.expired);
	const maxUses = deps.config().accessTokenMaxUses;
	if (token.expiresAt !== null && maxUses > 0 && (token.uses = (token.uses ?? 0) + 1) > maxUses) {
		token.expiresAt = now - 1;
		throw unauthorized(MESSAGES.expired);
	}
	return token;
}

function rateLimit(deps: GhlDeps, reply: FastifyReply, token: AccessToken): void {
	const settings = deps.config().rateLimit;
	const resource = token.locationId ?? token.companyId;
	const decision = deps.limiter.take(`${token.appKey}|${resource}`, deps.ctx.now(), settings);
	reply.headers(rateLimitHeaders(settings, decision.remaining, decision.dailyRemaining));
	if (decision.allowed) return;
	const error = tooManyRequests();
	if (settings.retryAfter) error.headers['retry-after'] = String(Math.max(1, Math.ceil(decision.retryAfterMs / 1000)));
	throw error;
}

export function rateLimitHeaders(
	settings: { max: number; intervalMs: number; daily: number },
	remaining: number,
	dailyRemaining: number,
): Record<string, string> {
	return {
		'x-ratelimit-max': String(settings.max),
		'x-ratelimit-remaining': String(remaining),
		'x-ratelimit-interval-milliseconds': String(settings.intervalMs),
		'x-ratelimit-limit-daily': String(settings.daily),
		'x-ratelimit-daily-remaining': String(dailyRemaining),
	};
}

/** A location token may only touch its own location; an agency token only its company's locations. */
export function assertLocation(deps: GhlDeps, token: AccessToken, locationId: string): void {
	if (token.userType === 'Location') {
		if (token.locationId !== locationId) throw forbidden(MESSAGES.location);
		return;
	}
	const location = deps.state.locations.get(locationId);
	if (!location || location.companyId !== token.companyId) throw forbidden(MESSAGES.location);
}

export function authOf(request: GhlRequest): AccessToken {
	if (!request.ghlAuth) throw new GhlError(500, { statusCode: 500, message: 'route is not authenticated' });
	return request.ghlAuth;
}
