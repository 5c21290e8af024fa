import type { IDataObject } from 'n8n-workflow';

import * as f from '../../../shared/fields';
import { searchPages } from '../../../shared/ghl';
import { FieldError, isEmpty } from '../../../shared/parse';
import { calendarDateOf, DAY, instantOf, readMoment, wallToInstant } from '../../../shared/time';
import type { Field, Paginator, ParseContext } from '../../../shared/types';

const TEXT_OPS = ['eq', 'not_eq', 'contains', 'not_contains', 'exists', 'not_exists'];
const EXACT_OPS = ['eq', 'not_eq', 'exists', 'not_exists'];
const DATE_OPS = ['range', 'exists', 'not_exists'];

/**
 * Filterable fields of `POST /contacts/search` and the operators GHL supports on each. `date`: a moment
 * (a date alone means that whole day in the workflow's time zone); `calendar`: a date GHL keeps at 00:00 UTC
 * (date of birth), compared by its calendar date.
 */
const FILTER_FIELDS: Array<{ name: string; value: string; ops: string[]; kind?: 'date' | 'calendar' | 'boolean' }> = [
	{ name: 'Address', value: 'address', ops: TEXT_OPS },
	{ name: 'Assigned To (User ID)', value: 'assignedTo', ops: EXACT_OPS },
	{ name: 'Business Name', value: 'businessName', ops: TEXT_OPS },
	{ name: 'City', value: 'city', ops: TEXT_OPS },
	{ name: 'Company Name', value: 'companyName', ops: TEXT_OPS },
	{ name: 'Contact ID', value: 'id', ops: ['eq', 'not_eq'] },
	{ name: 'Contact Name', value: 'contactName', ops: EXACT_OPS },
	{ name: 'Country', value: 'country', ops: EXACT_OPS },
	{ name: 'Custom Field', value: 'customField', ops: [...TEXT_OPS, 'range'] },
	{ name: 'Date Added', value: 'dateAdded', ops: DATE_OPS, kind: 'date' },
	{ name: 'Date of Birth', value: 'dateOfBirth', ops: DATE_OPS, kind: 'calendar' },
	{ name: 'Date Updated', value: 'dateUpdated', ops: DATE_OPS, kind: 'date' },
	{ name: 'Do Not Disturb', value: 'dnd', ops: EXACT_OPS, kind: 'boolean' },
	{ name: 'Email', value: 'email', ops: EXACT_OPS },
	{ name: 'First Name', value: 'firstNameLowerCase', ops: TEXT_OPS },
	{ name: 'Followers (User ID)', value: 'followers', ops: EXACT_OPS },
	{ name: 'Last Appointment', value: 'lastAppointment', ops: DATE_OPS, kind: 'date' },
	{ name: 'Last Name', value: 'lastNameLowerCase', ops: TEXT_OPS },
	{ name: 'Phone', value: 'phone', ops: TEXT_OPS },
	{ name: 'Postal Code', value: 'postalCode', ops: TEXT_OPS },
	{ name: 'Source', value: 'source', ops: TEXT_OPS },
	{ name: 'State', value: 'state', ops: TEXT_OPS },
	{ name: 'Tags', value: 'tags', ops: TEXT_OPS },
	{ name: 'Timezone', value: 'timezone', ops: EXACT_OPS },
	{ name: 'Type', value: 'type', ops: EXACT_OPS },
	{ name: 'Valid Email', value: 'validEmail', ops: EXACT_OPS, kind: 'boolean' },
	{ name: 'Website', value: 'website', ops: EXACT_OPS },
];

const OPERATORS = [
	{ name: 'Equals', value: 'eq' },
	{ name: 'Not Equals', value: 'not_eq' },
	{ name: 'Contains', value: 'contains' },
	{ name: 'Does Not Contain', value: 'not_contains' },
	{ name: 'Exists', value: 'exists' },
	{ name: 'Does Not Exist', value: 'not_exists' },
	{ name: 'Between (Range)', value: 'range' },
];

