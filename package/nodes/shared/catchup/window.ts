/**
 * Which stretch of time a catch-up trigger looks at when its workflow becomes active (n8n started, the
 * workflow published): from the last webhook delivery the workflow took (receipts.ts), a few minutes back
 * (a delivery for an earlier change may still have been on its way), to the moment of activation (from then
 * on the webhook receives again). A catch-up that started executions remembers where it ended, so a second
 * activation before the next delivery does not replay the same stretch.
 */
import type { IDataObject } from 'n8n-workflow';

import { MINUTE } from '../time';

export interface CatchUpWindow {
	/** Epoch ms: changes at or after this time are caught up. */
	from: number;
	/** Epoch ms: … and at or before this one. */
	until: number;
}

/** How far before the last delivery a catch-up looks, unless the node says otherwise. */
export const DEFAULT_LOOK_BACK_MINUTES = 5;
/** The services' clocks may run a little ahead of n8n's. */
export const CLOCK_SKEW_MS = 5_000;

/** Where the node keeps the end of its last catch-up that started executions (its own static data). */
const CAUGHT_UP_TO = 'caughtUpTo';

export function caughtUpTo(nodeData: IDataObject): number | undefined {
	const at = Number(nodeData[CAUGHT_UP_TO]);
	return Number.isFinite(at) && at > 0 ? at : undefined;
}

export function recordCaughtUp(nodeData: IDataObject, until: number): void {
	nodeData[CAUGHT_UP_TO] = until;
}

/**
 * The window for an activation at `activatedAt`, or undefined when the workflow never took a delivery
 * (nothing can have been missed before it was set up).
 */
export function catchUpWindow(
	receivedAt: number | undefined,
	lastCatchUp: number | undefined,
	activatedAt: number,
	lookBackMinutes = DEFAULT_LOOK_BACK_MINUTES,
): CatchUpWindow | undefined {
	if (receivedAt === undefined) return undefined;
	const from = Math.max(receivedAt - lookBackMinutes * MINUTE, lastCatchUp ?? -Infinity);
	const until = activatedAt + CLOCK_SKEW_MS;
	return from < until ? { from, until } : undefined;
}

export function inWindow(window: CatchUpWindow, at: number): boolean {
	return at >= window.from && at <= window.until;
}
