/**
 * Field constructors for the Tookan operation tables. Parameters that go to Tookan are named after
 * Tookan's own keys (`job_id`, `customer_address`), so `$parameter.job_id` reads like the API; controls that
 * are not sent as such (`taskType`, `timeZone`) are camelCase.
 */
import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';

import * as f from '../../shared/fields';
import type { FieldOptions, LocatorOptions } from '../../shared/fields';
import * as parse from '../../shared/parse';
import { codeOptions, csv, flag as flagParser, JOB_STATUS, JOB_TYPE, numericId, numericIds, taskTime, timeZoneName } from '../../shared/tookan';
import type { CodeNames } from '../../shared/tookan';
import type { Field } from '../../shared/types';

const inBody = <T extends FieldOptions>(o: T): T => ({ in: 'body', ...o });

export const text = (name: string, displayName: string, o: FieldOptions = {}) => f.string(name, displayName, inBody(o));

export const password = (name: string, displayName: string, o: FieldOptions = {}) =>
	f.string(name, displayName, inBody({ typeOptions: { password: true }, ...o }));

export const email = (name: string, displayName: string, o: FieldOptions = {}) => f.email(name, displayName, inBody(o));

export const phone = (name: string, displayName: string, o: FieldOptions = {}) => f.phone(name, displayName, inBody(o));

export const number = (name: string, displayName: string, o: FieldOptions & { min?: number; max?: number; integer?: boolean } = {}) =>
	f.number(name, displayName, inBody(o));

export const json = (name: string, displayName: string, shape: 'object' | 'array', o: FieldOptions = {}) =>
	f.json(name, displayName, shape, inBody(o));

/** A Tookan id typed by hand (a number). */
export const id = (name: string, displayName: string, o: FieldOptions = {}) =>
	f.id(name, displayName, inBody({ parse: numericId, placeholder: 'e.g. 123456', ...o }));

/** Several ids, comma-separated or an array, sent as a JSON array of numbers. */
export const ids = (name: string, displayName: string, o: FieldOptions = {}) =>
	f.list(name, displayName, inBody({ parse: numericIds, placeholder: 'e.g. 123456, 123457', ...o }));

/** Several values, comma-separated or an array, sent as a JSON array of strings. */
export const strings = (name: string, displayName: string, o: FieldOptions = {}) => f.list(name, displayName, inBody(o));

/** A yes/no switch sent as Tookan's 0/1 flag. */
export const flag = (name: string, displayName: string, description: string, o: FieldOptions = {}) =>
	f.boolean(name, displayName, inBody({ parse: flagParser, description, ...o }));

/** A calendar date sent as `YYYY-MM-DD`. */
export const day = (name: string, displayName: string, o: FieldOptions = {}) => f.date(name, displayName, inBody(o));

/** A task time: an n8n DateTime, an ISO instant, or a local `YYYY-MM-DD HH:mm` read in the task's time zone. */
export const time = (name: string, displayName: string, o: FieldOptions = {}) =>
	f.dateTime(name, displayName, {
		parse: taskTime,
		description: "A date and time. Without an offset it is read in the task's time zone (see Time Zone).",
		...inBody(o),
	});

export function codes(name: string, displayName: string, table: CodeNames, o: FieldOptions & { only?: number[] } = {}) {
	return f.options(name, displayName, codeOptions(table, o.only), { sort: false, ...inBody(o) });
}

export const jobStatus = (name: string, displayName: string, o: FieldOptions & { only?: number[] } = {}) =>
	codes(name, displayName, JOB_STATUS, o);

export const jobType = (o: FieldOptions = {}) =>
	codes('job_type', 'Task Type', JOB_TYPE, { description: 'Which kind of tasks', ...o });

export const choice = (name: string, displayName: string, values: INodePropertyOptions[], o: FieldOptions = {}) =>
	f.options(name, displayName, values, inBody(o));

/** Teams from `view_all_team_only`. */
export const team = (name = 'team_id', displayName = 'Team', o: FieldOptions = {}) =>
	f.dynamic(name, displayName, 'getTeams', inBody({ each: numericId, ...o }));

