import { generateKeyPairSync, sign, createSign, createPublicKey, type KeyObject } from 'node:crypto';
import fc from 'fast-check';

import { GHL_ED25519_PUBLIC_KEY, GHL_RSA_PUBLIC_KEY } from '../../../package/nodes/GhlTrigger/keys';
import {
	ed25519Key,
	rsaKey,
	verifyEd25519,
	verifyGhlDelivery,
	verifyRsaSha256,
} from '../../../package/nodes/GhlTrigger/signature';
import { sdk } from './sdk';

const ed = generateKeyPairSync('ed25519');
const otherEd = generateKeyPairSync('ed25519');
const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherRsa = generateKeyPairSync('rsa', { modulusLength: 2048 });

const pem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();
const rawKey = (key: KeyObject) => key.export({ type: 'spki', format: 'der' }).subarray(12);
const edSign = (body: Buffer, key = ed.privateKey) => sign(null, body, key).toString('base64');
const rsaSign = (body: Buffer, key = rsa.privateKey) => createSign('sha256').update(body).sign(key, 'base64');

const body = Buffer.from(JSON.stringify({ type: 'ContactCreate', locationId: 'loc1', id: 'c1', webhookId: 'w-1' }));
const edKeys = { ed25519: ed25519Key(pem(ed.publicKey)) };
const withLegacy = { ...edKeys, rsa: rsaKey(pem(rsa.publicKey)) };

function flipByte(b64: string, at = 5): string {
	const bytes = Buffer.from(b64, 'base64');
	bytes[at] ^= 0x01;
	return bytes.toString('base64');
}

describe('Ed25519 x-ghl-signature', () => {
	it('accepts a valid signature, like the SDK', () => {
		const signature = edSign(body);
		expect(verifyEd25519(body, signature, edKeys.ed25519)).toBe(true);
		expect(sdk.verifyEd25519Signature(body, signature, pem(ed.publicKey))).toBe(true);
		expect(verifyGhlDelivery({ body, ghlSignature: signature }, edKeys)).toEqual({ valid: true, scheme: 'ed25519', key: 'current' });
	});

	it('refuses a tampered body, like the SDK', () => {
		const signature = edSign(body);
		const tampered = Buffer.from(body.toString().replace('c1', 'c2'));
		expect(verifyEd25519(tampered, signature, edKeys.ed25519)).toBe(false);
		expect(sdk.verifyEd25519Signature(tampered, signature, pem(ed.publicKey))).toBe(false);
		const verdict = verifyGhlDelivery({ body: tampered, ghlSignature: signature }, edKeys);
		expect(verdict).toEqual({ valid: false, reason: 'the x-ghl-signature signature does not match the body' });
	});

	it('refuses a tampered signature, like the SDK', () => {
		const signature = flipByte(edSign(body));
		expect(verifyEd25519(body, signature, edKeys.ed25519)).toBe(false);
		expect(sdk.verifyEd25519Signature(body, signature, pem(ed.publicKey))).toBe(false);
	});

	it('refuses a signature made with another key, like the SDK', () => {
		const signature = edSign(body, otherEd.privateKey);
		expect(verifyEd25519(body, signature, edKeys.ed25519)).toBe(false);
		expect(sdk.verifyEd25519Signature(body, signature, pem(ed.publicKey))).toBe(false);
	});

	it('refuses a missing header and a missing raw body', () => {
		expect(verifyGhlDelivery({ body }, edKeys)).toEqual({ valid: false, reason: 'the x-ghl-signature header is missing' });
		expect(verifyGhlDelivery({ body: undefined, ghlSignature: edSign(body) }, edKeys).valid).toBe(false);
		expect(sdk.verifyEd25519Signature(body, '', pem(ed.publicKey))).toBe(false);
	});

	it('refuses junk and truncated signatures without throwing', () => {
		const signature = edSign(body);
		for (const junk of ['', 'not base64!', signature.slice(0, 40), signature.slice(0, 80)]) {
			expect(verifyEd25519(body, junk, edKeys.ed25519)).toBe(false);
			expect(sdk.verifyEd25519Signature(body, junk, pem(ed.publicKey))).toBe(false);
		}
	});

	it('is stricter than the SDK about text after the base64 padding', () => {
		// Node's lenient base64 decoder stops at "=", so the SDK accepts a valid signature followed by junk;
		// the trigger refuses any header that is not clean base64.
		const padded = `${edSign(body)}AAAA`;
		expect(sdk.verifyEd25519Signature(body, padded, pem(ed.publicKey))).toBe(true);
		expect(verifyEd25519(body, padded, edKeys.ed25519)).toBe(false);
	});

	it('reads the key as PEM, SPKI base64, raw base64 and hex, verifying the same as the SDK', () => {
		const signature = edSign(body);
		const forms = [
			pem(ed.publicKey),
			pem(ed.publicKey).replace(/\n/g, '\\n'),
			ed.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
			rawKey(ed.publicKey).toString('base64'),
			rawKey(ed.publicKey).toString('hex'),
		];
		for (const form of forms) {
			expect(verifyEd25519(body, signature, ed25519Key(form))).toBe(true);
		}
		for (const form of [forms[0], forms[3], forms[4]]) {
			expect(sdk.verifyEd25519Signature(body, signature, form)).toBe(true);
		}
		expect(() => ed25519Key('abc')).toThrow('is not an Ed25519 public key');
		expect(() => ed25519Key(pem(rsa.publicKey))).toThrow('is not an Ed25519 public key');
	});

	it("embeds HighLevel's published keys (Ed25519 raw key and 4096-bit RSA)", () => {
		expect(rawKey(ed25519Key(GHL_ED25519_PUBLIC_KEY)).toString('hex')).toBe(
			'8b61d1d6cacbe28d7c3bc0516bb815258ec6edbba96cddc7f40c09ac708388e8',
		);
		expect(rsaKey(GHL_RSA_PUBLIC_KEY).asymmetricKeyDetails?.modulusLength).toBe(4096);
	});

	it('agrees with the SDK on random bodies, keys and tampering', () => {
		fc.assert(
			fc.property(
				fc.uint8Array({ minLength: 0, maxLength: 300 }),
				fc.constantFrom('none', 'body', 'signature', 'key'),
				fc.nat(),
				(bytes, tamper, at) => {
					const original = Buffer.from(bytes);
					let received = original;
					let signature = edSign(original);
					let signer = ed.publicKey;
					if (tamper === 'body') {
						received = Buffer.concat([original, Buffer.from([at % 256])]);
					} else if (tamper === 'signature') {
						signature = flipByte(signature, at % 64);
					} else if (tamper === 'key') {
						signer = otherEd.publicKey;
					}
					const ours = verifyEd25519(received, signature, ed25519Key(pem(signer)));
					const theirs = sdk.verifyEd25519Signature(received, signature, pem(signer));
					expect(ours).toBe(theirs);
					expect(ours).toBe(tamper === 'none');
				},
			),
			{ numRuns: 150 },
		);
	});
});

