import { Ghl } from '../../../package/nodes/Ghl/Ghl.node';
import { columnsOf, definitionsOf } from '../../../package/nodes/GhlContacts/resources/contact/mapper';
import { LOC1, records, useGhl } from './setup';

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
});
