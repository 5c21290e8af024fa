/** Listing rules on seeded data: get_all_tasks date window (≤ 31 days), filters and fixed-size pages; customer pages. */
import { expectOk } from './tookan/fixtures';
import { startTookan, TODAY, type Envelope, type Harness } from './tookan/harness';

let h: Harness;
let all: Record<string, any>[]; // eslint-disable-line @typescript-eslint/no-explicit-any

beforeAll(async () => {
	h = await startTookan({ teams: 3, agents: 12, customers: 300, tasks: 1500, days: 40, today: TODAY, timezone: -330 });
	all = h.module.snapshot().tasks as typeof all;
});

afterAll(() => h.close());

/** What get_all_tasks should return for a window, computed from the snapshot. */
const expected = (jobType: number, from: string, to: string, keep: (t: (typeof all)[number]) => boolean = () => true) =>
	all.filter((t) => t.job_type === jobType && t.job_date >= from && t.job_date <= to && t.job_status !== 10 && keep(t)).map((t) => t.job_id);

async function everyPage(body: Record<string, unknown>): Promise<{ ids: number[]; pages: Envelope[] }> {
	const pages: Envelope[] = [];
	for (let page = 1; ; page++) {
		const res = expectOk(await h.call('get_all_tasks', { ...body, is_pagination: 1, requested_page: page }));
		pages.push(res);
		if (page >= res.total_page_count) break;
	}
	return { ids: pages.flatMap((p) => p.data.map((t: { job_id: number }) => t.job_id)), pages };
}

