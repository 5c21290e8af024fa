/**
 * fast-check arbitraries for an operation's parameters: for every field either a value it accepts, junk
 * of any shape (strings with URL syntax, numbers, null, nested objects and arrays, malformed JSON), or
 * nothing; collections and fixed-collection rows get the same per child.
 */
import fc from 'fast-check';
import type { IDataObject } from 'n8n-workflow';

import type { Field } from '../../../package/nodes/shared/types';
import type { Parameters } from '../../helpers/n8n-context';
import { baseline, type OperationRef } from './cases';
import { validValue } from './values';

const tricky = fc.constantFrom(
	'',
	' ',
	'{',
	'{"a":1}',
	'[]',
	'[{"x":',
	'not-a-date',
	'2030-02-30',
	'2030-06-01',
	'2030-06-01T12:30:00Z',
	'+14155550123',
	'0044 20 7946 0958',
	'a@b.co',
	'@@',
	'123456',
	'-1',
	'1e309',
	'NaN',
	'../../etc/passwd',
	'%2F%2E%2E',
	'a/b?c#d',
	'\u0000\u202e',
	'x'.repeat(5000),
	'__proto__',
	'constructor',
);

export const junk: fc.Arbitrary<unknown> = fc.oneof(
	tricky,
	fc.string(),
	fc.integer(),
	fc.double(),
	fc.boolean(),
	fc.constant(null),
	fc.array(fc.oneof(tricky, fc.integer(), fc.string()), { maxLength: 4 }),
	fc.anything({ maxDepth: 3 }),
);

function locator(field: Field): fc.Arbitrary<unknown> {
	const modes = (field.property.modes ?? []).map((m) => m.name);
	return fc.record({ __rl: fc.constant(true), mode: fc.constantFrom(...modes, 'nonsense'), value: fc.oneof(tricky, junk) });
}

function rows(field: Field): fc.Arbitrary<unknown> {
	const row = (field.property.options?.[0] ?? {}) as { name?: string; values?: Array<{ name: string }> };
	if (!row.name) return junk;
	const entry = fc.record(Object.fromEntries((row.values ?? []).map((v) => [v.name, junk])), { requiredKeys: [] });
	return fc.oneof(fc.record({ [row.name]: fc.array(entry, { maxLength: 3 }) }), junk);
}

function value(field: Field): fc.Arbitrary<unknown> {
	if (field.children) {
		const children = Object.fromEntries(field.children.map((c) => [c.property.name, value(c)]));
		return fc.oneof(fc.record(children, { requiredKeys: [] }), junk);
	}
	if (field.property.type === 'fixedCollection') return rows(field);
	const options: Array<fc.Arbitrary<unknown>> = [fc.constant(validValue(field)), junk, tricky];
	if (field.property.type === 'resourceLocator') options.push(locator(field));
	return fc.oneof(...options);
}

/** Parameters for one item: the filled-in baseline with any subset of fields replaced. */
export function parametersFor(ref: OperationRef): fc.Arbitrary<Parameters> {
	const base = baseline(ref);
	const fields = Object.fromEntries(ref.operation.fields.map((f) => [f.property.name, value(f)]));
	const requestOptions = fc.record(
		{ concurrency: fc.oneof(fc.integer({ min: -5, max: 200 }), junk), locationId: fc.oneof(tricky, junk) },
		{ requiredKeys: [] },
	);
	return fc
		.record({ ...fields, requestOptions }, { requiredKeys: [] })
		.map((changed) => ({ ...base, ...(changed as IDataObject), requestOptions: { ...(base.requestOptions as IDataObject), ...((changed as IDataObject).requestOptions as IDataObject) } }));
}

/** One to three items, each with its own parameters. */
export function arbitraryItems(ref: OperationRef): fc.Arbitrary<Parameters[]> {
	return fc.array(parametersFor(ref), { minLength: 1, maxLength: 3 });
}
