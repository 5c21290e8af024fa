/**
 * Tookan task custom fields (node version 2) in real n8n against the sandbox, on the e2e project's shared n8n:
 * - n8n's REST, called as the editor calls it, lists the templates recent tasks use and gives the mapper the
 *   template's fields as columns (types, required, dropdown options), or says why it cannot.
 * - A workflow creating tasks with Map Automatically lands the values in the sandbox; bad values are refused per
 *   item with the field named, and nothing is sent for those items.
 * - Fields mapped by hand against the columns the editor saved with the node.
 * - A workflow saved with version 1 (template by name, label/value rows) still runs.
 */
import { randomUUID } from 'node:crypto';

import { nodeOutput, PACKAGE_NAME, type WorkflowJson } from '../../scripts/harness';
import { createSandbox, type Sandbox } from '../../sandbox/server';
import type { TookanModule } from '../../sandbox/tookan/index';
import { getN8n } from './n8n';

jest.setTimeout(300_000);

const TOOKAN = `${PACKAGE_NAME}.tookan`;
const n8n = getN8n();
const DAY = 86_400_000;
let sandbox: Sandbox;
let tookan: TookanModule;
let credential: { id: string; name: string };

const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 19).replace('T', ' ');
const locator = (value: string) => ({ __rl: true, mode: 'list', value });

/** A task as get_job_details shows it (the sandbox's snapshot). */
type Task = Record<string, unknown> & { custom_field: Array<{ label: string; data: string; template_id: string }> };
const tasks = () => (tookan.snapshot() as { tasks: Task[] }).tasks;
const byOrder = (orderId: string) => tasks().find((t) => t.order_id === orderId);
const templateOf = (task: Task | undefined) => task?.custom_field[0]?.template_id;
/** The fields given a value. */
const valuesOf = (task: Task | undefined) => Object.fromEntries((task?.custom_field ?? []).filter((f) => f.data !== '').map((f) => [f.label, f.data]));
const creates = () => sandbox.admin.requests({ service: 'tookan' }).requests.filter((r) => r.path.endsWith('/create_task'));

beforeAll(async () => {
	sandbox = await createSandbox({ faults: 'none' });
	tookan = sandbox.tookan as unknown as TookanModule;
	const config = tookan.config();
	credential = await n8n.createCredential({
		name: `Tookan custom fields ${randomUUID()}`,
		type: 'tookanApi',
		data: { apiKey: config.apiKey, baseUrl: sandbox.tookanBaseUrl, userId: String(config.userId), sharedSecret: '' },
	});
	// one task in Tookan already uses the template (made in Tookan's dashboard, say): the node learns from it
	const answer = await fetch(`${sandbox.tookanBaseUrl}/create_task`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({
			api_key: config.apiKey,
			timezone: 0,
			layout_type: 0,
			has_pickup: 0,
			has_delivery: 1,
			customer_address: 'Seed Street 1',
			job_delivery_datetime: inDays(1),
			custom_field_template: 'Delivery_Details',
			meta_data: [{ label: 'Order_Value', data: '1' }],
		}),
	});
	expect(((await answer.json()) as { status: number }).status).toBe(200);
});

afterAll(async () => await sandbox?.close());

/** What n8n's editor sends for the node's look-ups. */
const lookup = (path: string, methodName: string, currentNodeParameters: Record<string, unknown>) => ({
	nodeTypeAndVersion: { name: TOOKAN, version: 2 },
	path,
	methodName,
	currentNodeParameters: { resource: 'task', operation: 'create', taskType: 'delivery', ...currentNodeParameters },
	credentials: { tookanApi: { id: credential.id, name: credential.name } },
});

interface Column {
	id: string;
	displayName: string;
	type: string;
	required: boolean;
	options?: Array<{ name: string; value: string }>;
}

async function templateColumns(template: string): Promise<{ fields: Column[]; emptyFieldsNotice?: string }> {
	return await n8n.rest('POST', '/dynamic-node-parameters/resource-mapper-fields', lookup('parameters.customFields', 'getTemplateColumns', { customFieldTemplate: locator(template) }));
}

function workflow(name: string, jsCode: string, node: { typeVersion: number; parameters: Record<string, unknown> }): WorkflowJson {
	return {
		name,
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ name: 'Orders', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode } },
			{
				name: 'Tookan',
				type: TOOKAN,
				typeVersion: node.typeVersion,
				position: [400, 0],
				onError: 'continueRegularOutput',
				parameters: node.parameters,
				credentials: { tookanApi: { id: credential.id, name: credential.name } },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Orders', type: 'main', index: 0 }]] },
			Orders: { main: [[{ node: 'Tookan', type: 'main', index: 0 }]] },
		},
		settings: {},
	} as unknown as WorkflowJson;
}

async function run(json: WorkflowJson) {
	const id = await n8n.importWorkflow(json);
	const execution = await n8n.runWorkflow(id, 240_000);
	if (!execution.data?.resultData.runData.Tookan) throw new Error(`Tookan did not run: ${JSON.stringify(execution.data?.resultData.error ?? execution.status)}`);
	return nodeOutput(execution, 'Tookan');
}

const createTask = (extra: Record<string, unknown>) => ({
	resource: 'task',
	operation: 'create',
	taskType: 'delivery',
	customer_address: '={{ $json.address }}',
	deliveryTime: `={{ $now.plus({ days: 2 }).toISO() }}`,
	customFieldTemplate: locator('Delivery_Details'),
	additionalFields: { order_id: '={{ $json.order }}' },
	...extra,
});

