/**
 * Property-based fuzz over every operation's parameters (fast-check): whatever the parameters of one to
 * three items, with or without Continue On Fail, the node either returns items or fails with a
 * NodeOperationError / NodeApiError (error items carry one of those too) that is not a wrapped JavaScript
 * runtime error (TypeError, RangeError, ...). Nothing else escapes, no promise is left rejected. Runs against a sandbox with a few records, so valid input really executes.
 */
import fc from 'fast-check';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { createSandbox, type Sandbox } from '../../sandbox/server';
import { arbitraryItems } from './input/arbitraries';
import { allOperations } from './input/cases';
import { LOCATION, runService, TOOKAN_CANARY_CONFIG } from './support/nodes';
import { record } from './support/results';

jest.setTimeout(15 * 60_000);

const RUNS_PER_OPERATION = Number(process.env.RELIABILITY_FUZZ_RUNS ?? 40);
const SEED = Number(process.env.RELIABILITY_FUZZ_SEED ?? Date.now() % 2 ** 31);

let sandbox: Sandbox;
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

beforeAll(async () => {
	sandbox = await createSandbox({
		faults: 'none',
		config: { ghl: { rateLimit: { max: 1_000_000, intervalMs: 10_000, daily: 100_000_000, retryAfter: false } }, tookan: TOOKAN_CANARY_CONFIG },
		seed: { ghl: { locationId: LOCATION, contacts: 20, businesses: 2, tasksPerContact: 1, notesPerContact: 1 }, tookan: { tasks: 20, customers: 5, agents: 2, teams: 1 } },
	});
	process.on('unhandledRejection', onUnhandled);
});

afterAll(async () => {
	process.off('unhandledRejection', onUnhandled);
	await sandbox?.close();
});

/** A JavaScript runtime error (a bug) somewhere in the error's cause chain, even when the engine wrapped it. */
function crashed(error: unknown): boolean {
	for (let e = error, depth = 0; e && depth < 6; e = (e as { cause?: unknown }).cause, depth++) {
		if (e instanceof TypeError || e instanceof RangeError || e instanceof ReferenceError || e instanceof SyntaxError) return true;
	}
	return false;
}

const allowed = (error: unknown) => (error instanceof NodeOperationError || error instanceof NodeApiError) && !crashed(error);

it('never lets anything but NodeOperationError or NodeApiError escape, for any parameters', async () => {
	let cases = 0;
	const escaped: string[] = [];
	const counterexamples: string[] = [];
	for (const ref of allOperations()) {
		const result = await fc.check(
			fc.asyncProperty(arbitraryItems(ref), fc.boolean(), async (items, continueOnFail) => {
				cases++;
				const run = await runService(ref.service, sandbox, (i) => items[i], { items: items.length, continueOnFail });
				const bad = [run.error, ...run.output.map((item) => item.error)].filter((e) => e !== undefined && !allowed(e));
				const crash = bad[0] as (Error & { cause?: Error }) | undefined;
				if (crash) escaped.push(`${ref.name}: ${crash.constructor?.name} ${crash.cause?.constructor?.name ?? ''}: ${crash.message}\n${(crash.cause?.stack ?? crash.stack ?? '').split('\n').slice(1, 4).join('\n')}`);
				return bad.length === 0 && run.output.every((item) => item.json !== null && typeof item.json === 'object');
			}),
			{ numRuns: RUNS_PER_OPERATION, seed: SEED, endOnFailure: true },
		);
		if (result.failed) counterexamples.push(`${ref.name}: ${JSON.stringify(result.counterexample).slice(0, 300)}`);
	}
	await new Promise((resolve) => setImmediate(resolve));
	record({ area: 'fuzz cases', count: cases, detail: `${allOperations().length} operations × ${RUNS_PER_OPERATION} runs, 1-3 items each, seed ${SEED}; escaped ${escaped.length}, unhandled rejections ${unhandled.length}` });
	expect(escaped).toEqual([]);
	expect(counterexamples).toEqual([]);
	expect(unhandled).toEqual([]);
});
