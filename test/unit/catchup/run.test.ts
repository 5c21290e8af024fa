/**
 * The catch-up's run (package/nodes/shared/catchup/run.ts) with a stand-in trigger context: nothing before the first
 * delivery, one look at activation, one execution per change (the changes of one key one after another, at
 * most five at once), its end mark saved with the first execution, and a look that failed tried again each
 * minute until it works or the workflow is deactivated.
 */
import type { IDataObject, INodeExecutionData, IRun, ITriggerFunctions } from 'n8n-workflow';

import { CONCURRENCY, emitAll, RETRY_DELAY_MS, startCatchUp, type Change } from '../../../package/nodes/shared/catchup/run';
import { CLOCK_SKEW_MS } from '../../../package/nodes/shared/catchup/window';

interface Deferred<T> {
	promise: Promise<T>;
	resolve: (value: T) => void;
	reject: (error: Error) => void;
}

function deferred<T>(): Deferred<T> {
	let resolve!: (value: T) => void;
	let reject!: (error: Error) => void;
	const promise = new Promise<T>((res, rej) => {
		resolve = res;
		reject = rej;
	});
	return { promise, resolve, reject };
}

interface Stage {
	fn: ITriggerFunctions;
	globalData: IDataObject;
	nodeData: IDataObject;
	/** Each emitted execution: its item and the handle to finish it. */
	started: Array<{ item: INodeExecutionData; done: Deferred<IRun> }>;
	/** The end mark as it was when each execution started (what n8n saves then). */
	savedMarks: unknown[];
	warnings: string[];
}

function stage(globalData: IDataObject = {}, autoFinish = true): Stage {
	const nodeData: IDataObject = {};
	const s: Stage = { fn: undefined as never, globalData, nodeData, started: [], savedMarks: [], warnings: [] };
	s.fn = {
		getMode: () => 'trigger',
		getNode: () => ({ name: 'Catch Up' }),
		getWorkflowStaticData: (type: string) => (type === 'global' ? globalData : nodeData),
		logger: { debug: () => undefined, info: () => undefined, warn: (m: string) => s.warnings.push(m), error: (m: string) => s.warnings.push(m) },
		helpers: { createDeferredPromise: () => deferred() },
		emit: (data: INodeExecutionData[][], _response: unknown, done: Deferred<IRun>) => {
			s.savedMarks.push(nodeData.caughtUpTo);
			s.started.push({ item: data[0][0], done });
			if (autoFinish) done.resolve({} as IRun);
		},
	} as unknown as ITriggerFunctions;
	return s;
}

const change = (key: string, n: number): Change => ({ key, item: { json: { key, n } } });
const flush = async () => {
	for (let i = 0; i < 20; i++) await Promise.resolve();
};

describe('emitAll', () => {
	it('starts the changes of one key one after another and at most five keys at once', async () => {
		const s = stage({}, false);
		const changes = [...'abcdefg'].flatMap((key) => [change(key, 1), change(key, 2)]);
		const running = emitAll(s.fn, changes);
		await flush();
		expect(s.started.map((e) => e.item.json.key)).toEqual(['a', 'b', 'c', 'd', 'e']);
		expect(CONCURRENCY).toBe(5);
		s.started[0].done.resolve({} as IRun);
		await flush();
		expect(s.started.map((e) => `${e.item.json.key}${e.item.json.n}`)).toEqual(['a1', 'b1', 'c1', 'd1', 'e1', 'a2']);
		// a failed execution does not stop the others
		s.started[1].done.reject(new Error('failed'));
		await flush();
		expect(s.started.at(-1)?.item.json).toEqual({ key: 'b', n: 2 });
		while (s.started.some((e) => !(e as { finished?: boolean }).finished)) {
			for (const e of s.started) {
				if (!(e as { finished?: boolean }).finished) {
					(e as { finished?: boolean }).finished = true;
					e.done.resolve({} as IRun);
				}
			}
			await flush();
		}
		await running;
		expect(s.started).toHaveLength(changes.length);
	});
});

describe('startCatchUp', () => {
	afterEach(() => jest.useRealTimers());

	it('before any delivery: notes the activation as the first mark and looks for nothing', async () => {
		const s = stage();
		const source = { changes: jest.fn() };
		await startCatchUp(s.fn, source, 5);
		expect(source.changes).not.toHaveBeenCalled();
		expect(typeof s.globalData.webhookReceivedAt).toBe('number');
	});

	it('looks once at activation, starts one execution per change and saves its end mark with the first', async () => {
		const received = Date.now() - 3_600_000;
		const s = stage({ webhookReceivedAt: received });
		const source = { changes: jest.fn(async () => [change('a', 1), change('b', 1)]) };
		const before = Date.now();
		await startCatchUp(s.fn, source, 5);
		await flush();
		const [window] = source.changes.mock.calls[0] as unknown as [{ from: number; until: number }];
		expect(window.from).toBe(received - 5 * 60_000);
		expect(window.until).toBeGreaterThanOrEqual(before + CLOCK_SKEW_MS);
		expect(s.started.map((e) => e.item.json.key)).toEqual(['a', 'b']);
		expect(s.savedMarks[0]).toBe(window.until);
	});

	it('writes nothing when there is nothing to catch up', async () => {
		const s = stage({ webhookReceivedAt: Date.now() - 60_000 });
		await startCatchUp(s.fn, { changes: async () => [] }, 5);
		await flush();
		expect(s.nodeData).toEqual({});
		expect(s.started).toEqual([]);
	});

	it('tries a failed look again every minute, and stops when the workflow is deactivated', async () => {
		jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'queueMicrotask'] });
		const s = stage({ webhookReceivedAt: Date.now() - 60_000 });
		const source = {
			changes: jest
				.fn<Promise<Change[]>, []>()
				.mockRejectedValueOnce(new Error('GHL could not be reached'))
				.mockRejectedValueOnce(new Error('GHL could not be reached'))
				.mockResolvedValue([change('a', 1)]),
		};
		await startCatchUp(s.fn, source, 5);
		expect(s.warnings[0]).toMatch(/attempt 1\): GHL could not be reached; trying again in a minute/);
		await jest.advanceTimersByTimeAsync(RETRY_DELAY_MS);
		expect(s.warnings[1]).toMatch(/attempt 2\)/);
		expect(s.started).toEqual([]);
		await jest.advanceTimersByTimeAsync(RETRY_DELAY_MS);
		expect(s.started.map((e) => e.item.json.key)).toEqual(['a']);

		const closed = stage({ webhookReceivedAt: Date.now() - 60_000 });
		const failing = { changes: jest.fn(async () => Promise.reject(new Error('down'))) };
		const trigger = await startCatchUp(closed.fn, failing, 5);
		await trigger.closeFunction?.();
		await jest.advanceTimersByTimeAsync(3 * RETRY_DELAY_MS);
		expect(failing.changes).toHaveBeenCalledTimes(1);
	});
});
