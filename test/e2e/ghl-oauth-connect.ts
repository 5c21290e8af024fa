/**
 * A GHL OAuth2 credential in real n8n, connected the way a person connects it (see connectGhlApp), asking for
 * the scopes the sandbox app grants.
 */
import { randomUUID } from 'node:crypto';

import type { CredentialRef, N8n } from '../../scripts/harness';
import { connectGhlApp } from '../../scripts/templates/install';
import type { Sandbox } from '../../sandbox/server';
import { GHL_CREDENTIAL_SCOPES } from './ghl-support';

export async function connectGhlOAuth(n8n: N8n, sandbox: Sandbox): Promise<CredentialRef> {
	return await connectGhlApp(n8n, sandbox, `GHL OAuth ${randomUUID()}`, { scopeList: GHL_CREDENTIAL_SCOPES });
}