it("n8n's REST gives the editor the templates recent tasks use and the template's fields as mapper columns", async () => {
	const list = await n8n.rest<{ results: Array<{ name: string; value: string }> }>(
		'POST',
		'/dynamic-node-parameters/resource-locator-results',
		lookup('parameters.customFieldTemplate', 'searchTemplates', {}),
	);
	expect(list.results).toEqual(expect.arrayContaining([{ name: 'Delivery_Details (7 fields)', value: 'Delivery_Details' }]));

	const { fields } = await templateColumns('Delivery_Details');
	expect(fields.map((c) => [c.id, c.type, c.required])).toEqual([
		['Order_Value', 'number', true],
		['Gift_Note', 'string', false],
		['Delivery_Slot', 'options', false],
		['Fragile', 'boolean', false],
		['Deliver_On', 'dateTime', false],
		['Receiver_Email', 'string', false],
		['Proof_Photo', 'string', false],
	]);
	expect(fields[0].displayName).toBe('Order Value (Order_Value)');
	expect(fields[2].options?.map((o) => o.value)).toEqual(['Morning', 'Afternoon', 'Evening']);

	// Pickup_Checks is defined in Tookan but no task uses it: the node cannot learn it, and says so
	const unknown = await templateColumns('Pickup_Checks');
	expect(unknown.fields).toEqual([]);
	expect(unknown.emptyFieldsNotice).toMatch(/No task dated in the last 30 or next 30 days uses the template "Pickup_Checks".*Custom Fields by Label/);
});

it('Map Automatically: the values land in the sandbox; bad values are refused per item with the field named, nothing sent for them', async () => {
	const good = Array.from({ length: 20 }, (_, i) => ({
		order: `CF-${i}`,
		address: `${i} Mapper Lane`,
		'Order Value': String(10 + i / 4),
		delivery_slot: ['morning', 'Afternoon', 'EVENING'][i % 3],
		Fragile: i % 2 === 0 ? 'yes' : false,
		'Gift Note': `Note ${i}`,
		Deliver_On: '2026-12-24',
		ignored_key: 'not a field',
	}));
	const bad = [
		{ order: 'CF-bad-number', address: 'X', order_value: 'ten' },
		{ order: 'CF-bad-option', address: 'X', 'Delivery Slot': 'Midnight' },
		{ order: 'CF-bad-date', address: 'X', deliver_on: '2026-02-30' },
	];
	sandbox.admin.clearRequests();
	const output = await run(
		workflow('Tookan custom fields auto', `return ${JSON.stringify([...good, ...bad].map((json) => ({ json })))};`, {
			typeVersion: 2,
			parameters: createTask({ customFields: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] } }),
		}),
	);
	expect(output).toHaveLength(23);
	expect(output.slice(0, 20).every((o) => typeof o.job_id === 'number')).toBe(true);
	for (const i of [0, 1, 2, 19]) {
		const task = byOrder(`CF-${i}`);
		expect(templateOf(task)).toBe('Delivery_Details');
		expect(valuesOf(task)).toEqual({
			Order_Value: String(10 + i / 4),
			Delivery_Slot: ['Morning', 'Afternoon', 'Evening'][i % 3],
			Fragile: i % 2 === 0 ? 'true' : 'false',
			Gift_Note: `Note ${i}`,
			Deliver_On: '2026-12-24',
		});
	}
	const [number, option, date] = output.slice(20).map((o) => String(o.error));
	expect(number).toBe('"Custom Fields › Order Value" must be a number, got "ten" [item 20]');
	expect(option).toBe('"Custom Fields › Delivery Slot" must be one of "Morning", "Afternoon", "Evening", got "Midnight" [item 21]');
	expect(date).toMatch(/^"Custom Fields › Deliver On" must be a date .*"2026-02-30" \[item 22\]$/);
	expect(creates()).toHaveLength(20);
	for (const { order } of bad) expect(byOrder(order)).toBeUndefined();
});

it('fields mapped by hand against the columns the editor saved with the node; values by label for a field it cannot learn', async () => {
	const { fields } = await templateColumns('Delivery_Details');
	const output = await run(
		workflow('Tookan custom fields manual', `return [{ json: { order: 'CF-manual', address: '1 Hand Road', total: 42 } }];`, {
			typeVersion: 2,
			parameters: createTask({
				customFields: { mappingMode: 'defineBelow', value: { Order_Value: '={{ $json.total }}', Delivery_Slot: 'Morning' }, matchingColumns: [], schema: fields },
				customerDetails: { customFieldsByLabel: { field: [{ label: 'Floor_Code', data: '7B' }] } },
			}),
		}),
	);
	expect(output[0].error).toBeUndefined();
	// Floor_Code is not a field of the template: sent as given, and Tookan (the sandbox) keeps only the template's labels
	expect(valuesOf(byOrder('CF-manual'))).toEqual({ Order_Value: '42', Delivery_Slot: 'Morning' });
});

it('a workflow saved with version 1 (template by name, label/value rows) still runs', async () => {
	const output = await run(
		workflow('Tookan custom fields v1', `return [{ json: { order: 'CF-v1', address: '1 Old Road' } }];`, {
			typeVersion: 1,
			parameters: {
				resource: 'task',
				operation: 'create',
				taskType: 'delivery',
				customer_address: '={{ $json.address }}',
				deliveryTime: `={{ $now.plus({ days: 2 }).toISO() }}`,
				customerDetails: {
					custom_field_template: 'Delivery_Details',
					meta_data: { field: [{ label: 'Gift_Note', data: 'From version 1' }, { label: 'Order_Value', data: '5' }] },
				},
				additionalFields: { order_id: '={{ $json.order }}' },
			},
		}),
	);
	expect(output[0].error).toBeUndefined();
	expect(templateOf(byOrder('CF-v1'))).toBe('Delivery_Details');
	expect(valuesOf(byOrder('CF-v1'))).toEqual({ Gift_Note: 'From version 1', Order_Value: '5' });
});
