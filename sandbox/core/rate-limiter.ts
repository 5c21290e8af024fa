export interface RateLimitSettings {
	/** Burst: requests per interval (GHL: 100). */
	max: number;
	/** Burst window in ms, sliding (GHL: 10,000). */
	intervalMs: number;
	/** Requests per day, reset at 00:00 UTC (GHL: 200,000). */
	daily: number;
}

export interface RateLimitDecision {
	allowed: boolean;
	remaining: number;
	dailyRemaining: number;
	/** When refused: ms until a request would be accepted again. */
	retryAfterMs: number;
	scope?: 'burst' | 'daily';
}

interface Bucket {
	stamps: number[];
	day: number;
	dayCount: number;
}

const DAY_MS = 86_400_000;

/** Sliding-window burst limit plus a daily quota, per key (GHL: per app per location/company). */
export class RateLimiter {
	private readonly buckets = new Map<string, Bucket>();

	take(key: string, now: number, settings: RateLimitSettings): RateLimitDecision {
		const bucket = this.bucket(key, now);
		const windowStart = now - settings.intervalMs;
		let expired = 0;
		while (expired < bucket.stamps.length && bucket.stamps[expired] <= windowStart) expired++;
		if (expired) bucket.stamps.splice(0, expired);
		if (bucket.dayCount >= settings.daily) {
			return this.refuse(bucket, settings, 'daily', Math.floor(now / DAY_MS + 1) * DAY_MS - now);
		}
		if (bucket.stamps.length >= settings.max) {
			return this.refuse(bucket, settings, 'burst', bucket.stamps[0] + settings.intervalMs - now);
		}
		bucket.stamps.push(now);
		bucket.dayCount++;
		return {
			allowed: true,
			remaining: settings.max - bucket.stamps.length,
			dailyRemaining: settings.daily - bucket.dayCount,
			retryAfterMs: 0,
		};
	}

	reset(): void {
		this.buckets.clear();
	}

	private bucket(key: string, now: number): Bucket {
		const day = Math.floor(now / DAY_MS);
		let bucket = this.buckets.get(key);
		if (!bucket) {
			bucket = { stamps: [], day, dayCount: 0 };
			this.buckets.set(key, bucket);
		}
		if (bucket.day !== day) {
			bucket.day = day;
			bucket.dayCount = 0;
		}
		return bucket;
	}

	private refuse(bucket: Bucket, settings: RateLimitSettings, scope: 'burst' | 'daily', retryAfterMs: number) {
		return {
			allowed: false,
			remaining: Math.max(0, settings.max - bucket.stamps.length),
			dailyRemaining: Math.max(0, settings.daily - bucket.dayCount),
			retryAfterMs: Math.max(0, retryAfterMs),
			scope,
		};
	}
}
