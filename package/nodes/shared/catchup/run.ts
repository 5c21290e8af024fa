/**
 * What the GHL and Tookan catch-up triggers share: when the workflow becomes active, work out the window that
 * may hold missed changes (window.ts), ask the service for the changes in it, and start one execution per
 * change, as the webhook would have.
 *
 * The look happens while n8n activates the trigger: n8n 2.x evaluates credential expressions (a Bearer
 * header, for instance) in an expression isolate it holds for a trigger only while activating it. Should the
 * service not answer then, the look is tried again every minute, in the isolate n8n's poll engine takes for
 * each poll (n8n 1.x has none). Starting executions needs no isolate.
 *
 * Static data: the trigger reads the workflow's data as n8n loaded it at activation and writes its own end
 * mark only just before it starts executions (n8n saves the data when a trigger starts one). Nothing is
 * written in normal operation, so the copy n8n keeps for the trigger never overwrites what the webhook
 * triggers record later.
 */
import type { INodeExecutionData, IRun, ITriggerFunctions, ITriggerResponse } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { lastReceipt, recordReceipt } from '../trigger/receipts';
import { catchUpWindow, caughtUpTo, recordCaughtUp, type CatchUpWindow } from './window';

/** One missed change: changes with the same `key` (one Tookan task) run one after another, in order. */
export interface Change {
	key: string;
	item: INodeExecutionData;
}

export interface CatchUpSource {
	/** The changes in the window, oldest first. */
	changes(window: CatchUpWindow): Promise<Change[]>;
}

/** How long the activation waits for the look before leaving it to the retries. */
export const ACTIVATION_LOOK_MS = 30_000;
export const RETRY_DELAY_MS = 60_000;
/** Executions the catch-up keeps running at once. */
export const CONCURRENCY = 5;
/** How long to wait for one execution before starting the next change of the same key anyway. */
const EXECUTION_WAIT_MS = 5 * 60_000;

interface Pass {
	closed: boolean;
}

/** Resolves after `ms` without keeping the process alive for it (the timer of AbortSignal.timeout is unref'd). */
function after(ms: number): Promise<void> {
	const signal = AbortSignal.timeout(ms);
	return new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

async function finished(fn: ITriggerFunctions, item: INodeExecutionData): Promise<void> {
	const done = fn.helpers.createDeferredPromise<IRun>();
	fn.emit([[item]], undefined, done);
	// a failed execution is the workflow's business (its own failure path); the catch-up goes on
	await Promise.race([done.promise.catch(() => undefined), after(EXECUTION_WAIT_MS)]);
}

/** Starts the executions: at most CONCURRENCY at once, the changes of one key one after another. */
export async function emitAll(fn: ITriggerFunctions, changes: Change[], pass: Pass = { closed: false }): Promise<void> {
	const byKey = new Map<string, INodeExecutionData[]>();
	for (const change of changes) {
		const queue = byKey.get(change.key) ?? [];
		queue.push(change.item);
		byKey.set(change.key, queue);
	}
	const queues = [...byKey.values()];
	const worker = async () => {
		for (let queue = queues.shift(); queue && !pass.closed; queue = queues.shift()) {
			for (const item of queue) {
				if (pass.closed) return;
				await finished(fn, item);
			}
		}
	};
	await Promise.all(Array.from({ length: Math.min(CONCURRENCY, queues.length) }, worker));
}

function describe(window: CatchUpWindow): string {
	return `${new Date(window.from).toISOString()} to ${new Date(window.until).toISOString()}`;
}

type Lender = { withIsolate?: <T>(work: () => Promise<T>) => Promise<T> };

/** Runs `work` in the workflow's expression isolate when n8n has one (2.x), as its poll engine does per poll. */
async function inIsolate<T>(fn: ITriggerFunctions, work: () => Promise<T>): Promise<T> {
	const expression = (fn as unknown as { workflow?: { expression?: Lender } }).workflow?.expression;
	return typeof expression?.withIsolate === 'function' ? await expression.withIsolate(work) : await work();
}

/** The look made during activation, given up (for the retries) when the service keeps n8n waiting. */
async function withinActivation<T>(work: Promise<T>): Promise<T> {
	const timeout = after(ACTIVATION_LOOK_MS).then(() => {
		throw new Error(`no answer within ${ACTIVATION_LOOK_MS / 1000} s`);
	});
	return await Promise.race([work, timeout]);
}

async function start(fn: ITriggerFunctions, changes: Change[], window: CatchUpWindow, pass: Pass): Promise<void> {
	fn.logger.info(`${fn.getNode().name}: ${changes.length} changes from ${describe(window)} to catch up`);
	// saved by n8n with the first execution this starts
	if (changes.length) recordCaughtUp(fn.getWorkflowStaticData('node'), window.until);
	await emitAll(fn, changes, pass);
}

/** Looks again every minute until the service answers (or the workflow is deactivated), then starts the executions. */
async function retry(fn: ITriggerFunctions, source: CatchUpSource, window: CatchUpWindow, pass: Pass): Promise<void> {
	for (let attempt = 2; !pass.closed; attempt++) {
		await sleep(RETRY_DELAY_MS);
		if (pass.closed) return;
		let changes: Change[];
		try {
			changes = await inIsolate(fn, async () => await source.changes(window));
		} catch (error) {
			fn.logger.warn(`${fn.getNode().name}: could not look for changes from ${describe(window)} (attempt ${attempt}): ${(error as Error).message}; trying again in a minute`);
			continue;
		}
		if (!pass.closed) await start(fn, changes, window, pass);
		return;
	}
}

/**
 * The trigger() of a catch-up node (outside the editor's test runs). Without any delivery on record yet,
 * it only notes the activation as the first mark: nothing can have been missed before.
 */
export async function startCatchUp(fn: ITriggerFunctions, source: CatchUpSource, lookBackMinutes: number): Promise<ITriggerResponse> {
	const activatedAt = Date.now();
	const globalData = fn.getWorkflowStaticData('global');
	const window = catchUpWindow(lastReceipt(globalData), caughtUpTo(fn.getWorkflowStaticData('node')), activatedAt, lookBackMinutes);
	if (!window) {
		// saved by n8n with the activation
		if (lastReceipt(globalData) === undefined) recordReceipt(globalData, activatedAt);
		return { closeFunction: async () => undefined };
	}
	const pass: Pass = { closed: false };
	const name = fn.getNode().name;
	let changes: Change[] | undefined;
	try {
		changes = await withinActivation(source.changes(window));
	} catch (error) {
		fn.logger.warn(`${name}: could not look for changes from ${describe(window)} (attempt 1): ${(error as Error).message}; trying again in a minute`);
	}
	const run = changes ? start(fn, changes, window, pass) : retry(fn, source, window, pass);
	void run.catch((error: Error) => fn.logger.error(`${name}: catch-up stopped: ${error.message}`));
	return {
		closeFunction: async () => {
			pass.closed = true;
		},
	};
}
