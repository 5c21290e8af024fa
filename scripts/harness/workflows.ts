/**
 * Credentials and workflows on a running n8n: create, import, publish, run.
 * Version switches: 2.x publishes with `/publish` and runs manually with `triggerToStartFrom`;
 * 1.x uses `/activate` and sends the workflow in the run body (1.x paths are unverified).
 */
import { N8nHttpError, type N8nClient } from './client';
import { majorVersion } from './env';
import { waitForExecution, type Execution } from './executions';
import { pause } from './pause';
import { toCreatePayload, type CredentialRef, type WorkflowJson } from './workflow-payload';

export async function createCredential(
	client: N8nClient,
	credential: { name: string; type: string; data: Record<string, unknown> },
): Promise<CredentialRef> {
	// n8n 1.x injects "Allowed HTTP Request Domains" into credentials that can sign HTTP requests, and its public
	// API schema then demands the domain list unless the choice is given explicitly; other credentials (e.g. one
	// without `authenticate`) must not have it
	const post = (data: Record<string, unknown>) => client.api<CredentialRef>('POST', '/credentials', { ...credential, data });
	let created: CredentialRef;
	if (client.version.startsWith('1.')) {
		created = await post({ allowedHttpRequestDomains: 'all', ...credential.data })
			.catch(async (error: unknown) => {
				if (!/additional property.*allowedHttpRequestDomains/.test(String(error))) throw error;
				return await post(credential.data);
			})
			.catch(async (error: unknown) => {
				// 1.x's public API schema for an OAuth2 credential demands `serverUrl` (a field OAuth2 shows only for
				// dynamic client registration) and refuses `useDynamicClientRegistration` as an unknown property, so
				// no body passes it; the editor's own endpoint saves the credential as a person's dialog does
				if (!/requires property \\?"serverUrl\\?"/.test(String(error))) throw error;
				return await client.rest<CredentialRef>('POST', '/credentials', credential);
			});
	} else {
		created = await post(credential.data);
	}
	return { id: created.id, name: created.name, type: created.type };
}

export async function importWorkflow(
	client: N8nClient,
	workflow: WorkflowJson,
	credentials: CredentialRef[],
	name?: string,
): Promise<string> {
	const created = await client.api<{ id: string }>('POST', '/workflows', toCreatePayload(workflow, credentials, name));
	return created.id;
}

interface PublicationStatus {
	status: 'in_progress' | 'not_published' | 'published' | 'partial' | 'failed';
	liveVersionId: string | null;
	triggers: Array<{ nodeId: string; status: string; errorMessage?: string | null }>;
}

const PUBLISH_POLL_MS = 100;

/**
 * n8n 2.x (publication service, the default) activates triggers asynchronously from an outbox:
 * wait until `versionId` is live, and fail with the trigger errors if activation failed.
 * Without the service (404) activation already happened inside the publish call.
 */
async function waitUntilLive(client: N8nClient, id: string, versionId: string, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		let publication: PublicationStatus;
		try {
			publication = await client.rest<PublicationStatus>('GET', `/workflows/${id}/publication-status`);
		} catch (error) {
			if (error instanceof N8nHttpError && error.status === 404) return;
			throw error;
		}
		if (publication.status === 'failed' || publication.status === 'partial') {
			const reasons = publication.triggers.map((t) => `${t.nodeId}: ${t.status} ${t.errorMessage ?? ''}`);
			throw new Error(`workflow ${id} publication ${publication.status}: ${reasons.join('; ')}`);
		}
		if (publication.status === 'published' && publication.liveVersionId === versionId) return;
		if (Date.now() > deadline) throw new Error(`workflow ${id} not live after ${timeoutMs} ms (${publication.status})`);
		await pause(PUBLISH_POLL_MS);
	}
}

/** Publishes (2.x) / activates (1.x) a workflow; resolves once its triggers and webhooks are live. */
export async function publishWorkflow(client: N8nClient, id: string, timeoutMs = 60_000): Promise<void> {
	if (majorVersion(client.version) < 2) {
		await client.api('POST', `/workflows/${id}/activate`, {});
		return;
	}
	const published = await client.api<{ activeVersionId: string }>('POST', `/workflows/${id}/publish`, {});
	await waitUntilLive(client, id, published.activeVersionId, timeoutMs);
}

const MANUAL_TRIGGERS = ['n8n-nodes-base.manualTrigger'];

/**
 * Runs a workflow that starts with a Manual Trigger, as the editor's "Execute workflow" button does
 * (internal `POST /rest/workflows/:id/run`), then waits for the execution and returns it with data.
 */
export async function runWorkflow(client: N8nClient, id: string, timeoutMs = 60_000): Promise<Execution> {
	const workflow = await client.rest<WorkflowJson & { id: string }>('GET', `/workflows/${id}`);
	const trigger = workflow.nodes.find((node) => MANUAL_TRIGGERS.includes(node.type) && node.disabled !== true);
	if (!trigger) throw new Error(`workflow ${id} has no enabled Manual Trigger to start from`);
	const body =
		majorVersion(client.version) >= 2
			? { triggerToStartFrom: { name: trigger.name } }
			: { workflowData: workflow, triggerToStartFrom: { name: trigger.name } };
	const result = await client.rest<{ executionId?: string; waitingForWebhook?: boolean }>(
		'POST',
		`/workflows/${id}/run`,
		body,
	);
	if (!result.executionId) throw new Error(`workflow ${id} did not start: ${JSON.stringify(result)}`);
	return waitForExecution(client, result.executionId, timeoutMs);
}
