/**
 * The demo behind `npm start`: the sandbox (when sandbox/server.ts exists) and real n8n with this
 * package installed; prints the editor URL and login, then runs until Ctrl-C.
 * `--once`: smoke-check (package nodes listed by n8n, sandbox answering) and exit.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_NAME, REPO_ROOT } from './paths';
import { packPackage } from './pack';
import { freePort, isPortFree } from './ports';
import { startN8n, type N8nInstance } from './start';

interface SandboxLike {
	url: string;
	ghlBaseUrl?: string;
	tookanBaseUrl?: string;
	close(): Promise<void>;
}

const DEFAULT_PORT = 5678;

async function startSandbox(): Promise<SandboxLike | undefined> {
	const file = join(REPO_ROOT, 'sandbox', 'server.ts');
	if (!existsSync(file)) return undefined;
	const mod = (await import(file)) as { createSandbox?: (options?: object) => Promise<SandboxLike> };
	return mod.createSandbox?.({});
}

/** The usual n8n port when it is free (bookmarks keep working), any free port otherwise. */
async function editorPort(): Promise<number> {
	const wanted = Number(process.env.GHL_TOOKAN_DEMO_PORT ?? DEFAULT_PORT);
	return (await isPortFree(wanted)) ? wanted : freePort();
}

async function smokeCheck(n8n: N8nInstance, sandbox?: SandboxLike): Promise<void> {
	const ours = (await n8n.listNodeTypes()).map((t) => t.name).filter((name) => name.startsWith(`${PACKAGE_NAME}.`));
	if (ours.length === 0) throw new Error(`n8n lists no ${PACKAGE_NAME} nodes`);
	process.stdout.write(`smoke: n8n lists ${ours.join(', ')}\n`);
	if (sandbox) {
		const res = await fetch(`${sandbox.url.replace(/\/$/, '')}/_admin/info`);
		if (!res.ok) throw new Error(`sandbox admin answered ${res.status}`);
		process.stdout.write(`smoke: sandbox ${sandbox.url} answered ${res.status}\n`);
	}
}

async function main(once: boolean): Promise<void> {
	const sandbox = await startSandbox();
	let n8n: N8nInstance | undefined;
	const shutdown = async () => {
		await n8n?.stop();
		await sandbox?.close();
	};
	try {
		n8n = await startN8n({ packageTarball: await packPackage(), port: await editorPort() });
		const lines = [
			'',
			`n8n ${n8n.version} with ${PACKAGE_NAME} is running`,
			`  editor:   ${n8n.url}`,
			`  login:    ${n8n.email} / ${n8n.password}`,
			`  log:      ${n8n.logFile}`,
			...(sandbox ? [`  sandbox:  ${sandbox.url} (GHL ${sandbox.ghlBaseUrl}, Tookan ${sandbox.tookanBaseUrl})`] : []),
			'',
		];
		process.stdout.write(lines.join('\n'));
		if (once) {
			await smokeCheck(n8n, sandbox);
			await shutdown();
			return;
		}
		process.stdout.write('Ctrl-C stops everything.\n');
		await new Promise<void>((resolve) => {
			process.once('SIGINT', resolve);
			process.once('SIGTERM', resolve);
		});
		await shutdown();
	} catch (error) {
		await shutdown();
		throw error;
	}
}

main(process.argv.includes('--once')).catch((error: unknown) => {
	process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
