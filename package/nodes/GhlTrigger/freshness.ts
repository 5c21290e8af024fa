import { serviceInstant } from '../shared/time';

/** Clock difference tolerated for timestamps from the future. */
export const FUTURE_SKEW_MS = 5 * 60_000;

/**
 * Whether a delivery's `timestamp` (ISO text or epoch milliseconds) lies within `maxAgeMs` before `now`.
 * A missing or unreadable timestamp is not fresh: the window is an opt-in replay guard, and a delivery
 * that cannot prove its age does not pass it.
 */
export function isFresh(timestamp: unknown, maxAgeMs: number, now: number): boolean {
	const time = serviceInstant(timestamp);
	if (!Number.isFinite(time)) return false;
	const age = now - time;
	return age <= maxAgeMs && age >= -FUTURE_SKEW_MS;
}
