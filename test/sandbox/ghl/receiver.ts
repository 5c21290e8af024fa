import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Json } from './client';

export interface Received {
	headers: IncomingHttpHeaders;
	raw: Buffer;
	body: Record<string, Json>;
}

/** A local webhook receiver that records raw bodies and answers with the queued statuses (then 200). */
export class Receiver {
	readonly received: Received[] = [];
	private readonly statuses: number[] = [];
	private server?: Server;
	url = '';

	async start(): Promise<this> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				const raw = Buffer.concat(chunks);
				this.received.push({ headers: req.headers, raw, body: JSON.parse(raw.toString('utf8')) });
				res.statusCode = this.statuses.shift() ?? 200;
				res.end('ok');
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/hook`;
		return this;
	}

	answer(...statuses: number[]): void {
		this.statuses.push(...statuses);
	}

	types(): string[] {
		return this.received.map((r) => r.body.type as string);
	}

	clear(): void {
		this.received.length = 0;
		this.statuses.length = 0;
	}

	stop(): Promise<void> {
		return new Promise((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}
}
