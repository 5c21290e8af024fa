/**
 * First-run setup of a fresh instance: the owner account (which also opens a session) and a
 * public-API key carrying every scope the owner role may grant.
 */
import { randomBytes } from 'node:crypto';
import type { N8nClient } from './client';

export interface OwnerLogin {
	email: string;
	password: string;
}

/** A throwaway login for a local test instance (meets n8n's password rules: number + uppercase). */
export function newOwnerLogin(): OwnerLogin {
	return { email: 'owner@ghl-tookan.test', password: `Harness-${randomBytes(9).toString('base64url')}-9` };
}

export async function setupOwner(client: N8nClient, login: OwnerLogin): Promise<void> {
	await client.rest(
		'POST',
		'/owner/setup',
		{ email: login.email, firstName: 'Harness', lastName: 'Owner', password: login.password },
		true,
	);
}

/** Creates a non-expiring API key with all scopes available to the owner; returns the raw key. */
export async function createApiKey(client: N8nClient, label = 'harness'): Promise<string> {
	const scopes = await client.rest<string[]>('GET', '/api-keys/scopes');
	const created = await client.rest<{ rawApiKey?: string; apiKey: string }>('POST', '/api-keys', {
		label,
		scopes,
		expiresAt: null,
	});
	return created.rawApiKey ?? created.apiKey;
}
