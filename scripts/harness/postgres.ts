/**
 * `startPostgres()`: a private PostgreSQL (Debian's postgresql package) for n8n queue mode: a fresh cluster
 * in a temp directory, on a free loopback port, trust authentication for its one user, durability switched
 * off (a throwaway test database). As root it runs as the `postgres` user (PostgreSQL refuses root).
 * Stopped by `stop()` or when this process exits.
 *
 * Why not SQLite: n8n opens SQLite without a busy timeout, so main and two workers sharing the file fail
 * executions with "SQLITE_BUSY: database is locked" within seconds.
 */
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { killProcessGroup, registerCleanup } from './cleanup';
import { freePort } from './ports';

export interface PostgresServer {
	host: string;
	port: number;
	user: string;
	database: string;
	pid: number;
	/** The DB_* variables that point n8n at this database. */
	n8nEnv(): Record<string, string>;
	stop(): Promise<void>;
}

const PG_ROOT = '/usr/lib/postgresql';
const USER = 'n8n';
const DATABASE = 'n8n';

/** The newest installed PostgreSQL's bin directory. */
export function postgresBin(): string {
	const versions = existsSync(PG_ROOT) ? readdirSync(PG_ROOT).filter((v) => /^\d+$/.test(v)) : [];
	const newest = versions.sort((a, b) => Number(b) - Number(a))[0];
	if (!newest || !existsSync(join(PG_ROOT, newest, 'bin', 'postgres'))) {
		throw new Error(`PostgreSQL is not installed (no ${PG_ROOT}/<version>/bin/postgres): apt-get install postgresql`);
	}
	return join(PG_ROOT, newest, 'bin');
}

/** As root: the uid/gid of the `postgres` user, which owns the cluster; otherwise run as ourselves. */
function runAs(): { uid?: number; gid?: number } {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
	const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
	return { uid: id('-u'), gid: id('-g') };
}

function run(bin: string, args: string[], identity: { uid?: number; gid?: number }): void {
	const result = spawnSync(bin, args, { ...identity, encoding: 'utf8', cwd: tmpdir() });
	if (result.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed: ${result.error?.message ?? ''} ${result.stderr ?? ''}`);
}

function exited(child: ChildProcess): boolean {
	return child.exitCode !== null || child.signalCode !== null;
}

export async function startPostgres(): Promise<PostgresServer> {
	const bin = postgresBin();
	const identity = runAs();
	const dir = mkdtempSync(join(tmpdir(), 'ghl-tookan-pg-'));
	const data = join(dir, 'data');
	mkdirSync(data);
	if (identity.uid !== undefined) {
		chownSync(dir, identity.uid, identity.gid as number);
		chownSync(data, identity.uid, identity.gid as number);
	}
	let child: ChildProcess | undefined;
	const unregister = registerCleanup(() => {
		if (child?.pid) killProcessGroup(child.pid);
		rmSync(dir, { recursive: true, force: true });
	});
	const stop = async () => {
		if (child && !exited(child)) {
			const gone = new Promise((resolve) => child?.once('exit', resolve));
			killProcessGroup(child.pid ?? 0, 'SIGINT'); // fast shutdown
			await gone;
		}
		unregister();
		rmSync(dir, { recursive: true, force: true });
	};
	try {
		run(join(bin, 'initdb'), ['-D', data, '-U', USER, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync'], identity);
		const port = await freePort();
		let stderr = '';
		child = spawn(
			join(bin, 'postgres'),
			['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
			{ ...identity, cwd: dir, detached: true, stdio: ['ignore', 'ignore', 'pipe'] },
		);
		child.stderr?.on('data', (chunk) => (stderr = `${stderr}${chunk}`.slice(-4000)));
		const deadline = Date.now() + 30_000;
		while (spawnSync(join(bin, 'pg_isready'), ['-h', '127.0.0.1', '-p', String(port), '-U', USER, '-q']).status !== 0) {
			if (exited(child) || Date.now() > deadline) throw new Error(`postgres did not start: ${stderr.trim()}`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		run(join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', USER, DATABASE], {});
		const server: PostgresServer = {
			host: '127.0.0.1',
			port,
			user: USER,
			database: DATABASE,
			pid: child.pid ?? 0,
			n8nEnv: () => ({
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(port),
				DB_POSTGRESDB_USER: USER,
				DB_POSTGRESDB_PASSWORD: '',
				DB_POSTGRESDB_DATABASE: DATABASE,
				// n8n's default pool of 2 connections is too small for a worker running 10 executions whose requests
				// each look up their credential: on a loaded machine executions failed with "timeout exceeded when
				// trying to connect" (the pool wait passed 20 s)
				DB_POSTGRESDB_POOL_SIZE: '10',
			}),
			stop,
		};
		return server;
	} catch (error) {
		await stop();
		throw error;
	}
}
