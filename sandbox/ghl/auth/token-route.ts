import type { FastifyInstance, FastifyReply } from 'fastify';
import type { GhlDeps } from '../http/deps';
import { GhlError } from '../http/errors';
import type { OAuthClient, UserType } from '../model';
import { issueTokenPair } from './grants';
import type { Grant } from './tokens';

type Form = Record<string, string | undefined>;

const GRANT_TYPES = ['authorization_code', 'refresh_token', 'client_credentials'];

const oauthError = (status: number, error: string, description: string) =>
	new GhlError(status, { error, error_description: description });

/**
 * POST /oauth/token (form-encoded, no Version header): authorization_code and refresh_token grants.
 * Client credentials in the body or HTTP Basic. Refresh tokens are single use: each refresh returns a new
 * one and the spent one answers `invalid_grant`.
 */
export function registerTokenRoute(app: FastifyInstance, deps: GhlDeps): void {
	app.post('/oauth/token', async (request, reply: FastifyReply) => {
		const form = (request.body ?? {}) as Form;
		const client = authenticateClient(deps, form, request.headers.authorization);
		const messages: string[] = [];
		if (!form.grant_type) messages.push('grant_type should not be empty');
		else if (!GRANT_TYPES.includes(form.grant_type)) {
			messages.push(`grant_type must be one of the following values: ${GRANT_TYPES.join(', ')}`);
		}
		if (form.user_type && form.user_type !== 'Company' && form.user_type !== 'Location') {
			messages.push('user_type must be one of the following values: Company, Location');
		}
		if (messages.length) throw new GhlError(422, { statusCode: 422, message: messages, error: 'Unprocessable Entity' });
		const grant =
			form.grant_type === 'authorization_code'
				? codeGrant(deps, client, form)
				: form.grant_type === 'refresh_token'
					? refreshGrant(deps, client, form)
					: unsupported();
		return reply.send(issueTokenPair(deps.state, deps.config(), grant));
	});
}

function authenticateClient(deps: GhlDeps, form: Form, authorization: string | undefined): OAuthClient {
	let clientId = form.client_id;
	let clientSecret = form.client_secret;
	const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
	if (basic && !clientId) {
		const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
		clientId = safeDecode(id);
		clientSecret = safeDecode(secret ?? '');
	}
	if (!clientId || !clientSecret) {
		const missing = [!clientId && 'client_id', !clientSecret && 'client_secret'].filter(Boolean);
		throw new GhlError(422, {
			statusCode: 422,
			message: missing.map((m) => `${m} should not be empty`),
			error: 'Unprocessable Entity',
		});
	}
	const client = deps.state.clients.get(clientId);
	if (!client || client.clientSecret !== clientSecret) throw oauthError(401, 'invalid_client', 'Invalid client credentials');
	return client;
}

function codeGrant(deps: GhlDeps, client: OAuthClient, form: Form): Grant {
	if (!form.code) throw oauthError(400, 'invalid_request', 'code is required for grant_type authorization_code');
	const code = deps.state.tokens.takeCode(form.code, deps.ctx.now());
	if (!code || code.clientId !== client.clientId) throw oauthError(400, 'invalid_grant', 'Invalid authorization code');
	if (code.redirectUri && form.redirect_uri && form.redirect_uri !== code.redirectUri) {
		throw oauthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
	}
	const userType: UserType = form.user_type === 'Company' ? 'Company' : 'Location';
	return {
		userType,
		companyId: code.companyId,
		...(userType === 'Location' ? { locationId: code.locationId } : {}),
		scopes: code.scopes,
		appKey: client.clientId,
		clientId: client.clientId,
		userId: code.userId,
	};
}

function refreshGrant(deps: GhlDeps, client: OAuthClient, form: Form): Grant {
	if (!form.refresh_token) throw oauthError(400, 'invalid_request', 'refresh_token is required for grant_type refresh_token');
	const outcome = deps.state.tokens.spendRefresh(form.refresh_token, deps.ctx.now());
	if (!outcome.ok) throw oauthError(400, 'invalid_grant', `Invalid grant: ${outcome.reason}`);
	const { refresh } = outcome;
	if (refresh.clientId !== client.clientId) throw oauthError(400, 'invalid_grant', 'Invalid grant: refresh token was issued to another client');
	const { userType, companyId, locationId, scopes, appKey, clientId, userId } = refresh;
	return { userType, companyId, ...(locationId ? { locationId } : {}), scopes, appKey, clientId, userId };
}

function unsupported(): never {
	throw oauthError(400, 'unsupported_grant_type', 'Only authorization_code and refresh_token are supported');
}

function safeDecode(value: string): string {
	try {
		return decodeURIComponent(value.replace(/\+/g, ' '));
	} catch {
		return value;
	}
}