describe('get_all_tasks', () => {
	test('pages of the fixed server size cover the window exactly once, with top-level paging keys', async () => {
		const window = { job_type: 1, start_date: '2025-02-15', end_date: '2025-03-10' };
		const want = expected(1, window.start_date, window.end_date);
		const { ids, pages } = await everyPage(window);
		const size = h.module.config().pageSize;
		expect(want.length).toBeGreaterThan(size * 2);
		expect(ids).toEqual(want);
		expect(pages[0]).toMatchObject({ requested_page: 1, records_per_page: size, total_page_count: Math.ceil(want.length / size) });
		expect(pages.slice(0, -1).every((p) => p.data.length === size)).toBe(true);
	});

	test('without is_pagination the whole window comes back and no paging keys', async () => {
		const res = expectOk(await h.call('get_all_tasks', { job_type: 0, start_date: '2025-03-01', end_date: '2025-03-10' }));
		expect(res.data.map((t: { job_id: number }) => t.job_id)).toEqual(expected(0, '2025-03-01', '2025-03-10'));
		expect(res).not.toHaveProperty('total_page_count');
	});

	test('a page past the end is empty; page 0 is refused', async () => {
		const res = expectOk(await h.call('get_all_tasks', { job_type: 2, start_date: '2025-03-01', end_date: '2025-03-01', is_pagination: 1, requested_page: 99 }));
		expect(res.data).toEqual([]);
		expect((await h.call('get_all_tasks', { job_type: 2, start_date: '2025-03-01', end_date: '2025-03-01', is_pagination: 1, requested_page: 0 })).status).toBe(201);
	});

	test.each([
		['2025-02-01', '2025-03-04', 200],
		['2025-02-01', '2025-03-05', 201],
		['2025-03-10', '2025-03-09', 201],
		['2025-3-1', '2025-03-05', 201],
		['2025-02-29', '2025-03-05', 201],
	])('window %s..%s answers status %i (at most 31 days apart)', async (start_date, end_date, status) => {
		const res = await h.call('get_all_tasks', { job_type: 1, start_date, end_date });
		expect(res.status).toBe(status);
		if (status === 201) expect(res.data).toEqual({});
	});

	test('job_type outside 0-3 is refused', async () => {
		expect((await h.call('get_all_tasks', { job_type: 4, start_date: TODAY, end_date: TODAY })).status).toBe(201);
	});

	test('job_status filter takes one code, a csv or an array', async () => {
		const range = { job_type: 1, start_date: '2025-02-20', end_date: '2025-03-10' };
		const finished = expected(1, range.start_date, range.end_date, (t) => t.job_status === 2 || t.job_status === 3);
		for (const job_status of ['2,3', [2, 3]]) {
			expect(expectOk(await h.call('get_all_tasks', { ...range, job_status })).data.map((t: { job_id: number }) => t.job_id)).toEqual(finished);
		}
		const single = expectOk(await h.call('get_all_tasks', { ...range, job_status: 3 })).data;
		expect(single.every((t: { job_status: number }) => t.job_status === 3)).toBe(true);
	});

	test('fleet, team, customer, job_id and order_id filters narrow the list', async () => {
		const range = { job_type: 1, start_date: '2025-02-10', end_date: '2025-03-10' };
		const sample = all.find((t) => t.job_type === 1 && t.fleet_id !== null && t.job_date >= '2025-02-10')!;
		const ids = async (extra: Record<string, unknown>) => expectOk(await h.call('get_all_tasks', { ...range, ...extra })).data.map((t: { job_id: number }) => t.job_id);
		expect(await ids({ fleet_id: sample.fleet_id })).toEqual(expected(1, range.start_date, range.end_date, (t) => t.fleet_id === sample.fleet_id));
		expect(await ids({ team_id: sample.team_id })).toEqual(expected(1, range.start_date, range.end_date, (t) => t.team_id === sample.team_id));
		expect(await ids({ customer_id: sample.customer_id })).toEqual(expected(1, range.start_date, range.end_date, (t) => t.customer_id === sample.customer_id));
		expect(await ids({ job_id: [sample.job_id] })).toEqual([sample.job_id]);
		expect(await ids({ order_id: [sample.order_id] })).toContain(sample.job_id);
	});

	test('the date matched is the task date in its own timezone', async () => {
		// 2025-03-12 00:30 IST is still 2025-03-11 in UTC
		const id = expectOk(await h.call('create_task', { timezone: -330, layout_type: 0, has_pickup: 0, has_delivery: 1, customer_address: 'Late Night', job_delivery_datetime: '2025-03-12 00:30:00' })).data.job_id;
		const on = (day: string) => h.call('get_all_tasks', { job_type: 1, start_date: day, end_date: day });
		expect((await on('2025-03-12')).data.map((t: { job_id: number }) => t.job_id)).toContain(id);
		expect((await on('2025-03-11')).data.map((t: { job_id: number }) => t.job_id)).not.toContain(id);
	});
});

describe('get_all_customers', () => {
	test('pages through every customer once', async () => {
		const total = (h.module.snapshot().customers as unknown[]).length;
		const seen: number[] = [];
		let pages = 0;
		for (let page = 1; ; page++) {
			const res = expectOk(await h.call('get_all_customers', { is_pagination: 1, requested_page: page }));
			seen.push(...res.data.map((c: { customer_id: number }) => c.customer_id));
			pages = res.total_page_count;
			if (page >= pages) break;
		}
		expect(new Set(seen).size).toBe(total);
		expect(pages).toBe(Math.ceil(total / h.module.config().pageSize));
	});
});

describe('agent status in get_all_fleets', () => {
	test('0 available, 1 offline, 2 busy follow duty and current work', async () => {
		const fleets = expectOk(await h.call('get_all_fleets', {})).data as { fleet_id: number; status: number; is_available: number }[];
		const active = new Set(all.filter((t) => t.job_status === 1 || t.job_status === 4).map((t) => t.fleet_id));
		for (const a of fleets) {
			const want = a.is_available === 0 ? 1 : active.has(a.fleet_id) ? 2 : 0;
			expect([a.fleet_id, a.status]).toEqual([a.fleet_id, want]);
		}
		expect(new Set(fleets.map((a) => a.status)).size).toBeGreaterThan(1);
	});
});
