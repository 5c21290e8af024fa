/**
 * n8n's own export commands against a running instance's user folder (same database and encryption key):
 * `n8n export:workflow --all` (what a user shares or puts in git) and `n8n export:credentials --all
 * --decrypted` (the secrets the instance holds, for the secrets scan). Each boots a second n8n process in
 * `cli` mode on free ports; about 10 s.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { N8nConnection } from './client';
import { runCommand } from './command';
import { n8nEnv } from './env';
import { ensureN8n } from './install';
import { freePort } from './ports';

async function exportAll<T>(connection: Pick<N8nConnection, 'version' | 'userFolder'>, command: string, flags: string[] = []): Promise<T[]> {
	const install = ensureN8n(connection.version);
	const dir = mkdtempSync(join(tmpdir(), 'ghl-tookan-export-'));
	const output = join(dir, 'export.json');
	try {
		const env = n8nEnv({ version: install.version, nodeBin: install.node.bin, userFolder: connection.userFolder, port: await freePort(), brokerPort: await freePort() });
		const run = await runCommand(install.node.bin, [install.bin, command, '--all', ...flags, `--output=${output}`], { env, allowFailure: true });
		let text: string;
		try {
			text = readFileSync(output, 'utf8');
		} catch {
			// n8n writes nothing when there is nothing to export, and says so
			if (/No (workflows|credentials) found/i.test(`${run.stdout}${run.stderr}`)) return [];
			throw new Error(`n8n ${command} wrote no file (exit ${run.code}): ${run.stderr || run.stdout}`);
		}
		return JSON.parse(text) as T[];
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

/** `n8n export:workflow --all`: every workflow as n8n exports it (nodes, parameters, static data, …). */
export async function exportWorkflowsCli(connection: Pick<N8nConnection, 'version' | 'userFolder'>): Promise<Array<Record<string, unknown>>> {
	return await exportAll(connection, 'export:workflow');
}

/** `n8n export:credentials --all --decrypted`: every credential with its data in clear (keep it in memory only). */
export async function exportCredentialsCli(
	connection: Pick<N8nConnection, 'version' | 'userFolder'>,
): Promise<Array<{ id: string; name: string; type: string; data: Record<string, unknown> }>> {
	return await exportAll(connection, 'export:credentials', ['--decrypted']);
}
