/**
 * Task custom fields from version 2 of the Tookan node: per side of a task (the customer side's
 * `custom_field_template` + `meta_data`, the pickup side's `pickup_custom_field_template` + `pickup_meta_data`)
 * a template chosen from the ones recent tasks use (or typed), its fields as a resource mapper (what the node
 * learnt, templates.ts), and rows "by label" for fields the node cannot learn. Values are checked per item
 * against the column's type and options before anything is sent, and sent as Tookan's `[{label, data}]`.
 */
import type { IDataObject, IExecuteFunctions, ResourceMapperField, ResourceMapperValue } from 'n8n-workflow';

import * as f from '../../../shared/fields';
import { inVersions, mappedEntries, mapperParameter, mapsAutomatically, normalName, option, stringOf, yesNo } from '../../../shared/mapper';
import * as parse from '../../../shared/parse';
import { FieldError, isEmpty, quote } from '../../../shared/parse';
import { labelled, ParameterError } from '../../../shared/request';
import { clockText, dayText, offsetAt, readMoment } from '../../../shared/time';
import type { BuiltRequest, Field, ParseContext, Parser } from '../../../shared/types';
import { columnOf, LEARN_SCOPE, type LearntTemplate } from './templates';

/** One side of a task and the names of its parameters and body keys. */
export interface Side {
	/** Parameter: the template (resource locator). */
	template: string;
	/** Body key of the template name. */
	templateKey: string;
	/** Parameter: the resource mapper. */
	mapper: string;
	/** Parameter inside the side's details collection: values by label. */
	byLabel: string;
	/** Collections that can hold the by-label rows. */
	containers: string[];
	/** Body key of the values. */
	metaKey: string;
	/** resourceMapping method. */
	method: string;
	/** "" or "Pickup " in display names. */
	word: string;
}

export const CUSTOMER_SIDE: Side = {
	template: 'customFieldTemplate',
	templateKey: 'custom_field_template',
	mapper: 'customFields',
	byLabel: 'customFieldsByLabel',
	containers: ['customerDetails', 'updateFields'],
	metaKey: 'meta_data',
	method: 'getTemplateColumns',
	word: '',
};

export const PICKUP_SIDE: Side = {
	template: 'pickupCustomFieldTemplate',
	templateKey: 'pickup_custom_field_template',
	mapper: 'pickupCustomFields',
	byLabel: 'pickupCustomFieldsByLabel',
	containers: ['pickupDetails', 'updateFields'],
	metaKey: 'pickup_meta_data',
	method: 'getPickupTemplateColumns',
	word: 'Pickup ',
};

export const SIDES = [CUSTOMER_SIDE, PICKUP_SIDE];

const templateTitle = (side: Side) => `${side.word}Custom Field Template`;
const mapperTitle = (side: Side) => `${side.word}Custom Fields`;
const byLabelTitle = (side: Side) => `${side.word}Custom Fields by Label`;

/** The text of a resource locator value (`{ __rl, mode, value }`, or the default `{ mode, value }`) or plain text. */
const locatorText = (value: unknown): unknown => (value && typeof value === 'object' && 'value' in value ? (value as IDataObject).value : value);

/** A template name from a parameter value (a resource locator or plain text). */
export function templateName(value: unknown): string {
	const raw = locatorText(value);
	return typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
}

const isExpression = (value: unknown): boolean => {
	const raw = locatorText(value);
	return typeof raw === 'string' && raw.startsWith('=');
};

/** The template parameter's value: its name, or nothing when empty. */
const templateParser: Parser = (value) => {
	const raw = locatorText(value);
	if (raw !== undefined && raw !== null && typeof raw === 'object') throw new FieldError(`must be a template name, got ${quote(raw)}`);
	return templateName(raw) || undefined;
};

/* ---- the parameters ---- */

/** Said once above the template parameters: what the node learns, from where, and what it cannot. */
export const customFieldsNotice: Field = f.notice(
	'customFieldsNotice',
	`Tookan has no API that lists custom field templates or their fields. The node learns them from ${LEARN_SCOPE} (each template from the most recent task that uses it). Templates no such task uses, and fields added since, are not shown: give those under Custom Fields by Label.`,
);

/** For customers and agents: Tookan's API takes no custom data for them, so there is nothing to map. */
export function noCustomFieldsNotice(who: 'customers' | 'agents'): Field {
	const note = f.notice(
		'noCustomFieldsNotice',
		`Tookan's API takes no custom fields for ${who} (none are documented, and none come back in its answers), so this node cannot set or map any. Custom fields belong to tasks: see Task › Create and Update.`,
	);
	return inVersions(note, [2]);
}

