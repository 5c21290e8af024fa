/**
 * A new user's first steps in the editor, in headless Chromium against the sandbox:
 * - importing a template: once one GHL credential (the Marketplace App OAuth2 credential the templates name)
 *   and one Tookan credential exist, each workflows/ file imported with "Import from File…" into an empty
 *   workflow shows every node without a credential warning, and once saved its nodes carry those two
 *   credentials (n8n's editor fills in the newest credential of the type each node needs);
 * - Contact › Get Many: a filter row offers the operators GHL allows on the chosen field, and the list
 *   changes with the field (screenshot: the README's action panel);
 * - Tag › Add: a tag the location does not have, typed in Fixed mode under New Tags, is added when the
 *   workflow runs.
 */
import { readFileSync } from 'node:fs';

import { PACKAGE_NAME, type CredentialRef, type WorkflowJson } from '../../scripts/harness';
import { GHL_DEFAULTS } from '../../sandbox/ghl/defaults';
import { templateFile } from '../../scripts/templates/catalogue';
import { createSandboxCredentials, SLUGS } from '../../scripts/templates/install';
import { createSandbox, type Sandbox } from '../../sandbox/server';
import { canvasNodes, canvasProblems } from './editor/canvas';
import { chooseOption } from './editor/locator';
import { closePanel, ndv, openPanel } from './editor/panel';
import { screenshot } from './editor/shots';
import { ourNode } from './editor/package-types';
import { until, type Editor } from './editor/session';
import { drawnNames, useEditor } from './editor/world';
import { getN8n } from './n8n';

const world = useEditor({ templates: false });
const n8n = getN8n();
let sandbox: Sandbox;
let credentials: CredentialRef[];
const created: string[] = [];

beforeAll(async () => {
	sandbox = await createSandbox({ faults: 'none', seed: { ghl: { contacts: 2 } } });
	// created last, so they are the newest of their types on the shared n8n
	// plain names ("GHL sandbox", "Tookan sandbox"): the screenshots show them (checks go by id)
	credentials = await createSandboxCredentials(n8n, sandbox, '');
});
afterAll(async () => {
	for (const id of created) await n8n.api('DELETE', `/workflows/${id}`).catch(() => undefined);
	await sandbox?.close();
});

it.each(SLUGS)('%s: imported from its file, no node lacks a credential and each gets the one of its type', async (slug) => {
	const file = templateFile(slug);
	const template = JSON.parse(readFileSync(file, 'utf8')) as WorkflowJson;
	const id = await n8n.importWorkflow({ name: `Import check: ${slug}`, nodes: [], connections: {} } as unknown as WorkflowJson, { credentials: [] });
	created.push(id);
	const { editor } = world;
	await editor.openWorkflow(id, []);
	await editor.page.locator('[data-test-id="canvas-add-button"]').first().waitFor();
	await editor.page.locator('[data-test-id="workflow-import-input"]').setInputFiles(file);
	await until(
		editor.page,
		() => editor.page.locator('[data-test-id="canvas-node"]').count(),
		(count) => count === drawnNames(template).length,
		`the imported ${slug} is not on the canvas`,
	);
	expect(canvasProblems(await canvasNodes(editor.page))).toEqual([]);

	// saved, the nodes hold the credentials that exist (by type), not the template's placeholders
	await editor.page.locator('[data-test-id="canvas-wrapper"]').click({ position: { x: 5, y: 5 } });
	await editor.page.keyboard.press('Control+s');
	const saved = await until(
		editor.page,
		async () => ((await n8n.api('GET', `/workflows/${id}`)) as WorkflowJson).nodes,
		(nodes) => nodes.length === template.nodes.length,
		`${slug} was not saved`,
	);
	const used = saved.filter((node) => ourNode(node.type) && node.credentials).flatMap((node) => Object.entries(node.credentials!));
	expect(used.length).toBeGreaterThan(0);
	for (const [type, ref] of used) expect([type, ref.id]).toEqual([type, credentials.find((c) => c.type === type)?.id]);
});

