/**
 * The parameter panels (NDV) of this package's nodes in the templates, in headless Chromium: each shows
 * the fields its description displays for the node's values, the sandbox credential, no parameter issue
 * and no failed look-up. In a GHL node switched to Contact › Get, the Contact locator's
 * "From list" loads the sandbox's contacts and one can be picked. Screenshots: test-results/editor/.
 */
import type { INodeProperties } from 'n8n-workflow';

import { SLUGS } from '../../scripts/templates/install';
import type { TemplateSlug } from '../../scripts/templates/catalogue';
import { chooseOption, locatorMode, openLocatorList, pickFromList, resourceLocator } from './editor/locator';
import { displayedFields, ourNode } from './editor/package-types';
import { closePanel, ndv, openPanel, readPanel, waitForCredential } from './editor/panel';
import { screenshot, slugOf } from './editor/shots';
import { drawnNames, useEditor, type ImportedTemplate } from './editor/world';

const world = useEditor();

/** The panels the README shows: template and node name → docs/ file. */
const DOCS: Record<string, string> = {
	'form-to-ghl-contact/Create or update the GHL contact': 'panel-ghl-contacts',
	'ghl-contact-to-tookan/Create the Tookan customer': 'panel-tookan',
	'ghl-contact-to-tookan/On GHL contact created or updated': 'panel-ghl-trigger',
};

/** Nodes already checked by an earlier template (the same type, parameters and credential). */
const checked = new Set<string>();

function credentialName(node: TemplateNode): string {
	const type = Object.keys(node.credentials ?? {})[0];
	if (!type) return '';
	return world.credentials.find((c) => c.type === type)?.name ?? `no sandbox credential of type ${type}`;
}

it.each(SLUGS)('%s: each of our nodes shows its fields, its credential, no issue and no failed look-up', async (slug: TemplateSlug) => {
	const template = world.template(slug);
	const { editor } = world;
	await editor.openWorkflow(template.id, drawnNames(template.workflow));
	const problems: string[] = [];
	let opened = 0;
	for (const node of template.workflow.nodes) {
		const description = ourNode(node.type);
		const key = JSON.stringify([node.type, node.parameters, node.credentials]);
		if (!description || checked.has(key)) continue;
		checked.add(key);
		await openPanel(editor, node.name);
		await waitForCredential(editor, credentialName(node));
		const panel = await readPanel(editor);
		opened++;
		const wanted = displayedFields(description.properties, node.parameters as never, description, Number(node.typeVersion));
		const missing = wanted.filter((name) => !panel.fields.includes(name));
		if (missing.length) problems.push(`${node.name}: no field for ${missing.join(', ')}`);
		problems.push(...panel.issues.map((issue) => `${node.name}: issue on ${issue}`));
		problems.push(...panel.failedLookups.map((lookup) => `${node.name}: look-up ${lookup}`));
		await screenshot(editor.page, `panels/${slug}--${slugOf(node.name)}`, DOCS[`${slug}/${node.name}`]);
		await closePanel(editor.page);
	}
	expect(problems).toEqual([]);
	if (slug !== 'ops-dashboard') expect(opened).toBeGreaterThan(0);
});

/** The operation option of a resource, as the Operation dropdown shows it (its description). */
function operationText(description: { properties: INodeProperties[] }, resource: string, operation: string): string {
	const property = description.properties.find(
		(p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes(resource),
	);
	const option = (property?.options as Array<{ value: string; description?: string }> | undefined)?.find((o) => o.value === operation);
	if (!option?.description) throw new Error(`no ${resource} › ${operation} operation`);
	return option.description;
}

type TemplateNode = ImportedTemplate['workflow']['nodes'][number];

const onContact = (node: TemplateNode) =>
	ourNode(node.type)?.name === 'ghl' && (node.parameters as { resource?: string }).resource === 'contact';

/** A GHL node on a contact operation (Find Duplicate) that the test switches to Get. */
const CONTACT_NODE = { slug: 'tookan-task-to-ghl' as TemplateSlug, name: 'Find the GHL contact' };

// Last in this file: it leaves the workflow changed (unsaved).
it('Contact › Get: the Contact locator lists the sandbox contacts "From list" and one can be picked', async () => {
	const { editor } = world;
	const template = world.template(CONTACT_NODE.slug);
	const node = template.workflow.nodes.find((n) => n.name === CONTACT_NODE.name);
	if (!node || !onContact(node)) throw new Error(`${CONTACT_NODE.slug} has no GHL node "${CONTACT_NODE.name}" on a contact operation`);
	await editor.openWorkflow(template.id, drawnNames(template.workflow));
	await openPanel(editor, node.name);
	await chooseOption(editor, 'operation', operationText(ourNode(node.type)!, 'contact', 'get'));
	await resourceLocator(editor, 'contactId').waitFor();
	expect(await locatorMode(editor, 'contactId')).toBe('From list');

	const items = await openLocatorList(editor, 'contactId');
	const names = world.contactNames();
	expect(names.length).toBeGreaterThan(2);
	expect(items).toHaveLength(names.length);
	// GHL's contact search returns lower-cased names only
	for (const name of names) expect(items.filter((item) => item.toLowerCase().startsWith(`${name.toLowerCase()} (`))).toHaveLength(1);
	expect(editor.lookups.failures).toEqual([]);
	await screenshot(editor.page, 'locator-contacts', 'locator-contacts');

	const shown = await pickFromList(editor, 'contactId', names[0].toLowerCase());
	expect(shown.toLowerCase()).toContain(names[0].toLowerCase());
	expect(await resourceLocator(editor, 'contactId').locator('..').locator('[data-test-id="parameter-issues"]').count()).toBe(0);
	expect((await readPanel(editor)).issues).toEqual([]);
	await screenshot(ndv(editor.page), 'panel-ghl-contacts-get');
	await closePanel(editor.page);
});
