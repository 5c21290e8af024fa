/**
 * What every resource mapper of the package shares (GHL contact fields, Tookan template fields): the
 * parameter itself, reading its value for one item ("Map Automatically" from the input item's keys, or the
 * values given per column), and the value checks that do not depend on the service (text, lists, options,
 * yes/no). Each service keeps its own columns and how its values are sent.
 */
import type { IDataObject, INodeProperties, ResourceMapperTypeOptions, ResourceMapperValue } from 'n8n-workflow';

import { FieldError, isEmpty, quote } from './parse';
import type { Field, Parser } from './types';

/** The mapper parameter, always with "Map Automatically" and refreshed when `dependsOn` changes. */
export function mapperParameter(o: {
	name: string;
	displayName: string;
	method: string;
	mode: ResourceMapperTypeOptions['mode'];
	dependsOn: string[];
	fieldWords?: { singular: string; plural: string };
	addAllFields?: boolean;
	show?: IDataObject;
	extra?: Pick<ResourceMapperTypeOptions, 'matchingFieldsLabels' | 'noFieldsError' | 'hideNoDataError' | 'valuesLabel'>;
	description?: string;
	/** Whether the panel marks the parameter as required (default: yes). */
	required?: boolean;
}): INodeProperties {
	const resourceMapper: ResourceMapperTypeOptions = {
		resourceMapperMethod: o.method,
		mode: o.mode,
		fieldWords: o.fieldWords ?? { singular: 'field', plural: 'fields' },
		addAllFields: o.addAllFields ?? false,
		multiKeyMatch: true,
		supportAutoMap: true,
		...(o.extra ?? {}),
	};
	const property: INodeProperties = {
		displayName: o.displayName,
		name: o.name,
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: o.required ?? true,
		typeOptions: { loadOptionsDependsOn: o.dependsOn, resourceMapper },
	};
	if (o.description) property.description = o.description;
	if (o.show) property.displayOptions = { show: o.show as never };
	return property;
}

/** Shows a field only in the given versions of the node (e.g. the fields a mapper replaces). */
export function inVersions(field: Field, versions: number[]): Field {
	const show = { ...((field.property.displayOptions?.show ?? {}) as IDataObject), '@version': versions };
	return { ...field, property: { ...field.property, displayOptions: { ...(field.property.displayOptions ?? {}), show } } as INodeProperties };
}

/** How names are compared when matching input keys to columns: trimmed, any case. */
export const normalName = (name: string): string => name.trim().toLowerCase();

/**
 * The (column id, value) pairs of one item, empty values left out. "Map Automatically" takes the input
 * item's keys that `columnOf` knows (by normalName); "Map Each Field Below" takes the values given per column.
 */
export function mappedEntries(
	raw: unknown,
	item: IDataObject | undefined,
	columnOf: ReadonlyMap<string, string>,
): Array<[string, unknown]> {
	const value = (raw ?? {}) as Partial<ResourceMapperValue>;
	const entries: Array<[string, unknown]> = [];
	if (value.mappingMode === 'autoMapInputData') {
		for (const [key, v] of Object.entries(item ?? {})) {
			const id = columnOf.get(normalName(key));
			if (id !== undefined) entries.push([id, v]);
		}
	} else {
		entries.push(...Object.entries(value.value ?? {}));
	}
	return entries.filter(([, v]) => v !== undefined && v !== null && v !== '');
}

/** Whether the mapper maps automatically. */
export const mapsAutomatically = (raw: unknown): boolean =>
	(raw as Partial<ResourceMapperValue> | undefined)?.mappingMode === 'autoMapInputData';

/** A value as text (numbers and booleans written out); objects are refused. */
export function stringOf(value: unknown): string {
	if (typeof value === 'string') return value.trim();
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	throw new FieldError(`must be text, got ${quote(value)}`);
}

/** A list value: an array, a JSON list, or comma-separated text. */
export function listOf(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => stringOf(v)).filter((v) => v !== '');
	const text = stringOf(value);
	if (text.startsWith('[')) {
		try {
			const list = JSON.parse(text) as unknown;
			if (Array.isArray(list)) return listOf(list);
		} catch {
			// fall through: read as comma-separated text
		}
	}
	return text.split(',').map((v) => v.trim()).filter((v) => v !== '');
}

/** One of a field's options, matched exactly or else in any case; anything else is refused, naming the options. */
export function option(value: string, choices: string[]): string {
	const found = choices.find((c) => c === value) ?? choices.find((c) => c.toLowerCase() === value.toLowerCase());
	if (found === undefined) throw new FieldError(`must be one of ${choices.map((c) => `"${c}"`).join(', ')}, got "${value}"`);
	return found;
}

/** Yes/no in the words people and forms use (true/false, yes/no, 1/0, on/off). */
export const yesNo: Parser = (value) => {
	if (isEmpty(value)) return undefined;
	if (typeof value === 'boolean') return value;
	const s = String(value).trim().toLowerCase();
	if (['true', 'yes', '1', 'on'].includes(s)) return true;
	if (['false', 'no', '0', 'off'].includes(s)) return false;
	throw new FieldError(`must be true or false, got ${quote(value)}`);
};
