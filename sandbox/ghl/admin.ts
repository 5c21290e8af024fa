import { uuid } from '../core/ids';
import { GHL_DEFAULTS, PIT_SCOPES } from './defaults';
import { issueTokenPair } from './auth/grants';
import type { GhlDeps } from './http/deps';
import type { UserType } from './model';

export interface CreatePitRequest {
	locationId?: string;
	/** Agency PIT instead of a location PIT. */
	companyId?: string;
	scopes?: string[];
}

export interface IssueTokensRequest {
	userType?: UserType;
	locationId?: string;
	companyId?: string;
	scopes?: string[];
	clientId?: string;
}

/** GHL-specific admin operations (the core admin API exposes them under /_admin). */
export class GhlAdmin {
	constructor(private readonly deps: GhlDeps) {}

	/** A Private Integration Token bound to one location (or one agency), fixed scopes, no expiry. */
	createPit(input: CreatePitRequest = {}) {
		const { state } = this.deps;
		const userType: UserType = input.companyId && !input.locationId ? 'Company' : 'Location';
		const locationId = userType === 'Location' ? (input.locationId ?? GHL_DEFAULTS.locationIds[0]) : undefined;
		const location = locationId ? state.locations.get(locationId) : undefined;
		if (locationId && !location) throw new Error(`unknown location ${locationId}`);
		const companyId = location?.companyId ?? input.companyId!;
		if (!state.companies.has(companyId)) throw new Error(`unknown company ${companyId}`);
		const token = `pit-${uuid()}`;
		const scopes = input.scopes ?? PIT_SCOPES;
		const grant = { userType, companyId, locationId, scopes, appKey: `pit:${token.slice(-12)}`, userId: GHL_DEFAULTS.userIds[0] };
		state.tokens.issueAccess(grant, 'pit', null, state.now(), token);
		return { token, userType, companyId, ...(locationId ? { locationId } : {}), scopes };
	}

	/** The same answer the token endpoint gives after an OAuth install (for seeding n8n credentials directly). */
	issueTokens(input: IssueTokensRequest = {}) {
		const { state } = this.deps;
		const client = state.clients.get(input.clientId ?? GHL_DEFAULTS.clientId);
		if (!client) throw new Error(`unknown client ${input.clientId}`);
		const userType = input.userType ?? 'Location';
		const locationId = userType === 'Location' ? (input.locationId ?? GHL_DEFAULTS.locationIds[0]) : undefined;
		const companyId = locationId ? state.locations.get(locationId)?.companyId : (input.companyId ?? GHL_DEFAULTS.companyId);
		if (!companyId || !state.companies.has(companyId)) throw new Error(`unknown location/company`);
		const scopes = input.scopes ?? client.scopes;
		const grant = { userType, companyId, locationId, scopes, appKey: client.clientId, clientId: client.clientId, userId: GHL_DEFAULTS.userIds[0] };
		return issueTokenPair(state, this.deps.config(), grant);
	}

	expireTokens(filter: { locationId?: string } = {}): { expired: number } {
		return { expired: this.deps.state.tokens.expireAll(this.deps.ctx.now(), filter) };
	}

	revokeRefreshTokens(filter: { locationId?: string } = {}): { revoked: number } {
		return { revoked: this.deps.state.tokens.revokeRefreshTokens(filter) };
	}
}
