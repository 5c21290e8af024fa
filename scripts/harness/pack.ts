/**
 * Builds (unless dist/ is fresh) and `npm pack`s this package into a temp dir.
 */
import { existsSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { runCommand } from './command';
import { registerCleanupPath } from './cleanup';
import { PACKAGE_ROOT } from './paths';

/** What `npm run build` reads (in the package folder; README.md and LICENSE are the repository's, copied in). */
const BUILD_INPUTS = ['nodes', 'credentials', 'icons', 'package.json', 'tsconfig.json', 'gulpfile.js', '../README.md', '../LICENSE'];

function files(path: string): string[] {
	if (!existsSync(path)) return [];
	if (!statSync(path).isDirectory()) return [path];
	return readdirSync(path).flatMap((entry) => files(join(path, entry)));
}

const mtime = (path: string) => statSync(path).mtimeMs;

/**
 * True when dist/ was compiled after the last change to any build input and holds every icon (and the
 * package folder the copies of README.md and LICENSE the build makes).
 * Compiled .js files carry the build time; copied icons keep their source mtime (gulp), so they are
 * checked for presence instead.
 */
export function isBuildFresh(root = PACKAGE_ROOT): boolean {
	const compiled = files(join(root, 'dist')).filter((file) => file.endsWith('.js'));
	if (compiled.length === 0) return false;
	const inputs = BUILD_INPUTS.flatMap((input) => files(join(root, input)));
	const builtAt = Math.min(...compiled.map(mtime));
	if (inputs.some((file) => mtime(file) >= builtAt)) return false;
	return (
		inputs.filter((file) => /\.(svg|png)$/.test(file)).every((icon) => existsSync(join(root, 'dist', relative(root, icon)))) &&
		['README.md', 'LICENSE'].every((file) => existsSync(join(root, file)))
	);
}

export async function buildPackage(root = PACKAGE_ROOT): Promise<void> {
	await runCommand('npm', ['run', 'build', '--silent'], { cwd: root });
}

/** `npm run build` (unless fresh), then `npm pack` into a temp dir; returns the tarball path. */
export async function packPackage(options: { rebuild?: boolean; root?: string } = {}): Promise<string> {
	const root = options.root ?? PACKAGE_ROOT;
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
