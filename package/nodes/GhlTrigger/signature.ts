/**
 * Pure signature checks for GHL webhooks. HighLevel signs the exact request body:
 * - `x-ghl-signature`: base64 Ed25519 signature (current scheme);
 * - `x-wh-signature`: base64 RSA PKCS#1 v1.5 / SHA-256 signature (legacy, accepted only when enabled).
 * When `x-ghl-signature` is present it alone decides (no fallback to the legacy header).
 */
import { createPublicKey, createVerify, verify, type KeyObject } from 'crypto';

/** DER header of an Ed25519 SubjectPublicKeyInfo; followed by the 32 raw key bytes. */
const ED25519_SPKI_HEADER = Buffer.from('302a300506032b6570032100', 'hex');
const ED25519_SIGNATURE_BYTES = 64;

export const SIGNATURE_HEADER = 'x-ghl-signature';
export const LEGACY_SIGNATURE_HEADER = 'x-wh-signature';

/** Undoes what pasting a PEM into a one-line field often does (literal "\n", surrounding quotes). */
function tidy(text: string): string {
	return text.trim().replace(/^["']|["']$/g, '').replace(/\\n/g, '\n').trim();
}

function pemBody(text: string): string {
	return text.replace(/-----(BEGIN|END) [A-Z ]+-----/g, '').replace(/\s+/g, '');
}

/**
 * Reads an Ed25519 public key given as PEM, as base64 of the SPKI DER, or as the raw 32-byte key in base64
 * or hex. Throws an Error saying which forms are understood.
 */
export function ed25519Key(text: string): KeyObject {
	const input = tidy(text);
	let der: Buffer;
	if (/^[0-9a-f]{64}$/i.test(input)) {
		der = Buffer.concat([ED25519_SPKI_HEADER, Buffer.from(input, 'hex')]);
	} else {
		const bytes = Buffer.from(pemBody(input), 'base64');
		if (bytes.length === 32) der = Buffer.concat([ED25519_SPKI_HEADER, bytes]);
		else if (bytes.length === 44 && bytes.subarray(0, 12).equals(ED25519_SPKI_HEADER)) der = bytes;
		else throw new Error('is not an Ed25519 public key (expected PEM, or the 32-byte key as base64 or hex)');
	}
	return createPublicKey({ key: der, format: 'der', type: 'spki' });
}

/** Reads an RSA public key in PEM (SPKI or PKCS#1). */
export function rsaKey(text: string): KeyObject {
	const input = tidy(text);
	let key: KeyObject | undefined;
	if (input.includes('-----BEGIN')) key = createPublicKey(input);
	if (key?.asymmetricKeyType !== 'rsa') throw new Error('is not an RSA public key in PEM form');
	return key;
}

/** Strict base64 (standard alphabet, optional padding), so junk is never half-decoded. */
function decodeBase64(value: string): Buffer | undefined {
	const s = value.trim();
	if (!s || !/^[A-Za-z0-9+/]+={0,2}$/.test(s)) return undefined;
	return Buffer.from(s, 'base64');
}

export function verifyEd25519(body: Buffer, signature: string | undefined, key: KeyObject): boolean {
	const bytes = signature === undefined ? undefined : decodeBase64(signature);
	if (!bytes || bytes.length !== ED25519_SIGNATURE_BYTES) return false;
	return verify(null, body, key, bytes);
}

export function verifyRsaSha256(body: Buffer, signature: string | undefined, key: KeyObject): boolean {
	const bytes = signature === undefined ? undefined : decodeBase64(signature);
	if (!bytes) return false;
	return createVerify('sha256').update(body).verify(key, bytes);
}

export interface DeliverySignatures {
	/** The exact bytes received; undefined when n8n did not keep them. */
	body: Buffer | undefined;
	ghlSignature?: string;
	legacySignature?: string;
}

export interface VerificationKeys {
	ed25519: KeyObject;
	/** The key before the current one, while a key change is under way (Previous Public Key). */
	previousEd25519?: KeyObject;
	/** Present only when the legacy RSA scheme is accepted. */
	rsa?: KeyObject;
}

/** `key`: which Ed25519 key verified the delivery (the legacy RSA key has no previous one). */
export type Verdict = { valid: true; scheme: 'ed25519' | 'rsa'; key: 'current' | 'previous' } | { valid: false; reason: string };

/** Decides whether a delivery was signed by HighLevel. */
export function verifyGhlDelivery(delivery: DeliverySignatures, keys: VerificationKeys): Verdict {
	const { body, ghlSignature, legacySignature } = delivery;
	if (!body) return { valid: false, reason: 'the raw request body is not available, so the signature cannot be checked' };
	if (ghlSignature !== undefined) {
		if (verifyEd25519(body, ghlSignature, keys.ed25519)) return { valid: true, scheme: 'ed25519', key: 'current' };
		if (keys.previousEd25519 && verifyEd25519(body, ghlSignature, keys.previousEd25519)) {
			return { valid: true, scheme: 'ed25519', key: 'previous' };
		}
		return { valid: false, reason: `the ${SIGNATURE_HEADER} signature does not match the body` };
	}
	if (legacySignature !== undefined && keys.rsa) {
		return verifyRsaSha256(body, legacySignature, keys.rsa)
			? { valid: true, scheme: 'rsa', key: 'current' }
			: { valid: false, reason: `the ${LEGACY_SIGNATURE_HEADER} signature does not match the body` };
	}
	if (legacySignature !== undefined) {
		return { valid: false, reason: `only the legacy ${LEGACY_SIGNATURE_HEADER} header was sent and legacy signatures are not accepted` };
	}
	return { valid: false, reason: `the ${SIGNATURE_HEADER} header is missing` };
}
