/**
 * Tookan Trigger in real n8n: a sandbox task status change starts one execution whose data holds no secret;
 * the same delivery to a trigger configured with another shared secret is answered 401 and starts none.
 */
import { randomUUID } from 'node:crypto';

import { nodeOutput } from '../../scripts/harness';
import { createSandbox, type Sandbox } from '../../sandbox/server';
import type { TookanModule } from '../../sandbox/tookan/index';
import { getN8n } from './n8n';
import { deactivate, executionCount, productionUrl, triggerWorkflow } from './trigger-support';

const n8n = getN8n();
const published: string[] = [];
let sandbox: Sandbox;
let tookan: TookanModule;

beforeAll(async () => {
	sandbox = await createSandbox({ faults: 'none', seed: { tookan: { tasks: 4, agents: 2 } } });
	tookan = sandbox.tookan as unknown as TookanModule;
});

afterAll(async () => {
	await deactivate(n8n, published);
	await sandbox?.close();
});

async function triggerWith(secret: string, enrich: boolean) {
	const config = tookan.config();
	const credential = await n8n.createCredential({
		name: `Tookan ${randomUUID()}`,
		type: 'tookanApi',
		data: { apiKey: config.apiKey, baseUrl: sandbox.tookanBaseUrl, userId: String(config.userId), sharedSecret: secret },
	});
	const workflow = triggerWorkflow(
		'tookanTrigger',
		'Tookan Trigger',
		{ statuses: [], templateKeys: '', enrich },
		{ tookanApi: { name: credential.name } },
	);
	const id = await n8n.importWorkflow(workflow.json, { credentials: [credential] });
	await n8n.publishWorkflow(id);
	published.push(id);
	const url = productionUrl(n8n, workflow.webhookId);
	sandbox.admin.addWebhook({ url, service: 'tookan' });
	return { id, url };
}

it('starts one execution without secrets for a status change, and none behind a wrong secret', async () => {
	const config = tookan.config();
	const right = await triggerWith(config.sharedSecret, true);
	const wrong = await triggerWith(`not-${config.sharedSecret}`, false);
	const jobId = Number((tookan.snapshot().tasks as Array<Record<string, unknown>>)[0].job_id);

	tookan.setTaskStatus(jobId, 1);
	await sandbox.admin.drainWebhooks();
	const statusByUrl = Object.fromEntries(sandbox.admin.deliveries().map((d) => [d.url, d.status]));
	expect(statusByUrl).toEqual({ [right.url]: 200, [wrong.url]: 401 });

	const executions = await n8n.waitForExecutions(right.id, 1, 60_000);
	expect(executions).toHaveLength(1);
	expect(executions[0].status).toBe('success');
	const [item] = nodeOutput(executions[0], 'Tookan Trigger');
	expect(item).toMatchObject({ job_id: jobId, job_status: 1 });
	expect((item.enriched as Record<string, Record<string, unknown>>).task.job_id).toBe(jobId);
	const stored = JSON.stringify(executions[0]);
	expect(stored).not.toContain(config.sharedSecret);
	expect(stored).not.toContain(config.accessToken);
	expect(stored).not.toContain('tookan_shared_secret');

	expect(await executionCount(n8n, wrong.id)).toBe(0);
});
