/**
 * Get Many's search paging: a single item's Return All requests more numbered pages together with the first
 * (before it tells the total) only when the same search last needed them; a result that fits in one page
 * costs one request, every time. With several items, or a limit, only the pages the total needs.
 * The tests run in order: the node remembers each search's last total for the process.
 */
import { EARLY_PAGES } from '../../../package/nodes/shared/ghl/paginate';
import type { SentRequest } from '../../helpers/n8n-context';
import { useGhl } from './setup';

const env = useGhl();

const getAll = { resource: 'contact', operation: 'getAll', simplify: true };
const pagesOf = (requests: SentRequest[]) =>
	requests.filter((r) => r.url.endsWith('/contacts/search')).map((r) => Number((r.body as { page?: number }).page));
/** Search requests that reached the sandbox since the last clear. */
const searchesAtSandbox = () => env.sandbox.admin.requests({ service: 'ghl' }).requests.filter((r) => r.path.endsWith('/contacts/search')).length;

async function returnAll(options: { items?: number } = {}) {
	env.sandbox.admin.clearRequests();
	const run = await env.run({ ...getAll, returnAll: true }, options);
	return { ...run, atSandbox: searchesAtSandbox() };
}

describe('search pages requested with the first', () => {
	it('a Return All over 30 contacts sends one search request, the first time and every time after', async () => {
		env.sandbox.admin.seed({ ghl: { contacts: 300 } } as never);
		for (let run = 0; run < 3; run++) {
			const { output, requests, atSandbox } = await returnAll();
			expect(output).toHaveLength(300);
			expect(new Set(output.map((o) => o.json.id)).size).toBe(300);
			expect(pagesOf(requests)).toEqual([1]);
			expect(atSandbox).toBe(1);
		}
	});

	it('asks for the next pages with the first once the same search needed them, with the same records in the same order', async () => {
		env.sandbox.admin.seed({ ghl: { contacts: 3_400 } } as never);
		// last time this search had 300 contacts: nothing early, the pages follow the total (7 pages of 500)
		const first = await returnAll();
		expect(first.output).toHaveLength(3_400);
		expect(first.atSandbox).toBe(7);
		// now it knows the search has 7 pages: pages 2-5 go with page 1, each page still asked for once
		const second = await returnAll();
		expect(pagesOf(second.requests).slice(0, 1 + EARLY_PAGES).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5]);
		expect(pagesOf(second.requests).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
		const pair = await returnAll({ items: 2 });
		const ids = (items: typeof second.output) => items.map((o) => o.json.id);
		expect(ids(second.output)).toEqual(ids(first.output));
		expect(ids(second.output)).toEqual(ids(pair.output.filter((o) => (o.pairedItem as { item: number }).item === 0)));
	});

	it('a search that shrank costs its early pages once, then one request again', async () => {
		env.sandbox.admin.seed({ ghl: { contacts: 300 } } as never);
		const shrunk = await returnAll();
		expect(shrunk.output).toHaveLength(300);
		expect(shrunk.atSandbox).toBe(1 + EARLY_PAGES); // pages 2-5 came back empty and added nothing
		expect((await returnAll()).atSandbox).toBe(1);
	});

	it('several items, or a limit, send only the pages the total needs', async () => {
		env.sandbox.admin.seed({ ghl: { contacts: 300 } } as never);
		const pair = await returnAll({ items: 2 });
		expect(pair.output).toHaveLength(600);
		expect(pagesOf(pair.requests)).toEqual([1, 1]);
		const limited = await env.run({ ...getAll, returnAll: false, limit: 250 });
		expect(limited.output).toHaveLength(250);
		expect(pagesOf(limited.requests)).toEqual([1]);
	});
});
