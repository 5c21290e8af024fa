/**
 * globalTeardown of the e2e and reliability projects: scans the shared n8n for secrets in every copy it keeps
 * (execution records with their workflow snapshots, workflow definitions, workflow history, `n8n
 * export:workflow --all`; looking for the run's fixed secrets and every secret the instance's credentials hold),
 * stops it (test/e2e/global-teardown.ts), scans the n8n log lines this run wrote and the run's own output, then
 * prints one summary line per reliability area. Fails the run on any secret hit; no copy is exempt.
 */
import { rmSync } from 'node:fs';

import stopSharedN8n from '../e2e/global-teardown';
import { INSTANCE_KEY } from '../e2e/global-setup';
import type { N8nInstance } from '../../scripts/harness';
import { RUN_KEY, type RunState } from './global-setup';
import { allSecrets, instanceSecrets, logFiles, scanExecutions, scanExport, scanHistory, scanLogFiles, scanWorkflows } from './support/n8n-scan';
import { readEntries, record, RESULTS_ENV, summaryLines } from './support/results';
import { knownSecrets, type Hit, type Secret } from './support/secrets';

const MAX_LISTED = 20;

export default async function globalTeardown(): Promise<void> {
	const state = (globalThis as Record<string, unknown>)[RUN_KEY] as RunState | undefined;
	const n8n = (globalThis as Record<string, unknown>)[INSTANCE_KEY] as N8nInstance | undefined;
	const hits: Hit[] = [];
	let secrets: Secret[] = knownSecrets();
	try {
		if (n8n) {
			const instance = await instanceSecrets(n8n);
			secrets = allSecrets(instance);
			const scans: Array<[string, () => Promise<{ scanned: number; hits: Hit[] }>]> = [
				['n8n execution records with data and workflow snapshot', () => scanExecutions(n8n, secrets)],
				['workflow definitions', () => scanWorkflows(n8n, secrets)],
				['workflow history versions', () => scanHistory(n8n, secrets)],
				['workflows in n8n export:workflow --all', () => scanExport(n8n, secrets)],
			];
			const credentials = new Set(instance.map((s) => s.label.replace(/^.* of credential /, ''))).size;
			record({ area: 'secret hits', count: 0, detail: `looking for ${secrets.length} secrets (${instance.length} held by the instance's ${credentials} credentials or derived from them)` });
			for (const [what, scan] of scans) {
				const result = await scan();
				hits.push(...result.hits);
				record({ area: 'secret hits', count: result.hits.length, detail: `${result.scanned} ${what} scanned` });
			}
		}
	} finally {
		await stopSharedN8n();
	}
	const ours = logFiles().filter((file) => !state?.logsBefore.has(file) || file === n8n?.logFile);
	const logs = scanLogFiles(ours, secrets);
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
