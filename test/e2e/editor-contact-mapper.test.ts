/**
 * The contact field mapper (GHL node version 2) in the n8n editor, in headless Chromium against real n8n and
 * the sandbox. For each of Contact › Create, Update and Create or Update:
 * - the mapper loads the sandbox location's custom fields as columns, each drawn with the input of its type
 *   (number, date, drop-down, text), and a drop-down column lists exactly the field's options;
 * - Create: "Map Automatically" run with the panel's "Execute step" maps the upstream node's items by field
 *   name and key, and the values land in the sandbox with their types;
 * - Update and Create or Update: values typed and picked in "Map Each Column Manually" land in the sandbox.
 * Screenshot: the README's field mapper (docs/panel-ghl-field-mapper.png).
 */
import { PACKAGE_NAME, type CredentialRef, type WorkflowJson } from '../../scripts/harness';
import { GHL_DEFAULTS } from '../../sandbox/ghl/defaults';
import { createSandbox, type Sandbox } from '../../sandbox/server';
import { connectGhlApp } from '../../scripts/templates/install';
import {
	addAllColumns,
	chooseMappingMode,
	dropDownOptions,
	executeStep,
	mapperReady,
	pick,
	shownColumns,
	type,
	type Column,
	type InputKind,
} from './editor/mapper';
import { closePanel, ndv, openPanel } from './editor/panel';
import { until } from './editor/session';
import { screenshot } from './editor/shots';
import { useEditor } from './editor/world';
import { getN8n } from './n8n';

const world = useEditor({ templates: false });
const n8n = getN8n();
const LOCATION = GHL_DEFAULTS.locationIds[0];
let sandbox: Sandbox;
let credential: CredentialRef;
let workflowId = '';
/** The seeded contact Update changes. */
let targetId = '';

interface Definition {
	id: string;
	name: string;
	fieldKey: string;
	dataType: string;
	picklistOptions?: string[];
}
let definitions: Definition[] = [];
const field = (key: string) => definitions.find((d) => d.fieldKey === `contact.${key}`)!;
const column = (key: string) => `customField:${field(key).id}`;

/** The input a user should see for each GHL data type (anything not listed: text; lists and files: n8n's JSON editor). */
const KIND: Record<string, InputKind> = {
	NUMERICAL: 'number',
	MONETORY: 'number',
	DATE: 'date',
	SINGLE_OPTIONS: 'drop-down',
	RADIO: 'drop-down',
	MULTIPLE_OPTIONS: 'json',
	CHECKBOX: 'json',
	TEXTBOX_LIST: 'json',
	FILE_UPLOAD: 'json',
};

/** Form-like items for "Map Automatically": keys by field name (any case) and by field key. */
const FORM = [
	{ 'First Name': 'Auto', 'Last Name': 'One', email: 'auto-one@example.com', 'Favourite colour': 'green', Employees: '12', 'Renewal date': '2027-03-01', 'preferred channel': 'SMS', Interests: ['Solar'] },
	{ 'First Name': 'Auto', 'Last Name': 'Two', email: 'auto-two@example.com', 'contact.favourite_colour': 'Blue', lifetime_value: 1500.5, renewal_date: '03/04/2027', unrelated: 'ignored' },
];

const NODES = { create: 'Create contacts', update: 'Update a contact', upsert: 'Create or update a contact' } as const;

const contacts = () => sandbox.admin.ghlRecords('contacts', { locationId: LOCATION }) as Array<Record<string, unknown>>;
const valuesOf = (contact: Record<string, unknown> | undefined) => (contact?.customFields ?? {}) as Record<string, unknown>;

