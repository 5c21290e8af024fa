import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { BuiltRequest, Paginator, RunContext } from '../types';

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
 * Pages requested together with the first one, before it tells the total, when a single item asks for
 * every record (Return All) and the same search last time had more than one page: the first answer's round
 * trip would otherwise leave the rate window idle. A search whose last total fitted in one page (or that
 * has not run in this process yet) sends only page 1: speculative pages cost requests of GHL's 100 per 10 s.
 * Not done for many items (each would waste them) nor with a limit (the pages needed are known up front).
 */
export const EARLY_PAGES = 4;

/** Totals of recent searches (location, filters, sort, page size), to judge whether early pages pay off. */
const lastTotals = new Map<string, number>();
const REMEMBERED_SEARCHES = 200;

function rememberTotal(key: string, total: number): void {
	lastTotals.delete(key);
	lastTotals.set(key, total);
	if (lastTotals.size > REMEMBERED_SEARCHES) lastTotals.delete(lastTotals.keys().next().value as string);
}

function earlyPages(ctx: RunContext, request: BuiltRequest, key: string, pageLimit: number, lastPage: number): number {
	if (request.params.returnAll !== true) return 0;
	const fn = ctx.fn as Partial<IExecuteFunctions>;
	if (typeof fn.getInputData !== 'function' || fn.getInputData().length !== 1) return 0;
	const previous = lastTotals.get(key);
	if (previous === undefined) return 0;
	return Math.max(0, Math.min(EARLY_PAGES, lastPage - 1, Math.ceil(previous / pageLimit) - 1));
}

/**
 * `POST /contacts/search`: the first numbered page (`page`, `pageLimit` ≤ 500) tells the total, so the other
 * numbered pages up to GHL's 10,000-record window are requested in parallel (up to PARALLEL_PAGES ahead,
 * inside the rate budget) and returned in order; past the window the `searchAfter` cursor of the last record
 * is followed one page at a time, until a short page or the total is reached. A single item's Return All
 * requests up to EARLY_PAGES more pages along with the first when the same search last needed them.
 */
export const searchPages: Paginator = async function* (ctx, request, limit) {
	const pageLimit = Math.min(SEARCH_PAGE_SIZE, Number.isFinite(limit) ? Math.max(1, limit) : SEARCH_PAGE_SIZE);
	const windowPages = Math.floor(SEARCH_PAGE_WINDOW / pageLimit);
	const base = { ...(request.body ?? {}) };
	delete base.page;
	delete base.searchAfter;
	const fetchPage = (page: IDataObject) => {
		const answer = ctx.send({ ...request, body: { ...base, pageLimit, ...page }, idempotent: true });
		answer.catch(() => undefined); // awaited in order below; a page dropped by an early return is not unhandled
		return answer;
	};

	const key = JSON.stringify([request.context.credentialId, base, pageLimit]);
	const firstPage = fetchPage({ page: 1 });
	const early = Array.from({ length: earlyPages(ctx, request, key, pageLimit, windowPages) }, (_, k) => fetchPage({ page: k + 2 }));
	const first = await firstPage;
	let batch = records(first, 'contacts');
	if (batch.length) yield batch;
	let seen = batch.length;
	const total = Number(first.total);
	if (Number.isFinite(total)) rememberTotal(key, total);
	const done = () => batch.length < pageLimit || seen >= limit || (Number.isFinite(total) && seen >= total);
	if (done()) return;

	if (Number.isFinite(total)) {
		const wanted = Math.min(limit, total, SEARCH_PAGE_WINDOW);
		const lastPage = Math.min(Math.ceil(wanted / pageLimit), windowPages);
		const pending = early.slice(0, Math.max(0, lastPage - 1));
		let requested = 1 + pending.length;
		const requestMore = () => {
			while (requested < lastPage && pending.length < PARALLEL_PAGES) pending.push(fetchPage({ page: ++requested }));
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
		for (let page = 2; page <= windowPages; page++) {
			batch = records(await (early[page - 2] ?? fetchPage({ page })), 'contacts');
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
