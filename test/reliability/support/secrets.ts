/**
 * Recognisable secret values for the reliability runs, and a scanner that finds them (or anything shaped
 * like the secrets the sandbox issues) in text. Hits are reported by label and place, never by value.
 */
import { GHL_DEFAULTS } from '../../../sandbox/ghl/defaults';
import { TOOKAN_DEFAULTS } from '../../../sandbox/tookan/config';

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

/**
 * The fixed secrets every run knows: the canaries, the sandbox tenant's PIT and OAuth client secret, and
 * the sandbox's default Tookan secrets (what the e2e tests and templates use).
 */
export function knownSecrets(): Secret[] {
	return KNOWN;
}

const KNOWN: Secret[] = knownList();

function knownList(): Secret[] {
	return [
		...Object.entries(CANARY).map(([label, value]) => ({ label, value })),
		{ label: 'ghlPit', value: GHL_DEFAULTS.pit },
		{ label: 'ghlClientSecret', value: GHL_DEFAULTS.clientSecret },
		{ label: 'tookanApiKey (sandbox default)', value: TOOKAN_DEFAULTS.apiKey },
		{ label: 'tookanSharedSecret (sandbox default)', value: TOOKAN_DEFAULTS.sharedSecret },
		{ label: 'tookanAccessToken (sandbox default)', value: TOOKAN_DEFAULTS.accessToken },
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

/** One regular expression per secrets list: most texts hold none, and one test is cheaper than one per secret. */
const anyOf = new WeakMap<Secret[], RegExp>();

function anySecret(secrets: Secret[]): RegExp {
	let found = anyOf.get(secrets);
	if (!found) {
		const values = secrets.map((s) => s.value).filter(Boolean);
		found = values.length ? new RegExp(values.map((v) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')) : /$^/;
		anyOf.set(secrets, found);
	}
	return found;
}

/** Every secret found in `text`: the given values, any PIT, any sandbox-issued OAuth token. */
export function findSecrets(text: string, where: string, secrets: Secret[] = knownSecrets()): Hit[] {
	const hits: Hit[] = [];
	if (anySecret(secrets).test(text)) {
		for (const { label, value } of secrets) {
			if (value && text.includes(value)) hits.push({ label, where });
		}
	}
	const pits = new Set(text.match(PIT) ?? []);
	const named = new Set(secrets.map((s) => s.value));
	for (const pit of pits) if (!named.has(pit)) hits.push({ label: 'ghlPit (pattern)', where });
	for (const match of text.matchAll(JWT)) {
		if (isSandboxToken(match[1])) hits.push({ label: 'ghlOAuthToken (pattern)', where });
	}
	return hits;
}

/**
 * Scans anything JSON can show (output items, execution records, error objects with message, description,
 * stack and cause chain); a hit says where, down to the property path.
 */
export function scanValue(value: unknown, where: string, secrets?: Secret[]): Hit[] {
	const hits: Hit[] = [];
	for (const [path, text] of strings(value)) hits.push(...findSecrets(text, path ? `${where} at ${path}` : where, secrets));
	return hits;
}

const MAX_DEPTH = 64;

/** Every string inside a value with its property path (own properties, errors' message/stack), cycles skipped. */
function strings(value: unknown): Array<[string, string]> {
	const found: Array<[string, string]> = [];
	const seen = new WeakSet<object>();
	const walk = (v: unknown, path: string, depth: number): void => {
		if (typeof v === 'string') found.push([path, v]);
		else if (v && typeof v === 'object' && depth < MAX_DEPTH && !seen.has(v)) {
			seen.add(v);
			if (v instanceof Error) found.push([`${path}.message`, v.message], [`${path}.stack`, v.stack ?? '']);
			for (const key of Object.getOwnPropertyNames(v)) {
				walk((v as Record<string, unknown>)[key], Array.isArray(v) ? `${path}[${key}]` : `${path}.${key}`, depth + 1);
			}
		}
	};
	walk(value, '', 0);
	return found;
}
