/**
 * A loopback HTTP endpoint that hands each POST (raw bytes, headers, query) to a trigger's webhook() through
 * the stand-in context and answers the way n8n would: the status the node wrote, else 200. Lets the
 * sandbox deliver signed webhooks to the trigger in-process.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { INodeType } from 'n8n-workflow';

import type { ContextOptions } from '../../helpers/n8n-context';
import { deliver, type WebhookRun } from './webhook-context';

export interface Receiver {
	url: string;
	runs: WebhookRun[];
	close(): Promise<void>;
}

export async function startReceiver(node: INodeType, options: () => ContextOptions): Promise<Receiver> {
	const runs: WebhookRun[] = [];
	const server: Server = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://127.0.0.1');
			const headers = Object.fromEntries(
				Object.entries(req.headers).filter((e): e is [string, string] => typeof e[1] === 'string'),
			);
			deliver(node, {
				...options(),
				delivery: { body: Buffer.concat(chunks).toString('utf8'), headers, query: Object.fromEntries(url.searchParams) },
			}).then(
				(run) => {
					runs.push(run);
					res.writeHead(run.response.statusCode ?? 200, { 'content-type': 'application/json' });
					res.end(JSON.stringify(run.response.body ?? run.result.webhookResponse ?? { message: 'Workflow was started' }));
				},
				(error: Error) => {
					res.writeHead(500);
					res.end(error.message);
				},
			);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook`,
		runs,
		close: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}
