import { fingerprint, sameSecret } from '../../../package/nodes/shared/trigger/secret';

describe('sameSecret (timing-safe shared-secret comparison)', () => {
	it('accepts the right secret', () => {
		expect(sameSecret('s3cret-value', 's3cret-value')).toBe(true);
	});

	it('refuses a wrong secret, including prefixes, longer values and case changes', () => {
		for (const wrong of ['s3cret-valu', 's3cret-value!', 'S3CRET-VALUE', 'x']) {
			expect(sameSecret('s3cret-value', wrong)).toBe(false);
		}
	});

	it('refuses a missing or non-text secret', () => {
		for (const missing of [undefined, null, '', 42, { secret: 's3cret-value' }]) {
			expect(sameSecret('s3cret-value', missing)).toBe(false);
		}
	});

	it('never matches when no secret is configured', () => {
		expect(sameSecret('', '')).toBe(false);
		expect(sameSecret('', 'anything')).toBe(false);
	});

	it('fingerprints differ per secret and do not contain it', () => {
		expect(fingerprint('a-secret')).not.toBe(fingerprint('b-secret'));
		expect(fingerprint('a-secret')).toMatch(/^[0-9a-f]{16}$/);
	});
});
