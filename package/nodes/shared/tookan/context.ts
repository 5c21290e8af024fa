import type { IDataObject } from 'n8n-workflow';

import { workflowTimeZone } from '../time';
import type { ApiFunctions } from '../transport/send';

export const TOOKAN_CREDENTIAL = 'tookanApi';
export const TOOKAN_BASE_URL = 'https://api.tookanapp.com/v2';

/** Non-secret facts about the connection that every request of an item needs. */
export interface TookanContext extends IDataObject {
	credentialId: string;
	baseUrl: string;
	/** The account (user) id from the credential (a number when numeric); '' when not set. */
	userId: string | number;
	/** The workflow's time zone (n8n settings), the default for task times. */
	timeZone: string;
}

export function normaliseBaseUrl(url: unknown): string {
	const s = typeof url === 'string' && url.trim() ? url.trim() : TOOKAN_BASE_URL;
	return s.replace(/\/+$/, '');
}

const contexts = new WeakMap<object, Promise<TookanContext>>();

async function load(fn: ApiFunctions): Promise<TookanContext> {
	const credentials = await fn.getCredentials(TOOKAN_CREDENTIAL);
	const userId = String(credentials.userId ?? '').trim();
	return {
		credentialId: String(fn.getNode().credentials?.[TOOKAN_CREDENTIAL]?.id ?? TOOKAN_CREDENTIAL),
		baseUrl: normaliseBaseUrl(credentials.baseUrl),
		userId: /^\d{1,15}$/.test(userId) ? Number(userId) : userId,
		timeZone: workflowTimeZone(fn),
	};
}

/** The connection facts, read once per execution context. */
export async function tookanContext(fn: ApiFunctions): Promise<TookanContext> {
	let pending = contexts.get(fn);
	if (!pending) {
		pending = load(fn);
		contexts.set(fn, pending);
	}
	return await pending;
}
