/**
 * Secret scans of a real n8n after the tests: every execution record with its data (public API,
 * includeData: input and output items, error messages and descriptions), and every line of the n8n log
 * files the run wrote.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import type { N8n } from '../../../scripts/harness';
import { findSecrets, scanValue, type Hit } from './secrets';

/** Where the harness writes n8n's output (main, workers, compatibility releases). */
export const N8N_LOG_DIR = join(tmpdir(), 'ghl-tookan-n8n-logs');

export interface Scan {
	/** How many things were scanned (executions, lines). */
	scanned: number;
	hits: Hit[];
}

/**
 * The GHL Trigger's Secret Token is a node parameter: the user types it into the workflow, and n8n copies
 * the workflow definition into every execution record. That copy is the user's configuration, not something
 * the node revealed; it is counted apart (anywhere else, in items, errors or other parameters, it is a hit).
 */
const CONFIGURED_TOKEN = / at \.workflowData\.nodes\[\d+\]\.parameters\.secretToken$/;

export async function scanExecutions(n8n: N8n): Promise<Scan & { configured: number }> {
	const executions = await n8n.executions({ includeData: true });
	const found = executions.flatMap((execution) => scanValue(execution, `n8n execution ${execution.id} (workflow ${execution.workflowId})`));
	const hits = found.filter((hit) => !CONFIGURED_TOKEN.test(hit.where));
	return { scanned: executions.length, hits, configured: found.length - hits.length };
}

/** The log files in the harness's log folder now. */
export function logFiles(dir = N8N_LOG_DIR): string[] {
	return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.log')).map((name) => join(dir, name)) : [];
}

export function scanLogFiles(files: string[]): Scan {
	let scanned = 0;
	const hits: Hit[] = [];
	for (const file of files) {
		if (!existsSync(file)) continue;
		readFileSync(file, 'utf8')
			.split('\n')
			.forEach((line, i) => {
				scanned++;
				hits.push(...findSecrets(line, `${file}:${i + 1}`));
			});
	}
	return { scanned, hits };
}