const operatorName = (value: string) => OPERATORS.find((o) => o.value === value)?.name ?? value;

/**
 * The Operator field of a filter row, once per set of operators: each is shown only for the fields GHL
 * allows exactly those operators on, so the dropdown offers what the chosen field supports. All share the
 * name `operator` (one value per row; n8n shows the one whose field matches).
 */
function operatorFields(): Field[] {
	const sets = new Map<string, { ops: string[]; fields: string[] }>();
	for (const spec of FILTER_FIELDS) {
		const key = spec.ops.join(',');
		const set = sets.get(key) ?? { ops: spec.ops, fields: [] };
		set.fields.push(spec.value);
		sets.set(key, set);
	}
	return [...sets.values()].map(({ ops, fields }) =>
		f.options('operator', 'Operator', OPERATORS.filter((o) => ops.includes(o.value)), {
			default: ops.includes('eq') ? 'eq' : ops[0],
			sort: false,
			show: { field: fields },
			// filterFromRow checks it against the row's field (the row's other Operator fields hold the same value)
			parse: (v) => (isEmpty(v) ? undefined : String(v)),
		}),
	);
}

export const SORT_FIELDS = [
	{ name: 'Business Name', value: 'businessName' },
	{ name: 'Date Added', value: 'dateAdded' },
	{ name: 'Date Updated', value: 'dateUpdated' },
	{ name: 'Do Not Disturb', value: 'dnd' },
	{ name: 'Email', value: 'email' },
	{ name: 'First Name', value: 'firstNameLowerCase' },
	{ name: 'Last Name', value: 'lastNameLowerCase' },
	{ name: 'Source', value: 'source' },
];

type Bound = 'from' | 'to' | 'value';

/** A range bound on a date field, as GHL's ISO instant. A date alone covers its whole day (To: its end). */
function dateBound(kind: 'date' | 'calendar', value: unknown, label: string, bound: Bound, zone: string): string {
	const moment = readMoment(value);
	if (!moment) throw new FieldError(`${label} must be a date such as 2026-05-01, or a date and time such as 2026-05-01T10:00`);
	if (kind === 'calendar') {
		const day = calendarDateOf(moment, zone);
		return `${day}T${bound === 'to' ? '23:59:59.999' : '00:00:00.000'}Z`;
	}
	if (moment.kind === 'date' && bound === 'to') return new Date(wallToInstant(moment.wall + DAY, zone) - 1).toISOString();
	return new Date(instantOf(moment, zone)).toISOString();
}

function filterValue(kind: string | undefined, value: unknown, label: string, bound: Bound, context?: ParseContext): unknown {
	if (isEmpty(value)) throw new FieldError(`needs a ${label}`);
	const s = String(value).trim();
	if (s.length > 75) throw new FieldError(`${label} can be at most 75 characters long (GHL's limit)`);
	if (kind === 'boolean') {
		if (!['true', 'false'].includes(s.toLowerCase())) throw new FieldError(`${label} must be true or false`);
		return s.toLowerCase() === 'true';
	}
	if (kind === 'date' || kind === 'calendar') return dateBound(kind, s, label, bound, context?.timeZone ?? 'UTC');
	return s;
}

