/**
 * Small constructors for operation fields: an n8n parameter plus where its value goes and how it is checked.
 * They keep operation tables short and make every field of a kind look and behave the same.
 */
import type { IDataObject, INodeProperties, INodePropertyOptions, NodeParameterValueType } from 'n8n-workflow';

import * as parse from './parse';
import type { Field, ParseContext, Parser, Place } from './types';

export interface FieldOptions {
	in?: Place;
	key?: string;
	required?: boolean;
	description?: string;
	placeholder?: string;
	hint?: string;
	default?: NodeParameterValueType;
	parse?: Parser;
	/** Extra displayOptions.show conditions (the engine adds resource and operation). */
	show?: IDataObject;
	typeOptions?: INodeProperties['typeOptions'];
	noDataExpression?: boolean;
}

export const LOAD_OPTIONS_DESCRIPTION =
	'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>';

function make(
	name: string,
	displayName: string,
	type: INodeProperties['type'],
	fallback: NodeParameterValueType,
	defaultParser: Parser,
	o: FieldOptions,
	extra: Partial<INodeProperties> = {},
): Field {
	const property: INodeProperties = {
		displayName,
		name,
		type,
		default: o.default ?? fallback,
		...extra,
	};
	if (o.required) property.required = true;
	if (o.description) property.description = o.description;
	if (o.placeholder) property.placeholder = o.placeholder;
	if (o.hint) property.hint = o.hint;
	if (o.typeOptions) property.typeOptions = { ...(property.typeOptions ?? {}), ...o.typeOptions };
	if (o.noDataExpression) property.noDataExpression = true;
	if (o.show) property.displayOptions = { show: o.show as never };
	const field: Field = { property, parse: o.parse ?? defaultParser };
	if (o.in) field.send = { in: o.in, key: o.key };
	return field;
}

export const string = (name: string, displayName: string, o: FieldOptions = {}) =>
	make(name, displayName, 'string', '', parse.text, o);

export const text = (name: string, displayName: string, o: FieldOptions = {}) =>
	make(name, displayName, 'string', '', parse.text, o, { typeOptions: { rows: 4 } });

export const id = (name: string, displayName: string, o: FieldOptions = {}) =>
	make(name, displayName, 'string', '', parse.id, o);

export const email = (name: string, displayName: string, o: FieldOptions = {}) =>
	make(name, displayName, 'string', '', parse.email, { placeholder: 'e.g. name@example.com', ...o }, {
		placeholder: 'e.g. name@example.com',
	});

export const phone = (name: string, displayName: string, o: FieldOptions = {}) =>
	make(name, displayName, 'string', '', parse.phone, {
		placeholder: 'e.g. +14155550123',
		description:
			'With the country code, e.g. +44 (0)161 496 0123 or 0044 161 496 0123; sent as E.164 (+441614960123). An extension (ext. 12) is not sent: it appears in the output under phoneExtensions.',
		...o,
	});

export const number = (
	name: string,
	displayName: string,
	o: FieldOptions & { min?: number; max?: number; integer?: boolean } = {},
) =>
	make(name, displayName, 'number', 0, parse.number(o), o, {
		typeOptions: {
			...(o.min !== undefined ? { minValue: o.min } : {}),
			...(o.max !== undefined ? { maxValue: o.max } : {}),
			...(o.integer ? { numberPrecision: 0 } : {}),
		},
	});

export const boolean = (name: string, displayName: string, o: FieldOptions = {}) =>
	make(name, displayName, 'boolean', false, parse.boolean, o);

/** A date and time; without an offset (the date picker's value) it is read in the workflow's time zone. */
export const dateTime = (name: string, displayName: string, o: FieldOptions = {}) =>
	make(name, displayName, 'dateTime', '', parse.dateTime, {
		description: "Without an offset (as the date picker gives it) read in the workflow's time zone (workflow settings › Timezone)",
		...o,
	});

/** A calendar date: n8n's date picker without the time (YYYY-MM-DD). */
export const date = (name: string, displayName: string, o: FieldOptions = {}) =>
	make(name, displayName, 'dateTime', '', parse.date, { ...o, typeOptions: { dateOnly: true, ...(o.typeOptions ?? {}) } });

