/**
 * How the shared n8n started by global-setup reaches e2e test files: its connection is written to a
 * JSON file whose path is in GHL_TOOKAN_E2E_CONNECTION (inherited by jest workers).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { N8nConnection } from '../../scripts/harness';

export const CONNECTION_ENV = 'GHL_TOOKAN_E2E_CONNECTION';

/** Writes the connection (mode 600: it holds the throwaway owner login and API key); returns its path. */
export function saveConnection(connection: N8nConnection): string {
	const file = join(mkdtempSync(join(tmpdir(), 'ghl-tookan-e2e-')), 'n8n.json');
	writeFileSync(file, JSON.stringify(connection, null, 2), { mode: 0o600 });
	return file;
}

export function loadConnection(): N8nConnection {
	const file = process.env[CONNECTION_ENV];
	if (!file) throw new Error(`${CONNECTION_ENV} is not set: run e2e tests through jest (the e2e project's globalSetup)`);
	return JSON.parse(readFileSync(file, 'utf8')) as N8nConnection;
}
