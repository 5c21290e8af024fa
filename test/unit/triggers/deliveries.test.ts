/**
 * The delivery record of the webhook phase (package/nodes/shared/trigger/deliveries.ts) and the execution phase's
 * second check (confirm.ts), with stand-in contexts. That n8n really saves the record, loads it after a restart
 * and in other processes, and runs the execution phase in queue-mode workers is proven in real n8n
 * (test/e2e/trigger-runtime.test.ts); these tests pin the record's rules: retention, bound, process memory.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, IWebhookFunctions, NodeExecutionHint } from 'n8n-workflow';

import * as confirmModule from '../../../package/nodes/shared/trigger/confirm';
import * as deliveriesModule from '../../../package/nodes/shared/trigger/deliveries';

type Deliveries = typeof deliveriesModule;
type Confirm = typeof confirmModule;

/** The modules as a new n8n process loads them: no memory of what this process accepted. */
function freshProcess(): { deliveries: Deliveries; confirm: Confirm } {
	let modules: { deliveries: Deliveries; confirm: Confirm } | undefined;
	jest.isolateModules(() => {
		modules = {
			deliveries: jest.requireActual('../../../package/nodes/shared/trigger/deliveries'),
			confirm: jest.requireActual('../../../package/nodes/shared/trigger/confirm'),
		};
	});
	return modules as { deliveries: Deliveries; confirm: Confirm };
}

function webhookFn(staticData: IDataObject, workflowId = 'wf-1', mode = 'webhook'): IWebhookFunctions {
	return {
		getMode: () => mode,
		getWorkflow: () => ({ id: workflowId, active: true }),
		getNode: () => ({ id: 'trigger-node' }),
		getWorkflowStaticData: () => staticData,
	} as unknown as IWebhookFunctions;
}

const HOUR = 60 * 60_000;