describe('legacy RSA x-wh-signature', () => {
	it('is accepted only when turned on, and agrees with the SDK', () => {
		const legacy = rsaSign(body);
		expect(sdk.verifySignature(body.toString(), legacy, pem(rsa.publicKey))).toBe(true);
		expect(verifyRsaSha256(body, legacy, withLegacy.rsa)).toBe(true);
		expect(verifyGhlDelivery({ body, legacySignature: legacy }, withLegacy)).toEqual({ valid: true, scheme: 'rsa', key: 'current' });
		const off = verifyGhlDelivery({ body, legacySignature: legacy }, edKeys);
		expect(off.valid).toBe(false);
		expect(off).toMatchObject({ reason: expect.stringContaining('legacy signatures are not accepted') });
	});

	it('refuses a tampered body, a tampered signature and another key, like the SDK', () => {
		const legacy = rsaSign(body);
		const tampered = Buffer.from(body.toString().replace('loc1', 'loc2'));
		const cases: Array<[Buffer, string, KeyObject]> = [
			[tampered, legacy, rsa.publicKey],
			[body, flipByte(legacy, 20), rsa.publicKey],
			[body, legacy, otherRsa.publicKey],
		];
		for (const [received, signature, key] of cases) {
			expect(verifyRsaSha256(received, signature, rsaKey(pem(key)))).toBe(false);
			expect(sdk.verifySignature(received.toString(), signature, pem(key))).toBe(false);
			expect(verifyGhlDelivery({ body: received, legacySignature: signature }, { ...edKeys, rsa: rsaKey(pem(key)) }).valid).toBe(
				false,
			);
		}
	});

	it('does not fall back to RSA when x-ghl-signature is present but wrong', () => {
		const verdict = verifyGhlDelivery(
			{ body, ghlSignature: edSign(body, otherEd.privateKey), legacySignature: rsaSign(body) },
			withLegacy,
		);
		expect(verdict.valid).toBe(false);
	});

	it('reads RSA keys in PKCS#1 PEM too and refuses non-RSA keys', () => {
		const pkcs1 = rsa.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
		expect(verifyRsaSha256(body, rsaSign(body), rsaKey(pkcs1))).toBe(true);
		expect(() => rsaKey(pem(ed.publicKey))).toThrow('is not an RSA public key');
		expect(createPublicKey(pkcs1).asymmetricKeyType).toBe('rsa');
	});
});
