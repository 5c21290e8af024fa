import { sleep } from 'n8n-workflow';

/**
 * A request budget for one rate-limit bucket (GHL: one app on one location). It never sends more than its
 * share of the server's burst limit within a sliding window, learns the limit from the X-RateLimit headers,
 * and follows the server's own count: other processes may share the bucket (n8n queue-mode workers), so the
 * requests the server counts beyond our own are left to them. A 429 while others share the bucket shrinks our
 * share (multiplicative decrease, once per window), as does a run of 429s (two processes sending at once); a
 * stray 429 while we are alone only means our count and the server's disagree, so the safety margin of the
 * window grows instead. The share grows back while the server's count says its window has room.
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

/** What `acquire()` hands out: when the request went, and how many of ours were in the window before it. */
export interface Ticket {
	at: number;
	before: number;
}

const MIN_MARGIN_MS = 25;
/** Recent response times kept for the margin. */
const RTT_SAMPLES = 32;

export class RateBudget {
	ceiling: number;
	limit: number;
	intervalMs: number;
	/**
	 * Extra time a send stays in our window, for the skew between when we count a request and when the server
	 * does; it grows after a 429 we caused while alone, and shrinks back as requests succeed.
	 */
	marginMs = MIN_MARGIN_MS;
	private rtts: number[] = [];
	private rttNext = 0;
	/** The quickest answer (slowly following lasting changes): a request that took longer was delayed on its way. */
	private fastestMs = Infinity;
	dailyRemaining?: number;
	dailyLimit?: number;
	dailyReset?: string;
	/** Requests of this bucket that succeeded since the budget was created. */
	succeeded = 0;
	/** The most requests others had in the server's window lately (0 = we are alone). */
	private others = 0;
	private othersAt = 0;
	private adjustedAt = -Infinity;
	/** 429s in the current window: more than a stray one means the window is contended. */
	private refusals = 0;
	private refusedAt = -Infinity;
	/** Send times, oldest first, from `head` on (a queue without shifting a long array). */
	private sends: number[] = [];
	private head = 0;
	private pausedUntil = 0;
	private successes = 0;
	private chain: Promise<unknown> = Promise.resolve();

	constructor(limits: BudgetLimits) {
		this.ceiling = limits.max;
		this.limit = limits.max;
		this.intervalMs = limits.intervalMs;
	}

	/** Waits until one more request fits in the budget, then counts it. Callers are served in order. */
	async acquire(): Promise<Ticket> {
		const turn = this.chain.then(async () => await this.waitTurn());
		this.chain = turn.catch(() => undefined);
		return await turn;
	}

	/** Our sends still inside the window at `now`. */
	private inWindow(now: number): number {
		const windowStart = now - this.intervalMs - this.marginMs;
		while (this.head < this.sends.length && this.sends[this.head] <= windowStart) this.head++;
		if (this.head > 1024 && this.head * 2 > this.sends.length) {
			this.sends = this.sends.slice(this.head);
			this.head = 0;
		}
		return this.sends.length - this.head;
	}

	/** How long until the next request could go, without taking it (0 = now). */
	delay(now = Date.now()): number {
		const count = this.inWindow(now);
		let wait = this.pausedUntil - now;
		if (count >= this.limit) {
			const oldest = this.sends[this.sends.length - this.limit];
			wait = Math.max(wait, oldest + this.intervalMs + this.marginMs - now);
		}
		return Math.max(0, wait);
	}

	private async waitTurn(): Promise<Ticket> {
		for (;;) {
			const wait = this.delay();
			if (wait <= 0) {
				const at = Date.now();
				const before = this.inWindow(at);
				this.sends.push(at);
				return { at, before };
			}
			await sleep(Math.min(wait, 1000));
		}
	}

	/** Pauses every request of this bucket for `ms` (from now). */
	pause(ms: number): void {
		this.pausedUntil = Math.max(this.pausedUntil, Date.now() + ms);
	}

	/** The time one request takes of the window when the budget is spread evenly. */
	get slotMs(): number {
		return Math.ceil(this.intervalMs / Math.max(1, this.ceiling));
	}

	/** Fewer than this many foreign requests in the window is skew between our count and the server's, not a neighbour. */
	private get tolerance(): number {
		return Math.max(1, Math.ceil(this.ceiling * 0.03));
	}

	/** Our share: what the server's limit leaves after the others' recent use. */
	get target(): number {
		return Math.max(1, this.ceiling - this.others);
	}

