/** Counts the faults the sandbox injected, by kind, reading its (bounded) request log as the run goes. */
import type { Sandbox } from '../../../sandbox/server';

export class FaultTally {
	total = 0;
	faulted = 0;
	/** 5xx, resets and timeouts after the handler ran: the write happened, the answer was lost. */
	lostAfterWrite = 0;
	private readonly kinds = new Map<string, number>();
	private seen = 0;

	constructor(private readonly sandbox: Sandbox) {
		this.seen = sandbox.admin.requestCount();
	}

	collect(): void {
		const entries = this.sandbox.admin.requests({ since: this.seen, limit: 1_000_000 }).requests;
		for (const entry of entries) {
			this.seen = Math.max(this.seen, entry.seq);
			this.total++;
			const fault = entry.fault?.replace(/latency \d+ms(, )?/, '');
			if (!fault) continue;
			this.faulted++;
			const kind = fault.replace(/^5\d\d/, '5xx');
			this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
			if (kind.endsWith('after')) this.lostAfterWrite++;
		}
	}

	summary(): string {
		const parts = [...this.kinds.entries()].sort().map(([kind, count]) => `${count} ${kind}`);
		return `${this.faulted} faulted (${parts.join(', ')})`;
	}
}
