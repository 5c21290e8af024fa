import { createHash, timingSafeEqual } from 'crypto';
import type { ICredentialDataDecryptedObject, IWebhookFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Compares a received secret with the configured one in constant time. Both sides are hashed first, so
 * neither the length nor the first differing character leaks through timing. An empty configured secret
 * never matches (a blank credential field must not open the door).
 */
export function sameSecret(expected: string, received: unknown): boolean {
	if (typeof expected !== 'string' || expected === '') return false;
	if (typeof received !== 'string' || received === '') return false;
	return timingSafeEqual(digest(expected), digest(received));
}

/** A short, non-reversible label for a secret (to notice that it changed without storing it). */
export function fingerprint(value: string): string {
	return digest(value).toString('hex').slice(0, 16);
}

/**
 * Which of a trigger's secrets a delivery carried: the current one, or the previous one a rotation still accepts.
 * While a trigger accepts two, each accepted delivery's output says which (`verifiedWith`); otherwise the output
 * is left as it was.
 */
export type Matched = 'current' | 'previous';

/** Adds `verifiedWith` to an accepted delivery's output while two secrets are accepted. */
export function withVerifiedWith<T extends object>(item: T, used: string, rotating: boolean): T | (T & { verifiedWith: string }) {
	return rotating ? { ...item, verifiedWith: used } : item;
}

/** The secrets a trigger accepts: empty ones are ignored. */
export interface Secrets {
	current?: string;
	previous?: string;
}

/** The digests of the accepted secrets: what a trigger keeps in memory instead of the secrets. */
interface Digests {
	current?: Buffer;
	previous?: Buffer;
}

function digestsOf(secrets: Secrets): Digests {
	return {
		current: secrets.current ? digest(secrets.current) : undefined,
		previous: secrets.previous ? digest(secrets.previous) : undefined,
	};
}

function matchDigests(digests: Digests, received: unknown): Matched | undefined {
	if (typeof received !== 'string' || received === '') return undefined;
	const given = digest(received);
	// both compared every time, so the time taken does not tell which one matched
	const current = digests.current ? timingSafeEqual(digests.current, given) : false;
	const previous = digests.previous ? timingSafeEqual(digests.previous, given) : false;
	return current ? 'current' : previous ? 'previous' : undefined;
}

/** Which secret `received` equals, compared in constant time; undefined when none. */
export function matchSecret(secrets: Secrets, received: unknown): Matched | undefined {
	return matchDigests(digestsOf(secrets), received);
}

/** A fingerprint of the accepted secrets (to notice a rotation without storing a secret). */
export function secretsFingerprint(secrets: Secrets): string {
	return fingerprint(JSON.stringify([secrets.current ?? '', secrets.previous ?? ''].map((s) => (s ? fingerprint(s) : ''))));
}

/**
 * Reading a credential in the webhook phase is not free: n8n queries the database, decrypts and resolves the
 * credential's expressions in a fresh expression context, 37 ms per read measured in n8n 2.41.1 under its
 * default expression settings (a V8 isolate is taken each time) and 3 ms with lazy acquisition. So a webhook
 * reads a trigger's credential at most once per FRESH_MS per process and keeps only digests of what it compares:
 *
 * - a delivery whose secret matches what was read is accepted from memory;
 * - one whose secret matches nothing is checked again against a read that started after it arrived, before it
 *   is refused: a secret just added to the credential (the start of a rotation) is accepted at once. Such reads
 *   happen at most once per REREAD_MS (a delivery waits for the next one), so a flood of wrong secrets cannot
 *   turn into a flood of reads; a wrong secret is refused within REREAD_MS;
 * - a secret removed from the credential (the end of a rotation) is refused within FRESH_MS.
 */
export const FRESH_MS = 5_000;
export const REREAD_MS = 1_000;

interface Read {
	at: number;
	digests: Promise<Digests>;
}

/** The last read per credential, and the next re-read a delivery with an unknown secret waits for. */
const reads = new Map<string, Read>();
const rereads = new Map<string, Promise<Read>>();

/** The webhook functions a credential read needs. */
type CredentialReader = Pick<IWebhookFunctions, 'getCredentials' | 'getNode'>;
type SecretsOf = (credentials: ICredentialDataDecryptedObject) => Secrets;

function read(fn: CredentialReader, type: string, key: string | undefined, secretsOf: SecretsOf): Read {
	const fresh: Read = { at: Date.now(), digests: fn.getCredentials(type).then((credentials) => digestsOf(secretsOf(credentials))) };
	if (key) {
		reads.set(key, fresh);
		// a failed read is not kept: the next delivery tries again
		fresh.digests.catch(() => {
			if (reads.get(key) === fresh) reads.delete(key);
		});
	}
	return fresh;
}

/** A read that starts after now, REREAD_MS after the last one at the earliest, shared by the deliveries waiting. */
function rereadAfter(fn: CredentialReader, type: string, key: string, secretsOf: SecretsOf, last: Read): Promise<Read> {
	let next = rereads.get(key);
	if (!next) {
		next = (async () => {
			const wait = last.at + REREAD_MS - Date.now();
			if (wait > 0) await sleep(wait);
			return read(fn, type, key, secretsOf);
		})();
		rereads.set(key, next);
		const done = () => {
			if (rereads.get(key) === next) rereads.delete(key);
		};
		next.then(done, done);
	}
	return next;
}

/**
 * Which of the trigger's credential secrets (`secretsOf` picks them from the credential) a delivery carried,
 * with the credential read as described above; undefined when none matched. `configured` tells "the credential
 * has no secret" from "wrong secret", `rotating` that it accepts a previous one too. A failed read throws.
 */
export async function verifyWithCredential(
	fn: CredentialReader,
	type: string,
	secretsOf: SecretsOf,
	received: unknown,
): Promise<{ matched?: Matched; configured: boolean; rotating: boolean }> {
	const id = fn.getNode().credentials?.[type]?.id;
	const key = id ? `${type}:${id}` : undefined;
	const arrived = Date.now();
	let last = key ? reads.get(key) : undefined;
	if (!last || Date.now() - last.at >= FRESH_MS) last = read(fn, type, key, secretsOf);
	let digests = await last.digests;
	let matched = matchDigests(digests, received);
	if (!matched && key && last.at < arrived) {
		// a read another delivery started after this one arrived serves it too; else the next re-read
		const latest = reads.get(key);
		const again = latest && latest !== last ? latest : await rereadAfter(fn, type, key, secretsOf, last);
		digests = await again.digests;
		matched = matchDigests(digests, received);
	}
	return { matched, configured: Boolean(digests.current ?? digests.previous), rotating: Boolean(digests.current && digests.previous) };
}

/** Forgets every credential read (tests). */
export function forgetCredentialReads(): void {
	reads.clear();
	rereads.clear();
}
