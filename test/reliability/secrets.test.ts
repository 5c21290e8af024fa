/**
 * The secrets scanner the reliability run relies on (outputs, errors, execution records, n8n log lines,
 * jest output) finds every kind of secret it is meant to find, wherever it sits, and nothing in ordinary
 * data. Hits name the place, never the value.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createSandbox } from '../../sandbox/server';
import type { N8n } from '../../scripts/harness';
import { scanExecutions, scanExport, scanHistory, scanLogFiles, scanWorkflows } from './support/n8n-scan';
import { readyN8n } from './support/n8n';
import { triggerWorkflow } from '../e2e/trigger-support';
import { LineScanner } from './support/output-watch';
import { CANARY, findSecrets, knownSecrets, scanValue } from './support/secrets';

const labels = (hits: Array<{ label: string }>) => hits.map((h) => h.label);

it('finds every known secret, any PIT and any sandbox-issued OAuth token, and nothing in ordinary data', async () => {
	for (const secret of knownSecrets()) {
		expect(labels(findSecrets(`before ${secret.value} after`, 'text'))).toContain(secret.label);
	}
	expect(labels(findSecrets('Authorization: Bearer pit-0123abcd-0000-4000-8000-00000000abcd', 'header'))).toEqual(['ghlPit (pattern)']);

	const sandbox = await createSandbox({ tookan: false });
	try {
		const tokens = sandbox.admin.issueTokens() as { access_token: string; refresh_token: string };
		expect(labels(findSecrets(`{"access_token":"${tokens.access_token}"}`, 'body'))).toEqual(['ghlOAuthToken (pattern)']);
		expect(labels(findSecrets(`refresh_token=${tokens.refresh_token}`, 'form'))).toEqual(['ghlOAuthToken (pattern)']);
	} finally {
		await sandbox.close();
	}

	const ordinary = {
		id: 'c-123',
		email: 'ada@example.com',
		phone: '+14155550100',
		error: 'GHL refused the request (401): the credential is not valid',
		webhookId: '9f0e4c1a-7b2d-4e3f-8a6b-5c4d3e2f1a0b',
	};
	expect(scanValue(ordinary, 'item')).toEqual([]);
});

it('looks inside nested output items and error causes, and reports where without the value', () => {
	const error = new Error('request failed', { cause: { options: { headers: { authorization: `Bearer ${CANARY.automationToken}` } } } });
	const hits = scanValue([{ json: { ok: true } }, { json: { error: 'x', details: error } }], 'run output');
	expect(hits).toEqual([{ label: 'automationToken', where: 'run output at [1].json.details.cause.options.headers.authorization' }]);
	expect(JSON.stringify(hits)).not.toContain(CANARY.automationToken);
});

it('scans output line by line across chunk boundaries', () => {
	const scanner = new LineScanner('stdout');
	const line = `token=${CANARY.tookanApiKey} in a log line\n`;
	const cut = 12;
	scanner.push('first line\n');
	scanner.push(Buffer.from(line.slice(0, cut)));
	scanner.push(line.slice(cut));
	scanner.push('last line without newline');
	scanner.end();
	expect(scanner.lines).toBe(3);
	expect(scanner.hits).toEqual([{ label: 'tookanApiKey', where: 'stdout line 2' }]);
});

it('scans every line of the log files it is given', () => {
	const dir = mkdtempSync(join(tmpdir(), 'secrets-scan-'));
	try {
		const clean = join(dir, 'clean.log');
		const leaky = join(dir, 'leaky.log');
		writeFileSync(clean, 'n8n ready\nWorkflow activated\n');
		writeFileSync(leaky, `one\ntwo\nshared secret ${CANARY.tookanSharedSecret}\n`);
		const scan = scanLogFiles([clean, leaky, join(dir, 'gone.log')]);
		expect(scan.hits).toEqual([{ label: 'tookanSharedSecret', where: `${leaky}:3` }]);
		expect(scan.scanned).toBe(7);
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
});

it('scans n8n execution records and counts every copy, the workflow snapshot (a node parameter) included', async () => {
	const execution = (id: string, item: Record<string, unknown>) => ({
		id,
		workflowId: 'wf1',
		workflowData: { nodes: [{ name: 'GHL Workflow Hook', parameters: { source: 'automation', secretToken: CANARY.automationToken } }] },
		data: { resultData: { runData: { 'GHL Workflow Hook': [{ data: { main: [[{ json: item }]] } }] } } },
	});
	const n8n = { executions: async () => [execution('1', { contact: { id: 'c1' } }), execution('2', { query: { token: CANARY.automationToken } })] } as unknown as N8n;
	const scan = await scanExecutions(n8n);
	expect(scan.scanned).toBe(2);
	expect(scan.hits.map((h) => h.where)).toEqual([
		'n8n execution 1 (workflow wf1) at .workflowData.nodes[0].parameters.secretToken',
		'n8n execution 2 (workflow wf1) at .workflowData.nodes[0].parameters.secretToken',
		'n8n execution 2 (workflow wf1) at .data.resultData.runData.GHL Workflow Hook[0].data.main[0][0].json.query.token',
	]);
});

it('looks for the secrets it is given besides the fixed ones, many at once', () => {
	const instance = Array.from({ length: 300 }, (_, i) => ({ label: `credential ${i}`, value: `instance-secret-${i}-${'x'.repeat(20)}` }));
	const secrets = [...knownSecrets(), ...instance];
	expect(findSecrets(`a ${instance[123].value} b`, 'text', secrets)).toEqual([{ label: 'credential 123', where: 'text' }]);
	expect(findSecrets('nothing to see', 'text', secrets)).toEqual([]);
	expect(findSecrets(`x ${CANARY.tookanSharedSecret}`, 'text', secrets)).toEqual([{ label: 'tookanSharedSecret', where: 'text' }]);
});

it('in real n8n, finds a token kept in a node parameter in the workflow definition, its history and n8n export:workflow --all (then the workflow is deleted)', async () => {
	const n8n = await readyN8n();
	// a type version 1 GHL Trigger that still keeps its token in the workflow
	const workflow = triggerWorkflow('ghlTrigger', 'GHL Workflow Hook v1', { source: 'automation', secretToken: CANARY.automationToken }, undefined, 1);
	const id = await n8n.importWorkflow(workflow.json);
	const where = (scan: { hits: Array<{ label: string; where: string }> }) => scan.hits.filter((h) => h.label === 'automationToken').map((h) => h.where.replace(/ at .*/, ''));
	try {
		expect(where(await scanWorkflows(n8n))).toEqual([`workflow ${id}`]);
		expect(where(await scanHistory(n8n))).toEqual([expect.stringMatching(new RegExp(`^history version .* of workflow ${id}$`))]);
		expect(where(await scanExport(n8n))).toEqual([`n8n export:workflow --all, workflow ${id}`]);
	} finally {
		await n8n.api('DELETE', `/workflows/${id}`);
	}
	expect(where(await scanWorkflows(n8n))).toEqual([]);
	expect(where(await scanExport(n8n))).toEqual([]);
});
