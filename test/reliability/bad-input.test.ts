/**
 * Bad input for every operation of the GHL and Tookan nodes: each required field left empty and
 * each checked field given a value it refuses stops the node with a NodeOperationError that names the
 * field and the item, before any request: the sandbox sees none (the first, valid item is not sent either).
 */
import { NodeOperationError } from 'n8n-workflow';

import { createSandbox, type Sandbox } from '../../sandbox/server';
import { startStubServer, type StubServer } from '../helpers/stub-server';
import { allOperations, baseline, inputCases, type CaseKind, type InputCase, type OperationRef } from './input/cases';
import { runService, TOOKAN_CANARY_CONFIG, type ApiUrls } from './support/nodes';
import { record } from './support/results';

jest.setTimeout(10 * 60_000);

let sandbox: Sandbox;
let stub: StubServer;
let stubUrls: ApiUrls;

beforeAll(async () => {
	sandbox = await createSandbox({ faults: 'none', config: { tookan: TOOKAN_CANARY_CONFIG } });
	// where runs go whose input may be valid (an optional field left empty): requests there are allowed
	stub = await startStubServer((request: { path: string }) => ({
		status: 200,
		body: request.path.startsWith('/tookan') ? { status: 200, message: 'ok', data: {} } : {},
	}));
	stubUrls = { ghlBaseUrl: `${stub.url}/ghl`, tookanBaseUrl: `${stub.url}/tookan/v2` };
});

afterAll(async () => {
	await stub?.close();
	await sandbox?.close();
});

interface Outcome {
	checked: boolean;
	problem?: string;
}

async function check(ref: OperationRef, item: InputCase): Promise<Outcome> {
	const target: ApiUrls = item.kind === 'maybe required' ? stubUrls : sandbox;
	const base = baseline(ref);
	const run = await runService(ref.service, target, (i) => (i === 0 ? base : item.parameters), { items: 2 });
	if (!run.error) {
		return item.kind === 'maybe required' ? { checked: false } : { checked: true, problem: 'was accepted' };
	}
	const message = run.error.message;
	const problems: string[] = [];
	if (!(run.error instanceof NodeOperationError)) problems.push(`threw ${run.error.constructor.name}`);
	if (!message.includes(`"${item.label}"`)) problems.push('does not name the field');
	if (!message.includes('[item 1]')) problems.push('does not name the item');
	if (run.requests.length) problems.push(`sent ${run.requests.length} request(s)`);
	return { checked: true, problem: problems.length ? `${problems.join(', ')}: ${message}` : undefined };
}

it('stops every operation on each missing required field and each invalid value, naming field and item, before any request', async () => {
	const operations = allOperations();
	const counts: Record<CaseKind, number> = { required: 0, invalid: 0, 'maybe required': 0 };
	const problems: string[] = [];
	for (const ref of operations) {
		// the filled-in input the cases start from is itself valid: it reaches the API
		const valid = await runService(ref.service, stubUrls, baseline(ref), { items: 1 });
		if (!valid.requests.length) problems.push(`${ref.name} valid input sent nothing: ${valid.error?.message ?? 'no error'}`);
		for (const item of inputCases(ref)) {
			const outcome = await check(ref, item);
			if (outcome.checked) counts[item.kind]++;
			if (outcome.problem) problems.push(`${ref.name} ${item.kind} "${item.label}": ${outcome.problem}`);
		}
	}
	const sandboxRequests = sandbox.admin.requestCount();
	const total = counts.required + counts.invalid + counts['maybe required'];
	record({
		area: 'bad input',
		count: total,
		detail: `${operations.length} operations: ${counts.required} required fields missing, ${counts['maybe required']} fields required by other settings, ${counts.invalid} invalid values; ${problems.length} problems; requests that reached the sandbox: ${sandboxRequests}`,
	});
	expect(problems).toEqual([]);
	expect(sandboxRequests).toBe(0);
	expect(operations.length).toBeGreaterThanOrEqual(129);
	expect(counts.required).toBeGreaterThan(100);
	expect(counts.invalid).toBeGreaterThan(200);
});

it('names the field for values of a shape the editor never produces (found by the fuzz test)', async () => {
	const rl = (value: string) => ({ __rl: true, mode: 'id', value });
	const cases: Array<{ service: 'GHL' | 'Tookan'; label: string; parameters: Record<string, unknown> }> = [
		{ service: 'GHL', label: 'Additional Fields', parameters: { resource: 'contact', operation: 'create', email: 'a@example.com', additionalFields: 'text' } },
		{ service: 'GHL', label: 'Filters', parameters: { resource: 'contact', operation: 'getAll', filters: { filter: 'not a list' } } },
		{ service: 'GHL', label: 'Due Date', parameters: { resource: 'task', operation: 'create', contactId: rl('c1'), title: 'Call', dueDate: 1e300 } },
		{
			service: 'Tookan',
			label: 'Update Fields › Pickup Before / Start Time',
			parameters: { resource: 'task', operation: 'update', job_id: '123', updateFields: { job_pickup_datetime: 8.7e15 } },
		},
	];
	for (const c of cases) {
		const run = await runService(c.service, sandbox, c.parameters);
		expect({ label: c.label, type: run.error?.constructor.name, names: run.error?.message.includes(`"${c.label}"`), sent: run.requests.length }).toEqual({
			label: c.label,
			type: 'NodeOperationError',
			names: true,
			sent: 0,
		});
		expect(run.error?.message).toMatch(/\[item 0\]$/);
	}
});
