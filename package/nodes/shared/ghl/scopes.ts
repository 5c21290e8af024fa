import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { OAUTH2 } from './context';

/**
 * Scopes an operation needs that the stored OAuth token was not granted (empty when unknown: Private
 * Integration Tokens do not report their scopes).
 */
export async function missingScopes(fn: IExecuteFunctions, credentialType: string, needed: string[]): Promise<string[]> {
	if (credentialType !== OAUTH2 || !needed.length) return [];
	const credentials = await fn.getCredentials(OAUTH2);
	const granted = String(((credentials.oauthTokenData ?? {}) as IDataObject).scope ?? '')
		.split(/[\s,]+/)
		.filter(Boolean);
	if (!granted.length) return [];
	return needed.every((s) => !granted.includes(s)) ? needed : [];
}
