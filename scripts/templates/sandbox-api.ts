/**
 * Calls to the sandbox's GHL and Tookan APIs as the real services' users make them (the changes that fire
 * the webhooks the templates react to): GHL with the sandbox PIT and Version header, Tookan with the api_key.
 */
import type { Sandbox } from '../../sandbox/server';
import { GHL_DEFAULTS } from '../../sandbox/ghl/defaults';
import type { TookanModule } from '../../sandbox/tookan/index';

export const LOCATION = GHL_DEFAULTS.locationIds[0];

type Json = Record<string, unknown>;

export async function ghlApi<T = Json>(sandbox: Sandbox, method: string, path: string, body?: Json): Promise<T> {
	const res = await fetch(`${sandbox.ghlBaseUrl}${path}`, {
		method,
		headers: {
			authorization: `Bearer ${GHL_DEFAULTS.pit}`,
			version: '2021-07-28',
			accept: 'application/json',
			...(body ? { 'content-type': 'application/json' } : {}),
		},
		body: body ? JSON.stringify(body) : undefined,
	});
	const answer = (await res.json()) as T;
	if (!res.ok) throw new Error(`GHL ${method} ${path} -> ${res.status}: ${JSON.stringify(answer)}`);
	return answer;
}

export async function tookanApi<T = Json>(sandbox: Sandbox, endpoint: string, body: Json): Promise<T> {
	const { apiKey } = tookanOf(sandbox).config();
	const res = await fetch(`${sandbox.tookanBaseUrl}/${endpoint}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ api_key: apiKey, ...body }),
	});
	const answer = (await res.json()) as { status: number; message: string; data: T };
	if (answer.status !== 200) throw new Error(`Tookan ${endpoint} -> ${answer.status}: ${answer.message}`);
	return answer.data;
}

export function tookanOf(sandbox: Sandbox): TookanModule {
	if (!sandbox.tookan) throw new Error('the sandbox has no Tookan module');
	return sandbox.tookan as unknown as TookanModule;
}

export interface NewContact {
	firstName: string;
	lastName: string;
	email: string;
	phone?: string;
	companyName?: string;
	address1?: string;
	city?: string;
	state?: string;
	postalCode?: string;
	country?: string;
}

/** Creates a GHL contact (fires ContactCreate) and returns it. */
export async function createGhlContact(sandbox: Sandbox, contact: NewContact): Promise<Json & { id: string }> {
	const answer = await ghlApi<{ contact: Json & { id: string } }>(sandbox, 'POST', '/contacts/', { locationId: LOCATION, ...contact });
	return answer.contact;
}

/** Adds an open task to a GHL contact (no webhook the templates listen to) and returns it. */
export async function createGhlTask(sandbox: Sandbox, contactId: string, title: string, dueDate: string): Promise<Json & { id: string }> {
	const answer = await ghlApi<{ task: Json & { id: string } }>(sandbox, 'POST', `/contacts/${contactId}/tasks`, {
		title,
		body: 'Created in GHL',
		dueDate,
		completed: false,
	});
	return answer.task;
}

/** Changes a contact (fires ContactUpdate). */
export async function updateGhlContact(sandbox: Sandbox, contactId: string, changes: Json): Promise<void> {
	await ghlApi(sandbox, 'PUT', `/contacts/${contactId}`, changes);
}
