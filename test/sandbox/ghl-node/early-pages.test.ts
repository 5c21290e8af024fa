/**
 * Get Many's search paging: a single item's Return All requests the first few numbered pages together with
 * the first (before it tells the total); with several items, or a limit, only the pages the total needs.
 */
import { EARLY_PAGES } from '../../../nodes/shared/ghl/paginate';
import type { SentRequest } from '../../helpers/n8n-context';
import { useGhl } from './setup';

const env = useGhl();

const getAll = { resource: 'contact', operation: 'getAll', simplify: true };
const pagesOf = (requests: SentRequest[]) =>
	requests.filter((r) => r.url.endsWith('/contacts/search')).map((r) => Number((r.body as { page?: number }).page));

describe('search pages requested with the first', () => {
	it('a single item with Return All asks for the first pages at once; pages past the total come back empty and add nothing', async () => {
		env.sandbox.admin.seed({ ghl: { contacts: 300 } } as never);
		const { output, requests } = await env.run({ ...getAll, returnAll: true });
		expect(output).toHaveLength(300);
		expect(new Set(output.map((o) => o.json.id)).size).toBe(300);
		// the total (300) needs one page: the others were asked for before it was known
		expect(pagesOf(requests).sort((a, b) => a - b)).toEqual(Array.from({ length: 1 + EARLY_PAGES }, (_, k) => k + 1));
	});

	it('returns the same records in the same order as paging without them, over more pages than it asked for early', async () => {
		env.sandbox.admin.seed({ ghl: { contacts: 3_400 } } as never);
		const single = await env.run({ ...getAll, returnAll: true });
		const pair = await env.run({ ...getAll, returnAll: true }, { items: 2 });
		const ids = (items: typeof single.output) => items.map((o) => o.json.id);
		expect(single.output).toHaveLength(3_400);
		expect(ids(single.output)).toEqual(ids(pair.output.filter((o) => (o.pairedItem as { item: number }).item === 0)));
		// 7 pages of 500, each asked for once
		expect(pagesOf(single.requests).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
	});

	it('several items, or a limit, send only the pages the total needs', async () => {
		env.sandbox.admin.seed({ ghl: { contacts: 300 } } as never);
		const pair = await env.run({ ...getAll, returnAll: true }, { items: 2 });
		expect(pair.output).toHaveLength(600);
		expect(pagesOf(pair.requests)).toEqual([1, 1]);
		const limited = await env.run({ ...getAll, returnAll: false, limit: 250 });
		expect(limited.output).toHaveLength(250);
		expect(pagesOf(limited.requests)).toEqual([1]);
	});
});
