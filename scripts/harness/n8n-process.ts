/**
 * Spawning, readiness and stopping of one n8n process (its own process group, output to a log file).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { killProcessGroup } from './cleanup';
import type { N8nInstall } from './install';
import { pause } from './pause';

export function spawnN8n(install: N8nInstall, args: string[], env: NodeJS.ProcessEnv, logFile: string): ChildProcess {
	mkdirSync(dirname(logFile), { recursive: true });
	const fd = openSync(logFile, 'a');
	try {
		return spawn(install.node.bin, [install.bin, ...args], {
			env,
			detached: true, // own process group: stop() kills n8n and its task runners together
			stdio: ['ignore', fd, fd],
		});
	} finally {
		closeSync(fd);
	}
}

export function logTail(logFile: string, lines = 40): string {
	if (!existsSync(logFile)) return '(no log)';
	return readFileSync(logFile, 'utf8').split('\n').slice(-lines).join('\n');
}

function exited(child: ChildProcess): boolean {
	return child.exitCode !== null || child.signalCode !== null;
}

/**
 * Polls `/healthz/readiness` (DB connected and migrated) until it answers 200, then, with `rest` (an editor
 * process), `/rest/settings` until the REST API is mounted: n8n 1.x reports ready before its controllers exist.
 */
export async function waitForReady(
	url: string,
	child: ChildProcess,
	logFile: string,
	timeoutMs: number,
	options: { rest?: boolean } = {},
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	const probes = [`${url}healthz/readiness`, ...(options.rest ? [`${url}rest/settings`] : [])];
	while (probes.length && Date.now() < deadline) {
		if (exited(child)) {
			throw new Error(`n8n exited (${child.exitCode ?? child.signalCode}) before it was ready:\n${logTail(logFile)}`);
		}
		try {
			const res = await fetch(probes[0], { signal: AbortSignal.timeout(2000) });
			if (res.ok) {
				probes.shift();
				continue;
			}
		} catch {
			// not listening yet
		}
		await pause(250);
	}
	if (probes.length) throw new Error(`n8n not ready after ${timeoutMs} ms:\n${logTail(logFile)}`);
}

/** SIGTERM to the process group, then SIGKILL after `graceMs`. Resolves once the main process is gone. */
export async function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
	if (child.pid === undefined) return;
	const pid = child.pid;
	if (!exited(child)) {
		const gone = new Promise<void>((resolve) => child.once('exit', () => resolve()));
		killProcessGroup(pid, 'SIGTERM');
		const timer = setTimeout(() => killProcessGroup(pid, 'SIGKILL'), graceMs);
		await gone;
		clearTimeout(timer);
	}
	killProcessGroup(pid, 'SIGKILL'); // stragglers in the group (task runners)
}
