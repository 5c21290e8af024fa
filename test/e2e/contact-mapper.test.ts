/**
 * The contact field mapper (GHL node version 2) in real n8n against the sandbox:
 * - Create with "Map Automatically": 200 form-like items whose keys name the columns by field name, field key
 *   (with or without `contact.`) or ID land with every custom field type stored as its type; three more items
 *   with an option that is not one of the field's options, a non-number and a bad date are refused each with
 *   the field and item named, and nothing is sent for them.
 * - Update and Create or Update with fields mapped by hand (expressions in "Map Each Column Manually").
 * - A workflow saved with version 1 (fields in Additional Fields, custom fields as rows) still runs.
 * - What version 1 could set and version 2 keeps: DND settings columns (checked before sending) and Create or
 *   Update › Options › Create New If Duplicates Allowed.
 */
import { nodeOutput, PACKAGE_NAME, type WorkflowJson } from '../../scripts/harness';
import { GHL_DEFAULTS } from '../../sandbox/ghl/defaults';
import { createSandbox, type Sandbox } from '../../sandbox/server';
import { getN8n } from './n8n';

jest.setTimeout(300_000);

const LOCATION = GHL_DEFAULTS.locationIds[0];
const GHL = `${PACKAGE_NAME}.ghl`;
const n8n = getN8n();
let sandbox: Sandbox;
let credentialName = '';

interface Definition {
	id: string;
	name: string;
	fieldKey: string;
	dataType: string;
}

let fields: Record<string, Definition> = {};

beforeAll(async () => {
	sandbox = await createSandbox({ faults: 'none' });
	const definitions = sandbox.admin.ghlRecords('customFields' as never, { locationId: LOCATION }) as Definition[];
	fields = Object.fromEntries(definitions.map((d) => [d.fieldKey.replace('contact.', ''), d]));
	const credential = await n8n.createCredential({
		name: `GHL PIT mapper ${Date.now()}`,
		type: 'ghlPrivateIntegrationApi',
		data: { accessToken: GHL_DEFAULTS.pit, locationId: LOCATION, baseUrl: sandbox.ghlBaseUrl },
	});
	credentialName = credential.name;
});

afterAll(async () => {
	await sandbox?.close();
});

function workflow(name: string, jsCode: string, ghl: { typeVersion: number; parameters: Record<string, unknown> }): WorkflowJson {
	return {
		name,
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			{ name: 'Form', type: 'n8n-nodes-base.code', typeVersion: 2, position: [200, 0], parameters: { jsCode } },
			{
				name: 'GHL',
				type: GHL,
				typeVersion: ghl.typeVersion,
				position: [400, 0],
				onError: 'continueRegularOutput',
				parameters: { authentication: 'privateIntegrationToken', ...ghl.parameters },
				credentials: { ghlPrivateIntegrationApi: { id: '', name: credentialName } },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Form', type: 'main', index: 0 }]] },
			Form: { main: [[{ node: 'GHL', type: 'main', index: 0 }]] },
		},
		settings: {},
	} as unknown as WorkflowJson;
}

/** Version 2 of the GHL node on a contact operation with its fields mapped by hand ("Map Each Column Manually"). */
function mappedByHand(operation: string, value: Record<string, unknown>, more: Record<string, unknown> = {}) {
	const matchingColumns = operation === 'upsert' ? ['email'] : [];
	return { typeVersion: 2, parameters: { resource: 'contact', operation, ...more, columns: { mappingMode: 'defineBelow', value, matchingColumns, schema: [] } } };
}

async function run(json: WorkflowJson) {
	const id = await n8n.importWorkflow(json);
	const execution = await n8n.runWorkflow(id, 240_000);
	const failure = execution.data?.resultData.error;
	if (!execution.data?.resultData.runData.GHL) throw new Error(`GHL did not run: ${JSON.stringify(failure ?? execution.status)}`);
	return nodeOutput(execution, 'GHL');
}

const contacts = () => sandbox.admin.ghlRecords('contacts', { locationId: LOCATION }) as Array<Record<string, unknown>>;
const byEmail = (email: string) => contacts().find((c) => c.email === email);
/** Contact creations the sandbox accepted (its log keeps method, path and status, never bodies; 429s are retried). */
const creations = () =>
	sandbox.admin.requests({ service: 'ghl' }).requests.filter((r) => r.method === 'POST' && r.status === 201 && /\/contacts\/?$/.test(r.path.split('?')[0]));

