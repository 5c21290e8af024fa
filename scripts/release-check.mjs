#!/usr/bin/env node
// First job of .github/workflows/publish.yml: refuses a release whose metadata disagree, before the tests run.
//   node scripts/release-check.mjs <tag> <owner/repo>      (at the repository root: reads package/package.json, CHANGELOG.md)
// - the tag is `v` + package.json's version;
// - CHANGELOG.md has a `## <version>` section that is not marked "(unreleased)";
// - package.json's repository, homepage and bugs point at the GitHub repository that runs the workflow
//   (npm refuses a provenance statement whose repository.url differs from the repository that built it, and
//   users find the issue tracker through `bugs`).
// Prints every problem and exits 1 when there is one.
import { readFileSync } from 'node:fs';

const [tag, repository] = process.argv.slice(2);
if (!tag || !repository) {
	process.stderr.write('usage: node scripts/release-check.mjs <tag> <owner/repo>\n');
	process.exit(2);
}

const pkg = JSON.parse(readFileSync('package/package.json', 'utf8'));
const changelog = readFileSync('CHANGELOG.md', 'utf8');
const problems = [];
const github = `https://github.com/${repository}`;

if (tag !== `v${pkg.version}`) problems.push(`tag ${tag} is not v + package.json version ${pkg.version}`);

const escaped = String(pkg.version).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const heading = changelog.split('\n').find((line) => new RegExp(`^## ${escaped}(\\s|$)`).test(line));
if (!heading) problems.push(`CHANGELOG.md has no "## ${pkg.version}" section`);
else if (/unreleased/i.test(heading)) problems.push(`CHANGELOG.md still marks ${pkg.version} as unreleased: "${heading}"`);

const repositoryUrl = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
const normalized = String(repositoryUrl ?? '')
	.replace(/^git\+/, '')
	.replace(/\.git$/, '');
if (normalized !== github) problems.push(`package.json repository.url is ${JSON.stringify(repositoryUrl)}, expected ${github} (git+${github}.git)`);
if (!String(pkg.homepage ?? '').startsWith(github)) problems.push(`package.json homepage is ${JSON.stringify(pkg.homepage)}, expected ${github}#readme`);
const bugs = typeof pkg.bugs === 'string' ? pkg.bugs : pkg.bugs?.url;
if (bugs !== `${github}/issues`) problems.push(`package.json bugs.url is ${JSON.stringify(bugs)}, expected ${github}/issues`);

if (problems.length > 0) {
	process.stderr.write(`release check failed for ${tag}:\n${problems.map((p) => `- ${p}`).join('\n')}\n`);
	process.exit(1);
}
process.stdout.write(`release check passed: ${pkg.name}@${pkg.version} from ${github}\n`);
