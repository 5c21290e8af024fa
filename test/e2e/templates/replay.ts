/**
 * Deliveries sent again exactly as the services sent them: a GHL event with the same bytes and Ed25519
 * signature (the sandbox's signing key), a Tookan event with the same body and shared secret.
 */
import { WebhookSigner } from '../../../sandbox/core/webhooks/signing';
import { tookanOf } from '../../../scripts/templates/sandbox-api';
import type { Json, World } from './world';

export async function replayGhlEvent(url: string, event: Json): Promise<{ status: number; body: unknown }> {
	const raw = JSON.stringify(event);
	const res = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'x-ghl-signature': new WebhookSigner().ed25519Signature(Buffer.from(raw)) },
		body: raw,
	});
	return { status: res.status, body: await res.json().catch(() => undefined) };
}

/** A Tookan task event as the trigger output it (secrets removed), with the account's secrets put back. */
export async function replayTookanEvent(world: World, url: string, event: Json): Promise<number> {
	const { sharedSecret, accessToken } = tookanOf(world.sandbox).config();
	const res = await fetch(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ ...event, tookan_shared_secret: sharedSecret, access_token: accessToken }),
	});
	return res.status;
}
