import { createHash, timingSafeEqual } from 'crypto';

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
