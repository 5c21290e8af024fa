/**
 * `startN8n()`: one real n8n (cached Node 24 + n8n release) on free loopback ports, in a temp user
 * folder copied from the migrated template, optionally with this package installed as a community
 * package; owner and API key created. `stop()` kills the process tree and removes the folder; the
 * same happens if this process exits or is interrupted first.
 */
import type { ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { killProcessGroup, registerCleanup } from './cleanup';
import type { N8nConnection } from './client';
import { n8nEnv } from './env';
import { ensureN8n, N8N_VERSION, type N8nInstall } from './install';
import { installPackage } from './install-package';
import { N8n } from './n8n';
import { logTail, spawnN8n, stopProcess, waitForReady } from './n8n-process';
import { createApiKey, newOwnerLogin, setupOwner } from './owner';
import { freePort } from './ports';
import { newUserFolder } from './user-folder';

export interface StartOptions {
	/** n8n release (default N8N_VERSION from install.ts, or GHL_TOOKAN_N8N_VERSION). */
	version?: string;
	/** Extra environment for n8n (wins over the harness defaults). */
	env?: Record<string, string>;
	/** Tarball from `packPackage()` to install as a community package before start. */
	packageTarball?: string;
	/** Runs on the fresh user folder before n8n starts (e.g. installing the package another way). */
	prepareUserFolder?: (userFolder: string) => Promise<void>;
	/** Editor/API port (default: a free one). */
	port?: number;
	/** Where n8n's output goes (kept after stop); default under the OS temp dir. */
	logFile?: string;
	readyTimeoutMs?: number;
}

export class N8nInstance extends N8n {
	constructor(
		connection: N8nConnection,
		readonly install: N8nInstall,
		readonly env: NodeJS.ProcessEnv,
		private child: ChildProcess,
		private readonly cleanup: () => void,
		private readonly launch: () => Promise<ChildProcess>,
	) {
		super(connection);
	}

	get userFolder(): string {
		return this.connection.userFolder;
	}

	get logFile(): string {
		return this.connection.logFile;
	}

	get webhookUrl(): string {
		return this.connection.webhookUrl;
	}

	get apiKey(): string {
		return this.connection.apiKey;
	}

	get email(): string {
		return this.connection.email;
	}

	get password(): string {
		return this.connection.password;
	}

	get pid(): number | undefined {
		return this.child.pid;
	}

	/**
	 * Stops n8n and starts it again with the same user folder (database, settings, packages), environment and
	 * ports, as an operator's restart does; resolves once it is ready again (owner and API key still valid).
	 */
	async restart(): Promise<void> {
		await this.halt();
		await this.resume();
	}

	/**
	 * Stops n8n as an operator's stop does (SIGTERM) but keeps its user folder: while it is down, its ports
	 * refuse connections. `resume()` starts it again.
	 */
	async halt(): Promise<void> {
		await stopProcess(this.child);
	}

	/** Starts n8n again after `halt()`, with the same folder, environment and ports; resolves once it is ready. */
	async resume(): Promise<void> {
		this.child = await this.launch();
	}

	/** Stops n8n (process tree) and removes the temp user folder. Safe to call twice. */
	async stop(): Promise<void> {
		await stopProcess(this.child);
		this.cleanup();
	}
}

export async function startN8n(options: StartOptions = {}): Promise<N8nInstance> {
	const install = ensureN8n(options.version ?? N8N_VERSION);
	const userFolder = await newUserFolder(install);
	const [port, brokerPort] = [options.port ?? (await freePort()), await freePort()];
	const logFile = options.logFile ?? join(tmpdir(), 'ghl-tookan-n8n-logs', `n8n-${install.version}-${port}.log`);
	let child: ChildProcess | undefined;
	const removeFolder = () => rmSync(userFolder, { recursive: true, force: true });
	const unregister = registerCleanup(() => {
		if (child?.pid) killProcessGroup(child.pid);
		removeFolder();
	});
	const cleanup = () => {
		unregister();
		removeFolder();
	};
	try {
		if (options.packageTarball) await installPackage(userFolder, options.packageTarball);
		if (options.prepareUserFolder) await options.prepareUserFolder(userFolder);
		const env = n8nEnv({ version: install.version, nodeBin: install.node.bin, userFolder, port, brokerPort, extra: options.env });
		const url = `http://127.0.0.1:${port}/`;
		const launch = async (): Promise<ChildProcess> => {
			child = spawnN8n(install, ['start'], env, logFile);
			await waitForReady(url, child, logFile, options.readyTimeoutMs ?? 120_000, { rest: true });
			return child;
		};
		await launch();
		const login = newOwnerLogin();
		const connection: N8nConnection = {
			version: install.version,
			url,
			webhookUrl: env.N8N_WEBHOOK_URL ?? url,
			apiKey: '',
			...login,
			userFolder,
			logFile,
		};
		const bootstrap = new N8n(connection);
		await setupOwner(bootstrap, login);
		connection.apiKey = await createApiKey(bootstrap);
		return new N8nInstance(connection, install, env, child as ChildProcess, cleanup, launch);
	} catch (error) {
		if (child) await stopProcess(child);
		cleanup();
		const message = error instanceof Error ? error.message : String(error);
		throw new Error(`startN8n failed: ${message}\n--- n8n log (${logFile}) ---\n${logTail(logFile)}`);
	}
}
