/**
 * GHL Poll Trigger in real n8n, on its real schedule (every minute): after activation, a new contact starts
 * one execution (ContactCreate) and an edited contact one more (ContactUpdate); a further poll of the
 * sandbox's contact search starts nothing. Slow by nature (about three poll ticks). A workflow saved with
 * the trigger's former type (`ghlPollTrigger`) still activates and polls.
 */
import { nodeOutput } from '../../scripts/harness';
import { createSandbox, type Sandbox } from '../../sandbox/server';
import { GHL_DEFAULTS } from '../../sandbox/ghl/defaults';
import { getN8n } from './n8n';
import { deactivate, executionCount, triggerWorkflow } from './trigger-support';

jest.setTimeout(420_000);

const LOCATION = GHL_DEFAULTS.locationIds[0];
const n8n = getN8n();
const published: string[] = [];
let sandbox: Sandbox;
/** The sandbox clock runs ahead by this much, so an edit is clearly later than the creation. */
let skewMs = 0;

beforeAll(async () => {
	sandbox = await createSandbox({ faults: 'none', now: () => Date.now() + skewMs, seed: { ghl: { contacts: 3 } } });
});

afterAll(async () => {
	await deactivate(n8n, published);
	await sandbox?.close();
});

async function api(method: string, path: string, body?: Record<string, unknown>) {
	const response = await fetch(`${sandbox.ghlBaseUrl}${path}`, {
		method,
		headers: { Authorization: `Bearer ${GHL_DEFAULTS.pit}`, Version: '2021-07-28', 'content-type': 'application/json' },
		body: body ? JSON.stringify(body) : undefined,
	});
	expect(response.status).toBeLessThan(300);
	return (await response.json()) as Record<string, Record<string, unknown>>;
}

const searches = () =>
	sandbox.admin.requests({ service: 'ghl' }).requests.filter((r) => r.path.startsWith('/ghl/contacts/search'));

async function waitFor(condition: () => Promise<boolean> | boolean, timeoutMs: number, what: string): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await condition())) {
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

it('picks up a new and an updated contact exactly once each', async () => {
	const credential = await n8n.createCredential({
		name: `GHL PIT poll ${Date.now()}`,
		type: 'ghlPrivateIntegrationApi',
		data: { accessToken: GHL_DEFAULTS.pit, locationId: LOCATION, baseUrl: sandbox.ghlBaseUrl },
	});
	const workflow = triggerWorkflow(
		'gTriggerhl',
		'GHL Poll Trigger',
		{
			authentication: 'privateIntegrationToken',
			events: ['created', 'updated'],
			pollTimes: { item: [{ mode: 'everyMinute' }] },
			options: {},
		},
		{ ghlPrivateIntegrationApi: { name: credential.name } },
	);
	const id = await n8n.importWorkflow(workflow.json, { credentials: [credential] });
	await n8n.publishWorkflow(id);
	published.push(id);
	// activation polls once (the starting point: nothing before it is replayed)
	await waitFor(() => searches().length >= 2, 30_000, 'the activation poll');
	expect(await executionCount(n8n, id)).toBe(0);

	const created = (await api('POST', '/contacts/', { locationId: LOCATION, email: 'poll-e2e@example.com' })).contact;
	const [first] = await n8n.waitForExecutions(id, 1, 130_000);
	expect(nodeOutput(first, 'GHL Poll Trigger').map((c) => [c.event, c.id])).toEqual([['ContactCreate', created.id]]);

	skewMs += 10_000;
	const existing = sandbox.admin.ghlRecords('contacts', { locationId: LOCATION })[0] as Record<string, unknown>;
	await api('PUT', `/contacts/${String(existing.id)}`, { city: 'Polled City' });
	const executions = await n8n.waitForExecutions(id, 2, 130_000);
	expect(nodeOutput(executions[1], 'GHL Poll Trigger').map((c) => [c.event, c.id])).toEqual([['ContactUpdate', existing.id]]);

	// the next tick searches the same contacts again (two searches: created, updated) and must start nothing;
	// once the tick after it has begun, anything that tick had emitted would be recorded
	const seen = searches().length;
	await waitFor(() => searches().length >= seen + 3, 190_000, 'two more poll ticks');
	expect(await executionCount(n8n, id)).toBe(2);
});

it('a workflow saved with the former type ghlPollTrigger still activates and polls', async () => {
	const credential = await n8n.createCredential({
		name: `GHL PIT former poll ${Date.now()}`,
		type: 'ghlPrivateIntegrationApi',
		data: { accessToken: GHL_DEFAULTS.pit, locationId: LOCATION, baseUrl: sandbox.ghlBaseUrl },
	});
	const workflow = triggerWorkflow(
		'ghlPollTrigger',
		'GHL Poll Trigger',
		{ authentication: 'privateIntegrationToken', events: ['created'], pollTimes: { item: [{ mode: 'everyMinute' }] }, options: {} },
		{ ghlPrivateIntegrationApi: { name: credential.name } },
	);
	const before = searches().length;
	const id = await n8n.importWorkflow(workflow.json, { credentials: [credential] });
	await n8n.publishWorkflow(id);
	published.push(id);
	// activation polls once to set its starting point
	await waitFor(() => searches().length > before, 30_000, 'the activation poll of the former type');
	expect(await executionCount(n8n, id)).toBe(0);
});
