import { Ghl } from '../../../package/nodes/Ghl/Ghl.node';
import { columnsOf, definitionsOf } from '../../../package/nodes/GhlContacts/resources/contact/mapper';
import { LOC1, records, rl, useGhl } from './setup';

const env = useGhl();
const definitions = () => records(env.sandbox, 'customFields', { locationId: LOC1 });
const column = (key: string) => `customField:${String(definitions().find((f) => f.fieldKey === `contact.${key}`)!.id)}`;

describe('the contact field mapper (version 2)', () => {
	it('columns: standard fields, then every custom field typed by its data type, options with their values', () => {
		const answer = { customFields: definitions() } as never;
		const columns = columnsOf('add', definitionsOf(answer));
		const typeOf = (name: string) => columns.find((c) => c.displayName.startsWith(name))?.type;
		expect(columns[0]).toMatchObject({ id: 'email', type: 'string' });
		expect(typeOf('Favourite colour')).toBe('options');
		expect(columns.find((c) => c.displayName === 'Favourite colour')?.options).toEqual([
			{ name: 'Red', value: 'Red' },
			{ name: 'Green', value: 'Green' },
			{ name: 'Blue', value: 'Blue' },
		]);
		expect([typeOf('Employees'), typeOf('Lifetime value'), typeOf('Renewal date'), typeOf('Interests'), typeOf('Preferred channel')]).toEqual([
			'number',
			'number',
			'dateTime',
			'array',
			'options',
		]);
		expect(columnsOf('upsert', definitionsOf(answer)).filter((c) => c.canBeUsedToMatch).map((c) => c.id)).toEqual(['email', 'phone']);
		expect(columnsOf('update', definitionsOf(answer)).some((c) => c.id === 'companyName')).toBe(false);
	});

	it('a value outside the options is refused before sending', async () => {
		const colour = column('favourite_colour');
		const { output, requests } = await env.run(
			{
				resource: 'contact',
				operation: 'create',
				duplicateHandling: 'create',
				columns: { mappingMode: 'defineBelow', value: { email: 'x@example.com', [colour]: 'Purple' }, matchingColumns: [], schema: [] },
				simplify: false,
			},
			{ continueOnFail: true, typeVersion: 2 },
		);
		expect(output[0].json.error).toBe('"Fields › Favourite colour" must be one of "Red", "Green", "Blue", got "Purple" [item 0]');
		expect(requests.filter((r) => r.method === 'POST')).toHaveLength(0);
		expect(new Ghl().description.version).toEqual([1, 2]);
	});

	it('version 2 keeps what version 1 could set: DND settings as columns of every mapped operation', async () => {
		for (const mode of ['add', 'update', 'upsert'] as const) {
			const dnd = columnsOf(mode, []).filter((c) => c.id.toLowerCase().includes('dnd'));
			expect(dnd.map((c) => [c.id, c.type])).toEqual([
				['dnd', 'boolean'],
				['dndSettings', 'object'],
				['inboundDndSettings', 'object'],
			]);
		}
		const { output } = await env.run(
			{
				resource: 'contact',
				operation: 'create',
				columns: {
					mappingMode: 'defineBelow',
					value: {
						email: 'dnd@example.com',
						// GHL's own shape, a channel in another case, and a bare status
						dndSettings: { SMS: { status: 'active', message: 'Asked by SMS' }, email: { status: 'Inactive' }, Call: 'permanent' },
						inboundDndSettings: '{"all": {"status": "active", "message": "Opted out"}}',
					},
					matchingColumns: [],
					schema: [],
				},
			},
			{ typeVersion: 2 },
		);
		expect(output[0].json.error).toBeUndefined();
		const stored = records(env.sandbox, 'contacts', { locationId: LOC1 }).find((c) => c.email === 'dnd@example.com')!;
		expect(stored.dndSettings).toEqual({
			SMS: { status: 'active', message: 'Asked by SMS' },
			Email: { status: 'inactive' },
			Call: { status: 'permanent' },
		});
		expect(stored.inboundDndSettings).toEqual({ all: { status: 'active', message: 'Opted out' } });
	});

	it('DND settings GHL would refuse are refused per item, field named, before sending', async () => {
		const bad = [{ Fax: { status: 'active' } }, { SMS: { status: 'on' } }, '{"SMS":'];
		const { output, requests } = await env.run(
			(i) => ({
				resource: 'contact',
				operation: 'update',
				contactId: rl('some-contact'),
				columns: { mappingMode: 'defineBelow', value: { dndSettings: bad[i] }, matchingColumns: [], schema: [] },
			}),
			{ items: 3, continueOnFail: true, typeVersion: 2 },
		);
		expect(output.map((o) => o.json.error)).toEqual([
			'"Fields › DND Settings (JSON)" has an unknown channel "Fax": use "Call", "Email", "SMS", "WhatsApp", "GMB", "FB" [item 0]',
			'"Fields › DND Settings (JSON)" needs a status of "active", "inactive", "permanent" for SMS, got "{"status":"on"}" [item 1]',
			'"Fields › DND Settings (JSON)" is not valid JSON: "{"SMS":" [item 2]',
		]);
		expect(requests.filter((r) => r.method === 'PUT')).toHaveLength(0);
	});

	it('Create or Update › Options › Create New If Duplicates Allowed: a new contact where the location allows duplicates', async () => {
		const upsert = (createNew: boolean) =>
			env.run(
				{
					resource: 'contact',
					operation: 'upsert',
					columns: { mappingMode: 'defineBelow', value: { email: 'twin@example.com', firstName: 'Twin' }, matchingColumns: ['email'], schema: [] },
					options: createNew ? { createNewIfDuplicateAllowed: true } : {},
				},
				{ typeVersion: 2 },
			);
		const twins = () => records(env.sandbox, 'contacts', { locationId: LOC1 }).filter((c) => c.email === 'twin@example.com');
		env.sandbox.admin.updateConfig({ ghl: { locations: { [LOC1]: { allowDuplicateContact: true } } } });
		expect((await upsert(false)).output[0].json.upsert).toMatchObject({ action: 'created' });
		expect((await upsert(false)).output[0].json.upsert).toMatchObject({ action: 'updated' });
		expect(twins()).toHaveLength(1);
		expect((await upsert(true)).output[0].json.upsert).toMatchObject({ action: 'created' });
		expect(twins()).toHaveLength(2);
	});

	it('the option sits in version 2\'s Options (Create or Update only); version 1 keeps it in Additional Fields', () => {
		const properties = new Ghl().description.properties;
		const shownFor = (name: string, version: number) =>
			properties.filter(
				(p) =>
					p.name === name &&
					(p.displayOptions?.show?.resource as string[] | undefined)?.includes('contact') &&
					(p.displayOptions?.show?.['@version'] as number[] | undefined)?.includes(version),
			);
		const options = shownFor('options', 2);
		expect(options.map((p) => p.displayOptions?.show?.operation)).toEqual([['upsert']]);
		expect((options[0].options as Array<{ name: string }>).map((o) => o.name)).toEqual(['createNewIfDuplicateAllowed']);
		expect(shownFor('options', 1)).toEqual([]);
		const v1 = shownFor('additionalFields', 1).find((p) => (p.displayOptions?.show?.operation as string[]).includes('upsert'))!;
		expect((v1.options as Array<{ name: string }>).map((o) => o.name)).toContain('createNewIfDuplicateAllowed');
	});
});
