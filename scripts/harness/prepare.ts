/**
 * Readies the cache for the harness (what `npm test` and `npm start` run first): Node 24, n8n, and the
 * migrated user-folder template, for GHL_TOOKAN_N8N_VERSION (default) or the versions given as arguments.
 *   npx tsx scripts/harness/prepare.ts [2.40.7 1.123.x …]
 */
import { ensureN8n, N8N_VERSION } from './install';
import { ensureUserFolderTemplate } from './user-folder';

async function main(versions: string[]): Promise<void> {
	for (const version of versions.length ? versions : [N8N_VERSION]) {
		const install = ensureN8n(version);
		const template = await ensureUserFolderTemplate(install);
		process.stderr.write(`[harness] n8n ${install.version} ready (template ${template})\n`);
	}
}

main(process.argv.slice(2)).catch((error: unknown) => {
	process.stderr.write(`[harness] prepare failed: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
