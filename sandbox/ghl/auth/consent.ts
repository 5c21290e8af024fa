import type { FastifyInstance, FastifyReply } from 'fastify';
import { GHL_DEFAULTS } from '../defaults';
import { installEvent } from '../events/payloads';
import type { GhlDeps } from '../http/deps';

type Query = Record<string, string | undefined>;

/**
 * The Marketplace consent page (`/v2/oauth/chooselocation` and the older path without `/v2`). It approves
 * at once: the chosen location (`location_id`, default the app's first installed location) gets the app
 * installed and the browser is redirected to `redirect_uri?code=...&state=...`.
 */
export function registerConsentPage(app: FastifyInstance, deps: GhlDeps): void {
	for (const path of ['/v2/oauth/chooselocation', '/oauth/chooselocation']) {
		app.get(path, async (request, reply) => approve(deps, request.query as Query, reply));
	}
}

function approve(deps: GhlDeps, query: Query, reply: FastifyReply) {
	const fail = (message: string) =>
		reply.code(400).type('text/html; charset=utf-8').send(page('Authorization failed', escapeHtml(message)));
	if (query.response_type !== 'code') return fail('response_type must be "code".');
	const client = query.client_id ? deps.state.clients.get(query.client_id) : undefined;
	if (!client) return fail('Unknown client_id.');
	if (!query.redirect_uri) return fail('redirect_uri is required.');
	if (client.redirectUris.length && !client.redirectUris.includes(query.redirect_uri)) return fail('redirect_uri is not registered for this app.');
	const requested = (query.scope ?? '').split(/[\s+]+/).filter(Boolean);
	const refused = requested.filter((s) => !client.scopes.includes(s));
	if (refused.length) return fail(`Scopes not enabled for this app: ${refused.join(', ')}`);
	const locationId = query.location_id ?? query.locationId ?? client.installedLocationIds[0] ?? GHL_DEFAULTS.locationIds[0];
	const location = deps.state.locations.get(locationId);
	if (!location) return fail(`Unknown location ${locationId}.`);
	if (!client.installedLocationIds.includes(location.id)) {
		client.installedLocationIds.push(location.id);
		deps.events.emit('INSTALL', location.id, installEvent(location, deps.state.companies.get(location.companyId)?.name));
	}
	const code = deps.state.tokens.saveCode({
		clientId: client.clientId,
		redirectUri: query.redirect_uri,
		companyId: location.companyId,
		locationId: location.id,
		scopes: requested.length ? requested : [...client.scopes],
		userId: GHL_DEFAULTS.userIds[0],
		expiresAt: deps.ctx.now() + deps.config().authCodeTtlSeconds * 1000,
	});
	const target = new URL(query.redirect_uri);
	target.searchParams.set('code', code.code);
	if (query.state !== undefined) target.searchParams.set('state', query.state);
	const href = target.toString();
	return reply
		.code(302)
		.header('location', href)
		.type('text/html; charset=utf-8')
		.send(page(`${client.name} connected to ${location.name}`, `<a href="${escapeHtml(href)}">Continue</a>`));
}

function page(title: string, body: string): string {
	return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${body}</p></body></html>`;
}

function escapeHtml(value: string): string {
	return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
