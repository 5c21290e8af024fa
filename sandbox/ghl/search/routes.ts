import { listedContactView, searchDocument } from '../contacts/views';
import { useLocation } from '../contacts/load';
import type { GhlDeps, GhlRequest } from '../http/deps';
import { notFound, unprocessable } from '../http/errors';
import type { RouteAdder } from '../http/guard';
import { intQuery, requireQuery, validateBody } from '../http/validate';
import { SEARCH } from '../contacts/dtos';
import type { Contact } from '../model';
import { compileFilters } from './filters';
import { matchesQuery } from './query';
import { compareKeys, parseSort, sortKey, type SortSpec } from './sort';

const READ = { scope: 'contacts.readonly' };
/** page/pageLimit reach only the first 10,000 records; deeper pages need searchAfter. */
export const PAGE_WINDOW = 10_000;
const LIST_SORT: SortSpec[] = [{ field: 'dateAdded', direction: 'asc' }];

/** Contacts ops 1, 8 and 32: advanced search, contacts by business, the deprecated list. */
export function registerSearchRoutes(route: RouteAdder, deps: GhlDeps): void {
	route('POST', '/contacts/search', READ, (request) => search(deps, request));

	route('GET', '/contacts/', READ, (request) => deprecatedList(deps, request));

	route('GET', '/contacts/business/:businessId', READ, (request) => {
		requireQuery(request.query, ['locationId']);
		const locationId = useLocation(deps, request, request.query.locationId!);
		const business = deps.state.businesses.get(request.params.businessId);
		if (!business || business.locationId !== locationId) throw notFound('Business not found');
		const skip = intQuery(request.query.skip, 'skip', 0);
		const limit = intQuery(request.query.limit, 'limit', 25);
		const contacts = deps.state.contacts
			.inLocation(locationId)
			.filter((c) => c.businessId === business.id && matchesQuery(c, request.query.query))
			.sort((a, b) => compareKeys(sortKey(a, LIST_SORT, deps.state), sortKey(b, LIST_SORT, deps.state), LIST_SORT));
		return { contacts: contacts.slice(skip, skip + limit).map(listedContactView), count: contacts.length };
	});
}

function search(deps: GhlDeps, request: GhlRequest) {
	const body = validateBody(request.body, SEARCH, deps.config().strictBodies);
	const locationId = useLocation(deps, request, body.locationId as string);
	const messages: string[] = [];
	const predicate = compileFilters((body.filters as unknown[]) ?? [], locationId, deps.state, messages);
	const specs = parseSort(body.sort as unknown[] | undefined, messages);
	const pageLimit = body.pageLimit as number;
	const searchAfter = body.searchAfter as unknown[] | undefined;
	const page = (body.page as number | undefined) ?? 1;
	if (searchAfter && searchAfter.length !== specs.length + 1) {
		messages.push(`searchAfter must have ${specs.length + 1} values (the searchAfter of a returned document)`);
	}
	if (!searchAfter && page * pageLimit > PAGE_WINDOW) {
		messages.push(`page * pageLimit must not exceed ${PAGE_WINDOW} records; use searchAfter to paginate beyond ${PAGE_WINDOW} records`);
	}
	if (messages.length) throw unprocessable(messages);
	const query = body.query as string | undefined;
	const rows = deps.state.contacts
		.inLocation(locationId)
		.filter((c) => matchesQuery(c, query) && predicate(c))
		.map((contact) => ({ contact, key: sortKey(contact, specs, deps.state) }))
		.sort((a, b) => compareKeys(a.key, b.key, specs));
	const start = searchAfter ? rows.findIndex((r) => compareKeys(r.key, searchAfter, specs) > 0) : (page - 1) * pageLimit;
	const pageRows = start < 0 ? [] : rows.slice(start, start + pageLimit);
	return { contacts: pageRows.map((r) => searchDocument(deps.state, r.contact, r.key)), total: rows.length };
}

/** GET /contacts/ (deprecated): `limit` <= 100 (default 20), cursor `startAfter` (epoch ms) + `startAfterId`. */
function deprecatedList(deps: GhlDeps, request: GhlRequest) {
	requireQuery(request.query, ['locationId']);
	const locationId = useLocation(deps, request, request.query.locationId!);
	const limit = intQuery(request.query.limit, 'limit', 20);
	if (limit > 100) throw unprocessable(['limit must not be greater than 100']);
	const rows = deps.state.contacts
		.inLocation(locationId)
		.filter((c) => matchesQuery(c, request.query.query))
		.map((contact) => ({ contact, key: sortKey(contact, LIST_SORT, deps.state) }))
		.sort((a, b) => compareKeys(a.key, b.key, LIST_SORT));
	const { startAfter, startAfterId } = request.query;
	const cursor = startAfter ? [Number(startAfter), startAfterId ?? ''] : undefined;
	const start = cursor ? firstAfter(rows, cursor) : 0;
	const page = rows.slice(start, start + limit);
	const last = page[page.length - 1]?.contact;
	const hasMore = start + page.length < rows.length;
	const currentPage = Math.floor(start / limit) + 1;
	return {
		contacts: page.map((r) => listedContactView(r.contact)),
		meta: {
			total: rows.length,
			startAfterId: last?.id ?? null,
			startAfter: last ? Date.parse(last.dateAdded) : null,
			nextPageUrl: hasMore && last ? nextPageUrl(request, locationId, last, limit) : null,
			currentPage,
			nextPage: hasMore ? currentPage + 1 : null,
			prevPage: currentPage > 1 ? currentPage - 1 : null,
		},
	};
}

function firstAfter(rows: Array<{ key: unknown[] }>, cursor: unknown[]): number {
	const index = rows.findIndex((r) => compareKeys(r.key, cursor, LIST_SORT) > 0);
	return index < 0 ? rows.length : index;
}

function nextPageUrl(request: GhlRequest, locationId: string, last: Contact, limit: number): string {
	const params = new URLSearchParams({
		locationId,
		startAfter: String(Date.parse(last.dateAdded)),
		startAfterId: last.id,
		limit: String(limit),
	});
	if (request.query.query) params.set('query', request.query.query);
	return `${request.protocol}://${request.headers.host}${request.url.split('?')[0]}?${params.toString()}`;
}
