import { uuid } from '../core/ids';
import { GHL_DEFAULTS, PIT_SCOPES } from './defaults';
import { issueTokenPair } from './auth/grants';
import type { GhlDeps } from './http/deps';
import type { UserType } from './model';
import { addLocation } from './tenant';

export interface CreatePitRequest {
	locationId?: string;
	/** Agency PIT instead of a location PIT. */
	companyId?: string;
	scopes?: string[];
}

export interface CreateLocationRequest {
	/** Default: the next free `SbxLocation…` id. */
	id?: string;
	name?: string;
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

	/**
	 * One more location (sub-account) of the sandbox agency, with its own custom fields, tags, campaigns and
	 * workflows; the default PIT and OAuth app do not reach it (create a PIT for it).
	 */
	createLocation(input: CreateLocationRequest = {}) {
		const { state } = this.deps;
		let id = input.id;
		for (let n = state.locations.size + 1; !id; n++) {
			const candidate = `SbxLocation${String(n).padStart(9, '0')}`;
			if (!state.locations.has(candidate)) id = candidate;
		}
		if (state.locations.has(id)) throw new Error(`location ${id} exists already`);
		const location = addLocation(state, { id, name: input.name ?? `Sandbox Location ${id.slice(-3)}`, companyId: GHL_DEFAULTS.companyId, dateAdded: state.isoNow() });
		return { id: location.id, name: location.name, companyId: location.companyId };
	}

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
