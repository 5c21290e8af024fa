/**
 * Duplicate protection of GHL Trigger (app events, v2 and v1; workflow webhook) and Tookan Trigger in real n8n
 * (regular mode, SQLite), on an instance of its own because it restarts it: 20 copies of one delivery sent at
 * once start one execution; after `n8n` is stopped and started again on the same database, copies of
 * deliveries accepted before the restart are answered "duplicate" and start none (the record lives in the
 * workflow's static data, which n8n saves before it starts the execution). The queue-mode case (copies
 * reaching two processes) is in queue-mode.test.ts.
 */
import { nodeOutput, packPackage, startN8n, type N8nInstance } from '../../scripts/harness';
import { allKinds, DUPLICATE, publishKind, RECEIVED, send, type PublishedKind } from './trigger-kinds';

const COPIES = 20;
let n8n: N8nInstance | undefined;
const kinds: PublishedKind[] = [];

beforeAll(async () => {
	n8n = await startN8n({ packageTarball: await packPackage() });
	for (const kind of allKinds(n8n, { v1: true })) kinds.push(await publishKind(n8n, kind));
}, 300_000);

afterAll(async () => {
	await n8n?.stop();
}, 60_000);

async function executionsOf(kind: PublishedKind, count: number) {
	const executions = await n8n!.waitForExecutions(kind.workflowId, count, 90_000);
	return executions.map((execution) => nodeOutput(execution, kind.node).map((item) => kind.tagOf(item)));
}

it(`starts one execution for ${COPIES} copies of one delivery sent at once`, async () => {
	for (const kind of kinds) {
		expect(await send(n8n!.webhookUrl, kind, 'before-restart')).toEqual({ status: 200, body: RECEIVED });
		const answers = await Promise.all(Array.from({ length: COPIES }, async () => await send(n8n!.webhookUrl, kind, 'copies')));
		const bodies = answers.map((a) => JSON.stringify(a.body));
		expect([kind.name, answers.every((a) => a.status === 200), bodies.filter((b) => b === JSON.stringify(RECEIVED)).length]).toEqual([kind.name, true, 1]);
		expect(bodies.filter((b) => b === JSON.stringify(DUPLICATE))).toHaveLength(COPIES - 1);
	}
	for (const kind of kinds) expect([kind.name, await executionsOf(kind, 2)]).toEqual([kind.name, [['before-restart'], ['copies']]]);
});

it('drops copies of deliveries accepted before a restart of n8n (same database)', async () => {
	const started = Date.now();
	await n8n!.restart();
	process.stdout.write(`[trigger-runtime] n8n restarted in ${Date.now() - started} ms\n`);
	for (const kind of kinds) {
		expect([kind.name, await send(n8n!.webhookUrl, kind, 'before-restart')]).toEqual([kind.name, { status: 200, body: DUPLICATE }]);
		expect([kind.name, await send(n8n!.webhookUrl, kind, 'copies', { upperCaseHeaders: true })]).toEqual([kind.name, { status: 200, body: DUPLICATE }]);
		expect(await send(n8n!.webhookUrl, kind, 'after-restart')).toEqual({ status: 200, body: RECEIVED });
	}
	// the new delivery's execution comes after any the copies could have started: exactly three, in order
	for (const kind of kinds) {
		const outputs = await executionsOf(kind, 3);
		expect([kind.name, (await n8n!.executions({ workflowId: kind.workflowId })).length]).toEqual([kind.name, 3]);
		expect(outputs).toEqual([['before-restart'], ['copies'], ['after-restart']]);
	}
});