describe('delivery record (webhook phase)', () => {
	/** Claims a delivery and confirms it (n8n created its execution), as one accepted delivery does. */
	function accept(deliveries: Deliveries, staticData: IDataObject, key: string, now?: number): boolean {
		const claim = deliveries.claimDelivery(webhookFn(staticData), key, now);
		if (claim.first) deliveries.confirmDelivery(webhookFn(staticData), claim.hashed, now);
		return claim.first;
	}

	it('drops a copy in the same process at once, and in another process through the stored record', () => {
		const { deliveries: a } = freshProcess();
		const { deliveries: b } = freshProcess();
		const staticData: IDataObject = {};
		expect(accept(a, staticData, 'webhookId:1')).toBe(true);
		expect(a.claimDelivery(webhookFn({}), 'webhookId:1').first).toBe(false); // memory alone
		expect(b.claimDelivery(webhookFn(staticData), 'webhookId:1').first).toBe(false); // record alone
		expect(b.claimDelivery(webhookFn({}), 'webhookId:1').first).toBe(true); // neither
	});

	it('records nothing until n8n created the execution, and gives up a claim whose execution never came', () => {
		const { deliveries } = freshProcess();
		const staticData: IDataObject = {};
		const t0 = Date.UTC(2026, 0, 1, 12, 0, 0);
		expect(deliveries.claimDelivery(webhookFn(staticData), 'k', t0).first).toBe(true);
		expect(staticData).toEqual({});
		expect(deliveries.claimDelivery(webhookFn(staticData), 'k', t0 + deliveries.PENDING_MS - 1).first).toBe(false);
		expect(deliveries.claimDelivery(webhookFn(staticData), 'k', t0 + deliveries.PENDING_MS).first).toBe(true);
		expect(accept(deliveries, staticData, 'confirmed', t0)).toBe(true);
		expect(deliveries.claimDelivery(webhookFn({}), 'confirmed', t0 + deliveries.PENDING_MS * 10).first).toBe(false);
	});

	it('keeps a key for 2 hours (GHL re-sends for about 70 minutes), then forgets it and its slot', () => {
		const staticData: IDataObject = {};
		const t0 = Date.UTC(2026, 0, 1, 12, 0, 0);
		expect(accept(freshProcess().deliveries, staticData, 'k', t0)).toBe(true);
		const later = freshProcess().deliveries;
		expect(later.claimDelivery(webhookFn(staticData), 'k', t0 + 75 * 60_000).first).toBe(false);
		expect(later.claimDelivery(webhookFn(staticData), 'k', t0 + 2 * HOUR - 60_000).first).toBe(false);
		const muchLater = freshProcess().deliveries;
		expect(accept(muchLater, staticData, 'k', t0 + 2 * HOUR + 10 * 60_000)).toBe(true);
		expect(Object.keys(staticData.deliveries as IDataObject)).toHaveLength(1);
	});

	it(`keeps at most ${deliveriesModule.MAX_KEYS} keys per trigger, newest first`, () => {
		const { deliveries } = freshProcess();
		const now = Date.UTC(2026, 0, 1, 12, 0, 0);
		const stored = { [String(Math.floor((now - HOUR) / 600_000))]: 'A'.repeat(16).repeat(1) };
		const memory = new Map<string, number>();
		for (let i = 0; i < deliveries.MAX_KEYS; i++) memory.set(deliveries.hashKey(`k${i}`), Math.floor(now / 600_000));
		const merged = deliveries.mergedSlots(stored, memory, now);
		const keys = Object.values(merged).join('').length / 16;
		expect(keys).toBe(deliveries.MAX_KEYS);
		expect(Object.values(merged).join('')).not.toContain('A'.repeat(16));
	});

	it('writes what this process accepted back with every record, so a lost concurrent write comes back', () => {
		const { deliveries } = freshProcess();
		accept(deliveries, {}, 'one');
		// another request of this process loaded the record before the first was saved
		const second: IDataObject = {};
		accept(deliveries, second, 'two');
		const record = Object.values(second.deliveries as IDataObject).join('');
		expect(record).toContain(deliveries.hashKey('one'));
		expect(record).toContain(deliveries.hashKey('two'));
	});

	it('loses no key when requests save records loaded at different moments (each adds what the record it found lacks)', () => {
		const { deliveries } = freshProcess();
		const t0 = Date.UTC(2026, 0, 1, 12, 0, 0);
		// what n8n saved last; each request works on a copy loaded when it started, several in flight
		let saved: IDataObject = {};
		const inFlight: IDataObject[] = [];
		for (let i = 0; i < 300; i++) {
			inFlight.push(structuredClone(saved));
			const copy = inFlight.splice((i * 5) % inFlight.length, 1)[0];
			if (i % 40 === 0) copy.deliveries = { ...(copy.deliveries as IDataObject), [String(Math.floor(t0 / 600_000))]: 'X'.repeat(16) }; // another process's record
			expect(accept(deliveries, copy, `k${i}`, t0 + i * 1000)).toBe(true);
			saved = copy;
		}
		const record = Object.values(saved.deliveries as IDataObject).join('');
		const keys: string[] = record.match(/.{16}/g) ?? [];
		expect(Array.from({ length: 300 }, (_, i) => `k${i}`).filter((key) => !keys.includes(deliveries.hashKey(key)))).toEqual([]);
		expect(keys.length).toBe(new Set(keys).size);
	});

	it('neither records nor drops test deliveries, and removes the record of earlier versions', () => {
		const { deliveries } = freshProcess();
		const staticData: IDataObject = { recentDeliveries: ['abc'] };
		expect(deliveries.claimDelivery(webhookFn(staticData, 'wf-1', 'manual'), 'k').first).toBe(true);
		expect(deliveries.claimDelivery(webhookFn(staticData, 'wf-1', 'manual'), 'k').first).toBe(true);
		expect(staticData).toEqual({ recentDeliveries: ['abc'] });
		accept(deliveries, staticData, 'k2');
		expect(staticData).not.toHaveProperty('recentDeliveries');
	});
});

/** n8n's processed-data store ("entries" mode): a list per workflow and node, checked and extended in one call. */
function processedStore(failures = 0) {
	const seen = new Set<string>();
	let failing = failures;
	return {
		seen,
		checkProcessedAndRecord: async (values: string[]) => {
			if (failing-- > 0) throw new Error('database is locked');
			const result = { new: [] as string[], processed: [] as string[] };
			for (const value of values) (seen.has(value) ? result.processed : result.new).push(value);
			for (const value of values) seen.add(value);
			return result;
		},
	};
}

