/**
 * A fault-storm batch: one node operation run over many items, and how to tell from the sandbox state
 * whether each item's write is there, and how many records its unique key has (creates: exactly one).
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { Parameters } from '../../helpers/n8n-context';

export type StormService = 'GHL' | 'Tookan';

export interface StormState {
	ghlContacts: IDataObject[];
	tookanTasks: IDataObject[];
	tookanCustomers: IDataObject[];
}

export interface Batch {
	service: StormService;
	name: string;
	count: number;
	parameters(i: number): Parameters;
	/** Whether item i's write is in the sandbox (its record exists with the values sent). */
	applied(state: StormState, i: number): boolean;
	/** Records in the sandbox for item i's unique key; creates must have exactly one. */
	copies?(state: StormState, i: number): number;
}

export interface BatchReport {
	service: StormService;
	name: string;
	operations: number;
	succeeded: number;
	errorItems: number;
	/** Input items with no output item, or an error item without a reason. */
	unaccounted: number;
	/** Items reported as done whose write is not in the sandbox. */
	lost: number;
	/** Extra records beyond one per unique key. */
	duplicated: number;
	/** Error items whose write is in the sandbox anyway (a re-run would repeat it). */
	appliedDespiteError: number;
	reasons: string[];
}

/** Groups records by a key so copies can be counted in O(1) per item. */
export function countBy(records: IDataObject[], key: (r: IDataObject) => unknown): Map<string, number> {
	const counts = new Map<string, number>();
	for (const record of records) {
		const k = key(record);
		if (k === undefined || k === null || k === '') continue;
		const s = String(k).toLowerCase();
		counts.set(s, (counts.get(s) ?? 0) + 1);
	}
	return counts;
}

/** Compares one batch's output with the sandbox state. */
export function checkBatch(batch: Batch, output: INodeExecutionData[], state: StormState): BatchReport {
	const report: BatchReport = {
		service: batch.service,
		name: batch.name,
		operations: batch.count,
		succeeded: 0,
		errorItems: 0,
		unaccounted: 0,
		lost: 0,
		duplicated: 0,
		appliedDespiteError: 0,
		reasons: [],
	};
	const byItem = new Map<number, INodeExecutionData[]>();
	for (const item of output) {
		const paired = item.pairedItem as { item: number } | undefined;
		const index = paired?.item ?? -1;
		byItem.set(index, [...(byItem.get(index) ?? []), item]);
	}
	for (let i = 0; i < batch.count; i++) {
		const items = byItem.get(i) ?? [];
		const failed = items.find((item) => item.error || (item.json as IDataObject).error !== undefined);
		const applied = batch.applied(state, i);
		if (!items.length) {
			report.unaccounted++;
			if (!applied) report.lost++;
		} else if (failed) {
			report.errorItems++;
			const reason = String((failed.json as IDataObject).error ?? '');
			if (!reason.trim()) report.unaccounted++;
			else if (report.reasons.length < 5 && !report.reasons.includes(reason)) report.reasons.push(reason);
			if (applied) report.appliedDespiteError++;
		} else {
			report.succeeded++;
			if (!applied) report.lost++;
		}
		if (batch.copies) report.duplicated += Math.max(0, batch.copies(state, i) - 1);
	}
	return report;
}