/** The template: From List (the ones recent tasks use) or By Name (any name, or an expression). */
export function templateLocator(side: Side, show?: IDataObject): Field {
	const field = f.locator(side.template, templateTitle(side), {
		in: 'body',
		key: side.templateKey,
		search: 'searchTemplates',
		parse: templateParser,
		description: 'A custom field template defined in the Tookan dashboard. Empty: none.',
		namePlaceholder: 'e.g. Delivery_Details',
		...(show ? { show } : {}),
	});
	return { ...field, property: { ...field.property, default: { mode: 'list', value: '' } } };
}

/** The template's fields as a resource mapper; its value becomes `[{label, data}]` (see mapperValues). */
export function templateMapper(side: Side, show?: IDataObject): Field {
	return {
		property: mapperParameter({
			name: side.mapper,
			displayName: mapperTitle(side),
			method: side.method,
			// 'map': Tookan's "required" may bind only the agent app, so the editor does not insist on it
			mode: 'map',
			dependsOn: [`${side.template}.value`],
			addAllFields: true,
			required: false,
			extra: { hideNoDataError: true },
			...(show ? { show } : {}),
		}),
		parse: mapperValues(side),
	};
}

/** Values by label, for fields the node cannot learn (or any field); checked when the label is a known one. */
export function byLabelRows(side: Side): Field {
	return f.rows(
		side.byLabel,
		byLabelTitle(side),
		'field',
		'Field',
		[
			f.string('label', 'Label', { description: 'The field label as defined in the template', placeholder: 'e.g. Order_Value' }),
			{ property: { displayName: 'Value', name: 'data', type: 'string', default: '' } },
		],
		(rows, context) => rowValues(side, rows, context),
		{ description: `Values for fields of the ${templateTitle(side)}, by label; checked against the field when the node knows it, otherwise sent as text` },
	);
}

/* ---- the columns an item's values are checked against ---- */

/** What the service found for one side of one item (absent: no template, or no values to check). */
export interface TemplateColumns {
	template: string;
	columns: ResourceMapperField[];
	/** editor: the columns saved with the node; task: learnt now from a recent task; none: unknown. */
	from: 'editor' | 'task' | 'none';
	jobId?: number;
}

const columnsOf = (context: ParseContext | undefined, side: Side): TemplateColumns | undefined =>
	(context?.service?.templateColumns as IDataObject | undefined)?.[side.mapper] as TemplateColumns | undefined;

/** A column's name as Tookan shows it (the label is added in brackets where it differs). */
function shownName(column: ResourceMapperField): string {
	const suffix = ` (${column.id})`;
	return column.displayName.endsWith(suffix) ? column.displayName.slice(0, -suffix.length) : column.displayName;
}

/** Input keys → column: by label or display name, any case. */
function columnIndex(columns: ResourceMapperField[]): Map<string, string> {
	const index = new Map<string, string>();
	for (const column of columns) index.set(normalName(shownName(column)), column.id);
	for (const column of columns) index.set(normalName(column.id), column.id);
	return index;
}

/** A date as written: `YYYY-MM-DD`, or with a time `YYYY-MM-DD HH:mm:ss` (an instant on the workflow time zone's clock). */
function dateText(value: unknown, context?: ParseContext): string {
	const moment = readMoment(value);
	if (!moment) throw new FieldError(`must be a date such as 2026-05-01 or 2026-05-01 14:30, got ${quote(value)}`);
	if (moment.kind === 'date') return dayText(moment.wall);
	if (moment.kind === 'wall') return clockText(moment.wall, 0);
	const zone = context?.timeZone ?? 'UTC';
	return clockText(moment.ms, offsetAt(zone, moment.ms));
}

/** Checks one value against its column and writes it as the text Tookan stores. */
export function tookanValue(column: ResourceMapperField | undefined, value: unknown, context?: ParseContext): string {
	switch (column?.type) {
		case 'number':
			return String(parse.number()(value, context));
		case 'dateTime':
			return dateText(value, context);
		case 'boolean':
			return String(yesNo(value, context));
		case 'options': {
			const choices = (column.options ?? []).map((o) => String(o.value));
			return option(stringOf(value), choices);
		}
		default:
			return stringOf(value);
	}
}

interface MetaItem extends IDataObject {
	label: string;
	data: string;
}

function unknownTemplate(known: TemplateColumns): string {
	return `the node could not learn the fields of the template "${known.template}": no ${LEARN_SCOPE.replace(/^tasks/, 'task')} uses it, and Tookan has no API that lists a template's fields`;
}

