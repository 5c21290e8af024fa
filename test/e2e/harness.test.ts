/**
 * The harness helpers against the shared real n8n, with n8n's own nodes only: credentials are
 * encrypted by n8n and referenced by the imported workflow, a published webhook workflow answers,
 * and its executions are read back through the public API.
 */
import { randomUUID } from 'node:crypto';
import { nodeOutput, type WorkflowJson } from '../../scripts/harness';
import { getN8n } from './n8n';

function webhookWorkflow(path: string, credentialName: string): WorkflowJson {
	return {
		name: `harness webhook ${path}`,
		nodes: [
			{
				name: 'Hook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path, responseMode: 'lastNode' },
			},
			{ name: 'Pass', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
			{
				// never runs: only here to carry a credential reference by name, as templates do
				name: 'Call',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 200],
				parameters: { url: 'http://127.0.0.1:9/', authentication: 'genericCredentialType', genericAuthType: 'httpHeaderAuth' },
				credentials: { httpHeaderAuth: { id: 'template-placeholder', name: credentialName } },
			},
		],
		connections: { Hook: { main: [[{ node: 'Pass', type: 'main', index: 0 }]] } },
	};
}

describe('harness helpers on real n8n', () => {
	it('imports a template, maps its credential reference, publishes it and serves its webhook', async () => {
		const n8n = getN8n();
		const path = `harness-${randomUUID()}`;
		const credential = await n8n.createCredential({
			name: `Header ${path}`,
			type: 'httpHeaderAuth',
			data: { name: 'X-Harness', value: 'not-a-secret' },
		});
		const id = await n8n.importWorkflow(webhookWorkflow(path, credential.name));

		const stored = await n8n.api<{ nodes: Array<{ name: string; credentials?: Record<string, { id: string }> }> }>(
			'GET',
			`/workflows/${id}`,
		);
		expect(stored.nodes.find((node) => node.name === 'Call')?.credentials?.httpHeaderAuth.id).toBe(credential.id);

		await n8n.publishWorkflow(id);
		const marker = randomUUID();
		const response = await n8n.callWebhook(path, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ marker }),
		});
		expect(response.status).toBe(200);
		expect(((await response.json()) as { body: { marker: string } }).body.marker).toBe(marker);

		const [execution] = await n8n.waitForExecutions(id, 1);
		expect(execution.status).toBe('success');
		expect(execution.mode).toBe('webhook');
		expect(nodeOutput(execution, 'Pass')[0]).toMatchObject({ body: { marker } });
		expect((await n8n.execution(execution.id)).id).toBe(execution.id);
		expect(await n8n.executions({ workflowId: id, status: 'error' })).toEqual([]);
	});

	it('rejects a template whose credential type was never created', async () => {
		const template = webhookWorkflow(`harness-${randomUUID()}`, 'x');
		template.nodes[2].credentials = { notCreatedCredentialType: { name: 'x' } };
		await expect(getN8n().importWorkflow(template)).rejects.toThrow(/needs a "notCreatedCredentialType" credential/);
	});
});
