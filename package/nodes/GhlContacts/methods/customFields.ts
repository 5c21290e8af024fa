import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INodeExecutionData } from 'n8n-workflow';

import { ghlAdapter, ghlContext, type GhlContext } from '../../shared/ghl';
import { standaloneRequest } from '../../shared/request';
import { send } from '../../shared/transport/send';
import { ghlLookup, list } from './api';

/** GHL's custom field data types in the words its own settings page uses. */
const DATA_TYPES: Record<string, string> = {
	TEXT: 'Single line text',
	LARGE_TEXT: 'Multi line text',
	TEXTBOX_LIST: 'Text box list',
	NUMERICAL: 'Number',
	MONETORY: 'Monetary amount',
	PHONE: 'Phone',
	EMAIL: 'Email',
	DATE: 'Date',
	CHECKBOX: 'Checkbox',
	SINGLE_OPTIONS: 'Dropdown (single)',
	MULTIPLE_OPTIONS: 'Dropdown (multiple)',
	RADIO: 'Radio select',
	FILE_UPLOAD: 'File upload',
	SIGNATURE: 'Signature',
};

/** "Monetary amount field" for MONETORY; unknown types in plain words ("Some type field"). */
export function dataTypeLabel(dataType: unknown): string | undefined {
	if (!dataType) return undefined;
	const raw = String(dataType);
	const words = DATA_TYPES[raw] ?? raw.charAt(0) + raw.slice(1).toLowerCase().replace(/_/g, ' ');
	return `${words} field`;
}

interface Definition {
	name: string;
	key?: string;
}

/** GET /locations/{locationId}/customFields?model=contact: the location's contact custom fields. */
const customFieldsPath = (locationId: string) => `/locations/${encodeURIComponent(locationId)}/customFields`;
const contactModel = () => ({ query: { model: 'contact' } });

/** The node's location's contact custom fields while the node runs. */
export async function readCustomFields(fn: IExecuteFunctions, context: GhlContext): Promise<IDataObject> {
	return await send(fn, ghlAdapter, standaloneRequest(context, 'GET', customFieldsPath(String(context.locationId)), contactModel()));
}

/** The same list for the editor (drop-downs, the field mapper's columns). */
export async function lookupCustomFields(fn: ILoadOptionsFunctions): Promise<IDataObject> {
	return await ghlLookup(fn, 'GET', customFieldsPath, contactModel());
}

async function definitions(fn: IExecuteFunctions, context: GhlContext): Promise<Map<string, Definition>> {
	const answer = await readCustomFields(fn, context);
	return new Map(list(answer, 'customFields').map((c) => [String(c.id), { name: String(c.name), ...(c.fieldKey ? { key: String(c.fieldKey) } : {}) }]));
}

const entriesOf = (item: INodeExecutionData): IDataObject[] =>
	Array.isArray(item.json.customFields) ? (item.json.customFields as IDataObject[]).filter((e) => e && typeof e === 'object' && e.id) : [];

/**
 * Puts each custom field's name (and key) beside its ID in contact outputs: `{ id, value }` becomes
 * `{ id, name, key, value }`. One look-up per location of the contacts; when it fails (e.g. the connection
 * lacks locations/customFields.readonly) the items stay as they are and a hint says why.
 */
export async function nameCustomFields(fn: IExecuteFunctions, items: INodeExecutionData[], authentication: unknown): Promise<void> {
	const byLocation = new Map<string, INodeExecutionData[]>();
	for (const item of items) {
		if (!entriesOf(item).length || !item.json.locationId) continue;
		const location = String(item.json.locationId);
		byLocation.set(location, [...(byLocation.get(location) ?? []), item]);
	}
	for (const [location, located] of byLocation) {
		let names: Map<string, Definition>;
		try {
			names = await definitions(fn, await ghlContext(fn, authentication, location));
		} catch (error) {
			fn.addExecutionHints({
				message: `Custom field names could not be read for location ${location} (${(error as Error).message}); the output shows their IDs only.`,
				location: 'outputPane',
			});
			continue;
		}
		for (const item of located) {
			item.json.customFields = (item.json.customFields as IDataObject[]).map((entry) => {
				const known = entry && typeof entry === 'object' ? names.get(String(entry.id)) : undefined;
				return known ? { id: entry.id, ...known, ...entry } : entry;
			});
		}
	}
}
