/**
 * For the e2e tests of secrets in real n8n: saving a credential the way n8n's credential dialog does, and
 * every place n8n keeps a copy of a workflow (definition, `n8n export:workflow --all`, execution records with
 * their workflow snapshot, workflow history), searched for given secret values.
 */
import { exportWorkflowsCli, type N8n } from '../../scripts/harness';

/**
 * Saves a credential as the editor's dialog does: it loads the credential (n8n blanks password fields), the user
 * changes some fields, and it sends everything back (n8n keeps the stored value of a field sent blank).
 */
export async function saveCredential(n8n: N8n, id: string, changes: Record<string, unknown>): Promise<void> {
	const current = await n8n.rest<{ id: string; name: string; type: string; data: Record<string, unknown> }>('GET', `/credentials/${id}?includeData=true`);
	await n8n.rest('PATCH', `/credentials/${id}`, { id, name: current.name, type: current.type, data: { ...current.data, ...changes }, isGlobal: false });
}

interface HistoryVersion {
	versionId: string;
}

/** Every saved version of a workflow (n8n's workflow history), with its nodes. */
export async function workflowHistory(n8n: N8n, workflowId: string): Promise<unknown[]> {
	const versions = await n8n.rest<HistoryVersion[]>('GET', `/workflow-history/workflow/${workflowId}?take=100`);
	return await Promise.all(versions.map((v) => n8n.rest('GET', `/workflow-history/workflow/${workflowId}/version/${v.versionId}`)));
}

/** Where (which kind of copy, which workflow or execution) any of `secrets` appears; [] when nowhere. */
export async function copiesOf(n8n: N8n, secrets: string[], workflowIds: string[]): Promise<string[]> {
	const found: string[] = [];
	const look = (where: string, value: unknown) => {
		const text = JSON.stringify(value);
		secrets.forEach((secret, index) => {
			if (secret && text.includes(secret)) found.push(`secret ${index} in ${where}`);
		});
	};
	for (const id of workflowIds) {
		look(`workflow ${id}`, await n8n.api('GET', `/workflows/${id}`));
		look(`history of workflow ${id}`, await workflowHistory(n8n, id));
		for (const execution of await n8n.executions({ workflowId: id, includeData: true })) look(`execution ${execution.id}`, execution);
	}
	look('n8n export:workflow --all', await exportWorkflowsCli(n8n.connection));
	return found;
}
