// What `npm test` and `npm start` need on a fresh clone, installed idempotently (plain Node ESM, no deps):
// devDependencies (npm ci when node_modules is missing or differs from package-lock.json), Node 24 and
// real n8n in the cache (scripts/harness/install.ts), and, as root, Debian services later tests use.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function log(message) {
	process.stderr.write(`[bootstrap] ${message}\n`);
}

/** Runs a command with inherited output; returns its exit code (throws only when it cannot start). */
export function run(cmd, args, options = {}) {
	const result = spawnSync(cmd, args, { cwd: ROOT, stdio: 'inherit', ...options });
	if (result.error) throw result.error;
	return result.status ?? 1;
}

export function runOrExit(cmd, args, options) {
	const code = run(cmd, args, options);
	if (code !== 0) {
		log(`${cmd} ${args.join(' ')} failed (exit ${code})`);
		process.exit(code);
	}
}

function readJson(path) {
	return JSON.parse(readFileSync(path, 'utf8'));
}

/** Why node_modules does not match package-lock.json, or '' when it does. */
export function dependencyDrift() {
	const hidden = join(ROOT, 'node_modules', '.package-lock.json');
	if (!existsSync(hidden)) return 'node_modules is missing';
	const wanted = readJson(join(ROOT, 'package-lock.json')).packages ?? {};
	const installed = readJson(hidden).packages ?? {};
	for (const [path, entry] of Object.entries(wanted)) {
		if (path === '' || !path.startsWith('node_modules/')) continue;
		const have = installed[path];
		if (!have) {
			if (entry.optional) continue; // platform-specific optional packages are legitimately absent
			return `${path} is not installed`;
		}
		if (entry.version && have.version !== entry.version) return `${path} is ${have.version}, lock wants ${entry.version}`;
	}
	return '';
}

export function ensureDependencies() {
	const drift = dependencyDrift();
	if (!drift) return;
	log(`npm ci (${drift})`);
	runOrExit('npm', ['ci', '--prefer-offline', '--no-audit', '--no-fund']);
}

/** Node 24, n8n (the default release and the compatibility ones) and their migrated user-folder templates in the cache. */
export function ensureN8nCache() {
	runOrExit(join(ROOT, 'node_modules', '.bin', 'tsx'), [join(ROOT, 'scripts', 'harness', 'prepare.ts')]);
}

function onPath(binary) {
	return (process.env.PATH ?? '')
		.split(delimiter)
		.concat(['/usr/sbin', '/usr/bin', '/sbin', '/bin'])
		.some((dir) => dir && existsSync(join(dir, binary)));
}

/**
 * Installs Debian packages whose binary is missing; only as root (CI), where apt-get works as is.
 * `packages` is a list of `{ name, binary }`. Returns true when everything needed is there.
 */
export function ensureDebianPackages(packages) {
	const missing = packages.filter((p) => !onPath(p.binary));
	if (missing.length === 0) return true;
	const names = missing.map((p) => p.name);
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) {
		log(`not root: skipping apt-get install of ${names.join(', ')} (install them yourself if tests need them)`);
		return false;
	}
	log(`apt-get install ${names.join(' ')}`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	if (run('apt-get', ['update'], { env }) !== 0) return false;
	return run('apt-get', ['install', '-y', '--no-install-recommends', ...names], { env }) === 0;
}

/** Services later issues need: Redis and PostgreSQL (queue mode), Chromium (editor/OAuth browser tests). */
export const DEBIAN_SERVICES = [
	{ name: 'redis-server', binary: 'redis-server' },
	{ name: 'postgresql', binary: 'pg_ctlcluster' },
	{ name: 'chromium', binary: 'chromium' },
];

function timed(name, action) {
	const started = Date.now();
	const result = action();
	log(`${name}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return result;
}

/** Everything both entry points need before building. */
export function bootstrap() {
	timed('dependencies', ensureDependencies);
	if (!timed('debian packages', () => ensureDebianPackages(DEBIAN_SERVICES)) && process.getuid?.() === 0) {
		log('apt-get failed');
		process.exit(1);
	}
	timed('node 24 + n8n + template', ensureN8nCache);
}
