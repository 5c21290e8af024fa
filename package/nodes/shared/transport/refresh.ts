/**
 * One OAuth2 refresh at a time per credential. Rotating refresh tokens are single-use: if two requests both
 * refreshed after a 401, the second would spend a token the first already rotated. So every request is sent
 * with n8n's automatic refresh switched off; the first request that meets an expired token re-sends with
 * refresh allowed (n8n refreshes, stores the new token and retries), while every other request of the same
 * credential waits for it and then re-sends with the stored new token.
 */
export class RefreshGate {
	private running?: Promise<unknown>;

	get busy(): boolean {
		return this.running !== undefined;
	}

	/** Resolves once no refresh is running. */
	async idle(): Promise<void> {
		while (this.running) {
			try {
				await this.running;
			} catch {
				// The refresher reports its own failure; waiters just re-send.
			}
		}
	}

	/**
	 * Runs `refresh` as the only refresher; concurrent callers get `ran: false` once no refresh is running,
	 * with the outcome of the refresh they waited for (none when it threw), and should re-send unless that
	 * outcome says the refresh was refused.
	 */
	async run<T>(refresh: () => Promise<T>): Promise<{ ran: true; result: T } | { ran: false; result?: T }> {
		if (this.running) {
			const awaited = this.running as Promise<T>;
			let result: T | undefined;
			try {
				result = await awaited;
			} catch {
				// The refresher reports its own failure.
			}
			await this.idle();
			return result === undefined ? { ran: false } : { ran: false, result };
		}
		const running = refresh();
		this.running = running;
		try {
			return { ran: true, result: await running };
		} finally {
			this.running = undefined;
		}
	}
}

const gates = new Map<string, RefreshGate>();

export function gateFor(key: string): RefreshGate {
	let gate = gates.get(key);
	if (!gate) {
		gate = new RefreshGate();
		gates.set(key, gate);
	}
	return gate;
}
