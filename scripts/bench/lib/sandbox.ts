/**
 * The sandbox in its own process (so its CPU and memory never mix with what a benchmark measures), on a free
 * loopback port, driven through its admin API. Stopped by `stop()` or when this process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import { killProcessGroup, registerCleanup } from '../../harness/cleanup';
import { REPO_ROOT } from '../../harness/paths';
import { freePort } from '../../harness/ports';
import { GHL_DEFAULTS } from '../../../sandbox/ghl/defaults';

export interface RateLimit {
	max: number;
	intervalMs: number;
}

export interface LoggedRequest {
	seq: number;
	time: string;
	method: string;
	path: string;
	status: number;
}

export class SandboxProcess {
	constructor(
		readonly url: string,
		private readonly child: ChildProcess,
		private readonly unregister: () => void,
	) {}

	get ghlBaseUrl(): string {
		return `${this.url}/ghl`;
	}

	get pid(): number {
		return this.child.pid ?? 0;
	}

	async admin<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
		const res = await fetch(`${this.url}/_admin${path}`, {
			method,
			headers: body === undefined ? {} : { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await res.text();
		if (!res.ok) throw new Error(`sandbox admin ${method} ${path} -> ${res.status}: ${text.slice(0, 300)}`);
		return (text ? JSON.parse(text) : undefined) as T;
	}

	/** GHL's burst window (the daily quota is lifted so long benchmarks never meet it) and a fixed latency. */
	async configure(limit: RateLimit, latencyMs: number): Promise<void> {
		await this.admin('PUT', '/config', {
			ghl: { rateLimit: { ...limit, daily: 100_000_000, retryAfter: false } },
		});
		await this.admin('PUT', '/faults', latencyMs > 0 ? { latencyMs } : 'none');
	}

	/** One more location of the sandbox agency and a Private Integration Token of its own (so its own limit). */
	async addLocation(): Promise<{ locationId: string; pit: string }> {
		const { id } = await this.admin<{ id: string }>('POST', '/locations', {});
		const { token } = await this.admin<{ token: string }>('POST', '/pits', { locationId: id });
		return { locationId: id, pit: token };
	}

	async seedContacts(contacts: number, locationId: string = GHL_DEFAULTS.locationIds[0]): Promise<void> {
		await this.admin('POST', '/seed', { ghl: { locationId, contacts } });
	}

	async clearRequests(): Promise<void> {
		await this.admin('DELETE', '/requests');
	}

	/** The request log (the sandbox keeps the newest 5,000) and the number received since the last clear. */
	async requests(): Promise<{ count: number; requests: LoggedRequest[] }> {
		return await this.admin('GET', '/requests?service=ghl');
	}

	async contacts(locationId: string = GHL_DEFAULTS.locationIds[0]): Promise<Array<Record<string, unknown>>> {
		return (await this.admin<{ contacts: Array<Record<string, unknown>> }>('GET', `/state/ghl/contacts?locationId=${locationId}`)).contacts;
	}

	async stop(): Promise<void> {
		if (this.child.exitCode === null && this.child.signalCode === null) {
			const gone = new Promise((resolve) => this.child.once('exit', resolve));
			killProcessGroup(this.pid, 'SIGTERM');
			await gone;
		}
		this.unregister();
	}
}

/** Starts `sandbox/cli.ts` with no seed data on a free port and waits until its admin API answers. */
export async function startSandboxProcess(): Promise<SandboxProcess> {
	const port = await freePort();
	const child = spawn(
		join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
		[join(REPO_ROOT, 'sandbox', 'cli.ts'), '--port', String(port), '--seed-contacts', '0', '--seed-tasks', '0', '--seed-businesses', '0'],
		{ cwd: REPO_ROOT, detached: true, stdio: ['ignore', 'ignore', 'inherit'] },
	);
	const unregister = registerCleanup(() => killProcessGroup(child.pid ?? 0));
	const sandbox = new SandboxProcess(`http://127.0.0.1:${port}`, child, unregister);
	const deadline = Date.now() + 60_000;
	for (;;) {
		try {
			await sandbox.admin('GET', '/info');
			return sandbox;
		} catch (error) {
			if (child.exitCode !== null || Date.now() > deadline) {
				await sandbox.stop();
				throw new Error(`sandbox did not start: ${(error as Error).message}`);
			}
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
	}
}
