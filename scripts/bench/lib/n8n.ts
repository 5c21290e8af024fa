/**
 * Real n8n for the benchmarks: this package packed and installed, sandbox credentials, and manual runs
 * timed by n8n itself (execution start to stop) with the CPU the n8n process spent on them.
 */
import { get } from 'node:http';

import { GHL_DEFAULTS } from '../../../sandbox/ghl/defaults';
import { N8nHttpError, packPackage, type Execution, type N8n, type WorkflowJson } from '../../harness';
import { cpuSeconds } from './cpu';

let tarball: Promise<string> | undefined;

/** The package built and packed once per benchmark process. */
export function benchTarball(): Promise<string> {
	tarball ??= packPackage();
	return tarball;
}

/** A Private Integration Token credential for one sandbox location; returns its name. */
export async function createPitCredential(n8n: N8n, ghlBaseUrl: string, locationId: string, pit: string, name = `GHL sandbox ${locationId}`): Promise<string> {
	await n8n.createCredential({ name, type: 'ghlPrivateIntegrationApi', data: { accessToken: pit, locationId, baseUrl: ghlBaseUrl } });
	return name;
}

/** The sandbox's Private Integration Token as a GHL credential, and the same token for header auth. */
export async function createBenchCredentials(n8n: N8n, ghlBaseUrl: string): Promise<void> {
	await createPitCredential(n8n, ghlBaseUrl, GHL_DEFAULTS.locationIds[0], GHL_DEFAULTS.pit, 'GHL sandbox');
	await n8n.createCredential({
		name: 'GHL header auth',
		type: 'httpHeaderAuth',
		data: { name: 'Authorization', value: `Bearer ${GHL_DEFAULTS.pit}` },
	});
}

export interface TimedRun {
	execution: Execution;
	/** From n8n's startedAt to stoppedAt. */
	seconds: number;
	/** CPU the n8n process used from the run request until the execution had finished. */
	cpuSeconds: number;
	/** The longest n8n took to answer a health check during the run: how long its event loop was busy at most. */
	longestStallMs: number;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks n8n's /healthz every `everyMs` on a new connection each time (a request waiting on a pooled
 * keep-alive socket would be reset by a long stall) until `stop()`, which resolves with the longest wait.
 */
function watchStalls(n8n: N8n, everyMs = 250): { stop: () => Promise<number> } {
	let running = true;
	let longest = 0;
	const probe = () =>
		new Promise<void>((resolve) => {
			const req = get(`${n8n.url}healthz`, { agent: false, timeout: 120_000 }, (res) => res.resume().on('end', resolve).on('error', resolve));
			req.on('error', () => resolve()).on('timeout', () => req.destroy());
		});
	const loop = (async () => {
		while (running) {
			const started = Date.now();
			await probe();
			longest = Math.max(longest, Date.now() - started);
			if (running) await pause(everyMs);
		}
	})();
	return {
		stop: async () => {
			running = false;
			await loop;
			return longest;
		},
	};
}

/** The execution; n8n answers 503 "Database is not ready" while a large execution is being saved: ask again. */
async function executionOf(n8n: N8n, id: string, includeData: boolean): Promise<Execution> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await n8n.execution(id, { includeData });
		} catch (error) {
			if (!(error instanceof N8nHttpError && error.status === 503) || attempt >= 50) throw error;
			await pause(200);
		}
	}
}

/**
 * Runs a workflow with a Manual Trigger (as the editor does), waits for it without fetching its data (that
 * would cost n8n CPU inside the measurement), reads the CPU, then fetches the execution with data. n8n's
 * longest stall is watched meanwhile (a health check costs n8n next to nothing).
 */
export async function timedRun(n8n: N8n, pid: number, workflowId: string, timeoutMs = 600_000): Promise<TimedRun> {
	const workflow = await n8n.rest<WorkflowJson>('GET', `/workflows/${workflowId}`);
	const trigger = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	if (!trigger) throw new Error(`workflow ${workflowId} has no Manual Trigger`);
	const stalls = watchStalls(n8n);
	let executionId: string | undefined;
	let cpu: number;
	let longestStallMs: number;
	try {
		const cpuBefore = cpuSeconds(pid);
		({ executionId } = await n8n.rest<{ executionId?: string }>('POST', `/workflows/${workflowId}/run`, {
			triggerToStartFrom: { name: trigger.name },
		}));
		if (!executionId) throw new Error(`workflow ${workflowId} did not start`);
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const execution = await executionOf(n8n, executionId, false);
			if (!['new', 'running', 'waiting'].includes(execution.status)) break;
			if (Date.now() > deadline) throw new Error(`execution ${executionId} still ${execution.status} after ${timeoutMs} ms`);
			await pause(100);
		}
		cpu = cpuSeconds(pid) - cpuBefore;
	} finally {
		longestStallMs = await stalls.stop();
	}
	const execution = await executionOf(n8n, executionId, true);
	const seconds = (Date.parse(String(execution.stoppedAt)) - Date.parse(execution.startedAt)) / 1000;
	return { execution, seconds, cpuSeconds: cpu, longestStallMs };
}
