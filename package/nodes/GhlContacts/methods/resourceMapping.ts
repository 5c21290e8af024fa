import type { ILoadOptionsFunctions, ResourceMapperFields } from 'n8n-workflow';

import { columnsOf, definitionsOf, type Mode } from '../resources/contact/mapper';
import { lookupCustomFields } from './customFields';

async function columns(fn: ILoadOptionsFunctions, mode: Mode): Promise<ResourceMapperFields> {
	return { fields: columnsOf(mode, definitionsOf(await lookupCustomFields(fn))) };
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
