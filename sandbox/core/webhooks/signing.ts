import { createPrivateKey, createPublicKey, createSign, sign, type KeyObject } from 'node:crypto';
import { SANDBOX_ED25519_PRIVATE_KEY_PEM, SANDBOX_RSA_PRIVATE_KEY_PEM } from './sandbox-keys';

export interface SigningKeyPems {
	ed25519PrivateKeyPem?: string;
	rsaPrivateKeyPem?: string;
}

export interface PublicKeys {
	ed25519PublicKeyPem: string;
	rsaPublicKeyPem: string;
}

/** Signs outgoing GHL webhooks the way HighLevel does: Ed25519 (x-ghl-signature) and legacy RSA-SHA256 (x-wh-signature). */
export class WebhookSigner {
	private readonly ed25519: KeyObject;
	private readonly rsa: KeyObject;

	constructor(pems: SigningKeyPems = {}) {
		this.ed25519 = createPrivateKey(pems.ed25519PrivateKeyPem ?? SANDBOX_ED25519_PRIVATE_KEY_PEM);
		this.rsa = createPrivateKey(pems.rsaPrivateKeyPem ?? SANDBOX_RSA_PRIVATE_KEY_PEM);
		if (this.ed25519.asymmetricKeyType !== 'ed25519') throw new Error('The Ed25519 signing key is not an Ed25519 key');
		if (this.rsa.asymmetricKeyType !== 'rsa') throw new Error('The legacy signing key is not an RSA key');
	}

	/** base64 of the 64-byte Ed25519 signature over the exact body bytes. */
	ed25519Signature(body: Buffer): string {
		return sign(null, body, this.ed25519).toString('base64');
	}

	/** base64 RSASSA-PKCS1-v1_5 / SHA-256 signature over the exact body bytes. */
	rsaSignature(body: Buffer): string {
		return createSign('sha256').update(body).end().sign(this.rsa, 'base64');
	}

	publicKeys(): PublicKeys {
		const pem = (key: KeyObject) => createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
		return { ed25519PublicKeyPem: pem(this.ed25519), rsaPublicKeyPem: pem(this.rsa) };
	}
}
