/**
 * `npm run bench -- --write-readme` refreshes the README's "Running at volume" table (scripts/bench/lib/volume.ts)
 * from webhook-ingest's and webhook-queue's result lines; the README really has a row for every setting.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ScenarioRun } from '../../../scripts/bench/lib/suite';
import { refreshVolumeTable, VOLUME_ROWS } from '../../../scripts/bench/lib/volume';

const ingest: ScenarioRun = {
	name: 'webhook-ingest',
	loadStart: 1.5,
	loadEnd: 2.25,
	result: {
		ratePerSec: 40,
		p99Ms: 300.4,
		ratioVsWebhookNode: 0.5,
		ratePerSecLazy: 76,
		p99MsLazy: 150,
		ratioVsWebhookNodeLazy: 0.95,
		'ratePerSec pool size 4': 44,
		'p99Ms pool size 4': 280,
		'ratePerSec compile cache': 42,
		'p99Ms compile cache': 290,
		'ratePerSec lazy + no saved successful executions': 100,
		'p99Ms lazy + no saved successful executions': 90,
		'ratePerSec lazy + PostgreSQL': 60,
		'p99Ms lazy + PostgreSQL': 200,
		lost: 0,
		duplicateExecutions: 0,
	},
};

const readme = () => readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');

it('the README has a row for every setting the table refreshes', () => {
	const text = readme();
	for (const row of VOLUME_ROWS) expect(text).toContain(`\n| ${row.setting} |`);
});

it('refreshes the rows of the scenarios that ran and leaves the others', () => {
	const before = ['## Running at volume', '', '| Setting | a | b | c | d |', '| --- | --- | --- | --- | --- |', ...VOLUME_ROWS.map((row) => `| ${row.setting} | old | old | old | old |`), '', 'after'].join('\n');
	const after = refreshVolumeTable(before, [ingest], '4 Dec 2026').split('\n');
	const row = (setting: string) => after.find((line) => line.startsWith(`| ${setting} |`));
	const measured = '4 Dec 2026, load 1.50 → 2.25; lost 0, duplicate executions 0';
	expect(row(VOLUME_ROWS[0].setting)).toBe(`| ${VOLUME_ROWS[0].setting} | 40.0 | 300 | 0.50× n8n's Webhook node, same n8n, alternating halves | ${measured} |`);
	expect(row(VOLUME_ROWS[2].setting)).toBe(`| ${VOLUME_ROWS[2].setting} | 44.0 | 280 | 1.10× GHL Trigger under n8n's defaults (earlier in the run) | ${measured} |`);
	expect(row(VOLUME_ROWS[1].setting)).toBe(`| ${VOLUME_ROWS[1].setting} | 76.0 | 150 | 0.95× n8n's Webhook node, same n8n, alternating halves | ${measured} |`);
	expect(row(VOLUME_ROWS[4].setting)).toBe(
		`| ${VOLUME_ROWS[4].setting} | 100.0 | 90 | 1.32× GHL Trigger with lazy acquisition alone (earlier in the run) | 4 Dec 2026, load 1.50 → 2.25; executions not kept, so not counted |`,
	);
	for (const queueRow of VOLUME_ROWS.filter((r) => r.scenario === 'webhook-queue')) expect(row(queueRow.setting)).toBe(`| ${queueRow.setting} | old | old | old | old |`);
	expect(after[after.length - 1]).toBe('after');
});

it('says a crashed scenario was not measured, and refuses a README without the row', () => {
	const queueRows = VOLUME_ROWS.filter((r) => r.scenario === 'webhook-queue');
	const text = queueRows.map((row) => `| ${row.setting} | old | old | old | old |`).join('\n');
	const crashed: ScenarioRun = { name: 'webhook-queue', failure: 'exit code 1: Redis did not start', loadStart: 3, loadEnd: 3 };
	expect(refreshVolumeTable(text, [crashed], '4 Dec 2026').split('\n')[0]).toBe(
		`| ${queueRows[0].setting} | CRASHED |  | exit code 1: Redis did not start | 4 Dec 2026, load 3.00 → 3.00 |`,
	);
	expect(() => refreshVolumeTable('no table', [ingest], '4 Dec 2026')).toThrow(/no row for/);
});
