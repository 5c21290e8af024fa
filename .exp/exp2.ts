import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { packPackage, startN8n, nodeOutput } from '../scripts/harness';
import { WebhookSigner } from '../sandbox/core/webhooks/signing';
import { triggerWorkflow } from '../test/e2e/trigger-support';

const signer = new WebhookSigner();
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main() {
	const n8n = await startN8n({ packageTarball: await packPackage(), env: { N8N_LOG_LEVEL: 'info' } });
	const db = join(n8n.userFolder, '.n8n', 'database.sqlite');
	const sd = (id: string) => execFileSync('sqlite3', [db, `select staticData from workflow_entity where id='${id}'`], { encoding: 'utf8' }).trim();
	try {
		const wf = triggerWorkflow('ghlTrigger', 'GHL Trigger', { source: 'app', events: ['*'], options: { publicKey: signer.publicKeys().ed25519PublicKeyPem } });
		const id = await n8n.importWorkflow(wf.json);
		await n8n.publishWorkflow(id);
		const send = async (webhookId: string) => {
			const body = Buffer.from(JSON.stringify({ type: 'ContactCreate', locationId: 'l', id: 'c1', webhookId }));
			const res = await n8n.callWebhook(`webhook/${wf.webhookId}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ghl-signature': signer.ed25519Signature(body) }, body });
			return `${res.status} ${await res.text()}`;
		};
		console.log('answer', await send('wh-1'));
		await pause(1000);
		console.log('static', sd(id));
		const answers = await Promise.all(Array.from({ length: 20 }, () => send('wh-2')));
		console.log('20 copies', answers.reduce((m, a) => ({ ...m, [a]: (m[a] ?? 0) + 1 }), {} as Record<string, number>));
		await pause(2000);
		const ex = await n8n.executions({ workflowId: id });
		console.log('executions', ex.length, ex.map((e) => e.status));
		const full = await n8n.execution(ex[0].id, { includeData: true });
		console.log('output', JSON.stringify(nodeOutput(full, 'GHL Trigger')));
		console.log('runData trigger', JSON.stringify((full as any).data.resultData.runData['GHL Trigger'][0]).slice(0, 600));
		await n8n.restart();
		console.log('restarted; static', sd(id));
		console.log('after restart', await send('wh-1'), await send('wh-2'), await send('wh-3'));
		await pause(2000);
		console.log('executions', (await n8n.executions({ workflowId: id })).length);
	} finally {
		await n8n.stop();
	}
}
main().catch((e) => { console.error(e); process.exit(1); });