/** A Manual Trigger and one GHL node with the test's GHL credential, opened on the canvas. */
async function ghlWorkflow(name: string, parameters: Record<string, unknown>): Promise<string> {
	const id = await n8n.importWorkflow(
		{
			name: `Editor check: ${name}`,
			nodes: [
				{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					name,
					type: `${PACKAGE_NAME}.ghl`,
					typeVersion: 1,
					position: [260, 0],
					parameters: { authentication: 'oAuth2', ...parameters },
					credentials: { ghlOAuth2Api: { id: 'placeholder', name: 'GHL' } },
				},
			],
			connections: { Start: { main: [[{ node: name, type: 'main', index: 0 }]] } },
		} as unknown as WorkflowJson,
		{ credentials },
	);
	created.push(id);
	await world.editor.openWorkflow(id, ['Start', name]);
	return id;
}

/** The texts of a dropdown's options, as the user sees them on opening it. */
async function optionsOf(editor: Editor, parameter: string): Promise<string[]> {
	await ndv(editor.page).locator(`div[data-test-id="parameter-input-${parameter}"]`).click();
	const options = editor.page.getByRole('option');
	await options.first().waitFor();
	const texts = (await options.allInnerTexts()).map((t) => t.split('\n')[0].trim());
	await editor.page.keyboard.press('Escape');
	await options.first().waitFor({ state: 'hidden' });
	return texts;
}

/** The operators the GHL node's filter row declares for a field, by name. */
function declaredOperators(field: string): string[] {
	const filters = ourNode(`${PACKAGE_NAME}.ghl`)!.properties.find((p) => p.name === 'filters')!;
	const row = (filters.options as Array<{ values: Array<{ name: string; displayOptions?: { show?: { field?: string[] } }; options?: Array<{ name: string }> }> }>)[0].values;
	return row.filter((p) => p.name === 'operator' && p.displayOptions?.show?.field?.includes(field)).flatMap((p) => (p.options ?? []).map((o) => o.name));
}

it('Contact › Get Many: a filter row offers the operators of its field, and the list changes with the field', async () => {
	const { editor } = world;
	await ghlWorkflow('Find contacts', { resource: 'contact', operation: 'getAll' });
	await openPanel(editor, 'Find contacts');
	await ndv(editor.page).locator('[data-test-id="fixed-collection-filters"] [data-test-id="fixed-collection-add"]').click();
	const seen: Record<string, string[]> = {};
	for (const [label, field] of [['Email', 'email'], ['First Name', 'firstNameLowerCase'], ['Date Added', 'dateAdded']]) {
		if (field !== 'email') await chooseOption(editor, 'field', label);
		seen[label] = await optionsOf(editor, 'operator');
		expect(seen[label]).toEqual(declaredOperators(field));
	}
	expect(seen.Email).not.toContain('Contains');
	expect(seen['First Name']).toContain('Contains');
	expect(seen['Date Added']).toContain('Between (Range)');
	// the README's action panel: a First Name filter with its operators open
	await chooseOption(editor, 'field', 'First Name');
	await ndv(editor.page).locator('div[data-test-id="parameter-input-operator"]').click();
	await editor.page.getByRole('option').first().waitFor();
	await screenshot(editor.page, 'panel-ghl-get-many', 'panel-ghl-get-many');
	await editor.page.keyboard.press('Escape');
	await closePanel(editor.page);
});

it('Tag › Add: a new tag typed in Fixed mode under New Tags is added when the workflow runs', async () => {
	const { editor } = world;
	const contact = (sandbox.admin.ghlRecords('contacts', { locationId: GHL_DEFAULTS.locationIds[0] }) as Array<{ id: string; tags: string[] }>)[0];
	const tag = `typed-${Date.now()}`;
	expect(contact.tags).not.toContain(tag);
	await ghlWorkflow('Tag the contact', { resource: 'tag', operation: 'add', contactId: { __rl: true, mode: 'id', value: contact.id } });
	await openPanel(editor, 'Tag the contact');
	const typed = ndv(editor.page).locator('[data-test-id="parameter-input-newTags"] input');
	await typed.fill(tag);
	await typed.press('Tab');
	await closePanel(editor.page);
	await editor.page.locator('[data-test-id="execute-workflow-button"]').click();
	const tags = await until(
		editor.page,
		async () => (sandbox.admin.ghlRecords('contacts', { id: contact.id }) as Array<{ tags: string[] }>)[0].tags,
		(now) => now.includes(tag),
		`the contact did not get the tag "${tag}"`,
	);
	expect(tags).toEqual([...contact.tags, tag]);
});
