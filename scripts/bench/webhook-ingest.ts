/**
 * webhook-ingest: in real n8n, GHL events signed with Ed25519 (the sandbox's key, as HighLevel signs) posted
 * to a published GHL Trigger workflow (Marketplace app mode, any event, signature checked, duplicates
 * dropped), and the same load (same bodies, same number of concurrent senders) to a published workflow with
 * n8n's plain Webhook node. Both answer as soon as the delivery is accepted; `lost` counts events that got
 * no 2xx answer or never became a successful execution.
 *
 *   npm run bench:webhook-ingest [-- --events 3000 --concurrency 8]
 */
import { randomUUID } from 'node:crypto';

import { WebhookSigner } from '../../sandbox/core/webhooks/signing';
import { GHL_DEFAULTS } from '../../sandbox/ghl/defaults';
import { PACKAGE_NAME, startN8n, type N8n, type N8nInstance } from '../harness';
import { Flow } from '../templates/flow';
import { core } from '../templates/nodes';
import { closedLoop, percentile, type LoadResult } from './lib/load';
import { benchTarball } from './lib/n8n';
import { begin, finish, main, numberArgs, round, say } from './lib/report';

const signer = new WebhookSigner();

function event(index: number): Buffer {
	return Buffer.from(
		JSON.stringify({
			type: 'ContactCreate',
			locationId: GHL_DEFAULTS.locationIds[0],
			id: `bench${String(index).padStart(15, '0')}`,
			email: `ingest-${index}@bench.example.com`,
			firstName: 'Ingest',
			lastName: String(index),
			tags: ['bench'],
			dateAdded: new Date().toISOString(),
			webhookId: randomUUID(),
			timestamp: new Date().toISOString(),
		}),
	);
}

interface Target {
	name: string;
	workflowId: string;
	url: string;
	signed: boolean;
}

async function publish(n8n: N8n, flow: Flow): Promise<string> {
	const id = await n8n.importWorkflow(flow.json());
	await n8n.publishWorkflow(id);
	return id;
}

async function targets(n8n: N8nInstance, label: string): Promise<Target[]> {
	const ours = new Flow(`bench ingest GHL Trigger ${label}`, `ingest-ghl-${label}`);
	ours.add({
		name: 'GHL event',
		type: `${PACKAGE_NAME}.ghlTrigger`,
		typeVersion: 1,
		at: [0, 0],
		webhook: true,
		parameters: { source: 'app', events: ['*'], options: { publicKey: signer.publicKeys().ed25519PublicKeyPem } },
	});
	const plain = new Flow(`bench ingest Webhook ${label}`, `ingest-webhook-${label}`);
	plain.add(core('Webhook', [0, 0], 'webhook', 2, { httpMethod: 'POST', path: `ingest-${label}`, responseMode: 'onReceived', options: {} }, true));
	const oursId = await publish(n8n, ours);
	const plainId = await publish(n8n, plain);
	const hookId = (await n8n.rest<{ nodes: Array<{ webhookId?: string }> }>('GET', `/workflows/${oursId}`)).nodes[0].webhookId;
	return [
		{ name: 'GHL Trigger', workflowId: oursId, url: `${n8n.webhookUrl}webhook/${hookId}/webhook`, signed: true },
		{ name: 'Webhook node', workflowId: plainId, url: `${n8n.webhookUrl}webhook/ingest-${label}`, signed: false },
	];
}

function post(target: Target): (index: number) => Promise<number> {
	return async (index) => {
		const body = event(index);
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (target.signed) headers['x-ghl-signature'] = signer.ed25519Signature(body);
		const res = await fetch(target.url, { method: 'POST', headers, body });
		await res.arrayBuffer();
		return res.status;
	};
}

/** Waits until the workflow has `expected` finished executions or the count stops growing; returns successes. */
async function successes(n8n: N8n, workflowId: string, expected: number): Promise<number> {
	let last = -1;
	let quiet = 0;
	for (;;) {
		const executions = await n8n.executions({ workflowId });
		const ok = executions.filter((e) => e.status === 'success').length;
		const unfinished = executions.filter((e) => ['new', 'running', 'waiting'].includes(e.status)).length;
		if (executions.length >= expected && unfinished === 0) return ok;
		quiet = executions.length === last ? quiet + 1 : 0;
		if (quiet >= 10) return ok;
		last = executions.length;
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

main(async () => {
	const { events, concurrency } = numberArgs({ events: 3000, concurrency: 8 });
	begin(
		'webhook-ingest',
		`real n8n, ${events} signed GHL ContactCreate events from ${concurrency} concurrent senders to a published GHL Trigger workflow, then the same load to a published Webhook node workflow; executions saved as n8n does by default`,
	);
	const n8n = await startN8n({ packageTarball: await benchTarball(), env: { N8N_LOG_LEVEL: 'warn' } });
	try {
		const [ours, plain] = await targets(n8n, `${Date.now()}`);
		for (const target of [ours, plain]) await closedLoop(100, concurrency, post(target)); // warm-up
		const results = new Map<Target, LoadResult>();
		for (const target of [ours, plain]) {
			const before = (await n8n.executions({ workflowId: target.workflowId })).length;
			const result = await closedLoop(events, concurrency, post(target));
			results.set(target, result);
			const ok = (await successes(n8n, target.workflowId, before + events)) - before;
			const lost = events - Math.min(ok, result.latencies.length);
			(result as LoadResult & { lost: number }).lost = lost;
			say(
				`${target.name}: ${(events / result.seconds).toFixed(1)} events/s, p50 ${percentile(result.latencies, 50).toFixed(1)} ms, p99 ${percentile(result.latencies, 99).toFixed(1)} ms, ${result.failures.length} refused${result.failures.length ? ` (${[...new Set(result.failures)].slice(0, 3).join('; ')})` : ''}, ${ok} successful executions, lost ${lost}`,
			);
		}
		const rate = (target: Target) => events / (results.get(target) as LoadResult).seconds;
		const oursResult = results.get(ours) as LoadResult & { lost: number };
		finish({
			ratePerSec: round(rate(ours), 1),
			p99Ms: round(percentile(oursResult.latencies, 99), 1),
			ratioVsWebhookNode: round(rate(ours) / rate(plain)),
			lost: oursResult.lost,
		});
	} finally {
		await n8n.stop();
	}
});
