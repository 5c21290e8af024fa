/**
 * Small helpers the trigger e2e tests share: one-trigger workflows with a fixed webhookId, their production
 * URL on the shared n8n, execution counts, and clean-up (deactivate) so nothing keeps listening or polling.
 */
import { randomUUID } from 'node:crypto';

import { PACKAGE_NAME, type N8n, type WorkflowJson } from '../../scripts/harness';

export interface TriggerWorkflow {
	json: WorkflowJson;
	nodeId: string;
	webhookId: string;
}

export function triggerWorkflow(
	type: 'ghlTrigger' | 'tookanTrigger' | 'gTriggerhl' | 'ghlPollTrigger',
	name: string,
	parameters: Record<string, unknown>,
	credentials?: Record<string, { name: string }>,
	typeVersion = type === 'ghlPollTrigger' || type === 'gTriggerhl' ? 1 : 2,
): TriggerWorkflow {
	const nodeId = randomUUID();
	const webhookId = randomUUID();
	return {
		nodeId,
		webhookId,
		json: {
			name: `${name} ${webhookId.slice(0, 8)}`,
			nodes: [
				{
					id: nodeId,
					name,
					type: `${PACKAGE_NAME}.${type}`,
					typeVersion,
					position: [0, 0],
					webhookId,
					parameters,
					...(credentials ? { credentials: Object.fromEntries(Object.entries(credentials).map(([k, v]) => [k, { id: 'ref', ...v }])) } : {}),
				},
				{ name: 'Done', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [220, 0], parameters: {} },
			],
			connections: { [name]: { main: [[{ node: 'Done', type: 'main', index: 0 }]] } },
		},
	};
}

/** The production webhook URL of a trigger node with this webhookId (what the user pastes into the service). */
export function productionUrl(n8n: N8n, webhookId: string): string {
	return `${n8n.connection.webhookUrl}webhook/${webhookId}/webhook`;
}

export async function executionCount(n8n: N8n, workflowId: string): Promise<number> {
	return (await n8n.executions({ workflowId })).length;
}

export async function deactivate(n8n: N8n, ids: string[]): Promise<void> {
	for (const id of ids) await n8n.api('POST', `/workflows/${id}/deactivate`, {});
}
