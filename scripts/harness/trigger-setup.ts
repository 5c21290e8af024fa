/**
 * What the GHL Trigger's panel shows in workflow-webhook mode, read the way n8n's editor reads it: the editor
 * resolves the node's `{{ $webhookId }}` and asks n8n for the node's resource-mapper notice, which n8n computes
 * with the node's GHL Workflow Webhook credential (generating its token the first time). Tests, the demo and
 * the templates' installer paste this URL where a person would paste it into GHL.
 */
import type { N8n } from './n8n';

export interface WorkflowWebhookSetup {
	/** The complete URL for GHL's Webhook action (with `?token=`). */
	url: string;
	/** `X-Webhook-Token: <token>` for a Custom Webhook action. */
	header: string;
	token: string;
	/** The notice as n8n sent it (HTML). */
	html: string;
}

export interface TriggerNode {
	type: string;
	typeVersion: number;
	webhookId?: string;
	parameters?: Record<string, unknown>;
	credentials?: Record<string, { id?: string | null; name?: string }>;
}

/** The text of a notice's HTML value (what copying it gives): line break opportunities out, entities decoded. */
const unescape = (html: string) =>
	html.replace(/<wbr>/g, '').replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export async function workflowWebhookSetup(n8n: N8n, node: TriggerNode): Promise<WorkflowWebhookSetup> {
	const answer = await n8n.rest<{ emptyFieldsNotice?: string }>('POST', '/dynamic-node-parameters/resource-mapper-fields', {
		nodeTypeAndVersion: { name: node.type, version: node.typeVersion },
		path: 'parameters.workflowWebhookSetup',
		methodName: 'workflowWebhookSetup',
		currentNodeParameters: { ...node.parameters, setupWebhookId: node.webhookId },
		credentials: node.credentials,
	});
	const html = answer.emptyFieldsNotice ?? '';
	const [url, header] = [...html.matchAll(/<code>(.*?)<\/code>/g)].map((m) => unescape(m[1]));
	const token = /[?&]token=([0-9a-f]+)/.exec(url ?? '')?.[1];
	if (!url || !header || !token) throw new Error(`the GHL Trigger panel shows no URL: ${html}`);
	return { url, header, token, html };
}
