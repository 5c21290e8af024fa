import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { packPackage, startN8n } from '../scripts/harness';
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
		console.log('after publish', sd(id));
		const body = Buffer.from(JSON.stringify({ type: 'ContactCreate', locationId: 'l', id: 'c1', webhookId: 'wh-1' }));
		const res = await n8n.callWebhook(`webhook/${wf.webhookId}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-ghl-signature': signer.ed25519Signature(body) }, body });
		console.log('answer', res.status, await res.text());
		await pause(2000);
		console.log('after answer+2s', sd(id));
		console.log('executions', (await n8n.executions({ workflowId: id })).length);
	} finally {
		await n8n.stop();
	}
}
main().catch((e) => { console.error(e); process.exit(1); });
