/**
 * n8n's node panel, in headless Chromium, as a new user searches it: "GHL", "HighLevel", "GoHighLevel" and
 * "LeadConnector" each find this package's GHL as one entry (our icon, next to n8n's own HighLevel), which
 * holds the GHL Trigger's events, the GHL Poll Trigger's and every action of the GHL node; "Tookan" finds
 * one Tookan entry with its triggers' events and actions. Each catch-up trigger merges into its service's
 * entry, its events marked "(catch-up after downtime)". A trigger picked there lands on the canvas as its node.
 * Screenshots: test-results/editor/palette-search.png and palette-ghl.png (the README's node panel).
 */
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { PACKAGE_NAME } from '../../scripts/harness';
import { closePanel, ndv } from './editor/panel';
import { iconFile, iconPath, ourNode } from './editor/package-types';
import { NodePanel } from './editor/palette';
import { until } from './editor/session';
import { screenshot } from './editor/shots';
import { useEditor } from './editor/world';

const world = useEditor({ templates: false });
let panel: NodePanel;

beforeAll(async () => {
	panel = await NodePanel.open(world.editor, 'Editor check: node panel');
});
afterAll(async () => {
	await panel?.delete();
});

const type = (name: string) => `${PACKAGE_NAME}.${name}`;
const description = (name: string): INodeTypeDescription => ourNode(type(name))!;

/** The triggers n8n lists for a trigger node: one per option of its "Trigger On" field, by the option's action. */
function triggerLabels(name: string): string[] {
	// n8n takes a trigger's panel events from its field labelled Event, Events or Trigger On
	const field = description(name).properties.find((p) => ['event', 'events', 'trigger on'].includes(p.displayName.toLowerCase()));
	return ((field?.options ?? []) as Array<{ action?: string }>).map((o) => o.action ?? '');
}

/** Every resource's operations of an action node. */
function actionCount(name: string): number {
	const operations = description(name).properties.filter((p: INodeProperties) => p.name === 'operation');
	return operations.reduce((sum, p) => sum + (p.options?.length ?? 0), 0);
}

const ghlEntry = { type: type('ghl'), name: 'GHL', description: description('ghl').description, icon: iconPath(iconFile(description('ghl'))) };

it.each(['GHL', 'HighLevel', 'GoHighLevel', 'LeadConnector'])('searching "%s" shows our GHL as one entry, with its icon', async (term) => {
	const entries = await panel.search(term);
	const ours = entries.filter((entry) => entry.type.startsWith(`${PACKAGE_NAME}.`));
	expect(ours).toEqual([ghlEntry]);
	// n8n's own HighLevel node stays a separate entry with its own icon
	if (term === 'HighLevel') {
		expect(entries.map((e) => e.name)).toContain('HighLevel');
		await screenshot(world.editor.page, 'palette-search', 'palette-search');
	}
	expect(entries.find((e) => e.name === 'HighLevel')?.icon ?? '').not.toBe(ghlEntry.icon);
});

it('the GHL entry holds the GHL Trigger\'s events, the GHL Poll Trigger\'s and every GHL action', async () => {
	await panel.search('GHL');
	await panel.openEntry(type('ghl'));
	await screenshot(world.editor.page, 'palette-ghl', 'palette-ghl');
	const entry = await panel.readEntry();
	const triggers = [...triggerLabels('ghlTrigger'), ...triggerLabels('gTriggerhl'), ...triggerLabels('ghTriggerl')];
	expect(triggers).toHaveLength(30);
	expect(entry.counts).toEqual({ Triggers: triggers.length, Actions: actionCount('ghl') });
	expect(entry.lists.Triggers).toEqual(triggers);
	expect(entry.lists.Actions).toHaveLength(actionCount('ghl'));
	expect(entry.lists.Actions).toContain('Create or update a contact');

	// picking a polling trigger there adds a GHL Poll Trigger with that event
	await panel.add('On contact created (polling)');
	await ndv(world.editor.page).waitFor();
	const added = world.editor.page.locator('[data-test-id="canvas-node"]');
	const types = await until(
		world.editor.page,
		() => added.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-node-type'))),
		(list) => list.length === 1,
		'no node was added',
	);
	expect(types).toEqual([type('gTriggerhl')]);
	await closePanel(world.editor.page);
});

it('searching "Tookan" shows one Tookan entry with its trigger events and every action', async () => {
	await world.editor.page.locator('[data-test-id="node-creator-plus-button"]').click();
	const entries = await panel.search('Tookan');
	expect(entries.filter((entry) => entry.type.startsWith(`${PACKAGE_NAME}.`)).map((e) => [e.type, e.name])).toEqual([[type('tookan'), 'Tookan']]);
	await panel.openEntry(type('tookan'));
	const entry = await panel.readEntry();
	const triggers = [...triggerLabels('tookanTrigger'), ...triggerLabels('tTriggerookan')];
	expect(triggers).toHaveLength(triggerLabels('tookanTrigger').length + 9);
	expect(entry.counts).toEqual({ Triggers: triggers.length, Actions: actionCount('tookan') });
	expect(entry.lists.Triggers).toEqual(triggers);
});
