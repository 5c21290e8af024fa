import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { ghlLookup, list } from './api';
import { dataTypeLabel, lookupCustomFields } from './customFields';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

function personName(p: IDataObject): string {
	const name = String(p.name ?? `${String(p.firstName ?? '')} ${String(p.lastName ?? '')}`).trim();
	return p.email ? `${name || String(p.email)} (${String(p.email)})` : name || String(p.id);
}

export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const body = await ghlLookup(this, 'GET', () => '/users/', { query: { locationId: '{locationId}' } });
	return list(body, 'users')
		.map((u) => ({ name: personName(u), value: String(u.id) }))
		.sort(byName);
}

export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return list(await lookupCustomFields(this), 'customFields')
		.map((c) => ({
			name: `${String(c.name)}${c.fieldKey ? ` (${String(c.fieldKey)})` : ''}`,
			value: String(c.id),
			description: dataTypeLabel(c.dataType),
		}))
		.sort(byName);
}

export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const body = await ghlLookup(this, 'GET', (loc) => `/locations/${loc}/tags`);
	return list(body, 'tags')
		.map((t) => ({ name: String(t.name), value: String(t.name) }))
		.sort(byName);
}

export async function getCampaigns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const body = await ghlLookup(this, 'GET', () => '/campaigns/', { query: { locationId: '{locationId}' } });
	return list(body, 'campaigns')
		.map((c) => ({ name: `${String(c.name)}${c.status ? ` (${String(c.status)})` : ''}`, value: String(c.id) }))
		.sort(byName);
}

export async function getWorkflows(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const body = await ghlLookup(this, 'GET', () => '/workflows/', { query: { locationId: '{locationId}' } });
	return list(body, 'workflows')
		.map((w) => ({ name: `${String(w.name)}${w.status ? ` (${String(w.status)})` : ''}`, value: String(w.id) }))
		.sort(byName);
}
