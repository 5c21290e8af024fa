/**
 * `N8n`: the client tests use, one object with every harness helper. Build it from a connection
 * (`new N8n(connection)`, e.g. in a jest worker) or get one from `startN8n()`.
 */
import { N8nClient } from './client';
import {
	getExecution,
	listExecutions,
	waitForExecutions,
	type Execution,
	type ExecutionQuery,
} from './executions';
import { listCredentialTypes, listNodeTypes, type CredentialTypeInfo, type NodeTypeInfo } from './node-types';
import type { CredentialRef, WorkflowJson } from './workflow-payload';
import * as workflows from './workflows';

export class N8n extends N8nClient {
	/** Credentials created through this client; `importWorkflow` maps node credential references to them. */
	readonly credentials: CredentialRef[] = [];

	async createCredential(credential: {
		name: string;
		type: string;
		data: Record<string, unknown>;
	}): Promise<CredentialRef> {
		const created = await workflows.createCredential(this, credential);
		this.credentials.push(created);
		return created;
	}

	/** Creates the workflow (inactive) and returns its id; `name` overrides the JSON's name. */
	importWorkflow(workflow: WorkflowJson, options: { name?: string; credentials?: CredentialRef[] } = {}): Promise<string> {
		return workflows.importWorkflow(this, workflow, options.credentials ?? this.credentials, options.name);
	}

	publishWorkflow(id: string): Promise<void> {
		return workflows.publishWorkflow(this, id);
	}

	runWorkflow(id: string, timeoutMs?: number): Promise<Execution> {
		return workflows.runWorkflow(this, id, timeoutMs);
	}

	executions(query: ExecutionQuery = {}): Promise<Execution[]> {
		return listExecutions(this, query);
	}

	execution(id: string, options: { includeData?: boolean } = {}): Promise<Execution> {
		return getExecution(this, id, options);
	}

	waitForExecutions(workflowId: string, count: number, timeoutMs?: number): Promise<Execution[]> {
		return waitForExecutions(this, workflowId, count, timeoutMs);
	}

	listNodeTypes(): Promise<NodeTypeInfo[]> {
		return listNodeTypes(this);
	}

	listCredentialTypes(): Promise<CredentialTypeInfo[]> {
		return listCredentialTypes(this);
	}
}
