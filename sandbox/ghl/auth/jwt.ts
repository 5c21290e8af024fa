import { createHmac, randomBytes } from 'node:crypto';

/**
 * Mints JWT-shaped opaque tokens (HS256 over a per-process key), like GHL's access and refresh tokens.
 * The sandbox never trusts what is inside: a token is valid only if the token store knows it.
 */
export class TokenMinter {
	private readonly key = randomBytes(32);

	mint(claims: Record<string, unknown>): string {
		const header = encode({ alg: 'HS256', typ: 'JWT' });
		const payload = encode({ ...claims, jti: randomBytes(12).toString('hex') });
		const signature = createHmac('sha256', this.key).update(`${header}.${payload}`).digest('base64url');
		return `${header}.${payload}.${signature}`;
	}
}

function encode(value: Record<string, unknown>): string {
	return Buffer.from(JSON.stringify(value)).toString('base64url');
}
