/**
 * globalSetup of the e2e and reliability projects (one path, so jest runs it once for both): the shared
 * real n8n (test/e2e/global-setup.ts), a results folder the reliability tests report their counts to, and
 * a watch on the run's own output for secrets. global-teardown.ts scans n8n, stops it and prints the
 * summary.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import startSharedN8n from '../e2e/global-setup';
import { logFiles } from './support/n8n-scan';
import { watchOutput, type OutputWatch } from './support/output-watch';
import { RESULTS_ENV } from './support/results';

export const RUN_KEY = '__ghlTookanReliabilityRun';

export interface RunState {
	watch: OutputWatch;
	/** Log files that were there before the run (others' runs): not this run's to scan. */
	logsBefore: Set<string>;
}

export default async function globalSetup(): Promise<void> {
	process.env[RESULTS_ENV] ??= mkdtempSync(join(tmpdir(), 'ghl-tookan-reliability-'));
	const state: RunState = { watch: watchOutput(), logsBefore: new Set(logFiles()) };
	(globalThis as Record<string, unknown>)[RUN_KEY] = state;
	await startSharedN8n();
}
