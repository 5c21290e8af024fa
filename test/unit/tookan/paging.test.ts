/**
 * Get Many: tasks over ranges longer than 31 days are fetched window by window, each window page by page
 * up to `total_page_count`; customers are paged the same way; a Limit stops the paging early.
 */
import type { IDataObject } from 'n8n-workflow';

import { startTestbed, type Sent, type Testbed } from './testbed';

const PAGE = 2;

/** Delivery task dates: five in January (three pages), two around February, one in late March. */
const DATES = ['2025-01-03', '2025-01-09', '2025-01-15', '2025-01-22', '2025-01-30', '2025-02-14', '2025-03-02', '2025-03-28'];

let t: Testbed;

beforeAll(async () => {
	t = await startTestbed({ pageSize: PAGE });
	for (const [i, date] of DATES.entries()) {
		await t.call('create_task', {
			timezone: -330,
			layout_type: 0,
			has_pickup: 0,
			has_delivery: 1,
			order_id: `D-${i}`,
			customer_address: `${i} Road`,
			job_delivery_datetime: `${date} 12:00:00`,
		});
	}
	for (let i = 0; i < 5; i++) await t.call('customer/add', { user_type: 0, name: `Customer ${i}`, phone: `+91980000010${i}` });
});

afterAll(async () => await t.close());

const pagesAsked = (sent: Sent[]) =>
	sent.map((s) => `${String(s.params.start_date)}..${String(s.params.end_date)} p${String(s.params.requested_page)}`);

const getMany = (extra: IDataObject) => ({
	resource: 'task',
	operation: 'getAll',
	job_type: 1,
	start_date: '2025-01-01',
	end_date: '2025-03-31',
	...extra,
});

it('splits Jan 1 – Mar 31 into 31-day windows and reads every page of each', async () => {
	const { output, sent } = await t.run(getMany({ returnAll: true }));
	expect(pagesAsked(sent)).toEqual([
		'2025-01-01..2025-01-31 p1',
		'2025-01-01..2025-01-31 p2',
		'2025-01-01..2025-01-31 p3',
		'2025-02-01..2025-03-03 p1',
		'2025-03-04..2025-03-31 p1',
	]);
	for (const s of sent) expect(s.params).toMatchObject({ job_type: 1, is_pagination: 1 });
	expect(output.map((item) => item.json.order_id)).toEqual(DATES.map((_, i) => `D-${i}`));
});

it('stops asking once the Limit is reached', async () => {
	const { output, sent } = await t.run(getMany({ returnAll: false, limit: 3 }));
	expect(output).toHaveLength(3);
	expect(pagesAsked(sent)).toEqual(['2025-01-01..2025-01-31 p1', '2025-01-01..2025-01-31 p2']);
});

it('applies filters to every window', async () => {
	const { output, sent } = await t.run(getMany({ returnAll: true, filters: { order_id: 'D-6, D-7' } }));
	expect(sent.every((s) => JSON.stringify(s.params.order_id) === '["D-6","D-7"]')).toBe(true);
	expect(output.map((item) => item.json.order_id)).toEqual(['D-6', 'D-7']);
});

it('pages customers up to total_page_count', async () => {
	const { output, sent } = await t.run({ resource: 'customer', operation: 'getAll', returnAll: true });
	expect(sent.map((s) => s.params.requested_page)).toEqual([1, 2, 3]);
	expect(output.map((item) => item.json.customer_username)).toEqual([0, 1, 2, 3, 4].map((i) => `Customer ${i}`));
});
