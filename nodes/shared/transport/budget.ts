import { sleep } from 'n8n-workflow';

/**
 * A request budget for one rate-limit bucket (GHL: one app on one location). It never sends more than the
 * server's burst limit within a sliding window, follows the server's own count from the X-RateLimit headers
 * (other processes may share the bucket: n8n queue-mode workers), and shrinks its own share when the server
 * answers 429, growing back as requests succeed (additive increase, multiplicative decrease).
 *
 * Budgets live for the life of the n8n process, so consecutive executions share what they learned.
 */
export interface BudgetLimits {
	/** Requests per window the server allows. */
	max: number;
	intervalMs: number;
}

export interface RateHeaders {
	max?: number;
	remaining?: number;
	intervalMs?: number;
	dailyLimit?: number;
	dailyRemaining?: number;
	dailyReset?: string;
}

const MARGIN_MS = 60;

export class RateBudget {
	ceiling: number;
	limit: number;
	intervalMs: number;
	dailyRemaining?: number;
	dailyLimit?: number;
	dailyReset?: string;
	private sends: number[] = [];
	private pausedUntil = 0;
	private successes = 0;
	private chain: Promise<void> = Promise.resolve();

	constructor(limits: BudgetLimits) {
		this.ceiling = limits.max;
		this.limit = limits.max;
		this.intervalMs = limits.intervalMs;
	}

	/** Waits until one more request fits in the budget, then counts it. Callers are served in order. */
	async acquire(): Promise<void> {
		const turn = this.chain.then(async () => await this.waitTurn());
		this.chain = turn.catch(() => undefined);
		await turn;
	}

	/** How long until the next request could go, without taking it (0 = now). */
	delay(now = Date.now()): number {
		const windowStart = now - this.intervalMs - MARGIN_MS;
		while (this.sends.length && this.sends[0] <= windowStart) this.sends.shift();
		let wait = this.pausedUntil - now;
		if (this.sends.length >= this.limit) {
			const oldest = this.sends[this.sends.length - this.limit];
			wait = Math.max(wait, oldest + this.intervalMs + MARGIN_MS - now);
		}
		return Math.max(0, wait);
	}

	private async waitTurn(): Promise<void> {
		for (;;) {
			const wait = this.delay();
			if (wait <= 0) {
				this.sends.push(Date.now());
				return;
			}
			await sleep(Math.min(wait, 1000));
		}
	}

	/** Pauses every request of this bucket for `ms` (from now). */
	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
	}

	/** Learns from a response. Returns true when the daily budget is known to be spent. */
	observe(status: number | undefined, rate: RateHeaders): boolean {
		if (rate.max && rate.max > 0) {
			if (rate.max !== this.ceiling) {
				this.limit = Math.min(this.limit === this.ceiling ? rate.max : this.limit, rate.max);
				this.ceiling = rate.max;
			}
		}
		if (rate.intervalMs && rate.intervalMs > 0) this.intervalMs = rate.intervalMs;
		if (rate.dailyLimit !== undefined) this.dailyLimit = rate.dailyLimit;
		if (rate.dailyRemaining !== undefined) this.dailyRemaining = rate.dailyRemaining;
		if (rate.dailyReset !== undefined) this.dailyReset = rate.dailyReset;
		if (status === 429) {
			this.limit = Math.max(1, Math.floor(this.limit * 0.7));
			this.successes = 0;
			return this.dailyRemaining === 0;
		}
		if (status !== undefined && status < 400) {
			if (rate.remaining === 0) {
				// The server's window is full (others share it): wait for part of it to slide.
				this.pause(Math.ceil(this.intervalMs / Math.max(1, this.ceiling)) * 4);
			}
			if (this.limit < this.ceiling && ++this.successes >= this.limit) {
				this.limit += 1;
				this.successes = 0;
			}
		}
		return false;
	}
}

const budgets = new Map<string, RateBudget>();

/** The budget for a bucket key, created with the service's default limits the first time. */
export function budgetFor(key: string, defaults: BudgetLimits): RateBudget {
	let budget = budgets.get(key);
	if (!budget) {
		budget = new RateBudget(defaults);
		budgets.set(key, budget);
	}
	return budget;
}

export function readRateHeaders(headers: Record<string, string>): RateHeaders {
	const num = (name: string) => {
		const v = headers[name];
		if (v === undefined) return undefined;
		const n = Number(v);
		return Number.isFinite(n) ? n : undefined;
	};
	return {
		max: num('x-ratelimit-max'),
		remaining: num('x-ratelimit-remaining'),
		intervalMs: num('x-ratelimit-interval-milliseconds'),
		dailyLimit: num('x-ratelimit-limit-daily'),
		dailyRemaining: num('x-ratelimit-daily-remaining'),
		dailyReset: headers['x-ratelimit-daily-reset'],
	};
}