export const json = (name: string, displayName: string, shape: 'object' | 'array', o: FieldOptions = {}) =>
	make(name, displayName, 'json', shape === 'array' ? '[]' : '{}', parse.json(shape), o);

/** Comma-separated text (or an array from an expression) sent as a list. */
export const list = (name: string, displayName: string, o: FieldOptions & { each?: Parser } = {}) =>
	make(name, displayName, 'string', '', parse.list(o.each), {
		description: 'Comma-separated list',
		...o,
	});

function sortOptions(values: INodePropertyOptions[]): INodePropertyOptions[] {
	return [...values].sort((a, b) => a.name.localeCompare(b.name));
}

export const options = (
	name: string,
	displayName: string,
	values: INodePropertyOptions[],
	o: FieldOptions & { sort?: boolean } = {},
) =>
	make(
		name,
		displayName,
		'options',
		values[0]?.value ?? '',
		parse.oneOf(values.map((v) => v.value)),
		o,
		{ options: o.sort === false ? values : sortOptions(values) },
	);

export const multiOptions = (name: string, displayName: string, values: INodePropertyOptions[], o: FieldOptions = {}) =>
	make(name, displayName, 'multiOptions', [], parse.list(parse.oneOf(values.map((v) => v.value))), o, {
		options: sortOptions(values),
	});

/** A dropdown filled by a `loadOptions` method; values stay free-form so expressions keep working. */
export const dynamic = (
	name: string,
	displayName: string,
	method: string,
	o: FieldOptions & {
		multiple?: boolean;
		dependsOn?: string[];
		each?: Parser;
		/** Values the list does not hold are fine (e.g. new tag names from an expression): no editor issue. */
		arbitrary?: boolean;
	} = {},
) =>
	make(
		name,
		`${displayName} ${o.multiple ? 'Names or IDs' : 'Name or ID'}`,
		o.multiple ? 'multiOptions' : 'options',
		o.multiple ? [] : '',
		o.multiple ? parse.list(o.each ?? parse.id) : o.each ?? parse.id,
		{ description: LOAD_OPTIONS_DESCRIPTION, ...o },
		{
			typeOptions: {
				loadOptionsMethod: method,
				...(o.dependsOn ? { loadOptionsDependsOn: o.dependsOn } : {}),
			},
			...(o.arbitrary ? { allowArbitraryValues: true } : {}),
		},
	);

export interface LocatorOptions extends FieldOptions {
	/** listSearch method for "From List" mode. */
	search?: string;
	/** Regex whose first group is the ID inside an app URL (adds a "By URL" mode). */
	urlPattern?: string;
	urlPlaceholder?: string;
	idPlaceholder?: string;
	/** Placeholder of a "By Name" mode (any text) that replaces "By ID". */
	namePlaceholder?: string;
}

/** A resource locator: From List (searchable), By URL (optional) and By ID. */
/** A resource locator: From List (searchable), By URL (optional) and By ID. */
export function locator(name: string, displayName: string, o: LocatorOptions = {}): Field {
	const holder: Pick<INodeProperties, 'modes'> = {
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: o.search ?? '', searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: o.urlPlaceholder ?? 'e.g. https://app.example.com/...',
				validation: [
					{
						type: 'regex',
						properties: { regex: o.urlPattern ?? '', errorMessage: `Not a valid ${displayName} URL` },
					},
				],
				extractValue: { type: 'regex', regex: o.urlPattern ?? '' },
			},
			{
				displayName: 'By Name',
				name: 'name',
				type: 'string',
				placeholder: o.namePlaceholder ?? '',
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: o.idPlaceholder ?? 'e.g. pGcb8MXEa3Pk2Kv1pJ4w',
				validation: [
					{ type: 'regex', properties: { regex: '^[^\\s/?#]+$', errorMessage: `Not a valid ${displayName} ID` } },
				],
			},
		],
	};
	const modes = (holder.modes ?? []).filter(
		(m) =>
			(m.name !== 'list' || o.search) &&
			(m.name !== 'url' || o.urlPattern) &&
			(m.name !== 'name' || o.namePlaceholder !== undefined) &&
			(m.name !== 'id' || o.namePlaceholder === undefined),
	);
	return make(name, displayName, 'resourceLocator', { mode: modes[0].name, value: '' }, parse.id, o, { modes });
}

