import { randomBytes } from 'node:crypto';
import type { UserType } from '../model';
import { TokenMinter } from './jwt';

/** Who a token acts for and what it may do. */
export interface Grant {
	userType: UserType;
	companyId: string;
	/** Location tokens only. */
	locationId?: string;
	scopes: string[];
	/** Rate-limit "app": the OAuth client id, or the PIT's own id. */
	appKey: string;
	/** OAuth client id (absent for PITs). */
	clientId?: string;
	userId: string;
}

export type AccessKind = 'oauth' | 'location' | 'pit';

export interface AccessToken extends Grant {
	kind: AccessKind;
	token: string;
	issuedAt: number;
	/** null = never expires (PITs). */
	expiresAt: number | null;
	/** Requests made with it (counted only when `accessTokenMaxUses` is set). */
	uses?: number;
}

export interface RefreshToken extends Grant {
	id: string;
	token: string;
	expiresAt: number;
	/** Single use: set when exchanged for a new pair. */
	spentAt?: number;
	revoked?: boolean;
}

export interface AuthCode {
	code: string;
	clientId: string;
	redirectUri?: string;
	companyId: string;
	locationId: string;
	scopes: string[];
	userId: string;
	expiresAt: number;
	used: boolean;
}

export type RefreshOutcome = { ok: true; refresh: RefreshToken } | { ok: false; reason: string };

/** Access tokens, single-use rotating refresh tokens, authorization codes and PITs. */
export class TokenStore {
	private readonly minter = new TokenMinter();
	private readonly access = new Map<string, AccessToken>();
	private readonly refresh = new Map<string, RefreshToken>();
	private readonly codes = new Map<string, AuthCode>();
	refreshCount = 0;

	issueAccess(grant: Grant, kind: AccessKind, ttlSeconds: number | null, now: number, token?: string): AccessToken {
		const record: AccessToken = {
			...grant,
			scopes: [...grant.scopes],
			kind,
			token: token ?? this.minter.mint(this.claims(grant, kind, now, ttlSeconds)),
			issuedAt: now,
			expiresAt: ttlSeconds === null ? null : now + ttlSeconds * 1000,
		};
		this.access.set(record.token, record);
		return record;
	}

	issueRefresh(grant: Grant, ttlSeconds: number, now: number): RefreshToken {
		const id = randomBytes(12).toString('hex');
		const record: RefreshToken = {
			...grant,
			scopes: [...grant.scopes],
			id,
			token: this.minter.mint({ ...this.claims(grant, 'refresh', now, ttlSeconds), refreshTokenId: id }),
			expiresAt: now + ttlSeconds * 1000,
		};
		this.refresh.set(record.token, record);
		return record;
	}

	lookupAccess(token: string): AccessToken | undefined {
		return this.access.get(token);
	}

	/** Marks the refresh token spent (it can never be used again) and returns its grant. */
	spendRefresh(token: string, now: number): RefreshOutcome {
		const record = this.refresh.get(token);
		if (!record) return { ok: false, reason: 'refresh token is invalid' };
		if (record.revoked) return { ok: false, reason: 'refresh token has been revoked' };
		if (record.spentAt !== undefined) return { ok: false, reason: 'refresh token has already been used' };
		if (record.expiresAt <= now) return { ok: false, reason: 'refresh token has expired' };
		record.spentAt = now;
		this.refreshCount++;
		return { ok: true, refresh: record };
	}

	saveCode(code: Omit<AuthCode, 'code' | 'used'>): AuthCode {
		const record: AuthCode = { ...code, code: randomBytes(20).toString('hex'), used: false };
		this.codes.set(record.code, record);
		return record;
	}

	/** A code is single use; a second exchange fails. */
	takeCode(code: string, now: number): AuthCode | undefined {
		const record = this.codes.get(code);
		if (!record || record.used || record.expiresAt <= now) return undefined;
		record.used = true;
		return record;
	}

	/** Expires every access token that can expire (PITs never do). Returns how many. */
	expireAll(now: number, filter: { locationId?: string } = {}): number {
		let count = 0;
		for (const record of this.access.values()) {
			if (record.expiresAt === null || record.expiresAt <= now) continue;
			if (filter.locationId && record.locationId !== filter.locationId) continue;
			record.expiresAt = now - 1;
			count++;
		}
		return count;
	}

	/** Revokes every refresh token that is still usable. Returns how many. */
	revokeRefreshTokens(filter: { locationId?: string } = {}): number {
		let count = 0;
		for (const record of this.refresh.values()) {
			if (record.revoked || record.spentAt !== undefined) continue;
			if (filter.locationId && record.locationId !== filter.locationId) continue;
			record.revoked = true;
			count++;
		}
		return count;
	}

	revokeAccess(token: string): boolean {
		return this.access.delete(token);
	}

	/** Counts only; token values never leave the store through snapshots. */
	stats(now: number) {
		const access = [...this.access.values()];
		const refresh = [...this.refresh.values()];
		return {
			accessTokens: access.length,
			activeAccessTokens: access.filter((t) => t.expiresAt === null || t.expiresAt > now).length,
			pits: access.filter((t) => t.kind === 'pit').length,
			refreshTokens: refresh.length,
			usableRefreshTokens: refresh.filter((t) => !t.revoked && t.spentAt === undefined && t.expiresAt > now).length,
			refreshes: this.refreshCount,
		};
	}

	private claims(grant: Grant, kind: string, now: number, ttlSeconds: number | null) {
		return {
			authClass: grant.userType,
			authClassId: grant.userType === 'Location' ? grant.locationId : grant.companyId,
			source: kind === 'pit' ? 'PRIVATE_INTEGRATION' : 'INTEGRATION',
			sourceId: grant.clientId ?? grant.appKey,
			channel: 'OAUTH',
			primaryAuthClassId: grant.companyId,
			oauthMeta: { scopes: grant.scopes, client: grant.clientId, kind },
			iat: Math.floor(now / 1000),
			...(ttlSeconds === null ? {} : { exp: Math.floor(now / 1000) + ttlSeconds }),
		};
	}
}
