import type { IDataObject, IHttpRequestMethods, ILoadOptionsFunctions } from 'n8n-workflow';

import { ghlAdapter, ghlContext, requireLocation } from '../../shared/ghl';
import { standaloneRequest } from '../../shared/request';
import { send } from '../../shared/transport/send';

/** One GHL call from a dropdown or list search, with the node's credential and location. */
export async function ghlLookup(
	fn: ILoadOptionsFunctions,
	method: IHttpRequestMethods,
	path: (locationId: string) => string,
	parts: { query?: IDataObject; body?: IDataObject } = {},
): Promise<IDataObject> {
	const authentication = fn.getNodeParameter('authentication', 'oAuth2');
	const options = (fn.getNodeParameter('requestOptions', {}) ?? {}) as IDataObject;
	const context = await ghlContext(fn, authentication, options.locationId);
	const locationId = requireLocation(context);
	const query = { ...(parts.query ?? {}) };
	for (const [k, v] of Object.entries(query)) if (v === '{locationId}') query[k] = locationId;
	const body = parts.body ? { ...parts.body } : undefined;
	if (body && body.locationId === '{locationId}') body.locationId = locationId;
	return await send(fn, ghlAdapter, standaloneRequest(context, method, path(locationId), { query, body }));
}

export function list(body: IDataObject, key: string): IDataObject[] {
	const value = body[key];
	return Array.isArray(value) ? (value as IDataObject[]) : [];
}
