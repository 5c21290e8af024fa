import type { FieldType, IDataObject, INodeProperties, ResourceMapperField, ResourceMapperValue } from 'n8n-workflow';

import { list } from '../../methods/api';
import { inVersions, listOf, mappedEntries, mapperParameter, mapsAutomatically, normalName, option, stringOf, yesNo } from '../../../shared/mapper';
import * as parse from '../../../shared/parse';
import { FieldError, quote } from '../../../shared/parse';
import { labelled, ParameterError } from '../../../shared/request';
import type { Field, ParseContext, Parser } from '../../../shared/types';
import { contactFields, dateOfBirth } from './fields';

/** A custom field of the location as GET /locations/{locationId}/customFields (model contact) gives it. */
export interface CustomFieldDefinition {
	id: string;
	name: string;
	fieldKey?: string;
	dataType?: string;
	picklistOptions?: string[];
}

/** The location's contact custom fields (GET /locations/{locationId}/customFields?model=contact). */
export function definitionsOf(answer: IDataObject): CustomFieldDefinition[] {
	return list(answer, 'customFields')
		.filter((c) => c.id && (c.model === undefined || c.model === 'contact'))
		.map((c) => ({
			id: String(c.id),
			name: String(c.name ?? c.id),
			...(c.fieldKey ? { fieldKey: String(c.fieldKey) } : {}),
			...(c.dataType ? { dataType: String(c.dataType) } : {}),
			...(Array.isArray(c.picklistOptions) ? { picklistOptions: (c.picklistOptions as unknown[]).map(String) } : {}),
		}));
}

export type Mode = 'add' | 'update' | 'upsert';

/** GHL's standard contact fields as mapper columns; `modes` limits a column to the operations GHL takes it on. */
const STANDARD: Array<{ id: string; name: string; type: FieldType; modes?: Mode[]; match?: boolean }> = [
	{ id: 'email', name: 'Email', type: 'string', match: true },
	{ id: 'phone', name: 'Phone', type: 'string', match: true },
	{ id: 'firstName', name: 'First Name', type: 'string' },
	{ id: 'lastName', name: 'Last Name', type: 'string' },
	{ id: 'name', name: 'Full Name', type: 'string' },
	{ id: 'companyName', name: 'Company Name', type: 'string', modes: ['add', 'upsert'] },
	{ id: 'gender', name: 'Gender', type: 'string', modes: ['add', 'upsert'] },
	{ id: 'address1', name: 'Address', type: 'string' },
	{ id: 'city', name: 'City', type: 'string' },
	{ id: 'state', name: 'State', type: 'string' },
	{ id: 'postalCode', name: 'Postal Code', type: 'string' },
	{ id: 'country', name: 'Country', type: 'string' },
	{ id: 'website', name: 'Website', type: 'string' },
	{ id: 'timezone', name: 'Timezone', type: 'string' },
	{ id: 'source', name: 'Source', type: 'string' },
	{ id: 'dateOfBirth', name: 'Date of Birth', type: 'dateTime' },
	{ id: 'tags', name: 'Tags', type: 'string' },
	{ id: 'assignedTo', name: 'Assigned To (User ID)', type: 'string' },
	{ id: 'dnd', name: 'Do Not Disturb', type: 'boolean' },
	{ id: 'dndSettings', name: 'DND Settings (JSON)', type: 'object' },
	{ id: 'inboundDndSettings', name: 'Inbound DND Settings (JSON)', type: 'object' },
];

const OPTIONS_TYPES = new Set(['SINGLE_OPTIONS', 'RADIO']);
const LIST_TYPES = new Set(['MULTIPLE_OPTIONS', 'CHECKBOX', 'TEXTBOX_LIST']);
const NUMBER_TYPES = new Set(['NUMERICAL', 'MONETORY']);

/** The n8n type a custom field's column gets from GHL's data type. */
export function columnType(dataType: string | undefined): FieldType {
	if (dataType && NUMBER_TYPES.has(dataType)) return 'number';
	if (dataType === 'DATE') return 'dateTime';
	if (dataType && OPTIONS_TYPES.has(dataType)) return 'options';
	if (dataType && LIST_TYPES.has(dataType)) return 'array';
	if (dataType === 'FILE_UPLOAD') return 'object';
	return 'string';
}

const customId = (definition: CustomFieldDefinition) => `customField:${definition.id}`;