/** Several teams, sent as a JSON array of ids (or, with `asCsv`, Tookan's comma-separated form). */
export const teams = (name: string, displayName: string, o: FieldOptions & { asCsv?: boolean } = {}) =>
	f.dynamic(name, displayName, 'getTeams', inBody({ multiple: true, parse: o.asCsv ? parse.chain(numericIds, csv) : numericIds, ...o }));

/** Agents from `get_all_fleets`. */
export const agent = (name = 'fleet_id', displayName = 'Agent', o: FieldOptions = {}) =>
	f.dynamic(name, displayName, 'getAgents', inBody({ each: numericId, ...o }));

/** Several agents, sent as a JSON array of ids. */
export const agents = (name: string, displayName: string, o: FieldOptions = {}) =>
	f.dynamic(name, displayName, 'getAgents', inBody({ multiple: true, each: numericId, ...o }));

/** Tags (agent skills used by auto-assignment), sent as Tookan's comma-separated string. */
export const tags = (o: FieldOptions = {}) =>
	f.dynamic('tags', 'Tag', 'getTags', inBody({ multiple: true, parse: csv, ...o }));

function locatorOf(name: string, displayName: string, search: string, o: LocatorOptions) {
	return f.locator(name, displayName, inBody({ search, parse: numericId, idPlaceholder: 'e.g. 123456', required: true, ...o }));
}

export const customerLocator = (o: LocatorOptions = {}) => locatorOf('customer_id', 'Customer', 'searchCustomers', o);
export const agentLocator = (o: LocatorOptions = {}) => locatorOf('fleet_id', 'Agent', 'searchAgents', o);
export const teamLocator = (o: LocatorOptions = {}) => locatorOf('team_id', 'Team', 'searchTeams', o);

/** The IANA zone task times are read in (not sent: Tookan gets the offset in minutes). */
export const timeZone = (o: FieldOptions = {}): Field =>
	f.dynamic('timeZone', 'Time Zone', 'getTimeZones', {
		parse: timeZoneName,
		hint: "Empty: the workflow's time zone. Tookan gets the offset that applies at the task's date (Asia/Kolkata: -330).",
		...o,
	});

/** Tookan's raw `timezone` (UTC − local, in minutes); overrides Time Zone. */
export const timezoneMinutes = (o: FieldOptions = {}): Field =>
	f.number('timezone', 'Time Zone Offset (Minutes)', {
		min: -840,
		max: 720,
		integer: true,
		description:
			"Tookan's own offset: minutes to add to local time to get UTC (India -330, New York in winter 300). Overrides Time Zone.",
		...o,
	});

function labelValueRows(name: string, displayName: string, o: FieldOptions = {}): Field {
	return f.rows(
		name,
		displayName,
		'field',
		'Field',
		[
			f.string('label', 'Label', { description: 'The field label as defined in the template', placeholder: 'e.g. Order_Value' }),
			f.string('data', 'Value'),
		],
		(rows) => rows.filter((row) => row.label !== undefined).map((row) => ({ label: row.label, data: row.data ?? '' })),
		inBody(o),
	);
}

/** A custom-field template by name plus its values (`custom_field_template` + `meta_data`). */
export function customFields(templateKey: string, metaKey: string, side = ''): Field[] {
	return [
		text(templateKey, `${side}Custom Field Template`, {
			description: 'Name of a custom field template defined in the Tookan dashboard',
			placeholder: 'e.g. Order_Details',
		}),
		labelValueRows(metaKey, `${side}Custom Field Values`, {
			description: 'Values for fields of the template, by label',
		}),
	];
}

/** For endpoints nobody has confirmed the parameters of: extra body parameters as JSON. */
export const additionalParameters: Field = f.json('additionalParameters', 'Additional Parameters (JSON)', 'object', {
	description:
		'Extra body parameters for this endpoint, whose parameters are not documented. Fields set above take precedence.',
});

export const coordinates = (latKey: string, lngKey: string, side = ''): Field[] => [
	number(latKey, `${side}Latitude`, { min: -90, max: 90 }),
	number(lngKey, `${side}Longitude`, { min: -180, max: 180 }),
];

/** Merges `additionalParameters` under the body (fields set in the node win; `api_key` is never taken). */
export function withAdditional(body: IDataObject, extra: unknown): IDataObject {
	if (!extra || typeof extra !== 'object') return body;
	const merged: IDataObject = { ...(extra as IDataObject), ...body };
	delete merged.api_key;
	return merged;
}
