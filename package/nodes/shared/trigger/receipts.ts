import type { IDataObject } from 'n8n-workflow';

/**
 * When the workflow last took a webhook delivery: the GHL Trigger and the Tookan Trigger write the time
 * (epoch ms) into the workflow's global static data each time n8n created the execution of a delivery
 * they accepted (saved with the delivery record, see respond.ts). The catch-up triggers read it when the
 * workflow becomes active: a change made after it may have been sent while n8n could not receive it.
 */
export const RECEIVED_AT = 'webhookReceivedAt';

export function lastReceipt(globalData: IDataObject): number | undefined {
	const at = Number(globalData[RECEIVED_AT]);
	return Number.isFinite(at) && at > 0 ? at : undefined;
}

/** Moves the mark forward to `now` (never back: copies of older requests may be saved later). */
export function recordReceipt(globalData: IDataObject, now: number): void {
	const last = lastReceipt(globalData);
	if (last === undefined || now > last) globalData[RECEIVED_AT] = now;
}