/** The columns of the mapper: the standard fields of the operation, then every custom field of the location. */
export function columnsOf(mode: Mode, definitions: CustomFieldDefinition[]): ResourceMapperField[] {
	const standard = STANDARD.filter((c) => !c.modes || c.modes.includes(mode)).map(
		(c): ResourceMapperField => ({
			id: c.id,
			displayName: c.name,
			type: c.type,
			required: false,
			display: true,
			defaultMatch: c.id === 'email',
			canBeUsedToMatch: mode === 'upsert' && c.match === true,
		}),
	);
	const custom = definitions.map((d): ResourceMapperField => {
		const type = columnType(d.dataType);
		const choices = d.picklistOptions ?? [];
		const listed = LIST_TYPES.has(String(d.dataType)) && choices.length ? ` (any of: ${choices.join(', ')})` : '';
		return {
			id: customId(d),
			displayName: `${d.name}${listed}`,
			type,
			required: false,
			display: true,
			defaultMatch: false,
			canBeUsedToMatch: false,
			...(type === 'options' ? { options: choices.map((o) => ({ name: o, value: o })) } : {}),
		};
	});
	return [...standard, ...custom];
}

/** The resource mapper parameter of Contact › Create (add), Update (update by ID) and Create or Update (upsert). */
export function mapperProperty(mode: Mode): INodeProperties {
	return mapperParameter({
		name: 'columns',
		displayName: 'Fields',
		method: mode === 'add' ? 'getCreateColumns' : mode === 'upsert' ? 'getUpsertColumns' : 'getUpdateColumns',
		// 'update' in n8n means "matched by a column"; Update finds the contact by its ID parameter instead
		mode: mode === 'upsert' ? 'upsert' : 'add',
		dependsOn: ['authentication', 'requestOptions.locationId'],
		show: { '@version': [2] },
		...(mode === 'upsert'
			? {
					extra: {
						matchingFieldsLabels: {
							title: 'Fields GHL Matches On',
							description:
								'GHL finds the contact by Email or Phone, in the order the location\'s "Allow Duplicate Contact" setting gives; each item needs a value in at least one of the fields chosen here',
							hint: 'GHL decides the order; choosing only one field makes the other optional',
						},
					},
				}
			: {}),
	});
}

/** Checks and converts one custom field's value the way GHL stores it. */
export function customValue(definition: CustomFieldDefinition, value: unknown, context?: ParseContext): unknown {
	const dataType = String(definition.dataType ?? 'TEXT');
	const choices = definition.picklistOptions ?? [];
	if (NUMBER_TYPES.has(dataType)) return parse.number()(value, context);
	if (dataType === 'DATE') return dateOfBirth(value, context);
	if (dataType === 'PHONE') return parse.phone(value, context);
	if (dataType === 'EMAIL') return parse.email(value, context);
	if (OPTIONS_TYPES.has(dataType)) return choices.length ? option(stringOf(value), choices) : stringOf(value);
	if (LIST_TYPES.has(dataType)) {
		const list = listOf(value);
		return choices.length && dataType !== 'TEXTBOX_LIST' ? list.map((v) => option(v, choices)) : list;
	}
	if (dataType === 'FILE_UPLOAD') {
		if (typeof value !== 'object' || value === null) throw new FieldError(`must be GHL's file object (or a list of them), got ${quote(value)}`);
		return value;
	}
	return stringOf(value);
}

/** How a column is found from an input key in "Map Automatically": its ID, custom field key, or name (any case). */
function lookup(definitions: CustomFieldDefinition[], mode: Mode): Map<string, string> {
	const byName = new Map<string, string>();
	const norm = normalName;
	for (const c of STANDARD) if (!c.modes || c.modes.includes(mode)) byName.set(norm(c.id), c.id).set(norm(c.name), c.id);
	for (const d of definitions) {
		const id = customId(d);
		byName.set(norm(d.id), id).set(norm(id), id).set(norm(d.name), id);
		if (d.fieldKey) byName.set(norm(d.fieldKey), id).set(norm(d.fieldKey.replace(/^contact\./, '')), id);
	}
	return byName;
}

/** GHL's DND channels and statuses (DndSettingsSchema / InboundDndSettingsSchema of the Contacts API). */
const DND_CHANNELS = ['Call', 'Email', 'SMS', 'WhatsApp', 'GMB', 'FB'];
const DND_STATUSES = ['active', 'inactive', 'permanent'];
const INBOUND_STATUSES = ['active', 'inactive'];

/**
 * A DND settings object checked the way GHL checks it (GHL refuses the whole contact otherwise): channels by
 * GHL's names (any case), each `{ status, message?, code? }` or just its status (`{"SMS": "active"}`).
 */
