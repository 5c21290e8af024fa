/**
 * A GHL OAuth2 credential in real n8n, connected the way a person connects it: n8n builds the authorization
 * URL, the sandbox's consent page approves and redirects to n8n's callback, n8n exchanges the code.
 */
import { randomUUID } from 'node:crypto';

import type { N8n } from '../../scripts/harness';
import { GHL_DEFAULTS } from '../../sandbox/ghl/defaults';
import type { Sandbox } from '../../sandbox/server';
import { GHL_CREDENTIAL_SCOPES } from './ghl-support';

export async function connectGhlOAuth(n8n: N8n, sandbox: Sandbox): Promise<{ id: string; name: string; type: string }> {
	const type = 'ghlOAuth2Api';
	const credential = await n8n.createCredential({
		name: `GHL OAuth ${randomUUID()}`,
		type,
		data: {
			clientId: GHL_DEFAULTS.clientId,
			clientSecret: GHL_DEFAULTS.clientSecret,
			userType: 'Location',
			authUrlChoice: 'custom',
			customAuthUrl: sandbox.authorizeUrl,
			baseUrl: sandbox.ghlBaseUrl,
			scope: GHL_CREDENTIAL_SCOPES,
		},
	});
	const authorizationUrl = await n8n.rest<string>('GET', `/oauth2-credential/auth?id=${credential.id}`);
	const consent = await fetch(authorizationUrl, { redirect: 'manual' });
	const redirect = new URL(String(consent.headers.get('location')));
	if (consent.status !== 302 || !redirect.pathname.endsWith('/oauth2-credential/callback')) {
		throw new Error(`the consent page answered ${consent.status} without redirecting to n8n's callback`);
	}
	await n8n.rest('GET', `/oauth2-credential/callback${redirect.search}`);
	return { id: credential.id, name: credential.name, type };
}
