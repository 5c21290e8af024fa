import type { IDataObject } from 'n8n-workflow';

import type { Paginator } from '../types';

/** GHL's search serves at most this many records through page numbers; beyond it only `searchAfter` works. */
export const SEARCH_PAGE_WINDOW = 10_000;
export const SEARCH_PAGE_SIZE = 500;

function records(body: IDataObject, root: string): IDataObject[] {
	const list = body[root];
	return Array.isArray(list) ? (list as IDataObject[]) : [];
}

/** Numbered search pages requested at once, ahead of the one being returned. */
export const PARALLEL_PAGES = 10;

/**
 * `POST /contacts/search`: the first numbered page (`page`, `pageLimit` ≤ 500) tells the total, so the other
 * numbered pages up to GHL's 10,000-record window are requested in parallel (up to PARALLEL_PAGES ahead,
 * inside the rate budget) and returned in order; past the window the `searchAfter` cursor of the last record
 * is followed one page at a time, until a short page or the total is reached.
 */
export const searchPages: Paginator = async function* (ctx, request, limit) {
	const pageLimit = Math.min(SEARCH_PAGE_SIZE, Number.isFinite(limit) ? Math.max(1, limit) : SEARCH_PAGE_SIZE);
	const base = { ...(request.body ?? {}) };
	delete base.page;
	delete base.searchAfter;
	const fetchPage = async (extra: IDataObject) =>
		await ctx.send({ ...request, body: { ...base, pageLimit, ...extra }, idempotent: true });

	const first = await fetchPage({ page: 1 });
	let batch = records(first, 'contacts');
	if (batch.length) yield batch;
	let seen = batch.length;
	const total = Number(first.total);
	const done = () => batch.length < pageLimit || seen >= limit || (Number.isFinite(total) && seen >= total);
	if (done()) return;

	if (Number.isFinite(total)) {
		const wanted = Math.min(limit, total, SEARCH_PAGE_WINDOW);
		const lastPage = Math.min(Math.ceil(wanted / pageLimit), Math.floor(SEARCH_PAGE_WINDOW / pageLimit));
		const pending: Array<Promise<IDataObject>> = [];
		let requested = 1;
		const requestMore = () => {
			while (requested < lastPage && pending.length < PARALLEL_PAGES) {
				const page = fetchPage({ page: ++requested });
				page.catch(() => undefined); // awaited in order below; a page dropped by an early return is not unhandled
				pending.push(page);
			}
		};
		requestMore();
		while (pending.length) {
			const response = await (pending.shift() as Promise<IDataObject>);
			requestMore();
			batch = records(response, 'contacts');
			if (batch.length) yield batch;
			seen += batch.length;
			if (done()) return;
		}
	} else {
		// no total: one numbered page after another
		for (let page = 2; page * pageLimit <= SEARCH_PAGE_WINDOW; page++) {
			batch = records(await fetchPage({ page }), 'contacts');
			if (batch.length) yield batch;
			seen += batch.length;
			if (done()) return;
		}
	}

	for (;;) {
		const cursor = batch[batch.length - 1]?.searchAfter;
		if (!Array.isArray(cursor) || !cursor.length) return;
		batch = records(await fetchPage({ searchAfter: cursor as IDataObject[string] }), 'contacts');
		if (batch.length) yield batch;
		seen += batch.length;
		if (done()) return;
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
