import type { Service, WebhookSender } from '../context';
import type { WebhookSigner } from './signing';
import { WebhookTargets, type WebhookTarget } from './targets';

export interface WebhookSettings {
	/** Delay before re-delivering after a 429 (GHL: about 10 minutes). */
	retryDelayMs: number;
	/** Random extra delay added to each retry, 0..retryJitterMs. */
	retryJitterMs: number;
	/** Re-deliveries after the first attempt (GHL: 6). */
	maxRetries: number;
	/** Per-attempt timeout. */
	timeoutMs: number;
}

export interface DeliveryAttempt {
	seq: number;
	targetId: string;
	url: string;
	service: Service;
	event: string;
	attempt: number;
	/** HTTP status of the receiver, or null when the request failed (error says why). */
	status: number | null;
	error?: string;
	time: string;
}

const MAX_LOGGED_ATTEMPTS = 2000;

/**
 * Posts webhooks to registered targets. GHL deliveries are signed over the exact body bytes; every
 * delivery is retried only when the receiver answers 429, like HighLevel. The same bytes (and signature)
 * are sent on every retry.
 */
export class WebhookHub implements WebhookSender {
	readonly targets = new WebhookTargets();
	private readonly pending = new Set<Promise<void>>();
	private readonly timers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
	private readonly attempts: DeliveryAttempt[] = [];
	private seq = 0;
	private closed = false;

	constructor(
		private readonly signer: WebhookSigner,
		private readonly settings: () => WebhookSettings,
		private readonly now: () => number,
	) {}

	send(service: Service, event: string, payload: Record<string, unknown>, opts: { locationId?: string } = {}): void {
		if (this.closed) return;
		const body = Buffer.from(JSON.stringify(payload), 'utf8');
		for (const target of this.targets.matching(service, event, opts.locationId)) {
			const delivery = this.deliver(target, event, body).finally(() => this.pending.delete(delivery));
			this.pending.add(delivery);
		}
	}

	async drain(): Promise<void> {
		while (this.pending.size > 0) await Promise.all([...this.pending]);
	}

	deliveries(): DeliveryAttempt[] {
		return [...this.attempts];
	}

	clearDeliveries(): void {
		this.attempts.length = 0;
	}

	/** Stops retries and drops pending deliveries (used by reset and close). */
	cancelPending(): void {
		for (const entry of this.timers) {
			clearTimeout(entry.timer);
			entry.wake();
		}
		this.timers.clear();
	}

	close(): void {
		this.closed = true;
		this.cancelPending();
	}

	headersFor(target: WebhookTarget, body: Buffer): Record<string, string> {
		const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'sandbox-webhooks/1' };
		if (target.service === 'ghl') {
			headers['x-ghl-signature'] = this.signer.ed25519Signature(body);
			if (target.legacyRsa) headers['x-wh-signature'] = this.signer.rsaSignature(body);
		}
		return headers;
	}

	private async deliver(target: WebhookTarget, event: string, body: Buffer): Promise<void> {
		const headers = this.headersFor(target, body);
		for (let attempt = 1; ; attempt++) {
			const status = await this.attempt(target, event, body, headers, attempt);
			const settings = this.settings();
			if (status !== 429 || attempt > settings.maxRetries || this.closed) return;
			const cancelled = await this.wait(settings.retryDelayMs + Math.floor(Math.random() * (settings.retryJitterMs + 1)));
			if (cancelled) return;
		}
	}

	private async attempt(
		target: WebhookTarget,
		event: string,
		body: Buffer,
		headers: Record<string, string>,
		attempt: number,
	): Promise<number | null> {
		const record: DeliveryAttempt = {
			seq: ++this.seq,
			targetId: target.id,
			url: target.url,
			service: target.service,
			event,
			attempt,
			status: null,
			time: new Date(this.now()).toISOString(),
		};
		try {
			const response = await fetch(target.url, {
				method: 'POST',
				headers,
				body,
				signal: AbortSignal.timeout(this.settings().timeoutMs),
			});
			await response.arrayBuffer();
			record.status = response.status;
		} catch (error) {
			record.error = (error as Error).message;
		}
		this.attempts.push(record);
		if (this.attempts.length > MAX_LOGGED_ATTEMPTS) this.attempts.shift();
		return record.status;
	}

	/** Resolves true when cancelled before the delay ran out. */
	private wait(ms: number): Promise<boolean> {
		return new Promise((resolve) => {
			const entry = {
				timer: setTimeout(() => {
					this.timers.delete(entry);
					resolve(false);
				}, ms),
				wake: () => resolve(true),
			};
			this.timers.add(entry);
		});
	}
}
