import type { Service } from './context';

export interface RequestLogEntry {
	seq: number;
	time: string;
	method: string;
	/** Path and query, with credential-like query parameters redacted. Headers and bodies are never logged. */
	path: string;
	service: Service | 'marketplace';
	/** 0 while in flight, or when the connection was dropped by a fault. */
	status: number;
	durationMs?: number;
	fault?: string;
}

const SENSITIVE_QUERY = /^(api_key|access_token|refresh_token|client_secret|code|token)$/i;
const MAX_ENTRIES = 5000;

export function redactUrl(url: string): string {
	const [path, query] = url.split('?', 2);
	if (!query) return path;
	const params = new URLSearchParams(query);
	for (const key of [...params.keys()]) if (SENSITIVE_QUERY.test(key)) params.set(key, '[redacted]');
	return `${path}?${params.toString()}`;
}

/** What reached the sandbox's service endpoints (not the admin API), newest last, bounded. */
export class RequestLog {
	private entries: RequestLogEntry[] = [];
	private total = 0;

	constructor(private readonly now: () => number) {}

	start(method: string, url: string, service: RequestLogEntry['service']): RequestLogEntry {
		const entry: RequestLogEntry = {
			seq: ++this.total,
			time: new Date(this.now()).toISOString(),
			method,
			path: redactUrl(url),
			service,
			status: 0,
		};
		this.entries.push(entry);
		if (this.entries.length > MAX_ENTRIES) this.entries.shift();
		return entry;
	}

	/** Requests received since start or the last clear (including those that got a fault). */
	count(): number {
		return this.total;
	}

	list(filter: { service?: string; since?: number; limit?: number } = {}): RequestLogEntry[] {
		const rows = this.entries.filter(
			(e) => (!filter.service || e.service === filter.service) && (!filter.since || e.seq > filter.since),
		);
		return filter.limit ? rows.slice(-filter.limit) : rows;
	}

	clear(): void {
		this.entries = [];
		this.total = 0;
	}
}
