/**
 * `startRedis()`: a private redis-server (Debian package) for n8n queue mode, on a free loopback port with
 * its own temp directory and no persistence. Stopped by `stop()` or when this process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { killProcessGroup, registerCleanup } from './cleanup';
import { freePort } from './ports';

export interface RedisServer {
	host: string;
	port: number;
	pid: number;
	stop(): Promise<void>;
}

/** Sends PING and resolves with the reply line ('' when nothing sensible came back). */
function ping(port: number): Promise<string> {
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		let reply = '';
		const done = (value: string) => {
			socket.destroy();
			resolve(value);
		};
		socket.setTimeout(1000, () => done(''));
		socket.on('error', () => done(''));
		socket.on('connect', () => socket.write('PING\r\n'));
		socket.on('data', (chunk) => {
			reply += chunk.toString();
			if (reply.includes('\r\n')) done(reply.trim());
		});
	});
}

function exited(child: ChildProcess): boolean {
	return child.exitCode !== null || child.signalCode !== null;
}

export async function startRedis(binary = 'redis-server'): Promise<RedisServer> {
	const port = await freePort();
	const dir = mkdtempSync(join(tmpdir(), 'ghl-tookan-redis-'));
	const child = spawn(
		binary,
		['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no', '--protected-mode', 'yes', '--loglevel', 'warning'],
		{ detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
	);
	let stderr = '';
	child.stderr?.on('data', (chunk) => (stderr += chunk.toString()));
	const spawnError = new Promise<Error>((resolve) => child.once('error', resolve));
	const unregister = registerCleanup(() => {
		killProcessGroup(child.pid ?? 0);
		rmSync(dir, { recursive: true, force: true });
	});
	const stop = async () => {
		if (!exited(child)) {
			const gone = new Promise((resolve) => child.once('exit', resolve));
			killProcessGroup(child.pid ?? 0, 'SIGTERM');
			await gone;
		}
		unregister();
		rmSync(dir, { recursive: true, force: true });
	};
	const deadline = Date.now() + 15_000;
	for (;;) {
		const failed = await Promise.race([spawnError, new Promise<undefined>((resolve) => setTimeout(resolve, 100, undefined))]);
		if (failed || exited(child)) {
			await stop();
			throw new Error(`redis-server did not start (${failed?.message ?? `exit ${child.exitCode}`}): ${stderr.trim()} — install it with apt-get install redis-server`);
		}
		if ((await ping(port)) === '+PONG') return { host: '127.0.0.1', port, pid: child.pid ?? 0, stop };
		if (Date.now() > deadline) {
			await stop();
			throw new Error(`redis-server on port ${port} did not answer PING: ${stderr.trim()}`);
		}
	}
}
