/**
 * Readies the cache for the harness (what `npm test` and `npm start` run first): Node 24, n8n, and the
 * migrated user-folder template, for the default release plus the compatibility ones, or for the versions
 * given as arguments. Releases install in parallel (mostly download time), templates one after the other.
 *   npx tsx scripts/harness/prepare.ts [2.41.1 1.123.81 …]
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

import { cacheDir, COMPAT_N8N_VERSIONS, ensureN8n, ensureNode24, N8N_VERSION } from './install';
import { ensureUserFolderTemplate } from './user-folder';

function installInChild(version: string): Promise<void> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [...process.execArgv, join(__dirname, 'install.ts'), version], { stdio: 'inherit' });
		child.on('error', reject);
		child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`installing n8n ${version} failed (exit ${code})`))));
	});
}

async function main(requested: string[]): Promise<void> {
	const versions = requested.length ? requested : [N8N_VERSION, ...COMPAT_N8N_VERSIONS];
	ensureNode24();
	const missing = versions.filter((v) => !existsSync(join(cacheDir(), `n8n-${v}`, '.complete')));
	await Promise.all(missing.map(installInChild));
	for (const version of versions) {
		const install = ensureN8n(version);
		const template = await ensureUserFolderTemplate(install);
		process.stderr.write(`[harness] n8n ${install.version} ready (template ${template})\n`);
	}
}

main(process.argv.slice(2)).catch((error: unknown) => {
	process.stderr.write(`[harness] prepare failed: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