beforeAll(async () => {
	sandbox = await createSandbox({ faults: 'none', seed: { ghl: { contacts: 2 } } });
	definitions = sandbox.admin.ghlRecords('customFields' as never, { locationId: LOCATION }) as Definition[];
	credential = await connectGhlApp(n8n, sandbox, 'GHL sandbox');
	const ghl = (name: string, x: number, y: number, parameters: Record<string, unknown>) => ({
		name,
		type: `${PACKAGE_NAME}.ghl`,
		typeVersion: 2,
		position: [x, y],
		parameters: { resource: 'contact', ...parameters, columns: { mappingMode: 'defineBelow', value: null } },
		credentials: { ghlOAuth2Api: { id: credential.id, name: credential.name } },
	});
	targetId = String(contacts()[0].id);
	workflowId = await n8n.importWorkflow(
		{
			name: 'Editor check: contact field mapper',
			nodes: [
				{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
				{ name: 'Form', type: 'n8n-nodes-base.code', typeVersion: 2, position: [240, 0], parameters: { jsCode: `return ${JSON.stringify(FORM.map((json) => ({ json })))};` } },
				ghl(NODES.create, 480, 0, { operation: 'create' }),
				ghl(NODES.update, 240, 220, { operation: 'update', contactId: { __rl: true, mode: 'id', value: targetId } }),
				ghl(NODES.upsert, 240, 440, { operation: 'upsert' }),
			],
			connections: {
				Start: { main: [[{ node: 'Form', type: 'main', index: 0 }, { node: NODES.update, type: 'main', index: 0 }, { node: NODES.upsert, type: 'main', index: 0 }]] },
				Form: { main: [[{ node: NODES.create, type: 'main', index: 0 }]] },
			},
		} as unknown as WorkflowJson,
		{ credentials: [credential] },
	);
});

afterAll(async () => {
	if (workflowId) await n8n.api('DELETE', `/workflows/${workflowId}`).catch(() => undefined);
	await sandbox?.close();
});

// a failed check leaves its panel open: close it so the next test can open its own
afterEach(async () => {
	if (await ndv(world.editor.page).isVisible()) await closePanel(world.editor.page);
});

/**
 * Opens the node's panel, shows every column ("Add All Fields") and checks that each custom field of the
 * location is a column with the input of its type, and that the drop-downs list the field's options.
 */
async function checkColumns(node: string): Promise<Column[]> {
	const { editor } = world;
	await openPanel(editor, node);
	await mapperReady(editor);
	await addAllColumns(editor);
	const shown = await shownColumns(editor);
	const custom = shown.filter((c) => c.id.startsWith('customField:'));
	expect(custom.map((c) => [c.id, c.kind])).toEqual(definitions.map((d) => [`customField:${d.id}`, KIND[d.dataType] ?? 'text']));
	for (const d of definitions) expect(custom.find((c) => c.id === `customField:${d.id}`)?.label).toContain(d.name);
	expect(shown.find((c) => c.id === 'email')?.kind).toBe('text');
	for (const d of definitions.filter((x) => KIND[x.dataType] === 'drop-down')) {
		expect(await dropDownOptions(editor, `customField:${d.id}`)).toEqual(d.picklistOptions);
	}
	expect(editor.lookups.failures).toEqual([]);
	return shown;
}

/**
 * Runs the open node with "Execute step" and waits until `landed` holds for the sandbox's contacts; fails
 * with what the panel's output shows (e.g. the node's error) if it does not.
 */
async function runAndWait(what: string, landed: () => boolean): Promise<void> {
	const { editor } = world;
	await executeStep(editor);
	try {
		await until(editor.page, async () => landed(), Boolean, what);
	} catch (error) {
		const output = await ndv(editor.page).locator('[data-test-id="ndv-output-panel"]').innerText().catch(() => '');
		throw new Error(`${(error as Error).message}\npanel output: ${output.replace(/\s+/g, ' ').slice(0, 600)}`);
	}
}

it('Create: typed columns with the location\'s custom fields; Map Automatically maps the upstream items and they land', async () => {
	const { editor } = world;
	await editor.openWorkflow(workflowId, ['Start', 'Form', ...Object.values(NODES)]);
	await checkColumns(NODES.create);
	await chooseMappingMode(editor, 'Map Automatically');
	await runAndWait('the automatically mapped contacts are not in the sandbox', () => contacts().filter((c) => String(c.email).startsWith('auto-')).length === 2);
	const one = contacts().find((c) => c.email === 'auto-one@example.com');
	const two = contacts().find((c) => c.email === 'auto-two@example.com');
	expect(one).toMatchObject({ firstName: 'Auto', lastName: 'One' });
	expect(valuesOf(one)).toMatchObject({
		[field('favourite_colour').id]: 'Green',
		[field('employees').id]: 12,
		[field('renewal_date').id]: '2027-03-01',
		[field('preferred_channel').id]: 'SMS',
		[field('interests').id]: ['Solar'],
	});
	expect(valuesOf(two)).toMatchObject({
		[field('favourite_colour').id]: 'Blue',
		[field('lifetime_value').id]: 1500.5,
		[field('renewal_date').id]: '2027-03-04',
	});
});

it('Update: values typed and picked in Map Each Column Manually land', async () => {
	const { editor } = world;
	await checkColumns(NODES.update);
	await type(editor, 'city', 'Leeds');
	await type(editor, column('employees'), '42');
	await pick(editor, column('favourite_colour'), 'Green');
	await type(editor, column('interests'), '["Solar", "Dental"]');
	await runAndWait('the typed values did not land on the contact', () => contacts().find((c) => c.id === targetId)?.city === 'Leeds');
	const updated = contacts().find((c) => c.id === targetId);
	expect(valuesOf(updated)).toMatchObject({
		[field('employees').id]: 42,
		[field('favourite_colour').id]: 'Green',
		[field('interests').id]: ['Solar', 'Dental'],
	});
});

it('Create or Update: matches on Email, typed values land (README screenshot)', async () => {
	const { editor } = world;
	const shown = await checkColumns(NODES.upsert);
	expect(shown[0]).toMatchObject({ id: 'email', label: expect.stringContaining('(using to match)') });
	await type(editor, 'email', 'typed@example.com');
	await type(editor, 'firstName', 'Typed');
	await type(editor, column('lifetime_value'), '99.5');
	await pick(editor, column('preferred_channel'), 'Email');
	await pick(editor, column('favourite_colour'), 'Blue');
	await screenshot(ndv(editor.page), 'panel-ghl-field-mapper', 'panel-ghl-field-mapper');
	await runAndWait('the typed contact is not in the sandbox', () => contacts().some((c) => c.email === 'typed@example.com'));
	const created = contacts().find((c) => c.email === 'typed@example.com');
	expect(created).toMatchObject({ firstName: 'Typed' });
	expect(valuesOf(created)).toMatchObject({
		[field('lifetime_value').id]: 99.5,
		[field('preferred_channel').id]: 'Email',
		[field('favourite_colour').id]: 'Blue',
	});
});
