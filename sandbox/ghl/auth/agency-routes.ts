import { GHL_DEFAULTS } from '../defaults';
import type { GhlDeps } from '../http/deps';
import { badRequest, forbidden, MESSAGES } from '../http/errors';
import { authOf, type RouteAdder } from '../http/guard';
import { intQuery, requireQuery, validateBody } from '../http/validate';

const COMPANY_ONLY = { userTypes: ['Company' as const] };

/** oauth.json's agency routes: mint a location token from a Company token, list the app's installed locations. */
export function registerAgencyRoutes(route: RouteAdder, deps: GhlDeps): void {
	route('POST', '/oauth/locationToken', { ...COMPANY_ONLY, scope: 'oauth.write' }, (request) => {
		const token = authOf(request);
		const body = validateBody(
			request.body,
			{ companyId: { type: 'string', required: true }, locationId: { type: 'string', required: true } },
			deps.config().strictBodies,
		);
		if (body.companyId !== token.companyId) throw forbidden('The token does not have access to this company.');
		const location = deps.state.locations.get(body.locationId as string);
		if (!location || location.companyId !== token.companyId) throw forbidden(MESSAGES.location);
		const client = token.clientId ? deps.state.clients.get(token.clientId) : undefined;
		if (client && !client.installedLocationIds.includes(location.id)) throw badRequest('The app is not installed on this location.');
		const ttl = deps.config().accessTokenTtlSeconds;
		const grant = { ...token, userType: 'Location' as const, locationId: location.id };
		const minted = deps.state.tokens.issueAccess(grant, 'location', ttl, deps.ctx.now());
		return {
			access_token: minted.token,
			token_type: 'Bearer',
			expires_in: ttl,
			scope: minted.scopes.join(' '),
			locationId: location.id,
			planId: GHL_DEFAULTS.planId,
			userId: minted.userId,
			appId: client?.appId ?? GHL_DEFAULTS.appId,
			versionId: GHL_DEFAULTS.versionId,
		};
	});

	route('GET', '/oauth/installedLocations', { ...COMPANY_ONLY, scope: 'oauth.readonly' }, (request) => {
		const token = authOf(request);
		requireQuery(request.query, ['companyId', 'appId']);
		if (request.query.companyId !== token.companyId) throw forbidden('The token does not have access to this company.');
		const client = [...deps.state.clients.values()].find((c) => c.appId === request.query.appId || c.clientId === request.query.appId);
		const installed = new Set(client?.installedLocationIds ?? []);
		const wantInstalled = request.query.isInstalled === undefined ? undefined : request.query.isInstalled === 'true';
		const needle = request.query.query?.toLowerCase();
		const locations = deps.state
			.locationsOf(token.companyId)
			.filter((l) => wantInstalled === undefined || installed.has(l.id) === wantInstalled)
			.filter((l) => !needle || l.name.toLowerCase().includes(needle))
			.filter((l) => !request.query.locationId || l.id === request.query.locationId);
		const skip = intQuery(request.query.skip, 'skip', 0);
		const limit = intQuery(request.query.limit, 'limit', 20);
		return {
			locations: locations.slice(skip, skip + limit).map((l) => ({
				_id: l.id,
				name: l.name,
				address: `${l.address}, ${l.city}, ${l.state}`,
				isInstalled: installed.has(l.id),
				versionId: GHL_DEFAULTS.versionId,
				installedAt: l.dateAdded,
			})),
			count: locations.length,
			installToFutureLocations: true,
		};
	});
}
