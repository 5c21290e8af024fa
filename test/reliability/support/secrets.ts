/**
 * Recognisable secret values for the reliability runs, and a scanner that finds them (or anything shaped
 * like the secrets the sandbox issues) in text. Hits are reported by label and place, never by value.
 */
import { GHL_DEFAULTS } from '../../../sandbox/ghl/defaults';

/** Sandbox-only canary values: distinctive, so a hit can only mean the value leaked. */
export const CANARY = {
	tookanApiKey: 'tookan-api-key-CANARY-5c1e9d0b7a2f',
	tookanSharedSecret: 'tookan-shared-secret-CANARY-84f2b6e1',
	tookanAccessToken: 'tookan-access-token-CANARY-3b7d9e',
	automationToken: 'ghl-automation-token-CANARY-0e6a4c2f9b1d',
} as const;

export interface Secret {
	label: string;
	value: string;
}

/** The fixed secrets every run knows: the canaries and the sandbox tenant's PIT and OAuth client secret. */
export function knownSecrets(): Secret[] {
	return [
		...Object.entries(CANARY).map(([label, value]) => ({ label, value })),
		{ label: 'ghlPit', value: GHL_DEFAULTS.pit },
		{ label: 'ghlClientSecret', value: GHL_DEFAULTS.clientSecret },
	];
}

/** GHL Private Integration Tokens (real and sandbox): `pit-` and a UUID. */
const PIT = /pit-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** The sandbox signs its OAuth access and refresh tokens as HS256 JWTs with this header. */
const JWT = /eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9\.([A-Za-z0-9_-]{10,})\.[A-Za-z0-9_-]{20,}/g;

function isSandboxToken(payload: string): boolean {
	try {
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
		return typeof claims.oauthMeta === 'object' && claims.oauthMeta !== null;
	} catch {
		return false;
	}
}

export interface Hit {
	label: string;
	where: string;
}

/** Every secret found in `text`: the given values, any PIT, any sandbox-issued OAuth token. */
export function findSecrets(text: string, where: string, secrets: Secret[] = knownSecrets()): Hit[] {
	const hits: Hit[] = [];
	for (const { label, value } of secrets) {
		if (value && text.includes(value)) hits.push({ label, where });
	}
	const pits = new Set(text.match(PIT) ?? []);
	const named = new Set(secrets.map((s) => s.value));
	for (const pit of pits) if (!named.has(pit)) hits.push({ label: 'ghlPit (pattern)', where });
	for (const match of text.matchAll(JWT)) {
		if (isSandboxToken(match[1])) hits.push({ label: 'ghlOAuthToken (pattern)', where });
	}
	return hits;
}

/** Scans anything JSON can show (output items, error objects with message and description). */
export function scanValue(value: unknown, where: string, secrets?: Secret[]): Hit[] {
	return findSecrets(safeText(value), where, secrets);
}

/** Every string inside a value (own properties, errors' message/stack/cause chain), cycles skipped. */
function safeText(value: unknown): string {
	const parts: string[] = [];
	const seen = new WeakSet<object>();
	const walk = (v: unknown, depth: number): void => {
		if (typeof v === 'string') parts.push(v);
		else if (typeof v === 'number' || typeof v === 'boolean') parts.push(String(v));
		else if (v && typeof v === 'object' && depth < 12 && !seen.has(v)) {
			seen.add(v);
			if (v instanceof Error) parts.push(v.message, v.stack ?? '');
			for (const key of Object.getOwnPropertyNames(v)) walk((v as Record<string, unknown>)[key], depth + 1);
		}
	};
	walk(value, 0);
	return parts.join('\n');
}
