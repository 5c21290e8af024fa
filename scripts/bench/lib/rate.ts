/**
 * Rates under GHL's sliding burst window. A job of n requests cannot finish sooner than: the first `max` at
 * once, then `max` more per window, plus one response time. Its ceiling is n over that time, and its
 * utilization is that least time over the time it really took (1 = as fast as the limit allows).
 */
import type { RateLimit } from './sandbox';

export function fastestSeconds(requests: number, limit: RateLimit, latencyMs: number): number {
	const windows = Math.max(0, Math.ceil(requests / limit.max) - 1);
	return (windows * limit.intervalMs + latencyMs) / 1000;
}

export function ceilingRps(requests: number, limit: RateLimit, latencyMs: number): number {
	return requests / fastestSeconds(requests, limit, latencyMs);
}

export function describeLimit(limit: RateLimit): string {
	return `${limit.max} requests per ${limit.intervalMs / 1000} s sliding window (sustained ${(limit.max * 1000) / limit.intervalMs} rps)`;
}
