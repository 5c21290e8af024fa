/**
 * `getN8n()`: the shared real n8n for e2e tests (one client per test file, logged in lazily).
 */
import { N8n } from '../../scripts/harness';
import { loadConnection } from './connection';

let client: N8n | undefined;

export function getN8n(): N8n {
	client ??= new N8n(loadConnection());
	return client;
}