/** The mapper's value for one item as `[{label, data}]`; errors name the side, the field and (via the engine) the item. */
function mapperValues(side: Side): Parser {
	return (raw, context) => {
		const known = columnsOf(context, side);
		if (!known) {
			const given = Object.values((raw as Partial<ResourceMapperValue> | undefined)?.value ?? {}).some((v) => !isEmpty(v));
			if (given) throw new ParameterError(templateTitle(side), `is required when ${mapperTitle(side)} are given: Tookan files them under a template`);
			return undefined;
		}
		if (mapsAutomatically(raw) && known.from === 'none') {
			throw new ParameterError(
				mapperTitle(side),
				`cannot be mapped automatically: ${unknownTemplate(known)}. Map the fields by label under ${byLabelTitle(side)}.`,
			);
		}
		const byId = new Map(known.columns.map((c) => [c.id, c]));
		const meta: MetaItem[] = [];
		for (const [id, value] of mappedEntries(raw as Partial<ResourceMapperValue>, context?.item, columnIndex(known.columns))) {
			const column = byId.get(id);
			labelled(`${mapperTitle(side)} › ${column ? shownName(column) : id}`, () => {
				if (!column) {
					throw new FieldError(
						known.from === 'none'
							? `cannot be checked: ${unknownTemplate(known)}. Give it under ${byLabelTitle(side)}.`
							: `is not a field of the template "${known.template}" as the node knows it: refresh the field list, or give it under ${byLabelTitle(side)}`,
					);
				}
				meta.push({ label: column.id, data: tookanValue(column, value, context) });
			});
		}
		return meta.length ? meta : undefined;
	};
}

function rowValues(side: Side, rows: IDataObject[], context?: ParseContext): MetaItem[] | undefined {
	const known = columnsOf(context, side);
	const index = columnIndex(known?.columns ?? []);
	const byId = new Map((known?.columns ?? []).map((c) => [c.id, c]));
	const meta: MetaItem[] = [];
	for (const row of rows) {
		const label = String(row.label ?? '').trim();
		if (!label || isEmpty(row.data)) continue;
		const column = byId.get(index.get(normalName(label)) ?? '');
		meta.push({
			label: column?.id ?? label,
			data: labelled(`${byLabelTitle(side)} › ${label}`, () => tookanValue(column, row.data, context)),
		});
	}
	return meta.length ? meta : undefined;
}

/** The later value of a label wins (a row by label after the mapper's column). */
function oncePerLabel(meta: MetaItem[]): MetaItem[] {
	const byLabel = new Map<string, MetaItem>();
	for (const item of meta) byLabel.set(item.label, item);
	return [...byLabel.values()];
}

/**
 * Operation.check (per item, before anything is sent): each side's mapped and by-label values become its
 * `meta_data` / `pickup_meta_data`, filed under its template (which they need).
 */
export function applyCustomFields(request: BuiltRequest): void {
	for (const side of SIDES) {
		const meta = oncePerLabel([
			...((request.params[side.mapper] as MetaItem[] | undefined) ?? []),
			...((request.params[side.byLabel] as MetaItem[] | undefined) ?? []),
		]);
		if (!meta.length) continue;
		if (!request.params[side.template]) {
			throw new ParameterError(templateTitle(side), `is required when ${side.word.toLowerCase()}custom field values are given: Tookan files them under a template`);
		}
		if (request.body) request.body[side.metaKey] = meta;
	}
}

/* ---- the service's part: which columns apply to an item ---- */

function hasRows(fn: IExecuteFunctions, itemIndex: number, side: Side): boolean {
	return side.containers.some((container) => {
		const values = fn.getNodeParameter(container, itemIndex, {}) as IDataObject;
		return values && typeof values === 'object' && !isEmpty((values[side.byLabel] as IDataObject | undefined)?.field);
	});
}

function mapperUsed(value: unknown): boolean {
	const mapper = value as Partial<ResourceMapperValue> | undefined;
	return mapsAutomatically(mapper) || Object.values(mapper?.value ?? {}).some((v) => v !== null && v !== '');
}

/**
 * The columns each side's values of one item are checked against: the ones saved with the node when they were
 * loaded for this very template (a fixed name, not an expression), otherwise the ones learnt from recent tasks
 * (`learn`, once per run, only when there are values to check).
 */
export async function templateColumns(
	fn: IExecuteFunctions,
	itemIndex: number,
	learn: () => Promise<Map<string, LearntTemplate>>,
): Promise<Record<string, TemplateColumns>> {
	const found: Record<string, TemplateColumns> = {};
	const saved = fn.getNode().parameters;
	for (const side of SIDES) {
		const template = templateName(fn.getNodeParameter(side.template, itemIndex, ''));
		if (!template) continue;
		const mapper = fn.getNodeParameter(side.mapper, itemIndex, null) as Partial<ResourceMapperValue> | undefined;
		const schema = ((saved[side.mapper] as Partial<ResourceMapperValue> | undefined)?.schema ?? []).filter((c) => c.display !== false);
		if (!isExpression(saved[side.template]) && templateName(saved[side.template]) === template && schema.length) {
			found[side.mapper] = { template, columns: schema, from: 'editor' };
			continue;
		}
		if (!mapperUsed(mapper) && !hasRows(fn, itemIndex, side)) continue;
		const learnt = (await learn()).get(template);
		found[side.mapper] = learnt
			? { template, columns: learnt.fields.map(columnOf), from: 'task', jobId: learnt.jobId }
			: { template, columns: [], from: 'none' };
	}
	return found;
}