function formItems(): Array<Record<string, unknown>> {
	const items: Array<Record<string, unknown>> = [];
	for (let i = 0; i < 200; i++) {
		items.push({
			'First Name': `Form${i}`,
			'Last Name': 'Mapper',
			email: `mapper${i}@example.com`,
			Phone: `+1 (415) 555-${1000 + i}`,
			'Favourite colour': ['Red', 'green', 'Blue'][i % 3],
			'contact.background': `Line one\nLine two ${i}`,
			referral_code: `REF-${i}`,
			Employees: String(10 + i),
			lifetime_value: 1000 + i / 2,
			Interests: ['Solar', 'Heating'],
			newsletter_topics: 'News, Offers',
			'Renewal date': `2027-0${1 + (i % 9)}-15`,
			'Preferred channel': 'SMS',
			office_phone: `+44 (0)20 7946 0${String(100 + i).slice(-3)}`,
			past_addresses: ['1 Old Street', '2 New Road'],
			contract_file: { [`https://files.example.com/c${i}.pdf`]: { meta: { name: `c${i}.pdf` } } },
			submittedAt: '2026-12-04T10:00:00Z',
		});
	}
	items.push({ email: 'bad-option@example.com', 'Favourite colour': 'Purple' });
	items.push({ email: 'bad-number@example.com', Employees: 'a dozen' });
	items.push({ email: 'bad-date@example.com', renewal_date: '2027-02-30' });
	return items;
}

const FORM = `return ${JSON.stringify(formItems().map((json) => ({ json })))};`;

it('Create › Map Automatically: 200 form items land with every custom field type; bad values refused per item', async () => {
	sandbox.admin.clearRequests();
	const output = await run(
		workflow('Mapper auto create', FORM, {
			typeVersion: 2,
			parameters: {
				resource: 'contact',
				operation: 'create',
				columns: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
			},
		}),
	);
	expect(output).toHaveLength(203);
	const ok = output.slice(0, 200);
	expect(ok.filter((o) => typeof o.id !== 'string').slice(0, 2)).toEqual([]);
	expect(ok.every((o) => typeof o.id === 'string' && o.duplicate === false)).toBe(true);

	for (const i of [0, 1, 2, 137, 199]) {
		const contact = byEmail(`mapper${i}@example.com`) as Record<string, unknown>;
		expect(contact).toMatchObject({ firstName: `Form${i}`, lastName: 'Mapper', phone: `+1415555${1000 + i}` });
		const values = contact.customFields as Record<string, unknown>;
		expect(values[fields.favourite_colour.id]).toBe(['Red', 'Green', 'Blue'][i % 3]);
		expect(values[fields.background.id]).toBe(`Line one\nLine two ${i}`);
		expect(values[fields.referral_code.id]).toBe(`REF-${i}`);
		expect(values[fields.employees.id]).toBe(10 + i);
		expect(values[fields.lifetime_value.id]).toBe(1000 + i / 2);
		expect(values[fields.interests.id]).toEqual(['Solar', 'Heating']);
		expect(values[fields.newsletter_topics.id]).toEqual(['News', 'Offers']);
		expect(values[fields.renewal_date.id]).toBe(`2027-0${1 + (i % 9)}-15`);
		expect(values[fields.preferred_channel.id]).toBe('SMS');
		expect(values[fields.office_phone.id]).toBe(`+44207946${String(100 + i).slice(-3).padStart(4, '0')}`);
		expect(values[fields.past_addresses.id]).toEqual(['1 Old Street', '2 New Road']);
		expect(values[fields.contract_file.id]).toEqual({ [`https://files.example.com/c${i}.pdf`]: { meta: { name: `c${i}.pdf` } } });
	}
	expect(contacts().filter((c) => String(c.email).startsWith('mapper'))).toHaveLength(200);

	const [option, number, date] = output.slice(200);
	expect(String(option.error)).toMatch(/"Fields › Favourite colour" must be one of "Red", "Green", "Blue", got "Purple" \[item 200\]/);
	expect(String(number.error)).toMatch(/"Fields › Employees" must be a number, got "a dozen" \[item 201\]/);
	expect(String(date.error)).toMatch(/"Fields › Renewal date" .*\[item 202\]/);
	// nothing was sent for the three refused items: exactly one creation per good item
	expect(creations()).toHaveLength(200);
	for (const email of ['bad-option@example.com', 'bad-number@example.com', 'bad-date@example.com']) expect(byEmail(email)).toBeUndefined();
});