function dndObject(channels: string[], statuses: string[]): Parser {
	const json = parse.json('object');
	return (value, context) => {
		const given = json(value, context) as IDataObject | undefined;
		if (given === undefined) return undefined;
		const out: IDataObject = {};
		for (const [key, setting] of Object.entries(given)) {
			const channel = channels.find((c) => c.toLowerCase() === key.trim().toLowerCase());
			if (!channel) throw new FieldError(`has an unknown channel "${key}": use ${channels.map((c) => `"${c}"`).join(', ')}`);
			const entry = (typeof setting === 'string' ? { status: setting } : setting) as IDataObject;
			const status = entry && typeof entry === 'object' && !Array.isArray(entry) ? String(entry.status ?? '').trim().toLowerCase() : '';
			if (!statuses.includes(status)) {
				throw new FieldError(`needs a status of ${statuses.map((c) => `"${c}"`).join(', ')} for ${channel}, got ${quote(setting)}`);
			}
			out[channel] = { ...entry, status };
		}
		return out;
	};
}

const STANDARD_PARSERS: Record<string, Parser | undefined> = {
	...Object.fromEntries(STANDARD.map((c) => [c.id, contactFields[c.id]?.parse])),
	dnd: yesNo,
	dndSettings: dndObject(DND_CHANNELS, DND_STATUSES),
	inboundDndSettings: dndObject(['all'], INBOUND_STATUSES),
};

/**
 * The mapper's value for one item as GHL's contact body: standard fields checked by the same parsers as the
 * node's other parameters, custom fields checked against the location's definitions (type and options) and
 * sent as `customFields: [{ id, field_value }]`. Errors name the field ("Fields › Favourite colour").
 */
export function mapperParser(mode: Mode): Parser {
	return (raw, context) => {
		const value = (raw ?? {}) as Partial<ResourceMapperValue>;
		const definitions = (context?.service?.customFieldDefinitions ?? []) as unknown as CustomFieldDefinition[];
		const byId = new Map(definitions.map((d) => [customId(d), d]));
		const names = new Map(STANDARD.map((c) => [c.id, c.name]));
		const entries = mappedEntries(value, context?.item, lookup(definitions, mode));
		if (!entries.length) {
			throw new FieldError(
				mapsAutomatically(value)
					? 'is required: no key of the input item matches a field (by key, name or ID); map the fields by hand or rename the keys'
					: 'is required: map at least one field',
			);
		}
		const body: IDataObject = {};
		const custom: IDataObject[] = [];
		for (const [id, v] of entries) {
			const definition = byId.get(id);
			const label = `Fields › ${definition ? definition.name : (names.get(id) ?? id)}`;
			labelled(label, () => {
				if (definition) {
					const converted = customValue(definition, v, context);
					if (converted !== undefined) custom.push({ id: definition.id, field_value: converted as IDataObject[string] });
				} else if (id.startsWith('customField:')) {
					throw new FieldError('is not a custom field of this location (any more): refresh the field list');
				} else if (names.has(id)) {
					const parser = STANDARD_PARSERS[id];
					const converted = parser ? parser(v, context) : stringOf(v);
					if (converted !== undefined) body[id] = converted as IDataObject[string];
				}
			});
		}
		if (custom.length) body.customFields = custom;
		if (mode === 'upsert') {
			const matching = (value.matchingColumns ?? []).filter((c) => c === 'email' || c === 'phone');
			const on = matching.length ? matching : ['email', 'phone'];
			if (!on.some((c) => body[c] !== undefined)) {
				const words = on.map((c) => `"${names.get(c)}"`).join(' or ');
				throw new ParameterError(
					`Fields › ${names.get(on[0])}`,
					`needs a value${on.length > 1 ? ` (or ${words.split(' or ').slice(1).join(' or ')})` : ''}: Create or Update finds the contact by ${words}, and without it GHL would create a new contact each time`,
				);
			}
		}
		return body;
	};
}

/** The mapper as an operation field: its parsed value is merged into the request body by `mergeMapped`. */
export function mapperField(mode: Mode): Field {
	return { property: mapperProperty(mode), parse: mapperParser(mode) };
}

/** Puts the mapper's checked values into the request body (run from the operation's check, per item). */
export function mergeMapped(body: IDataObject | undefined, mapped: unknown): void {
	if (!body || !mapped || typeof mapped !== 'object') return;
	Object.assign(body, mapped as IDataObject);
}


/** Shows a field only in version 1 of the node (the fields the mapper replaces in version 2). */
export const v1 = (field: Field): Field => inVersions(field, [1]);

/** Operation.check for the mapper operations: the mapped fields join the body (and email/phone the params). */
export function applyMapper(request: { body?: IDataObject; params: IDataObject }): void {
	const mapped = request.params.columns as IDataObject | undefined;
	if (!mapped) return;
	mergeMapped(request.body, mapped);
	for (const key of ['email', 'phone']) if (mapped[key] !== undefined) request.params[key] = mapped[key];
}
