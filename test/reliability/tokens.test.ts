/**
 * Expiring tokens in real n8n: while a workflow runs hundreds of items concurrently through three GHL
 * operations, every OAuth access token expires after a few dozen requests and every refresh token is
 * single-use and rotates. No item may fail, no refresh may answer invalid_grant, and the credential must
 * still work afterwards. A revoked refresh token must end in an error telling the user to reconnect.
 */
import { nodeOutput, type Execution, type N8n } from '../../scripts/harness';
import { createSandbox, type Sandbox } from '../../sandbox/server';
import { readyN8n } from './support/n8n';
import { LOCATION } from './support/nodes';
import { connectGhlOAuth } from '../e2e/ghl-oauth-connect';
import { record } from './support/results';
import { scanValue } from './support/secrets';
import { linearWorkflow } from './support/workflow';

const CONTACTS = 240;
const USES_PER_TOKEN = 30;
let n8n: N8n;
let sandbox: Sandbox;

beforeAll(async () => {
	n8n = await readyN8n();
	sandbox = await createSandbox({
		tookan: false,
		faults: { latency: { min: 5, max: 30 } },
		config: { ghl: { accessTokenMaxUses: USES_PER_TOKEN, rateLimit: { max: 100_000, intervalMs: 10_000, daily: 10_000_000, retryAfter: false } } },
		seed: { ghl: { locationId: LOCATION, contacts: CONTACTS } },
	});
});

afterAll(async () => await sandbox?.close());

const ghl = (name: string, parameters: Record<string, unknown>) => ({
	name,
	type: 'ghl',
	parameters: { authentication: 'oAuth2', requestOptions: { concurrency: 12 }, ...parameters },
});

const steps = (run: string) => [
	ghl('List', { resource: 'contact', operation: 'getAll', returnAll: true, simplify: true }),
	ghl('Tag', { resource: 'tag', operation: 'add', contactId: { __rl: true, mode: 'id', value: '={{ $json.id }}' }, tags: [`tokens-${run}`] }),
	ghl('Update', {
		resource: 'contact',
		operation: 'update',
		contactId: { __rl: true, mode: 'id', value: "={{ $('List').item.json.id }}" },
		updateFields: { city: `Tokens City ${run}` },
	}),
	ghl('Note', {
		resource: 'note',
		operation: 'create',
		contactId: { __rl: true, mode: 'id', value: "={{ $('List').item.json.id }}" },
		body: `tokens note ${run}`,
	}),
];

const tokenAnswers = () =>
	sandbox.admin
		.requests({ service: 'ghl', limit: 1_000_000 })
		.requests.filter((r) => r.path.startsWith('/ghl/oauth/token'))
		.map((r) => r.status);

const failureOf = (execution: Execution) => {
	const error = execution.data?.resultData.error as { message?: string; description?: string } | undefined;
	return error && `${error.message} | ${error.description}`;
};

it('keeps every item and every refresh working while tokens expire every few dozen requests', async () => {
	const credential = await connectGhlOAuth(n8n, sandbox);
	const contacts = () => sandbox.admin.ghlRecords('contacts', { locationId: LOCATION }) as Array<{ id: string; tags: string[]; city?: string }>;
	const notes = (run: string) => sandbox.admin.ghlRecords('notes').filter((n) => (n as { body: string }).body === `tokens note ${run}`);
	let refreshes = 0;
	let items = 0;
	for (const run of ['first', 'again']) {
		const id = await n8n.importWorkflow(linearWorkflow(`tokens ${run} ${credential.name}`, credential, steps(run)));
		const before = tokenAnswers().length;
		const execution = await n8n.runWorkflow(id, 600_000);
		expect({ status: execution.status, failure: failureOf(execution) }).toEqual({ status: 'success', failure: undefined });
		for (const node of ['Tag', 'Update', 'Note']) {
			const output = nodeOutput(execution, node);
			expect(output).toHaveLength(CONTACTS);
			expect(output.filter((item) => item.error)).toEqual([]);
			items += output.length;
		}
		expect(contacts().filter((c) => c.tags.includes(`tokens-${run}`))).toHaveLength(CONTACTS);
		expect(contacts().filter((c) => c.city === `Tokens City ${run}`)).toHaveLength(CONTACTS);
		expect(notes(run)).toHaveLength(CONTACTS);
		expect(scanValue(execution, `tokens execution ${run}`)).toEqual([]);
		refreshes += tokenAnswers().length - before;
	}
	const answers = tokenAnswers();
	expect(answers.every((status) => status === 200)).toBe(true); // no refresh token spent twice: no invalid_grant
	expect(refreshes).toBeGreaterThanOrEqual((items / USES_PER_TOKEN) * 0.8);
	record({
		area: 'tokens',
		count: items,
		detail: `real n8n: ${items} items over 2 runs with access tokens that expire after ${USES_PER_TOKEN} requests: ${refreshes} refreshes, all answered 200 (no invalid_grant), 0 failed items`,
	});

	// a revoked refresh token: the run fails with a message that says to reconnect
	sandbox.admin.revokeRefreshTokens();
	sandbox.admin.expireTokens();
	const id = await n8n.importWorkflow(linearWorkflow(`tokens revoked ${credential.name}`, credential, steps('revoked').slice(0, 1)));
	const revoked = await n8n.runWorkflow(id, 120_000);
	expect(revoked.status).toBe('error');
	expect(failureOf(revoked)).toMatch(/The GHL connection must be reconnected/);
	expect(scanValue(revoked, 'tokens execution revoked')).toEqual([]);
	record({ area: 'tokens', count: 1, detail: `revoked refresh token: "${String(failureOf(revoked)).split(' | ')[0]}"` });
});
