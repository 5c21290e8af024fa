/**
 * Editor behaviour that follows from the GHL node description: tag lists accept names the location
 * does not have yet (GHL creates them), so n8n's editor must not flag them as "not supported"; Get Many's
 * filter rows offer for each field the operators GHL allows on it.
 */
import { NodeHelpers, type INodeProperties } from 'n8n-workflow';

import { Ghl } from '../../../package/nodes/Ghl/Ghl.node';
import { filterFromRow } from '../../../package/nodes/GhlContacts/resources/contact/search';

const { properties } = new Ghl().description;

it.each(['add', 'remove', 'addToMany', 'removeFromMany'])('tag › %s: Tags allow values the location does not list yet', (operation) => {
	const tags = properties.filter((p) => p.name === 'tags' && (p.displayOptions?.show?.resource as string[] | undefined)?.includes('tag'));
	const field = tags.find((p) => (p.displayOptions?.show?.operation as string[] | undefined)?.includes(operation));
	expect(field?.type).toBe('multiOptions');
	expect(field?.allowArbitraryValues).toBe(true);
});

describe('Contact › Get Many filter rows', () => {
	const filters = properties.find((p) => p.name === 'filters' && (p.displayOptions?.show?.operation as string[]).includes('getAll'))!;
	const row = (filters.options as Array<{ values: INodeProperties[] }>)[0].values;
	const fieldOptions = (row.find((p) => p.name === 'field')!.options as Array<{ name: string; value: string }>);
	/** The operators n8n offers in a row for a field: those of the Operator field it displays. */
	function offered(field: string): string[] {
		const node = { typeVersion: 1 } as never;
		const shown = row.filter((p) => p.name === 'operator' && NodeHelpers.displayParameter({ field }, p, node, null));
		expect(shown).toHaveLength(1);
		return (shown[0].options as Array<{ value: string }>).map((o) => o.value);
	}

	it('offer per field only the operators GHL allows on it', () => {
		expect(offered('email')).toEqual(['eq', 'not_eq', 'exists', 'not_exists']);
		expect(offered('firstNameLowerCase')).toEqual(['eq', 'not_eq', 'contains', 'not_contains', 'exists', 'not_exists']);
		expect(offered('dateAdded')).toEqual(['exists', 'not_exists', 'range']);
		expect(offered('id')).toEqual(['eq', 'not_eq']);
		for (const { value } of fieldOptions) {
			for (const operator of ['eq', 'not_eq', 'contains', 'not_contains', 'exists', 'not_exists', 'range']) {
				const row = { field: value, operator, value: '2026-05-01', valueTo: '2026-05-02', customFieldId: 'abc' };
				let refused = '';
				try {
					filterFromRow(row);
				} catch (error) {
					refused = (error as Error).message;
				}
				// the run refuses exactly the operators the editor does not offer (other complaints are about the value)
				expect([value, operator, /cannot use the operator "[A-Z][a-z]/.test(refused)]).toEqual([value, operator, !offered(value).includes(operator)]);
			}
		}
	});

	it('name operators in words when one does not fit the field', () => {
		expect(() => filterFromRow({ field: 'email', operator: 'contains', value: 'x' })).toThrow(
			'cannot use the operator "Contains" with "Email" (GHL allows Equals, Not Equals, Exists, Does Not Exist)',
		);
	});

	it('pick a custom field from the list of the location\'s custom fields', () => {
		const custom = row.find((p) => p.name === 'customFieldId')!;
		expect(custom.displayName).toBe('Custom Field Name or ID');
		expect(custom.typeOptions?.loadOptionsMethod).toBe('getCustomFields');
	});
});
