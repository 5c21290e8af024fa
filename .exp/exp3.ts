import { packPackage, nodeOutput } from '../scripts/harness';
import { startQueueN8n } from '../scripts/harness/queue';
import { WebhookSigner } from '../sandbox/core/webhooks/signing';
import { triggerWorkflow } from '../test/e2e/trigger-support';

const signer = new WebhookSigner();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
	const t0 = Date.now();
	const queue = await startQueueN8n({ packageTarball: await packPackage(), workers: 1, env: { N8N_LOG_LEVEL: 'info' } });
	const hook = await queue.addWebhookProcess();
	console.log('started in', Date.now() - t0, 'ms');
	const n8n = queue.main;
	try {
		const wf = triggerWorkflow('ghlTrigger', 'GHL Trigger', { source: 'app', events: ['*'], options: { publicKey: signer.publicKeys().ed25519PublicKeyPem } });
		const id = await n8n.importWorkflow(wf.json);
		await n8n.publishWorkflow(id);
		const send = async (base: string, webhookId: string) => {
			const body = Buffer.from(JSON.stringify({ type: 'ContactCreate', locationId: 'l', id: 'c1', webhookId }));
			const res = await fetch(`${base}webhook/${wf.webhookId}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ghl-signature': signer.ed25519Signature(body) }, body });
			return `${res.status} ${await res.text()}`;
		};
		console.log('main', await send(n8n.webhookUrl, 'wh-0'), 'hook', await send(hook.webhookUrl, 'wh-00'));
		for (let i = 1; i <= 5; i++) {
			console.log('simultaneous', i, await Promise.all([send(n8n.webhookUrl, `wh-${i}`), send(hook.webhookUrl, `wh-${i}`)]));
		}
		for (let i = 6; i <= 8; i++) {
			console.log('sequential', i, await send(n8n.webhookUrl, `wh-${i}`), await send(hook.webhookUrl, `wh-${i}`));
		}
		await pause(5000);
		const ex = await n8n.executions({ workflowId: id });
		console.log('executions', ex.length, ex.map((e) => e.status));
		for (const e of ex) {
			const full = await n8n.execution(e.id, { includeData: true });
			const run = (full as any).data.resultData.runData;
			console.log(e.id, JSON.stringify(nodeOutput(full, 'GHL Trigger').map((j) => j.webhookId)), 'Done ran:', Boolean(run['Done']), JSON.stringify(run['GHL Trigger'][0].hints));
		}
	} finally {
		await queue.stop();
	}
}
main().catch((e) => { console.error(e); process.exit(1); });
