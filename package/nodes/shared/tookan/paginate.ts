/**
 * Tookan's paged lists (`get_all_tasks`, `get_all_customers`): `is_pagination: 1` and `requested_page`
 * from 1 up to the `total_page_count` the server reports; the page size is fixed by the server.
 * `get_all_tasks` also accepts at most 31 days per request, so longer ranges are split into windows.
 */
import type { IDataObject } from 'n8n-workflow';

import type { BuiltRequest, Paginator, RunContext } from '../types';
import { records } from './adapter';
import { dateWindows } from './time';

export const MAX_TASK_WINDOW_DAYS = 31;

async function* pages(ctx: RunContext, request: BuiltRequest, body: IDataObject): AsyncGenerator<IDataObject[]> {
	for (let page = 1; ; page++) {
		const answer = await ctx.send({
			...request,
			body: { ...body, is_pagination: 1, requested_page: page },
			idempotent: true,
		});
		const batch = records(answer);
		if (batch.length) yield batch;
		const total = Number(answer.total_page_count);
		if (!batch.length || !Number.isFinite(total) || page >= total) return;
	}
}

/** `get_all_tasks`: every page of every window of at most 31 days between `start_date` and `end_date`. */
export const taskPages: Paginator = async function* (ctx, request) {
	const body = request.body ?? {};
	for (const window of dateWindows(String(body.start_date), String(body.end_date), MAX_TASK_WINDOW_DAYS)) {
		yield* pages(ctx, request, { ...body, start_date: window.start, end_date: window.end });
	}
};

/** `get_all_customers`: every page. */
export const customerPages: Paginator = async function* (ctx, request) {
	yield* pages(ctx, request, request.body ?? {});
};