/** One filter row → GHL's `{field, operator, value}`; dates are read in the workflow's time zone. */
export function filterFromRow(row: IDataObject, context?: ParseContext): IDataObject {
	const spec = FILTER_FIELDS.find((x) => x.value === row.field);
	if (!spec) throw new FieldError(`uses an unknown field "${String(row.field)}"`);
	const operator = String(row.operator ?? 'eq');
	if (!spec.ops.includes(operator)) {
		const allowed = OPERATORS.filter((o) => spec.ops.includes(o.value)).map((o) => o.name);
		throw new FieldError(`cannot use the operator "${operatorName(operator)}" with "${spec.name}" (GHL allows ${allowed.join(', ')})`);
	}
	let field = spec.value;
	if (field === 'customField') {
		const id = String(row.customFieldId ?? '').trim();
		if (!/^[^\s/?#]+$/.test(id)) throw new FieldError('needs a custom field (from the list, or its ID) for the "Custom Field" filter');
		field = `customFields.${id}`;
	}
	if (operator === 'exists' || operator === 'not_exists') return { field, operator };
	if (operator === 'range') {
		const range: IDataObject = {};
		if (!isEmpty(row.value)) range.gte = filterValue(spec.kind, row.value, 'From value', 'from', context) as string;
		if (!isEmpty(row.valueTo)) range.lte = filterValue(spec.kind, row.valueTo, 'To value', 'to', context) as string;
		if (!Object.keys(range).length) throw new FieldError('needs a From or To value for a range');
		return { field, operator, value: range };
	}
	return { field, operator, value: filterValue(spec.kind, row.value, 'value', 'value', context) as string };
}

export const searchFields: Field[] = [
	f.string('query', 'Search Text', {
		in: 'body',
		description: "Free text matched against the location's searchable fields (at most 75 characters)",
		parse: (v) => {
			if (isEmpty(v)) return undefined;
			const s = String(v);
			if (s.length > 75) throw new FieldError('can be at most 75 characters long (GHL\'s limit)');
			return s;
		},
	}),
	f.rows(
		'filters',
		'Filters',
		'filter',
		'Filter',
		[
			f.options(
				'field',
				'Field',
				FILTER_FIELDS.map(({ name, value }) => ({ name, value })),
				{ default: 'email' },
			),
			f.dynamic('customFieldId', 'Custom Field', 'getCustomFields', { show: { field: ['customField'] } }),
			...operatorFields(),
			f.string('value', 'Value', { description: 'For Between: the lower bound' }),
			f.string('valueTo', 'To Value', { show: { operator: ['range'] }, description: 'Upper bound (inclusive)' }),
		],
		(rows, context) => rows.map((row) => filterFromRow(row, context)),
		{ in: 'body', description: 'Conditions on contact fields' },
	),
	f.options(
		'match',
		'Match',
		[
			{ name: 'All Filters', value: 'all' },
			{ name: 'Any Filter', value: 'any' },
		],
		{ default: 'all', description: 'Whether a contact must match every filter or at least one' },
	),
	...f.returnAllAndLimit(),
	f.simplify,
	// n8n's UX guidelines: options, then sorting in a collection of its own below them
	f.collection('searchOptions', 'Options', [
		f.json('filtersJson', 'Filters (JSON)', 'array', {
			description:
				'Extra filters in GHL\'s own syntax, including nested groups, e.g. [{"group": "OR", "filters": [{"field": "tags", "operator": "eq", "value": "vip"}]}]',
		}),
	]),
	f.rows(
		'sort',
		'Sort',
		'order',
		'Sort Rule',
		[
			f.options('field', 'Field', SORT_FIELDS, { default: 'dateAdded' }),
			f.options(
				'direction',
				'Direction',
				[
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
				{ default: 'desc' },
			),
		],
		(rows) => {
			if (rows.length > 2) throw new FieldError('can have at most two rules (GHL combines two sorts at once)');
			return rows.map((r) => ({ field: r.field, direction: r.direction ?? 'desc' }));
		},
		{ in: 'body' },
	),
];

/** Combines filter rows, Match and the JSON filters into GHL's `filters`, then pages through the results. */
export const searchContacts: Paginator = async function* (ctx, request, limit) {
	const body = { ...(request.body ?? {}) };
	const rows = (body.filters as IDataObject[] | undefined) ?? [];
	const extra = (request.params.filtersJson as IDataObject[] | undefined) ?? [];
	const combined = request.params.match === 'any' && rows.length > 1 ? [{ group: 'OR', filters: rows }] : rows;
	if (combined.length || extra.length) body.filters = [...combined, ...extra];
	else delete body.filters;
	yield* searchPages(ctx, { ...request, body }, limit);
};
