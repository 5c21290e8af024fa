/**
 * Linear workflows for the real-n8n reliability tests: a manual trigger followed by nodes of this package,
 * each fed by the one before, all with the same credential.
 */
import { PACKAGE_NAME, type WorkflowJson } from '../../../scripts/harness';

export interface Step {
	name: string;
	/** Node type without the package prefix, e.g. `ghl`. */
	type: string;
	parameters: Record<string, unknown>;
}

export function linearWorkflow(name: string, credential: { type: string; name: string }, steps: Step[]): WorkflowJson {
	const nodes = [
		{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0] as [number, number], parameters: {} },
		...steps.map((step, i) => ({
			name: step.name,
			type: `${PACKAGE_NAME}.${step.type}`,
			typeVersion: 1,
			position: [220 * (i + 1), 0] as [number, number],
			parameters: step.parameters,
			credentials: { [credential.type]: { id: 'placeholder', name: credential.name } },
		})),
	];
	const connections = Object.fromEntries(
		nodes.slice(0, -1).map((node, i) => [node.name, { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] }]),
	);
	return { name, nodes, connections };
}
