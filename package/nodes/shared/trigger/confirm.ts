import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { acceptedInThisProcess, triggerScope } from './deliveries';

/**
 * Where the webhook phase leaves a delivery's hashed key for the execution phase: a property of the item
 * next to `json` (not inside it), so the output items stay exactly the payload.
 */
export const DELIVERY_KEY = 'ghlTookanDelivery';

/** How many deliveries n8n's processed-data store keeps per trigger for the execution-phase check (two entries each). */
export const CONFIRMED_DELIVERIES = 1_000;

export interface Confirmed {
	items: INodeExecutionData[];
	/** Hashed keys of deliveries another execution already ran. */
	duplicates: string[];
	/** n8n's processed-data store could not be read or written: the delivery ran unchecked. */
	unchecked?: boolean;
}

/** One check at a time per trigger in this process, so two executions here cannot both read "new". */
const checks = new Map<string, Promise<unknown>>();

async function oneAtATime<T>(scope: string, work: () => Promise<T>): Promise<T> {
	const previous = checks.get(scope) ?? Promise.resolve();
	const run = previous.then(work, work);
	const tail = run.catch(() => undefined);
	checks.set(scope, tail);
	void tail.then(() => {
		if (checks.get(scope) === tail) checks.delete(scope);
	});
	return await run;
}

type Verdict = 'first' | 'duplicate' | 'unchecked';

/** Whether the delivery already ran in another execution; records it otherwise. */
async function verdictOf(fn: IExecuteFunctions, hashed: string): Promise<Verdict> {
	const mine = `${hashed}@${fn.getExecutionId()}`;
	const record = async () =>
		await fn.helpers.checkProcessedAndRecord([hashed, mine], 'node', { mode: 'entries', maxEntries: 2 * CONFIRMED_DELIVERIES });
	let result;
	for (let attempt = 1; !result; attempt++) {
		try {
			result = await record();
		} catch {
			// two processes creating the trigger's first record at once: one insert loses, the record exists now.
			// Should the store keep failing, the delivery runs rather than being lost.
			if (attempt >= 2) return 'unchecked';
		}
	}
	const seen = new Set(result.processed.map(String));
	// known, but not from this execution (a worker re-running a stalled job finds its own mark)
	return seen.has(hashed) && !seen.has(mine) ? 'duplicate' : 'first';
}

/**
 * The execution phase of a delivery the webhook phase accepted. When the execution runs in the process that
 * accepted the delivery (n8n's regular mode), that process's check was exact and nothing is left to do. When
 * it runs elsewhere (a queue-mode worker), copies that reached two webhook processes at the same moment may
 * both have been accepted: the delivery is checked once more in n8n's processed-data store (the one n8n's
 * Remove Duplicates node uses), and a delivery another execution already ran yields no item here, so nothing
 * downstream runs. Test runs and retries of an execution are never stopped.
 */
export async function confirmDeliveries(fn: IExecuteFunctions): Promise<Confirmed> {
	const items = fn.getInputData();
	const mode = fn.getMode();
	const scope = triggerScope(fn);
	const confirmed: Confirmed = { items: [], duplicates: [] };
	for (const [index, item] of items.entries()) {
		const { [DELIVERY_KEY]: hashed, ...rest } = item;
		const output: INodeExecutionData = { ...rest, json: item.json, pairedItem: { item: index } };
		const check = typeof hashed === 'string' && mode === 'webhook' && !acceptedInThisProcess(scope, hashed);
		const verdict = check ? await oneAtATime(scope, async () => await verdictOf(fn, hashed)) : 'first';
		if (verdict === 'duplicate') confirmed.duplicates.push(hashed as string);
		else confirmed.items.push(output);
		if (verdict === 'unchecked') confirmed.unchecked = true;
	}
	return confirmed;
}

/** What the execution shows above the trigger's output: why a delivery passed nothing on, or ran unchecked. */
export function confirmationHints(fn: IExecuteFunctions, confirmed: Confirmed): void {
	if (confirmed.duplicates.length) {
		fn.addExecutionHints({
			message: `Duplicate delivery (key ${confirmed.duplicates.join(', ')}): another execution already ran it, so this one passes nothing on. Copies of one delivery reached two n8n processes at the same moment.`,
			type: 'info',
			location: 'outputPane',
		});
	}
	if (confirmed.unchecked) {
		fn.addExecutionHints({
			message: "n8n's processed-data store did not answer, so this delivery ran without the second duplicate check",
			type: 'warning',
			location: 'outputPane',
		});
	}
}

/**
 * A warning above the output when a delivery was accepted with a secret a rotation is phasing out (its output
 * says `verifiedWith`): the sender still uses it, so it must not be removed yet. `what` names that secret.
 */
export function previousSecretHint(fn: IExecuteFunctions, items: INodeExecutionData[], what: string): void {
	const used = new Set(items.map((item) => item.json.verifiedWith));
	if (used.has('previous')) {
		fn.addExecutionHints({
			message: `Accepted with ${what} (verifiedWith "previous"): the sender has not switched to the current one yet, so keep the previous one until no execution shows this`,
			type: 'warning',
			location: 'outputPane',
		});
	}
	if (used.has('parameter')) {
		fn.addExecutionHints({
			message:
				'Accepted with the Secret Token parameter stored in this workflow (verifiedWith "parameter"): paste the URL the trigger panel shows into the GHL Webhook action, then set Token Source to "Credential"',
			type: 'warning',
			location: 'outputPane',
		});
	}
}
