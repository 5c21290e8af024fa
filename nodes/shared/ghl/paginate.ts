import type { IDataObject } from 'n8n-workflow';

import type { Paginator } from '../types';

/** GHL's search serves at most this many records through page numbers; beyond it only `searchAfter` works. */
export const SEARCH_PAGE_WINDOW = 10_000;
export const SEARCH_PAGE_SIZE = 500;

function records(body: IDataObject, root: string): IDataObject[] {
	const list = body[root];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/**
 * `POST /contacts/search`: numbered pages (`page`, `pageLimit` ≤ 500) up to GHL's 10,000-record window,
 * then the `searchAfter` cursor of the last record, until a short page or the total is reached.
 */
export const searchPages: Paginator = async function* (ctx, request, limit) {
	const pageLimit = Math.min(SEARCH_PAGE_SIZE, Number.isFinite(limit) ? Math.max(1, limit) : SEARCH_PAGE_SIZE);
	const base = { ...(request.body ?? {}) };
	delete base.page;
	delete base.searchAfter;
	let page = 1;
	let cursor: unknown;
	let seen = 0;
	for (;;) {
		const body: IDataObject = { ...base, pageLimit };
		if (cursor !== undefined) body.searchAfter = cursor as IDataObject[string];
		else body.page = page;
		const response = await ctx.send({ ...request, body, idempotent: true });
		const batch = records(response, 'contacts');
		if (batch.length) yield batch;
		seen += batch.length;
		const total = Number(response.total);
		if (batch.length < pageLimit || seen >= limit || (Number.isFinite(total) && seen >= total)) return;
		if (cursor === undefined && (page + 1) * pageLimit <= SEARCH_PAGE_WINDOW) {
			page++;
			continue;
		}
		const next = batch[batch.length - 1].searchAfter;
		if (!Array.isArray(next) || !next.length) return;
		cursor = next;
	}
};

/** `skip` / `limit` query paging (businesses, contacts of a business); `root` holds the records. */
export function skipLimitPages(root: string, pageSize = 100): Paginator {
	return async function* (ctx, request, limit) {
		let skip = 0;
		for (;;) {
			const size = Math.min(pageSize, Number.isFinite(limit) ? Math.max(1, limit - skip) : pageSize);
			const query = { ...request.query, skip: String(skip), limit: String(size) };
			const batch = records(await ctx.send({ ...request, query }), root);
			if (batch.length) yield batch;
			skip += batch.length;
			if (batch.length < size || skip >= limit) return;
		}
	};
}

/** The deprecated `GET /contacts/` list: `startAfterId` + `startAfter` from the previous page's `meta`. */
export const startAfterPages: Paginator = async function* (ctx, request, limit) {
	let cursor: IDataObject = {};
	let seen = 0;
	for (;;) {
		const size = Math.min(100, Number.isFinite(limit) ? Math.max(1, limit - seen) : 100);
		const response = await ctx.send({ ...request, query: { ...request.query, ...cursor, limit: size } });
		const batch = records(response, 'contacts');
		if (batch.length) yield batch;
		seen += batch.length;
		const meta = (response.meta ?? {}) as IDataObject;
		if (batch.length < size || seen >= limit || !meta.startAfterId) return;
		cursor = { startAfterId: meta.startAfterId, startAfter: meta.startAfter };
	}
};

/** Lists GHL returns whole (tasks, notes, appointments): one request, records under `root`. */
export function wholeList(root: string): Paginator {
	return async function* (ctx, request) {
		yield records(await ctx.send(request), root);
	};
}
