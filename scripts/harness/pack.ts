/**
 * Builds (unless dist/ is fresh) and `npm pack`s this package into a temp dir.
 */
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from './command';
import { registerCleanupPath } from './cleanup';
import { REPO_ROOT } from './paths';

/** What `npm run build` reads: if any of it is newer than the oldest file in dist/, rebuild. */
const BUILD_INPUTS = ['nodes', 'credentials', 'icons', 'package.json', 'tsconfig.json', 'gulpfile.js'];

function mtimes(path: string): number[] {
	if (!existsSync(path)) return [];
	const stat = statSync(path);
	if (!stat.isDirectory()) return [stat.mtimeMs];
	return readdirSync(path).flatMap((entry) => mtimes(join(path, entry)));
}

/** True when dist/ exists and was produced after the last change to any build input. */
export function isBuildFresh(root = REPO_ROOT): boolean {
	const built = mtimes(join(root, 'dist'));
	if (built.length === 0) return false;
	const newestInput = Math.max(0, ...BUILD_INPUTS.flatMap((p) => mtimes(join(root, p))));
	return newestInput < Math.min(...built);
}

export async function buildPackage(root = REPO_ROOT): Promise<void> {
	await runCommand('npm', ['run', 'build', '--silent'], { cwd: root });
}

/** `npm run build` (unless fresh), then `npm pack` into a temp dir; returns the tarball path. */
export async function packPackage(options: { rebuild?: boolean; root?: string } = {}): Promise<string> {
	const root = options.root ?? REPO_ROOT;
	if (options.rebuild || !isBuildFresh(root)) await buildPackage(root);
	const dir = mkdtempSync(join(tmpdir(), 'ghl-tookan-pack-'));
	registerCleanupPath(dir);
	const { stdout } = await runCommand(
		'npm',
		['pack', '--silent', '--ignore-scripts', '--pack-destination', dir],
		{ cwd: root },
	);
	const name = stdout.trim().split('\n').pop() ?? '';
	const tarball = join(dir, name);
	if (!name.endsWith('.tgz') || !existsSync(tarball)) throw new Error(`npm pack gave no tarball: ${stdout}`);
	return tarball;
}
