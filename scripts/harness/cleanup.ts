/**
 * Last-resort cleanup: whatever is registered here runs (synchronously) when this process exits or is
 * stopped by SIGINT/SIGTERM/SIGHUP, so a crashed or interrupted test run leaves no n8n behind.
 * Normal code paths clean up themselves and unregister.
 */
import { rmSync } from 'node:fs';

type Action = () => void;

const actions = new Set<Action>();
let installed = false;

function runAll(): void {
	for (const action of [...actions].reverse()) {
		actions.delete(action);
		try {
			action();
		} catch {
			// best effort: the process is going away
		}
	}
}

function onSignal(signal: NodeJS.Signals): void {
	runAll();
	process.removeListener(signal, onSignal);
	// re-raise so the default behaviour (and exit code) applies when nobody else handles it
	if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function install(): void {
	if (installed) return;
	installed = true;
	process.once('exit', runAll);
	for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, onSignal);
}

/** Registers a synchronous action; returns a function that unregisters it. */
export function registerCleanup(action: Action): () => void {
	install();
	actions.add(action);
	return () => {
		actions.delete(action);
	};
}

/** Removes `path` (recursively) when the process exits. */
export function registerCleanupPath(path: string): () => void {
	return registerCleanup(() => rmSync(path, { recursive: true, force: true }));
}

/** Kills a whole process group (the child must have been spawned with `detached: true`). */
export function killProcessGroup(pid: number, signal: NodeJS.Signals = 'SIGKILL'): void {
	if (!Number.isInteger(pid) || pid <= 1) return; // -0 / -1 would signal our own group / everything
	try {
		process.kill(-pid, signal);
	} catch {
		// group already gone
	}
}
