/**
 * `startQueueN8n()`: real n8n in queue mode: a private Redis and a private PostgreSQL, the main process
 * (editor, API, webhooks; it queues production executions and, with `offloadManual`, manual ones too) and
 * `workers` worker processes that run them. All share the database, the main's user folder (settings and the
 * community package), the encryption key and the Redis queue. `addWorker()` scales out later; `stop()` stops
 * everything.
 *
 * `addWebhookProcess()` starts an `n8n webhook` process (production webhooks only) on its own port, as
 * installations that scale webhook intake do; the main keeps serving webhooks too.
 *
 * SQLite (`database: 'sqlite'`, the user folder's file) is what n8n calls "not officially supported" in
 * scaling mode, and it fails here: n8n sets no busy timeout, so with two workers executions end with
 * "SQLITE_BUSY: database is locked". PostgreSQL is the default.
 */
import type { ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { registerCleanup, killProcessGroup } from './cleanup';
import { logTail, spawnN8n, stopProcess, waitForReady } from './n8n-process';
import { freePort } from './ports';
import { startPostgres, type PostgresServer } from './postgres';
import { startRedis, type RedisServer } from './redis';
import { startN8n, type N8nInstance, type StartOptions } from './start';

export interface QueueOptions extends StartOptions {
	/** Worker processes started with the main (default 1). */
	workers?: number;
	/** Jobs each worker runs at once (n8n's default is 10). */
	workerConcurrency?: number;
	/** Send manual executions (the editor's "Execute workflow", `runWorkflow`) to the workers too. */
	offloadManual?: boolean;
	/** Shared database (default PostgreSQL; SQLite fails under load, see above). */
	database?: 'postgres' | 'sqlite';
}

export interface WorkerProcess {
	index: number;
	pid: number;
	logFile: string;
	stop(): Promise<void>;
}

export interface WebhookProcess {
	index: number;
	pid: number;
	/** Base URL webhooks are served on, with a trailing slash (like `N8nConnection.webhookUrl`). */
	webhookUrl: string;
	logFile: string;
	stop(): Promise<void>;
}

export class QueueN8n {
	readonly workers: WorkerProcess[] = [];
	readonly webhookProcesses: WebhookProcess[] = [];

	constructor(
		readonly main: N8nInstance,
		readonly redis: RedisServer,
		readonly postgres: PostgresServer | undefined,
		private readonly options: QueueOptions,
	) {}

	/** Starts one more worker and resolves once it is ready (database and Redis connected). */
	async addWorker(): Promise<WorkerProcess> {
		const index = this.workers.length + 1;
		const [brokerPort, healthPort] = [await freePort(), await freePort()];
		const env: NodeJS.ProcessEnv = {
			...this.main.env,
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
		};
		const logFile = join(tmpdir(), 'ghl-tookan-n8n-logs', `n8n-worker-${healthPort}.log`);
		const args = ['worker', `--concurrency=${this.options.workerConcurrency ?? 10}`];
		const child: ChildProcess = spawnN8n(this.main.install, args, env, logFile);
		const unregister = registerCleanup(() => killProcessGroup(child.pid ?? 0));
		const stop = async () => {
			await stopProcess(child);
			unregister();
		};
		try {
			await waitForReady(`http://127.0.0.1:${healthPort}/`, child, logFile, this.options.readyTimeoutMs ?? 120_000);
		} catch (error) {
			await stop();
			throw new Error(`n8n worker ${index} did not start: ${(error as Error).message}\n${logTail(logFile)}`);
		}
		const worker = { index, pid: child.pid ?? 0, logFile, stop };
		this.workers.push(worker);
		return worker;
	}

	/** Starts an `n8n webhook` process on a free port and resolves once it is ready. */
	async addWebhookProcess(): Promise<WebhookProcess> {
		const index = this.webhookProcesses.length + 1;
		const [port, brokerPort] = [await freePort(), await freePort()];
		const webhookUrl = `http://127.0.0.1:${port}/`;
		const env: NodeJS.ProcessEnv = {
			...this.main.env,
			N8N_PORT: String(port),
			N8N_RUNNERS_BROKER_PORT: String(brokerPort),
			N8N_WEBHOOK_URL: webhookUrl,
		};
		const logFile = join(tmpdir(), 'ghl-tookan-n8n-logs', `n8n-webhook-${port}.log`);
		const child: ChildProcess = spawnN8n(this.main.install, ['webhook'], env, logFile);
		const unregister = registerCleanup(() => killProcessGroup(child.pid ?? 0));
		const stop = async () => {
			await stopProcess(child);
			unregister();
		};
		try {
			await waitForReady(webhookUrl, child, logFile, this.options.readyTimeoutMs ?? 120_000);
		} catch (error) {
			await stop();
			throw new Error(`n8n webhook process ${index} did not start: ${(error as Error).message}\n${logTail(logFile)}`);
		}
		const process = { index, pid: child.pid ?? 0, webhookUrl, logFile, stop };
		this.webhookProcesses.push(process);
		return process;
	}

	/** Stops the webhook processes and workers (they finish or hand back their jobs), then the main, then Redis and PostgreSQL. */
	async stop(): Promise<void> {
		await Promise.all(this.webhookProcesses.map(async (webhook) => await webhook.stop()));
		await Promise.all(this.workers.map(async (worker) => await worker.stop()));
		await this.main.stop();
		await this.redis.stop();
		await this.postgres?.stop();
	}
}

/** The environment that puts a harness n8n into queue mode on this Redis. */
export function queueEnv(redis: RedisServer, options: QueueOptions): Record<string, string> {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: redis.host,
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		...(options.offloadManual ? { OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true' } : {}),
	};
}

export async function startQueueN8n(options: QueueOptions = {}): Promise<QueueN8n> {
	const redis = await startRedis();
	let postgres: PostgresServer | undefined;
	let main: N8nInstance;
	try {
		if ((options.database ?? 'postgres') === 'postgres') postgres = await startPostgres();
		main = await startN8n({ ...options, env: { ...queueEnv(redis, options), ...postgres?.n8nEnv(), ...options.env } });
	} catch (error) {
		await redis.stop();
		await postgres?.stop();
		throw error;
	}
	const queue = new QueueN8n(main, redis, postgres, options);
	try {
		for (let i = 0; i < (options.workers ?? 1); i++) await queue.addWorker();
	} catch (error) {
		await queue.stop();
		throw error;
	}
	return queue;
}
