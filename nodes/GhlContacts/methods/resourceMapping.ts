import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { columnsOf, definitionsOf, type Mode } from '../resources/contact/mapper';
import { ghlLookup } from './api';

async function columns(fn: ILoadOptionsFunctions, mode: Mode): Promise<ResourceMapperFields> {
	const answer = await ghlLookup(fn, 'GET', (locationId) => `/locations/${encodeURIComponent(locationId)}/customFields`, {
		query: { model: 'contact' },
	});
	return { fields: columnsOf(mode, definitionsOf(answer)) };
}

export async function getCreateColumns(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await columns(this, 'add');
}

export async function getUpdateColumns(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await columns(this, 'update');
}

export async function getUpsertColumns(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	return await columns(this, 'upsert');
}