/** An optional-fields collection ("Additional Fields", "Update Fields", "Options"). */
export function collection(
	name: string,
	displayName: string,
	children: Field[],
	o: { placeholder?: string; show?: IDataObject; description?: string } = {},
): Field {
	const property: INodeProperties = {
		displayName,
		name,
		type: 'collection',
		placeholder: o.placeholder ?? 'Add Field',
		default: {},
		options: [...children.map((c) => c.property)].sort((a, b) =>
			(a as INodeProperties).displayName.localeCompare((b as INodeProperties).displayName),
		),
	};
	if (o.description) property.description = o.description;
	if (o.show) property.displayOptions = { show: o.show as never };
	return { property, children };
}

/**
 * A list of key/value style rows (n8n fixedCollection with multipleValues). `toValue` turns the rows into
 * what the API wants; the children parse each row's values.
 */
export function rows(
	name: string,
	displayName: string,
	rowName: string,
	rowDisplayName: string,
	children: Field[],
	toValue: (rows: IDataObject[], context?: ParseContext) => unknown,
	o: FieldOptions = {},
): Field {
	const property: INodeProperties = {
		displayName,
		name,
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: o.placeholder ?? `Add ${rowDisplayName}`,
		default: {},
		options: [{ displayName: rowDisplayName, name: rowName, values: children.map((c) => c.property) }],
	};
	if (o.description) property.description = o.description;
	if (o.show) property.displayOptions = { show: o.show as never };
	const isObject = (v: unknown): v is IDataObject => typeof v === 'object' && v !== null && !Array.isArray(v);
	const rowParser: Parser = (value, context) => {
		if (parse.isEmpty(value)) return undefined;
		const entries: unknown = isObject(value) ? (value[rowName] ?? []) : undefined;
		if (!Array.isArray(entries) || !entries.every(isObject)) {
			throw new parse.FieldError(`must be a list of ${rowDisplayName} rows, got ${parse.quote(value)}`);
		}
		const parsed = entries.map((entry, i) => {
			const out: IDataObject = {};
			for (const child of children) {
				const within: ParseContext | undefined = context && {
					...context,
					aside: (group, kept) => context.aside?.(group, kept, `${i + 1}.${child.property.name}`),
				};
				const v = child.parse ? child.parse(entry[child.property.name], within) : entry[child.property.name];
				if (v !== undefined) out[child.property.name] = v as IDataObject[string];
			}
			return out;
		});
		const filtered = parsed.filter((row) => Object.keys(row).length > 0);
		return filtered.length ? toValue(filtered, context) : undefined;
	};
	const field: Field = { property, parse: o.parse ?? rowParser };
	if (o.in) field.send = { in: o.in, key: o.key };
	return field;
}

/** An info box in the panel (n8n's notice): nothing is read from it or sent. */
export function notice(name: string, text: string, o: { show?: IDataObject } = {}): Field {
	const property: INodeProperties = { displayName: text, name, type: 'notice', default: '' };
	if (o.show) property.displayOptions = { show: o.show as never };
	return { property, parse: () => undefined };
}

/** Return All + Limit, with n8n's standard wording. */
export function returnAllAndLimit(max?: number): Field[] {
	return [
		{
			property: {
				displayName: 'Return All',
				name: 'returnAll',
				type: 'boolean',
				default: false,
				description: 'Whether to return all results or only up to a given limit',
			},
		},
		{
			property: {
				displayName: 'Limit',
				name: 'limit',
				type: 'number',
				default: 50,
				typeOptions: { minValue: 1, ...(max ? { maxValue: max } : {}) },
				description: 'Max number of results to return',
				displayOptions: { show: { returnAll: [false] } },
			},
			parse: parse.number({ min: 1, integer: true }),
		},
	];
}

export const simplify: Field = {
	property: {
		displayName: 'Simplify',
		name: 'simplify',
		type: 'boolean',
		default: true,
		description: 'Whether to return a simplified version of the response instead of the raw data',
	},
};
