/**
 * A migrated n8n user folder per n8n version, created once in the cache and copied for every start,
 * so instances skip the 20-40 s of database migrations. Holds only the migrated database and config
 * (no owner, no packages): each instance sets those up itself.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killProcessGroup, registerCleanup, registerCleanupPath } from './cleanup';
import { n8nEnv } from './env';
import { cacheDir, type N8nInstall } from './install';
import { spawnN8n, stopProcess, waitForReady } from './n8n-process';
import { freePort } from './ports';

const MIGRATION_TIMEOUT_MS = 180_000;

export function templateDir(version: string): string {
	return join(cacheDir(), `user-folder-${version}`);
}

async function createTemplate(install: N8nInstall, target: string): Promise<void> {
	const staging = `${target}.tmp-${process.pid}`;
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	const unregisterStaging = registerCleanupPath(staging);
	const [port, brokerPort] = [await freePort(), await freePort()];
	const logFile = join(tmpdir(), `ghl-tookan-template-${install.version}-${process.pid}.log`);
	const env = n8nEnv({ version: install.version, nodeBin: install.node.bin, userFolder: staging, port, brokerPort });
	const child = spawnN8n(install, ['start'], env, logFile);
	const unregisterChild = registerCleanup(() => killProcessGroup(child.pid ?? 0));
	try {
		await waitForReady(`http://127.0.0.1:${port}/`, child, logFile, MIGRATION_TIMEOUT_MS);
	} finally {
		await stopProcess(child);
		unregisterChild();
	}
	const n8nDir = join(staging, '.n8n');
	for (const transient of ['nodes', 'n8nEventLog.log', 'n8nEventLog-worker.log', 'crash.journal']) {
		rmSync(join(n8nDir, transient), { recursive: true, force: true });
	}
	writeFileSync(join(staging, '.complete'), install.version);
	if (existsSync(join(target, '.complete'))) {
		rmSync(staging, { recursive: true, force: true }); // another process won the race
	} else {
		rmSync(target, { recursive: true, force: true });
		renameSync(staging, target);
	}
	unregisterStaging();
	rmSync(logFile, { force: true });
}

/** Path of the migrated template for this n8n install (created on first use). */
export async function ensureUserFolderTemplate(install: N8nInstall): Promise<string> {
	const dir = templateDir(install.version);
	if (!existsSync(join(dir, '.complete'))) await createTemplate(install, dir);
	return dir;
}

/** A fresh temp user folder holding a copy of the template's `.n8n`. */
export async function newUserFolder(install: N8nInstall): Promise<string> {
	const template = await ensureUserFolderTemplate(install);
	const folder = mkdtempSync(join(tmpdir(), `ghl-tookan-n8n-${install.version}-`));
	cpSync(join(template, '.n8n'), join(folder, '.n8n'), { recursive: true });
	return folder;
}
