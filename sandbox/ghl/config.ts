import type { SandboxContext } from '../core/context';
import type { RateLimitSettings } from '../core/rate-limiter';
import { deepMerge, isPlainObject } from '../core/merge';

export type DuplicateField = 'email' | 'phone';

/** A location's "Allow Duplicate Contact" setting and the order in which upsert matches fields. */
export interface GhlLocationSettings {
	allowDuplicateContact: boolean;
	duplicateCheckFields: DuplicateField[];
}

/** `ctx.config.ghl`: everything an admin can change at runtime (PUT /_admin/config {ghl: {...}}). */
export interface GhlConfig {
	rateLimit: RateLimitSettings & { retryAfter: boolean };
	accessTokenTtlSeconds: number;
	/** An OAuth or location access token expires after this many requests (0 = only its lifetime counts). */
	accessTokenMaxUses: number;
	refreshTokenTtlSeconds: number;
	authCodeTtlSeconds: number;
	/** `Version` header values accepted on versioned routes (spec: 2021-07-28; the official SDK sends 2023-02-21). */
	acceptedVersions: string[];
	/** Reject unknown body properties with 422 "property x should not exist", like GHL's DTO validation. */
	strictBodies: boolean;
	/** Per-location overrides of the duplicate settings (default: duplicates not allowed, match email then phone). */
	locations: Record<string, Partial<GhlLocationSettings>>;
}

export function defaultGhlConfig(): GhlConfig {
	return {
		rateLimit: { max: 100, intervalMs: 10_000, daily: 200_000, retryAfter: false },
		accessTokenTtlSeconds: 86_399,
		accessTokenMaxUses: 0,
		refreshTokenTtlSeconds: 31_536_000,
		authCodeTtlSeconds: 600,
		acceptedVersions: ['2021-07-28', '2023-02-21'],
		strictBodies: true,
		locations: {},
	};
}

/** The live GHL config inside the shared context (created with defaults on first use). */
export function ghlConfig(ctx: SandboxContext): GhlConfig {
	const current = ctx.config.ghl;
	if (!isPlainObject(current)) {
		ctx.config.ghl = defaultGhlConfig();
	} else if (!('rateLimit' in current && 'acceptedVersions' in current)) {
		ctx.config.ghl = deepMerge(defaultGhlConfig() as unknown as Record<string, unknown>, current);
	}
	return ctx.config.ghl as GhlConfig;
}

export function locationSettings(config: GhlConfig, locationId: string): GhlLocationSettings {
	const own = config.locations[locationId] ?? {};
	return {
		allowDuplicateContact: own.allowDuplicateContact ?? false,
		duplicateCheckFields: own.duplicateCheckFields?.length ? own.duplicateCheckFields : ['email', 'phone'],
	};
}