function executeFn(items: INodeExecutionData[], store: ReturnType<typeof processedStore>, executionId: string, mode = 'webhook') {
	const hints: NodeExecutionHint[] = [];
	const fn = {
		getInputData: () => items,
		getMode: () => mode,
		getExecutionId: () => executionId,
		getWorkflow: () => ({ id: 'wf-1', active: true }),
		getNode: () => ({ id: 'trigger-node' }),
		addExecutionHints: (...added: NodeExecutionHint[]) => hints.push(...added),
		helpers: { checkProcessedAndRecord: store.checkProcessedAndRecord },
	} as unknown as IExecuteFunctions;
	return { fn, hints };
}

describe('second check in the execution phase (queue-mode workers)', () => {
	const started = (confirm: Confirm, key: string): INodeExecutionData[] => [{ json: { id: 1 }, [confirm.DELIVERY_KEY]: key }];

	it('passes the first execution of a delivery and stops a second one with a hint; the output is the payload only', async () => {
		const { confirm } = freshProcess();
		const store = processedStore();
		const first = executeFn(started(confirm, 'key-1'), store, '101');
		const passed = await confirm.confirmDeliveries(first.fn);
		expect(passed.items).toEqual([{ json: { id: 1 }, pairedItem: { item: 0 } }]);

		const second = executeFn(started(confirm, 'key-1'), store, '102');
		const stopped = await confirm.confirmDeliveries(second.fn);
		confirm.confirmationHints(second.fn, stopped);
		expect(stopped.items).toEqual([]);
		expect(second.hints[0].message).toMatch(/^Duplicate delivery \(key key-1\): another execution already ran it/);
	});

	it('lets a worker re-running the same execution (a stalled job) through', async () => {
		const { confirm } = freshProcess();
		const store = processedStore();
		await confirm.confirmDeliveries(executeFn(started(confirm, 'key-2'), store, '201').fn);
		expect((await confirm.confirmDeliveries(executeFn(started(confirm, 'key-2'), store, '201').fn)).items).toHaveLength(1);
	});

	it('never stops test runs or retries, and checks nothing for deliveries this process accepted itself', async () => {
		const { confirm, deliveries } = freshProcess();
		const store = processedStore();
		await confirm.confirmDeliveries(executeFn(started(confirm, 'key-3'), store, '301').fn);
		for (const mode of ['manual', 'retry']) {
			expect((await confirm.confirmDeliveries(executeFn(started(confirm, 'key-3'), store, '302', mode).fn)).items).toHaveLength(1);
		}
		const claim = deliveries.claimDelivery(webhookFn({}), 'accepted-here');
		const hashed = claim.first ? claim.hashed : '';
		deliveries.confirmDelivery(webhookFn({}), hashed);
		const local = processedStore();
		await confirm.confirmDeliveries(executeFn(started(confirm, hashed), local, '303').fn);
		expect(local.seen.size).toBe(0);
	});

	it('runs a delivery rather than losing it when the store fails twice, and says so', async () => {
		const { confirm } = freshProcess();
		const once = processedStore(1);
		expect((await confirm.confirmDeliveries(executeFn(started(confirm, 'key-4'), once, '401').fn)).items).toHaveLength(1);
		const broken = processedStore(2);
		const run = executeFn(started(confirm, 'key-5'), broken, '402');
		const confirmed = await confirm.confirmDeliveries(run.fn);
		confirm.confirmationHints(run.fn, confirmed);
		expect(confirmed.items).toHaveLength(1);
		expect(run.hints.map((h) => h.type)).toEqual(['warning']);
	});

	it('checks one delivery at a time per trigger, so two executions in one worker cannot both pass', async () => {
		const { confirm } = freshProcess();
		const store = processedStore();
		const slow = {
			...store,
			checkProcessedAndRecord: async (values: string[]) => {
				const before = new Set(store.seen);
				await new Promise((resolve) => setTimeout(resolve, 20));
				// a read-then-write like n8n's: what was there before the pause decides
				const result = { new: values.filter((v) => !before.has(v)), processed: values.filter((v) => before.has(v)) };
				for (const v of values) store.seen.add(v);
				return result;
			},
		};
		const runs = await Promise.all(
			['501', '502', '503'].map(async (id) => await confirm.confirmDeliveries(executeFn(started(confirm, 'key-6'), slow, id).fn)),
		);
		expect(runs.map((r) => r.items.length)).toEqual([1, 0, 0]);
	});
});
