/**
 * Turns an importable workflow JSON (an editor export or a template from workflows/) into the body the
 * public API's `POST /workflows` accepts: only the fields its strict schema allows, and node credential
 * references (by type, optionally by name) pointed at credentials that exist on the instance.
 */

export interface CredentialRef {
	id: string;
	name: string;
	type: string;
}

export interface WorkflowNode {
	name: string;
	type: string;
	credentials?: Record<string, { id?: string | null; name?: string }>;
	[key: string]: unknown;
}

export interface WorkflowJson {
	name?: string;
	nodes: WorkflowNode[];
	connections: Record<string, unknown>;
	settings?: Record<string, unknown>;
	[key: string]: unknown;
}

/** Node fields the public API accepts (anything else, e.g. editor-only keys, is rejected). */
const NODE_FIELDS = [
	'id', 'name', 'webhookId', 'disabled', 'notesInFlow', 'notes', 'type', 'typeVersion', 'executeOnce',
	'alwaysOutputData', 'retryOnFail', 'maxTries', 'waitBetweenTries', 'onError', 'position', 'parameters',
	'credentials',
];
const SETTINGS_FIELDS = [
	'saveExecutionProgress', 'saveManualExecutions', 'saveDataErrorExecution', 'saveDataSuccessExecution',
	'executionTimeout', 'errorWorkflow', 'timezone', 'executionOrder', 'callerPolicy', 'callerIds',
];

function pick(source: Record<string, unknown>, fields: string[]): Record<string, unknown> {
	return Object.fromEntries(fields.filter((f) => source[f] !== undefined).map((f) => [f, source[f]]));
}

/** Same type and name wins, else the first credential of that type; none is an error. */
export function resolveCredential(
	type: string,
	ref: { name?: string },
	available: CredentialRef[],
	nodeName: string,
): { id: string; name: string } {
	const ofType = available.filter((c) => c.type === type);
	const match = ofType.find((c) => c.name === ref.name) ?? ofType[0];
	if (!match) {
		throw new Error(`node "${nodeName}" needs a "${type}" credential: create one before importing the workflow`);
	}
	return { id: match.id, name: match.name };
}

function mapNode(node: WorkflowNode, available: CredentialRef[]): Record<string, unknown> {
	const out = pick(node, NODE_FIELDS);
	if (node.credentials) {
		out.credentials = Object.fromEntries(
			Object.entries(node.credentials).map(([type, ref]) => [
				type,
				resolveCredential(type, ref ?? {}, available, node.name),
			]),
		);
	}
	return out;
}

export function toCreatePayload(
	workflow: WorkflowJson,
	available: CredentialRef[],
	name?: string,
): Record<string, unknown> {
	const payload: Record<string, unknown> = {
		name: name ?? workflow.name ?? 'Imported workflow',
		nodes: workflow.nodes.map((node) => mapNode(node, available)),
		connections: workflow.connections,
		settings: { executionOrder: 'v1', ...pick(workflow.settings ?? {}, SETTINGS_FIELDS) },
	};
	if (workflow.pinData && Object.keys(workflow.pinData).length > 0) payload.pinData = workflow.pinData;
	if (workflow.staticData) payload.staticData = workflow.staticData;
	return payload;
}
