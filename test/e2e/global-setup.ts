/**
 * e2e globalSetup: pack this package, install it into one real n8n, start it, and publish the
 * connection for the test files (see connection.ts). global-teardown.ts stops it.
 */
import { packPackage, startN8n, type N8nInstance } from '../../scripts/harness';
import { CONNECTION_ENV, saveConnection } from './connection';

export const INSTANCE_KEY = '__ghlTookanE2eN8n';

export default async function globalSetup(): Promise<void> {
	const started = Date.now();
	const tarball = await packPackage();
	const n8n = await startN8n({ packageTarball: tarball });
	(globalThis as Record<string, unknown>)[INSTANCE_KEY] = n8n satisfies N8nInstance;
	process.env[CONNECTION_ENV] = saveConnection(n8n.connection);
	process.stderr.write(
		`\n[e2e] n8n ${n8n.version} ready at ${n8n.url} in ${Date.now() - started} ms (log: ${n8n.logFile})\n`,
	);
}
