/**
 * The packed package, installed the way n8n installs a community package, loads in real n8n:
 * every declared node and credential type is served to the editor, and a workflow using a node runs.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { nodeOutput, PACKAGE_NAME } from '../../scripts/harness';
import { GHL_DEFAULTS } from '../../sandbox/ghl/defaults';
import { createSandbox } from '../../sandbox/server';
import { declaredCredentials, declaredNodes } from './declared-types';
import { getN8n } from './n8n';

const nodes = declaredNodes();
const credentials = declaredCredentials();

describe('package loads in real n8n', () => {
	let nodeTypes: Set<string>;
	let credentialTypes: Set<string>;

	beforeAll(async () => {
		const n8n = getN8n();
		nodeTypes = new Set((await n8n.listNodeTypes()).map((type) => type.name));
		credentialTypes = new Set((await n8n.listCredentialTypes()).map((type) => type.name));
	});

	it('is installed as a community package without dev or peer dependencies', () => {
		const dir = join(getN8n().connection.userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
		const installed = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<string, unknown>;
		expect(installed.name).toBe(PACKAGE_NAME);
		expect(installed).not.toHaveProperty('devDependencies');
		expect(installed).not.toHaveProperty('peerDependencies');
		expect(installed.dependencies ?? {}).toEqual({});
	});

	it('declares at least one node', () => {
		expect(nodes.length).toBeGreaterThan(0);
	});

	it.each(nodes)(`lists node $name as ${PACKAGE_NAME}.$name (and its AI tool variant)`, (node) => {
		expect(nodeTypes).toContain(`${PACKAGE_NAME}.${node.name}`);
		if (node.usableAsTool) expect(nodeTypes).toContain(`${PACKAGE_NAME}.${node.name}Tool`);
	});

	// n8n keys credential types by their bare name (they are global across packages).
	it.each(credentials)('lists credential type $name', (credential) => {
		expect(credentialTypes).toContain(credential.name);
	});

	it('lists no node of this package that package.json does not declare', () => {
		const ours = [...nodeTypes].filter((name) => name.startsWith(`${PACKAGE_NAME}.`));
		const declared = nodes.flatMap((node) => [node.name, ...(node.usableAsTool ? [`${node.name}Tool`] : [])]);
		expect(ours.sort()).toEqual(declared.map((name) => `${PACKAGE_NAME}.${name}`).sort());
	});

	it('runs a workflow through the GHL node and its former type GHL Contacts (against the sandbox)', async () => {
		const sandbox = await createSandbox({ tookan: false, seed: { ghl: { contacts: 3 } } as never });
		try {
			const n8n = getN8n();
			const credential = await n8n.createCredential({
				name: `package-loads PIT ${randomUUID()}`,
				type: 'ghlPrivateIntegrationApi',
				data: { accessToken: GHL_DEFAULTS.pit, locationId: GHL_DEFAULTS.locationIds[0], baseUrl: sandbox.ghlBaseUrl },
			});
			// the GHL node, then the same operation through its former type (GHL Contacts) as saved workflows have it
			const list = (name: string, type: string, x: number) => ({
				name,
				type: `${PACKAGE_NAME}.${type}`,
				typeVersion: 1,
				position: [x, 0] as [number, number],
				parameters: { authentication: 'privateIntegrationToken', resource: 'contact', operation: 'getAll', returnAll: true, simplify: true },
				credentials: { ghlPrivateIntegrationApi: { id: 'template-placeholder', name: credential.name } },
				executeOnce: true,
			});
			const id = await n8n.importWorkflow({
				name: `package-loads ${credential.name}`,
				nodes: [
					{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
					list('List Contacts', 'ghl', 220),
					list('List Contacts (former type)', 'ghlContacts', 440),
				],
				connections: {
					Start: { main: [[{ node: 'List Contacts', type: 'main', index: 0 }]] },
					'List Contacts': { main: [[{ node: 'List Contacts (former type)', type: 'main', index: 0 }]] },
				},
			});
			const execution = await n8n.runWorkflow(id);
			expect(execution.status).toBe('success');
			const stored = (sandbox.admin.ghlRecords('contacts', { locationId: GHL_DEFAULTS.locationIds[0] }) as Array<{ id: string }>).map((c) => c.id);
			expect(stored).toHaveLength(3);
			for (const node of ['List Contacts', 'List Contacts (former type)']) {
				expect(nodeOutput(execution, node).map((c) => c.id).sort()).toEqual(stored.sort());
			}
			const listed = await n8n.executions({ workflowId: id });
			expect(listed.map((e) => e.id)).toEqual([execution.id]);
		} finally {
			await sandbox.close();
		}
	});
});
