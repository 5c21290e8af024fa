/**
 * globalTeardown of the e2e and reliability projects: scans the shared n8n for secrets (every execution
 * with its data), stops it (test/e2e/global-teardown.ts), scans the n8n log lines this run wrote and the
 * run's own output, then prints one summary line per reliability area. Fails the run on any secret hit.
 */
import { rmSync } from 'node:fs';

import stopSharedN8n from '../e2e/global-teardown';
import { INSTANCE_KEY } from '../e2e/global-setup';
import type { N8nInstance } from '../../scripts/harness';
import { RUN_KEY, type RunState } from './global-setup';
import { logFiles, scanExecutions, scanLogFiles } from './support/n8n-scan';
import { readEntries, record, RESULTS_ENV, summaryLines } from './support/results';
import type { Hit } from './support/secrets';

const MAX_LISTED = 20;

export default async function globalTeardown(): Promise<void> {
	const state = (globalThis as Record<string, unknown>)[RUN_KEY] as RunState | undefined;
	const n8n = (globalThis as Record<string, unknown>)[INSTANCE_KEY] as N8nInstance | undefined;
	const hits: Hit[] = [];
	try {
		if (n8n) {
			const executions = await scanExecutions(n8n);
			hits.push(...executions.hits);
			record({
				area: 'secret hits',
				count: executions.hits.length,
				detail: `${executions.scanned} n8n execution records with data scanned (${executions.configured} copies of a Secret Token parameter in the workflow definition not counted)`,
			});
		}
	} finally {
		await stopSharedN8n();
	}
	const ours = logFiles().filter((file) => !state?.logsBefore.has(file) || file === n8n?.logFile);
	const logs = scanLogFiles(ours);
	hits.push(...logs.hits);
	record({ area: 'secret hits', count: logs.hits.length, detail: `${logs.scanned} n8n log lines in ${ours.length} files scanned` });
	if (state) {
		const output = state.watch.stop();
		hits.push(...output.hits);
		record({ area: 'secret hits', count: output.hits.length, detail: `${output.lines} lines of jest output scanned` });
	}

	const dir = process.env[RESULTS_ENV];
	const entries = dir ? readEntries(dir) : [];
	process.stdout.write(`\n${summaryLines(entries).join('\n')}\n`);
	if (dir) rmSync(dir, { recursive: true, force: true });
	if (hits.length) {
		const listed = hits.slice(0, MAX_LISTED).map((h) => `  ${h.label} in ${h.where}`);
		throw new Error(`${hits.length} secret hits after the tests:\n${listed.join('\n')}`);
	}
}
