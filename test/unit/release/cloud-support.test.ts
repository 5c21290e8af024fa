/**
 * n8n Cloud eligibility as n8n's own CLI reports it: `n8n-node cloud-support` run in the package folder (package/)
 * says ENABLED (strict mode in package.json's n8n section, eslint.config.mjs unchanged from n8n's default).
 * `npm test` then runs `npm run lint` (n8n-node lint, which in strict mode refuses a changed config) on it.
 * The same command on a copy with strict mode off, and on one with a changed config, says DISABLED, so the
 * check can fail.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const PACKAGE_DIR = join(ROOT, 'package');
const CLI = join(ROOT, 'node_modules', '@n8n', 'node-cli', 'bin', 'n8n-node.mjs');

function cloudSupport(cwd: string): string {
	const result = spawnSync(process.execPath, [CLI, 'cloud-support'], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
	expect(result.status).toBe(0);
	return result.stdout + result.stderr;
}

describe('n8n-node cloud-support', () => {
	it('reports the package cloud-eligible: strict mode and the default eslint config', () => {
		const output = cloudSupport(PACKAGE_DIR);
		expect(output).toContain('Cloud support is ENABLED');
		expect(output).toMatch(/Strict mode: enabled/);
		expect(output).toMatch(/ESLint config: using default config/);
		expect((JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { n8n: { strict?: unknown } }).n8n.strict).toBe(true);
	});

	it('reports DISABLED for a copy with strict mode off or with a changed eslint config', () => {
		const dir = mkdtempSync(join(tmpdir(), 'ghl-tookan-cloud-'));
		try {
			const pkg = JSON.parse(readFileSync(join(PACKAGE_DIR, 'package.json'), 'utf8')) as { n8n: Record<string, unknown> };
			copyFileSync(join(PACKAGE_DIR, 'eslint.config.mjs'), join(dir, 'eslint.config.mjs'));
			writeFileSync(join(dir, 'package.json'), JSON.stringify({ ...pkg, n8n: { ...pkg.n8n, strict: false } }));
			expect(cloudSupport(dir)).toMatch(/Cloud support is DISABLED[\s\S]*Strict mode: disabled/);

			writeFileSync(join(dir, 'package.json'), JSON.stringify(pkg));
			writeFileSync(join(dir, 'eslint.config.mjs'), `${readFileSync(join(PACKAGE_DIR, 'eslint.config.mjs'), 'utf8')}export const extra = 1;\n`);
			expect(cloudSupport(dir)).toMatch(/Cloud support is DISABLED[\s\S]*ESLint config: using custom config/);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