it('Update and Create or Update › fields mapped by hand land in the sandbox', async () => {
	const target = byEmail('mapper5@example.com') as Record<string, unknown>;
	const update = await run(
		workflow(
			'Mapper manual update',
			`return [{ json: { id: ${JSON.stringify(target.id)}, size: '250' } }];`,
			mappedByHand(
				'update',
				{ city: 'Leeds', [`customField:${fields.employees.id}`]: '={{ $json.size }}', [`customField:${fields.favourite_colour.id}`]: 'Blue' },
				{ contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			),
		),
	);
	expect(update[0].error).toBeUndefined();
	const updated = byEmail('mapper5@example.com') as Record<string, unknown>;
	expect(updated.city).toBe('Leeds');
	expect((updated.customFields as Record<string, unknown>)[fields.employees.id]).toBe(250);
	expect((updated.customFields as Record<string, unknown>)[fields.favourite_colour.id]).toBe('Blue');

	const upsert = await run(
		workflow(
			'Mapper manual upsert',
			`return [{ json: { mail: 'mapper6@example.com' } }, { json: { mail: '' } }];`,
			mappedByHand('upsert', { email: '={{ $json.mail }}', [`customField:${fields.preferred_channel.id}`]: 'Email' }),
		),
	);
	expect(upsert[0]).toMatchObject({ upsert: { action: 'updated' } });
	expect(((byEmail('mapper6@example.com') as Record<string, unknown>).customFields as Record<string, unknown>)[fields.preferred_channel.id]).toBe('Email');
	expect(String(upsert[1].error)).toMatch(/"Fields › Email" needs a value.*\[item 1\]/);
});

it('a workflow saved with version 1 (Additional Fields, custom field rows) still runs', async () => {
	const output = await run(
		workflow('Mapper v1 create', `return [{ json: { email: 'version-one@example.com' } }];`, {
			typeVersion: 1,
			parameters: {
				resource: 'contact',
				operation: 'create',
				email: '={{ $json.email }}',
				additionalFields: {
					firstName: 'Old',
					customFields: { field: [{ fieldId: fields.referral_code.id, value: 'V1' }] },
				},
			},
		}),
	);
	expect(output[0].error).toBeUndefined();
	const contact = byEmail('version-one@example.com') as Record<string, unknown>;
	expect(contact.firstName).toBe('Old');
	expect((contact.customFields as Record<string, unknown>)[fields.referral_code.id]).toBe('V1');
});

it('version 2 keeps what version 1 could set: DND settings columns, Create or Update › Options › Create New If Duplicates Allowed', async () => {
	const existing = byEmail('mapper7@example.com') as Record<string, unknown>;
	sandbox.admin.updateConfig({ ghl: { locations: { [LOCATION]: { allowDuplicateContact: true } } } });
	try {
		const output = await run(
			workflow(
				'Mapper v2 parity',
				`return [{ json: { mail: 'mapper7@example.com', sms: 'active' } }, { json: { mail: 'mapper8@example.com', sms: 'loud' } }];`,
				mappedByHand(
					'upsert',
					{
						email: '={{ $json.mail }}',
						// text, as a user types it into the editor's input for an object column
						dndSettings: '={{ JSON.stringify({ SMS: { status: $json.sms, message: "Form opt-out" } }) }}',
						inboundDndSettings: '{"all": {"status": "inactive"}}',
					},
					{ options: { createNewIfDuplicateAllowed: true } },
				),
			),
		);
		expect(output[0]).toMatchObject({ upsert: { action: 'created' } });
		expect(output[0].id).not.toBe(existing.id);
		const twins = contacts().filter((c) => c.email === 'mapper7@example.com');
		expect(twins).toHaveLength(2);
		expect(twins.find((c) => c.id === output[0].id)).toMatchObject({
			dndSettings: { SMS: { status: 'active', message: 'Form opt-out' } },
			inboundDndSettings: { all: { status: 'inactive' } },
		});
		expect(String(output[1].error)).toMatch(/"Fields › DND Settings \(JSON\)" needs a status of "active", "inactive", "permanent" for SMS, got .*loud.* \[item 1\]/);
		expect(contacts().filter((c) => c.email === 'mapper8@example.com')).toHaveLength(1);
	} finally {
		sandbox.admin.updateConfig({ ghl: { locations: { [LOCATION]: { allowDuplicateContact: false } } } });
	}
});
