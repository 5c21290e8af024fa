/**
 * Fault storm: 10,000 GHL and Tookan operations through the nodes against the sandbox while it answers
 * 10% of requests 429, 5% 5xx, 2% with a reset connection and 1% not at all, half of those faults after
 * the write was applied (the answer is lost). Afterwards the sandbox state is compared with the input:
 * no write missing, no record twice, every item a success or an error item with a reason, no secret in
 * any output or error.
 */
import type { IDataObject } from 'n8n-workflow';

import { createSandbox, type Sandbox } from '../../sandbox/server';
import type { SeedResult, TookanModule } from '../../sandbox/tookan/index';
import { checkBatch, type Batch, type BatchReport, type StormState } from './storm/batch';
import { FaultTally } from './storm/faults';
import { ghlBatches } from './storm/ghl';
import { tookanBatches } from './storm/tookan';
import { LOCATION, runService, TOOKAN_CANARY_CONFIG } from './support/nodes';
import { record } from './support/results';
import { scanValue, type Hit } from './support/secrets';

jest.setTimeout(20 * 60_000);

/**
 * Each injected timeout holds a slot until the node gives up; 5 s keeps a request that is merely slow on a
 * busy machine (the sandbox shares this process) from timing out while the storm still finishes in a minute or two.
 */
const REQUEST_OPTIONS = { concurrency: 25, timeoutMs: 5000 };

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await createSandbox({
		faults: 'none',
		config: {
			ghl: {
				rateLimit: { max: 1_000_000, intervalMs: 10_000, daily: 100_000_000, retryAfter: false },
				locations: { [LOCATION]: { allowDuplicateContact: true } },
			},
			tookan: TOOKAN_CANARY_CONFIG,
		},
	});
});

afterAll(async () => await sandbox?.close());

async function runLane(batches: Batch[], reports: Map<Batch, IDataObject[]>, hits: Hit[]): Promise<void> {
	for (const batch of batches) {
		const started = Date.now();
		const run = await runService(batch.service, sandbox, (i) => batch.parameters(i), { items: batch.count, continueOnFail: true });
		if (run.error) throw run.error;
		hits.push(...scanValue(run.output, `${batch.service} ${batch.name} output`));
		reports.set(batch, run.output as unknown as IDataObject[]);
		process.stdout.write(`[storm] ${batch.service} ${batch.name}: ${batch.count} items in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
	}
}

function sum(reports: BatchReport[], key: keyof BatchReport): number {
	return reports.reduce((total, r) => total + (r[key] as number), 0);
}

it('loses nothing and duplicates nothing through 10,000 operations in a fault storm', async () => {
	const seeded = sandbox.admin.seed({ ghl: { locationId: LOCATION, contacts: 2500 }, tookan: { tasks: 2000, customers: 500, agents: 4, teams: 2 } });
	const tookanSeed = seeded.tookan as SeedResult;
	const tookanModule = sandbox.tookan as unknown as TookanModule;
	const seededTasks = (tookanModule.snapshot() as { tasks: IDataObject[] }).tasks;
	const jobIds = seededTasks.filter((t) => t.job_type !== 0).map((t) => Number(t.job_id)).slice(0, 1000);
	const contacts = (sandbox.admin.ghlRecords('contacts', { locationId: LOCATION }) as IDataObject[]).map((c) => ({
		id: String(c.id),
		email: String(c.email),
	}));
	const range = (r: { first: number | null; count: number }) => Array.from({ length: r.count }, (_, i) => Number(r.first) + i);
	const ghl = ghlBatches({ contacts }, REQUEST_OPTIONS);
	const tookan = tookanBatches({ jobIds, customerIds: range(tookanSeed.customers) }, REQUEST_OPTIONS);

	sandbox.admin.clearRequests();
	sandbox.admin.setFaults({ profile: 'storm', phase: 'mixed', seed: 20260501 });
	const outputs = new Map<Batch, IDataObject[]>();
	const hits: Hit[] = [];
	const started = Date.now();
	const faults = new FaultTally(sandbox);
	const ticker = setInterval(() => faults.collect(), 1000);
	try {
		await Promise.all([runLane(ghl, outputs, hits), runLane(tookan, outputs, hits)]);
	} finally {
		clearInterval(ticker);
	}
	const seconds = (Date.now() - started) / 1000;
	faults.collect();
	sandbox.admin.setFaults('none');

	const tookanState = tookanModule.snapshot() as { tasks: IDataObject[]; customers: IDataObject[] };
	const state: StormState = {
		ghlContacts: sandbox.admin.ghlRecords('contacts', { locationId: LOCATION }) as IDataObject[],
		tookanTasks: tookanState.tasks,
		tookanCustomers: tookanState.customers,
	};
	const reports = [...ghl, ...tookan].map((batch) => checkBatch(batch, (outputs.get(batch) ?? []) as never, state));
	for (const r of reports) {
		process.stdout.write(
			`[storm] ${r.service} ${r.name}: ${r.operations} ops, ${r.succeeded} ok, ${r.errorItems} error items, lost ${r.lost}, duplicated ${r.duplicated}, unaccounted ${r.unaccounted}, applied despite error ${r.appliedDespiteError}${r.reasons.length ? ` (reasons: ${r.reasons.join(' | ')})` : ''}\n`,
		);
	}
	const per = (service: string) => reports.filter((r) => r.service === service);
	const operations = sum(reports, 'operations');
	record(
		{
			area: 'operations',
			count: operations,
			detail: `fault storm: GHL ${sum(per('GHL'), 'operations')} + Tookan ${sum(per('Tookan'), 'operations')}; ${sum(reports, 'succeeded')} succeeded, ${sum(reports, 'errorItems')} error items with a reason; ${faults.total} requests, ${faults.summary()}; ${seconds.toFixed(0)} s`,
		},
		{ area: 'lost', count: sum(reports, 'lost') + sum(reports, 'unaccounted'), detail: 'fault storm: writes reported done but missing, items without output or reason' },
		{ area: 'duplicated', count: sum(reports, 'duplicated'), detail: 'fault storm: extra records per unique key (email, phone, order id)' },
		{ area: 'secret hits', count: hits.length, detail: `fault storm: ${operations} output items and error messages scanned` },
	);

	expect(operations).toBe(10_000);
	expect(faults.faulted).toBeGreaterThan(1500);
	expect(faults.lostAfterWrite).toBeGreaterThan(300);
	expect(reports.map((r) => ({ batch: `${r.service} ${r.name}`, lost: r.lost, duplicated: r.duplicated, unaccounted: r.unaccounted }))).toEqual(
		reports.map((r) => ({ batch: `${r.service} ${r.name}`, lost: 0, duplicated: 0, unaccounted: 0 })),
	);
	expect(sum(reports, 'appliedDespiteError')).toBe(0);
	expect(hits).toEqual([]);
});
