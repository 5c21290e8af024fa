import { createHash } from 'crypto';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { claimDelivery } from '../shared/trigger/deliveries';
import { accept, delivered, DUPLICATE, header, refuse, reject, skip } from '../shared/trigger/respond';
import { withVerifiedWith } from '../shared/trigger/secret';
import { ANY_EVENT } from './events';
import { isFresh } from './freshness';
import { attempt, readAppSettings, SettingsError, type AppSettings } from './settings';
import { LEGACY_SIGNATURE_HEADER, SIGNATURE_HEADER, verifyGhlDelivery } from './signature';

/** Why a genuine delivery does not start the workflow, or undefined when it should. */
export function notWanted(settings: AppSettings, body: IDataObject): string | undefined {
	const type = typeof body.type === 'string' ? body.type : '(no type)';
	if (!settings.events.includes(ANY_EVENT) && !settings.events.includes(type)) {
		return `event ${type} is not selected`;
	}
	if (settings.locations.length) {
		const location = typeof body.locationId === 'string' ? body.locationId : '';
		if (!settings.locations.includes(location)) return `location ${location || '(none)'} is not selected`;
	}
	if (settings.appId && body.appId !== settings.appId) return 'the event belongs to another app';
	return undefined;
}

/** GHL's delivery ID when present, else the exact bytes (a re-delivery repeats both). */
export function deliveryKey(body: IDataObject, raw: Buffer): string {
	if (typeof body.webhookId === 'string' && body.webhookId) return `webhookId:${body.webhookId}`;
	return `body:${createHash('sha256').update(raw).digest('hex')}`;
}

/**
 * A Marketplace app delivery: checks the signature over the raw body first (nothing else is read from an
 * unverified request), then the optional timestamp window, the event/location/app filters and duplicates
 * (same `webhookId`).
 */
export async function receiveAppEvent(fn: IWebhookFunctions): Promise<IWebhookResponseData> {
	const settings = attempt(() => readAppSettings(fn));
	if (settings instanceof SettingsError) return refuse(fn, `the trigger is misconfigured: ${settings.message}`);
	const { raw, body } = await delivered(fn);
	const verdict = verifyGhlDelivery(
		{ body: raw, ghlSignature: header(fn, SIGNATURE_HEADER), legacySignature: header(fn, LEGACY_SIGNATURE_HEADER) },
		settings.keys,
	);
	if (!verdict.valid || !raw) return reject(fn, 401, verdict.valid ? 'no body' : verdict.reason);

	if (settings.maxAgeMs && !isFresh(body.timestamp, settings.maxAgeMs, Date.now())) {
		return reject(fn, 401, 'the delivery timestamp is missing or outside the accepted window');
	}
	const unwanted = notWanted(settings, body);
	if (unwanted) return skip(unwanted);

	const claim = claimDelivery(fn, deliveryKey(body, raw));
	const item = withVerifiedWith(body, verdict.key, settings.keys.previousEd25519 !== undefined);
	return claim.first ? accept(fn, item, claim.hashed) : skip(DUPLICATE);
}
