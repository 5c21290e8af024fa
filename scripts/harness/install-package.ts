/**
 * Installs a packed tarball into an n8n user folder the way n8n installs a community package
 * (community-packages.service `downloadPackage`): extract into
 * `<userFolder>/.n8n/nodes/node_modules/<name>`, drop dev/peer/optional dependencies from its
 * package.json, install runtime dependencies only (this package has none), and record it in
 * `<userFolder>/.n8n/nodes/package.json`.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './command';

interface PackageJson {
	name: string;
	version: string;
	dependencies?: Record<string, string>;
	[key: string]: unknown;
}

/** `<userFolder>/.n8n/nodes/package.json`, where n8n records installed community packages. */
interface InstalledNodes {
	name?: string;
	private?: boolean;
	dependencies?: Record<string, string>;
}

/** n8n removes these from a community package's package.json before installing it. */
const NOT_INSTALLED = ['devDependencies', 'peerDependencies', 'optionalDependencies'];

export function nodesDir(userFolder: string): string {
	return join(userFolder, '.n8n', 'nodes');
}

function readJson<T>(path: string): T {
	return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function recordDependency(userFolder: string, name: string, version: string): void {
	const path = join(nodesDir(userFolder), 'package.json');
	const manifest: InstalledNodes = existsSync(path)
		? readJson<InstalledNodes>(path)
		: { name: 'installed-nodes', private: true };
	manifest.dependencies = { ...manifest.dependencies, [name]: version };
	writeFileSync(path, JSON.stringify(manifest, null, 2));
}

/** Returns the installed package directory. */
export async function installPackage(userFolder: string, tarball: string): Promise<string> {
	const staging = join(nodesDir(userFolder), '.staging');
	rmSync(staging, { recursive: true, force: true });
	mkdirSync(staging, { recursive: true });
	await runCommand('tar', ['-xzf', tarball, '-C', staging, '--strip-components=1']);
	const pkg = Object.fromEntries(
		Object.entries(readJson<PackageJson>(join(staging, 'package.json'))).filter(([key]) => !NOT_INSTALLED.includes(key)),
	) as PackageJson;
	writeFileSync(join(staging, 'package.json'), JSON.stringify(pkg, null, 2));
	if (Object.keys(pkg.dependencies ?? {}).length > 0) {
		await runCommand(
			'npm',
			[
				'install',
				'--audit=false',
				'--fund=false',
				'--bin-links=false',
				'--install-strategy=shallow',
				'--ignore-scripts=true',
				'--package-lock=false',
			],
			{ cwd: staging },
		);
	}
	const target = join(nodesDir(userFolder), 'node_modules', pkg.name);
	rmSync(target, { recursive: true, force: true });
	mkdirSync(join(nodesDir(userFolder), 'node_modules'), { recursive: true });
	renameSync(staging, target);
	recordDependency(userFolder, pkg.name, pkg.version);
	return target;
}
