import type { GhlConfig } from '../config';
import { GHL_DEFAULTS } from '../defaults';
import type { GhlState } from '../state';
import type { Grant } from './tokens';

/** Issues an access + refresh token pair and answers in the token endpoint's shape (GetAccessCodeSuccessfulResponseDto). */
export function issueTokenPair(state: GhlState, config: GhlConfig, grant: Grant): Record<string, unknown> {
	const now = state.now();
	const access = state.tokens.issueAccess(grant, 'oauth', config.accessTokenTtlSeconds, now);
	const refresh = state.tokens.issueRefresh(grant, config.refreshTokenTtlSeconds, now);
	const client = grant.clientId ? state.clients.get(grant.clientId) : undefined;
	const approvedLocations =
		grant.userType === 'Location'
			? [grant.locationId]
			: state.locationsOf(grant.companyId).map((l) => l.id).filter((id) => client?.installedLocationIds.includes(id) ?? true);
	return {
		access_token: access.token,
		token_type: 'Bearer',
		expires_in: config.accessTokenTtlSeconds,
		refresh_token: refresh.token,
		scope: grant.scopes.join(' '),
		refreshTokenId: refresh.id,
		userType: grant.userType,
		companyId: grant.companyId,
		...(grant.locationId ? { locationId: grant.locationId } : {}),
		approvedLocations,
		userId: grant.userId,
		planId: GHL_DEFAULTS.planId,
		isBulkInstallation: grant.userType === 'Company',
	};
}
