/**
 * README › Installation, run as written, into fresh n8n user folders of real n8n (each its own instance):
 * - "From source (a tarball)": the README's lines word for word (bash, `HOME` = the user folder, cwd = a copy
 *   of this repository as a clone would have it; the tarball is made in package/) with
 *   N8N_COMMUNITY_PACKAGES_ENABLED and N8N_UNVERIFIED_PACKAGES_ENABLED set to false: every node and credential loads, the editor is told both are
 *   off, Settings › Community Nodes lists nothing. The tarball `npm pack` wrote holds only dist, README, LICENSE
 *   and package.json.
 * - "Docker": the Dockerfile's RUN and ENTRYPOINT commands outside Docker (no Docker engine here), `/opt` and
 *   `/tmp` moved into a temp folder and the final `exec /docker-entrypoint.sh` left out: n8n loads every node
 *   through the link.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

import { N8N_VERSION, packPackage, PACKAGE_NAME, PACKAGE_ROOT, REPO_ROOT, startN8n, type N8nInstance } from '../../scripts/harness';
import { runCommand } from '../../scripts/harness/command';
import { declaredCredentials, declaredNodes } from './declared-types';

const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
const pkg = JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string; n8n: { nodes: string[]; credentials: string[] } };
const temps: string[] = [];

/** The fenced code block right after `<!-- marker -->` in the README. */
function readmeBlock(marker: string): string {
	const match = new RegExp(`<!-- ${marker} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``).exec(README);
	if (!match) throw new Error(`README.md has no code block after <!-- ${marker} -->`);
	return match[1];
}

function temp(prefix: string): string {
	const dir = mkdtempSync(join(tmpdir(), `ghl-tookan-${prefix}-`));
	temps.push(dir);
	return dir;
}

/** This repository as a fresh clone has it (tracked and new, not ignored, files), devDependencies linked in. */
function cloneLikeCopy(): string {
	const dir = temp('clone');
	const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: REPO_ROOT, encoding: 'utf8' })
		.split('\0')
		.filter((file) => file && existsSync(join(REPO_ROOT, file)));
	for (const file of files) {
		mkdirSync(dirname(join(dir, file)), { recursive: true });
		cpSync(join(REPO_ROOT, file), join(dir, file));
	}
	symlinkSync(join(REPO_ROOT, 'node_modules'), join(dir, 'node_modules'));
	return dir;
}

/** A user's shell: HOME is the n8n user folder, nothing inherited from jest or npm but PATH. */
async function bash(script: string, cwd: string, home: string): Promise<string> {
	const env = { HOME: home, PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', npm_config_update_notifier: 'false' };
	const { stdout, stderr } = await runCommand('bash', ['-euo', 'pipefail', '-c', script], { cwd, env });
	return stdout + stderr;
}

async function expectEveryTypeLoaded(n8n: N8nInstance): Promise<void> {
	const nodeTypes = new Set((await n8n.listNodeTypes()).map((type) => type.name));
	const credentialTypes = new Set((await n8n.listCredentialTypes()).map((type) => type.name));
	const nodes = declaredNodes();
	expect(nodes.length).toBe(pkg.n8n.nodes.length);
	expect(nodes.filter((node) => !nodeTypes.has(`${PACKAGE_NAME}.${node.name}`)).map((node) => node.name)).toEqual([]);
	expect(nodes.filter((node) => node.usableAsTool && !nodeTypes.has(`${PACKAGE_NAME}.${node.name}Tool`)).map((node) => node.name)).toEqual([]);
	expect(declaredCredentials().filter((credential) => !credentialTypes.has(credential.name)).map((c) => c.name)).toEqual([]);
}

afterAll(() => {
	for (const dir of temps) rmSync(dir, { recursive: true, force: true });
});

describe('README › From source (a tarball), word for word, with the community-package switches off', () => {
	let clone: string;
	let n8n: N8nInstance | undefined;
	let tarballEntries: string[];

	beforeAll(async () => {
		clone = cloneLikeCopy();
		n8n = await startN8n({
			env: { N8N_COMMUNITY_PACKAGES_ENABLED: 'false', N8N_UNVERIFIED_PACKAGES_ENABLED: 'false' },
			prepareUserFolder: async (userFolder) => {
				await bash(readmeBlock('install-from-source'), clone, userFolder);
			},
		});
		const tarballs = readdirSync(join(clone, 'package')).filter((file) => file.endsWith('.tgz'));
		expect(tarballs).toEqual([`${PACKAGE_NAME}-${pkg.version}.tgz`]);
		tarballEntries = execFileSync('tar', ['-tzf', join(clone, 'package', tarballs[0])], { encoding: 'utf8' }).trim().split('\n');
	}, 600_000);

	afterAll(async () => {
		await n8n?.stop();
	}, 60_000);

	it('packs only dist, README.md, LICENSE and package.json: no sources, tests, sandbox or their maps', () => {
		const files = tarballEntries.map((entry) => entry.replace(/^package\//, ''));
		expect(files.filter((file) => !/^(README\.md|LICENSE|package\.json|dist\/.+)$/.test(file))).toEqual([]);
		expect(files.filter((file) => file.startsWith('dist/') && !/^dist\/(nodes|credentials|icons)\/|^dist\/package\.json$/.test(file))).toEqual([]);
		expect(files.filter((file) => /(^|\/)(test|tests|__tests__|sandbox|scripts)\/|\.(test|spec)\.|\.ts$/.test(file) && !file.endsWith('.d.ts'))).toEqual([]);
		// source maps only beside the compiled file they map
		expect(files.filter((file) => file.endsWith('.js.map') && !files.includes(file.replace(/\.map$/, '')))).toEqual([]);
		expect([...pkg.n8n.nodes, ...pkg.n8n.credentials].filter((file) => !files.includes(file))).toEqual([]);
		expect(files).toEqual(expect.arrayContaining(['README.md', 'LICENSE', 'package.json']));
		// README.md and LICENSE are the repository's own (copied in by the build), not other texts
		const packed = (file: string) => execFileSync('tar', ['-xzOf', join(clone, 'package', `${PACKAGE_NAME}-${pkg.version}.tgz`), `package/${file}`], { encoding: 'utf8' });
		expect(packed('README.md')).toBe(README);
		expect(packed('LICENSE')).toBe(readFileSync(join(REPO_ROOT, 'LICENSE'), 'utf8'));
	});

	it('installs into the nodes folder as a file dependency, without n8n-workflow or other peers', () => {
		const nodes = join(n8n!.userFolder, '.n8n', 'nodes');
		const manifest = JSON.parse(readFileSync(join(nodes, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
		expect(manifest.dependencies).toEqual({ [PACKAGE_NAME]: `file:${PACKAGE_NAME}-${pkg.version}.tgz` });
		expect(readdirSync(join(nodes, 'node_modules')).filter((entry) => !entry.startsWith('.'))).toEqual([PACKAGE_NAME]);
		const installed = JSON.parse(readFileSync(join(nodes, 'node_modules', PACKAGE_NAME, 'package.json'), 'utf8')) as { version: string };
		expect(installed.version).toBe(pkg.version);
	});

	it('n8n loads every node (and its tool variant) and every credential of the package', async () => {
		await expectEveryTypeLoaded(n8n!);
	});

	it('with N8N_COMMUNITY_PACKAGES_ENABLED and N8N_UNVERIFIED_PACKAGES_ENABLED false: installer off, nothing listed', async () => {
		const settings = await n8n!.rest<{ communityNodesEnabled: boolean; unverifiedCommunityNodesEnabled: boolean }>('GET', '/settings');
		expect({ communityNodesEnabled: settings.communityNodesEnabled, unverified: settings.unverifiedCommunityNodesEnabled }).toEqual({
			communityNodesEnabled: false,
			unverified: false,
		});
		expect(await n8n!.rest('GET', '/community-packages')).toEqual([]);
	});
});

describe('README › Docker: the Dockerfile steps outside Docker', () => {
	let n8n: N8nInstance | undefined;
	let link: string;

	const dockerfile = readmeBlock('dockerfile');

	it(`builds on the official image of the n8n version the tests run (${N8N_VERSION})`, () => {
		expect(dockerfile.split('\n')[0]).toBe(`FROM docker.n8n.io/n8nio/n8n:${N8N_VERSION}`);
	});

	it('n8n loads every node and credential through the link the entrypoint makes', async () => {
		const root = temp('docker');
		const moved = (text: string) => text.replace(/(^|[\s"'])\/(opt|tmp)\//g, `$1${root}/$2/`);
		// COPY n8n-nodes-ghl-tookan-*.tgz /tmp/: the tarball `npm pack` makes
		mkdirSync(join(root, 'tmp'));
		const tarball = await packPackage();
		cpSync(tarball, join(root, 'tmp', basename(tarball)));
		const run = dockerfile
			.replace(/\\\n/g, ' ')
			.split('\n')
			.filter((line) => line.startsWith('RUN '))
			.map((line) => moved(line.slice(4)));
		const entrypoint = JSON.parse(dockerfile.split('\n').find((line) => line.startsWith('ENTRYPOINT '))!.slice(11)) as string[];
		expect(entrypoint.slice(0, 4)).toEqual(['tini', '--', '/bin/sh', '-c']);
		const startScript = moved(entrypoint[4]).replace(/ && exec \/docker-entrypoint\.sh "\$@"$/, '');
		expect(startScript).not.toContain('docker-entrypoint');

		n8n = await startN8n({
			prepareUserFolder: async (userFolder) => {
				for (const command of run) await bash(command, root, userFolder);
				await bash(startScript, root, userFolder);
				await bash(startScript, root, userFolder); // a restart links again over the old link
				link = join(userFolder, '.n8n', 'nodes', 'node_modules', PACKAGE_NAME);
			},
		});
		try {
			expect(lstatSync(link).isSymbolicLink()).toBe(true);
			await expectEveryTypeLoaded(n8n);
		} finally {
			await n8n.stop();
		}
	}, 600_000);
});
