import type { IDataObject } from 'n8n-workflow';

/**
 * Agency (Company) connections act on a sub-account with a location token minted from the agency token
 * (`POST /oauth/locationToken`). Tokens are cached per credential and location until shortly before they
 * expire; concurrent items share one mint.
 */
interface Entry {
	token: string;
	expiresAt: number;
}

const tokens = new Map<string, Entry>();
const minting = new Map<string, Promise<Entry>>();

const EARLY_MS = 60_000;

export async function locationToken(key: string, mint: () => Promise<IDataObject>): Promise<string> {
	const cached = tokens.get(key);
	if (cached && cached.expiresAt > Date.now()) return cached.token;
	let pending = minting.get(key);
	if (!pending) {
		pending = mint().then((body) => {
			const token = String(body.access_token ?? '');
			const seconds = Number(body.expires_in ?? 3600);
			const entry = { token, expiresAt: Date.now() + Math.max(0, seconds * 1000 - EARLY_MS) };
			if (token) tokens.set(key, entry);
			return entry;
		});
		minting.set(key, pending);
		pending.then(
			() => minting.delete(key),
			() => minting.delete(key),
		);
	}
	return (await pending).token;
}

/** Forgets a location token the API refused, so the next attempt mints a new one. */
export function forgetLocationToken(key: string): void {
	tokens.delete(key);
}
