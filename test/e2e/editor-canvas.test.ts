/**
 * The templates in the n8n editor, in headless Chromium, as a user who imported them sees them: every node
 * is drawn with its icon (this package's own SVGs for its nodes, no "?" placeholder), our action nodes with
 * their operation and resource by name as subtitle ("Find by Phone: Customer"), and without the
 * "install this node" or issues badge. A deliberately broken workflow shows that the same checks do catch
 * an unknown node and a node with issues. Screenshots: test-results/editor/canvas-*.png.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PACKAGE_NAME, PACKAGE_ROOT, type WorkflowJson } from '../../scripts/harness';
import { SLUGS } from '../../scripts/templates/install';
import { canvasNodes, canvasProblems } from './editor/canvas';
import { iconFile, iconPath, ourNode } from './editor/package-types';
import { screenshot } from './editor/shots';
import { drawnNames, useEditor } from './editor/world';
import { getN8n } from './n8n';

const world = useEditor();

it.each(SLUGS)('%s: every node is drawn with its icon, our actions subtitled by name, no "install" or issues badge', async (slug) => {
	const template = world.template(slug);
	const { editor } = world;
	await editor.openWorkflow(template.id, drawnNames(template.workflow));
	const nodes = await canvasNodes(editor.page);
	expect(canvasProblems(nodes)).toEqual([]);
	const ours = nodes.filter((node) => ourNode(node.type));
	expect(ours.length).toBeGreaterThan(0);
	for (const node of ours) expect(node.icon).toEqual({ image: iconPath(iconFile(ourNode(node.type)!)), loaded: true });
	// action nodes are subtitled with their operation and resource by name ("Find by Phone: Customer")
	for (const node of template.workflow.nodes) {
		const { resource, operation } = node.parameters as { resource?: string; operation?: string };
		const description = ourNode(node.type);
		if (!description || !resource || !operation) continue;
		const label = (name: string, value: string, show?: string) =>
			(description.properties.find((p) => p.name === name && (!show || (p.displayOptions?.show?.resource as string[]).includes(show)))?.options as Array<{ name: string; value: string }>)
				.find((o) => o.value === value)!.name;
		const drawn = nodes.find((n) => n.name === node.name)!.text;
		const wanted = `${node.name} ${label('operation', operation, resource)}: ${label('resource', resource)}`;
		// (output labels such as "Success Error" come first)
		expect([node.name, drawn.slice(-wanted.length)]).toEqual([node.name, wanted]);
	}
	expect(await screenshot(editor.page, `canvas-${slug}`, `template-${slug}`)).toBeGreaterThan(20_000);
});

it('serves the SVG files of this package as node icons, byte for byte', async () => {
	const files = new Set(world.templates.flatMap((t) => t.workflow.nodes.map((n) => ourNode(n.type))).filter((d) => d !== undefined).map(iconFile));
	expect([...files].sort()).toEqual(['ghl.svg', 'tookan.svg']);
	for (const file of files) {
		const served = await fetch(new URL(iconPath(file).slice(1), getN8n().connection.url));
		expect(served.status).toBe(200);
		expect(Buffer.from(await served.arrayBuffer()).equals(readFileSync(join(PACKAGE_ROOT, 'icons', file)))).toBe(true);
	}
});

it('the checks report an unknown node type and a node with issues', async () => {
	const id = await getN8n().importWorkflow(
		{
			name: 'Editor check: broken nodes',
			nodes: [
				{ id: 'ghost', name: 'Ghost', type: `${PACKAGE_NAME}.notANode`, typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'no-credential',
					name: 'No credential',
					type: `${PACKAGE_NAME}.ghl`,
					typeVersion: 1,
					position: [300, 0],
					parameters: { authentication: 'privateIntegrationToken', resource: 'contact', operation: 'get' },
				},
			],
			connections: {},
		} as WorkflowJson,
		{ credentials: [] },
	);
	try {
		await world.editor.openWorkflow(id, ['Ghost', 'No credential']);
		expect(canvasProblems(await canvasNodes(world.editor.page))).toEqual([
			`Ghost (${PACKAGE_NAME}.notANode): no icon (placeholder "?")`,
			`Ghost (${PACKAGE_NAME}.notANode): badge node-not-installed`,
			`No credential (${PACKAGE_NAME}.ghl): badge node-issues`,
		]);
	} finally {
		await getN8n().api('DELETE', `/workflows/${id}`);
	}
});

it('a workflow saved with the former types (GHL Contacts, GHL Poll Trigger) opens with their icons and no badge', async () => {
	const credentials = { ghlOAuth2Api: { id: 'placeholder', name: 'GHL' } };
	const parameters = { authentication: 'oAuth2' };
	const id = await getN8n().importWorkflow(
		{
			name: 'Editor check: former types',
			nodes: [
				{ id: 'former-poll', name: 'Former poll', type: `${PACKAGE_NAME}.ghlPollTrigger`, typeVersion: 1, position: [0, 0], parameters: { ...parameters, events: ['created'] }, credentials },
				{ id: 'former-action', name: 'Former action', type: `${PACKAGE_NAME}.ghlContacts`, typeVersion: 1, position: [300, 0], parameters: { ...parameters, resource: 'contact', operation: 'get', contactId: { __rl: true, mode: 'id', value: 'abc' } }, credentials },
			],
			connections: { 'Former poll': { main: [[{ node: 'Former action', type: 'main', index: 0 }]] } },
		} as WorkflowJson,
		{ credentials: world.credentials },
	);
	try {
		await world.editor.openWorkflow(id, ['Former poll', 'Former action']);
		const nodes = await canvasNodes(world.editor.page);
		expect(canvasProblems(nodes)).toEqual([]);
		expect(nodes.map((n) => n.icon)).toEqual(nodes.map(() => ({ image: iconPath('ghl.svg'), loaded: true })));
	} finally {
		await getN8n().api('DELETE', `/workflows/${id}`);
	}
});