	/** Index of the first send after `at`. */
	private indexAfter(at: number): number {
		let lo = this.head;
		let hi = this.sends.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (this.sends[mid] <= at) lo = mid + 1;
			else hi = mid;
		}
		return lo;
	}

	/** Our sends after `at` (they may have reached the server first). */
	private sentSince(at: number): number {
		return this.sends.length - this.indexAfter(at);
	}

	private forget(ticket: Ticket): boolean {
		const index = this.indexAfter(ticket.at) - 1;
		if (index < this.head || this.sends[index] !== ticket.at) return false;
		this.sends.splice(index, 1);
		return true;
	}

	/**
	 * A request that took longer than the quickest recent one was delayed on its way (n8n looking up the
	 * credential, a busy event loop, the network), so the server counted it later than we did: its place in
	 * our window moves by the part of the delay the margin does not already cover (every send stays in the
	 * window a margin longer anyway; moving it by the whole delay as well would make each window start later
	 * than the last by both, and over a long run that adds up). Only near the limit, where the place matters.
	 */
	private settle(ticket: Ticket, responseMs: number): void {
		const delay = responseMs - this.fastestMs - this.marginMs;
		if (!(delay > 0) || this.sends.length - this.head < this.limit / 2 || !this.forget(ticket)) return;
		const at = ticket.at + delay;
		this.sends.splice(this.indexAfter(at), 0, at);
	}

	/**
	 * How many requests of others the server had counted along with this one, at least: what it counted
	 * (`counted`, this one included) minus every request of ours it may have counted by then (those sent
	 * before it in the window, this one, and those sent after it that may have overtaken it).
	 */
	private noteOthers(counted: number, ticket: Ticket, self: number, now: number): void {
		const sample = Math.max(0, counted - ticket.before - self - this.sentSince(ticket.at));
		if (sample >= this.others || now - this.othersAt > this.intervalMs) {
			this.others = sample <= this.tolerance ? 0 : sample;
			this.othersAt = now;
		}
	}

	/** Once per window at most: one overshoot answers with a burst of 429s, and it is one event. */
	private onceAWindow(now: number): boolean {
		if (now - this.adjustedAt < this.intervalMs) return false;
		this.adjustedAt = now;
		return true;
	}

	/**
	 * Learns from a response: limits from the headers, and from the server's count (`remaining`) how many
	 * requests others had in the window when this one was counted. Returns true when the daily budget is known
	 * to be spent.
	 */
	observe(status: number | undefined, rate: RateHeaders, ticket?: Ticket): boolean {
		const now = Date.now();
		if (rate.max && rate.max > 0 && rate.max !== this.ceiling) {
			this.limit = Math.min(this.limit === this.ceiling ? rate.max : this.limit, rate.max);
			this.ceiling = rate.max;
		}
		if (rate.intervalMs && rate.intervalMs > 0) this.intervalMs = rate.intervalMs;
		if (rate.dailyLimit !== undefined) this.dailyLimit = rate.dailyLimit;
		if (rate.dailyRemaining !== undefined) this.dailyRemaining = rate.dailyRemaining;
		if (rate.dailyReset !== undefined) this.dailyReset = rate.dailyReset;
		const remaining = rate.remaining !== undefined && rate.remaining >= 0 ? rate.remaining : undefined;

		if (status === 429) {
			this.successes = 0;
			if (this.dailyRemaining === 0) return true;
			// the server did not count a refused request, so neither do we: its retry needs a slot of its own
			if (ticket) this.forget(ticket);
			// the server's window was full: what of it was not ours belongs to others
			if (remaining !== undefined && ticket) this.noteOthers(this.ceiling, ticket, 0, now);
			if (now - this.refusedAt > this.intervalMs) this.refusals = 0;
			this.refusals++;
			this.refusedAt = now;
			if (remaining === undefined || this.others > 0 || this.refusals > this.tolerance) {
				if (this.onceAWindow(now)) this.limit = Math.max(1, Math.floor(Math.min(this.limit, this.target) * 0.7));
				this.pause(this.slotMs);
			} else if (this.onceAWindow(now)) {
				// alone: the server still counted a request our window had already let go
				this.marginMs = Math.min(Math.round(this.marginMs * 1.5 + 10), Math.ceil(this.intervalMs / 10));
			}
			return false;
		}
		if (status === undefined || status >= 400) return false;

		this.succeeded++;
		if (remaining !== undefined && ticket) this.noteOthers(this.ceiling - remaining, ticket, 1, now);
		else if (now - this.othersAt > this.intervalMs) this.others = 0;
		if (ticket) {
			this.noteResponseTime(now - ticket.at);
			this.settle(ticket, now - ticket.at);
		}
		const target = this.target;
		if (this.limit > target) {
			this.limit = target;
		} else if (this.limit < target) {
			if (remaining !== undefined) {
				// grow only while the server says its window has room: next to others this settles at their sum
				if (remaining > this.tolerance) this.limit += 1;
			} else {
				// no count from the server: grow back by one per window's worth of answers next to others
				const step = this.others > 0 ? Math.max(1, Math.floor(this.limit / 4)) : 1;
				if (++this.successes >= step) {
					this.limit += 1;
					this.successes = 0;
				}
			}
		}
		if (remaining === 0 && this.inWindow(now) < this.limit) {
			// the server's window is fuller than ours (others share it): wait for part of it to slide
			this.pause(this.slotMs * 2);
		}
		// skew that has not shown for a while: give the margin back bit by bit
		if (this.marginMs > MIN_MARGIN_MS && this.succeeded % Math.max(1, Math.floor(this.ceiling / 4)) === 0) {
			this.marginMs = Math.max(MIN_MARGIN_MS, Math.floor(this.marginMs * 0.9));
		}
		return false;
	}

	private noteResponseTime(ms: number): void {
		this.rtts[this.rttNext] = ms;
		this.rttNext = (this.rttNext + 1) % RTT_SAMPLES;
		if (ms < this.fastestMs) this.fastestMs = ms;
		else if (this.rttNext === 0) {
			// a burst queues every answer for a while: follow a lasting change only slowly
			this.fastestMs += (Math.min(...this.rtts) - this.fastestMs) / 8;
		}
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
