#!/usr/bin/env node
// `npm run lint:scan`: the ESLint step of @n8n/scan-community-package, run exactly as the scanner runs it
// (its own config, inline eslint-disable comments ignored), on
//   1. the package source: the scanner's SOURCE_FILE_PATTERNS (package.json, nodes/ and credentials/) in the folder
//      the scanner itself picks in a source checkout (findPackageRoot: the package.json named like the package);
//   2. the extracted `npm pack` tarball: `**/*.js` and package.json, as the scanner lints a published version.
// Prints the scanner's details and exits 1 on any violation. Expects a fresh `npm run build` (dist/).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const scannerPath = join(repo, 'node_modules/@n8n/scan-community-package/scanner/scanner.mjs');
const { analyzePackage, findPackageRoot, SOURCE_FILE_PATTERNS } = await import(pathToFileURL(scannerPath).href);
const root = findPackageRoot(repo, 'n8n-nodes-ghl-tookan');
if (root !== join(repo, 'package')) {
	process.stdout.write(`lint:scan: the scanner would take ${root} as the package folder, not package/\n`);
	process.exit(1);
}

const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

function packToDir() {
	const dir = mkdtempSync(join(tmpdir(), 'ghl-tookan-scan-'));
	const out = execFileSync('npm', ['pack', '--silent', '--ignore-scripts', '--pack-destination', dir], {
		cwd: root,
		encoding: 'utf8',
	});
	const tarball = out.trim().split('\n').pop();
	const packageDir = join(dir, 'package');
	execFileSync('tar', ['-xzf', join(dir, tarball), '-C', dir]);
	return { dir, packageDir };
}

async function check(label, dir, patterns) {
	const result = await analyzePackage(dir, patterns);
	if (result.passed) {
		process.stdout.write(`lint:scan ${label}: passed${result.message ? ` (${result.message})` : ''}\n`);
		return true;
	}
	process.stdout.write(`lint:scan ${label}: FAILED: ${result.message}\n${result.details ?? ''}\n`);
	return false;
}

const sourceOk = await check('source', root, SOURCE_FILE_PATTERNS);
const { dir, packageDir } = packToDir();
let tarballOk = false;
try {
	tarballOk = await check('tarball', packageDir, TARBALL_FILE_PATTERNS);
} finally {
	rmSync(dir, { recursive: true, force: true });
}
process.exit(sourceOk && tarballOk ? 0 : 1);
