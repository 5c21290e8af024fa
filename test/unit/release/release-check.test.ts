/**
 * scripts/release-check.mjs, the first job of publish.yml, run as the workflow runs it (at the repository root,
 * with the tag and the GitHub repository), on package/package.json and CHANGELOG.md variants.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(__dirname, '..', '..', '..', 'scripts', 'release-check.mjs');
const REPO = 'someone/n8n-nodes-ghl-tookan';

const releasable = {
	name: 'n8n-nodes-ghl-tookan',
	version: '1.2.3',
	repository: { type: 'git', url: `git+https://github.com/${REPO}.git` },
	homepage: `https://github.com/${REPO}#readme`,
	bugs: { url: `https://github.com/${REPO}/issues` },
};
const CHANGELOG = '# Changelog\n\n## 1.2.3 (2026-06-01)\n\n- Something.\n\n## 1.2.2 (2026-05-01)\n';

function check(pkg: Record<string, unknown>, changelog: string, tag = 'v1.2.3') {
	const dir = mkdtempSync(join(tmpdir(), 'ghl-tookan-release-'));
	try {
		mkdirSync(join(dir, 'package'));
		writeFileSync(join(dir, 'package', 'package.json'), JSON.stringify(pkg));
		writeFileSync(join(dir, 'CHANGELOG.md'), changelog);
		const result = spawnSync(process.execPath, [SCRIPT, tag, REPO], { cwd: dir, encoding: 'utf8' });
		return { status: result.status, output: result.stdout + result.stderr };
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

describe('release check (scripts/release-check.mjs)', () => {
	it('passes when tag, version, changelog and repository agree', () => {
		expect(check(releasable, CHANGELOG)).toEqual({ status: 0, output: `release check passed: n8n-nodes-ghl-tookan@1.2.3 from https://github.com/${REPO}\n` });
	});

	it.each([
		['a tag of another version', releasable, CHANGELOG, 'v1.2.4', 'tag v1.2.4 is not v + package.json version 1.2.3'],
		['no changelog section', releasable, '# Changelog\n\n## 1.2.2\n', 'v1.2.3', 'CHANGELOG.md has no "## 1.2.3" section'],
		['an unreleased section', releasable, '# Changelog\n\n## 1.2.3 (unreleased)\n', 'v1.2.3', 'still marks 1.2.3 as unreleased'],
		['no repository (as today, before the public repository exists)', { ...releasable, repository: undefined }, CHANGELOG, 'v1.2.3', 'repository.url is undefined'],
		['another repository', { ...releasable, repository: 'https://github.com/other/fork' }, CHANGELOG, 'v1.2.3', 'repository.url is "https://github.com/other/fork"'],
		['no homepage', { ...releasable, homepage: undefined }, CHANGELOG, 'v1.2.3', 'homepage is undefined'],
		['no bugs', { ...releasable, bugs: undefined }, CHANGELOG, 'v1.2.3', 'bugs.url is undefined'],
	])('refuses %s', (_label, pkg, changelog, tag, problem) => {
		const { status, output } = check(pkg, changelog, tag);
		expect(status).toBe(1);
		expect(output).toContain(problem);
	});
});
