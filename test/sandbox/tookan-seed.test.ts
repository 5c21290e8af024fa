/** Seed data (deterministic, realistic, fast) and the admin API around the Tookan module. */
import { expectOk } from './tookan/fixtures';
import { startTookan, TODAY, type Harness } from './tookan/harness';

let h: Harness;

beforeAll(async () => {
	h = await startTookan();
});

afterAll(() => h.close());

type Snapshot = { tasks: Record<string, any>[]; agents: Record<string, any>[]; customers: unknown[]; teams: unknown[] }; // eslint-disable-line @typescript-eslint/no-explicit-any
const snapshot = () => h.module.snapshot() as unknown as Snapshot;
const SPEC = { teams: 4, agents: 20, customers: 200, tasks: 3000, days: 10, today: TODAY, random: 7 };

test('the same spec gives the same data; another random seed gives other data', () => {
	h.module.reset();
	const first = h.module.seed(SPEC);
	const a = snapshot();
	h.module.reset();
	h.module.seed(SPEC);
	const b = snapshot();
	h.module.reset();
	h.module.seed({ ...SPEC, random: 8 });
	const c = snapshot();
	expect(JSON.stringify(b)).toBe(JSON.stringify(a));
	expect(c.tasks.map((t) => t.order_id)).not.toEqual(a.tasks.map((t) => t.order_id));
	expect(first).toMatchObject({ teamIds: expect.any(Array), tasks: { count: 3000 }, customers: { count: 200 }, startDate: '2025-03-01', endDate: TODAY });
	expect(a.tasks).toHaveLength(3000);
	expect(a.agents).toHaveLength(20);
});

test('thousands of tasks seed quickly (printed, not asserted)', () => {
	h.module.reset();
	const started = performance.now();
	h.module.seed({ ...SPEC, tasks: 10_000, customers: 2000 });
	console.log(`Tookan seed: 10,000 tasks in ${Math.round(performance.now() - started)} ms`);
	expect(snapshot().tasks).toHaveLength(10_000);
});

describe('seeded data looks like a real account', () => {
	let tasks: Snapshot['tasks'];

	beforeAll(() => {
		h.module.reset();
		h.module.seed(SPEC);
		tasks = snapshot().tasks;
	});

	test('past tasks are finished, future ones wait, today has every stage', () => {
		const past = tasks.filter((t) => t.job_date < TODAY);
		const today = tasks.filter((t) => t.job_date === TODAY);
		expect(past.every((t) => [2, 3, 9].includes(t.job_status))).toBe(true);
		expect(new Set(today.map((t) => t.job_status)).size).toBeGreaterThanOrEqual(5);
		expect(tasks.every((t) => t.job_date >= '2025-03-01' && t.job_date <= TODAY)).toBe(true);
	});

	test('all five layouts appear and pickup + delivery pairs are linked', () => {
		expect(new Set(tasks.map((t) => `${t.layout_type}/${t.has_pickup}/${t.has_delivery}`))).toEqual(new Set(['0/1/0', '0/0/1', '0/1/1', '1/0/0', '2/0/0']));
		const pairs = new Map<string, number[]>();
		for (const t of tasks.filter((x) => x.pickup_delivery_relationship)) pairs.set(t.pickup_delivery_relationship, [...(pairs.get(t.pickup_delivery_relationship) ?? []), t.job_type]);
		expect(pairs.size).toBeGreaterThan(100);
		expect([...pairs.values()].every((types) => types.join() === '0,1')).toBe(true);
	});

	test('finished tasks carry their history and times in order; unassigned ones have no agent', () => {
		const done = tasks.find((t) => t.job_status === 2)!;
		const statusOf = (x: { label_description: string }) => /class='(\w+)'/.exec(x.label_description)?.[1];
		expect(done.task_history.map(statusOf)).toEqual(['created', 'assigned', 'accepted', 'started', 'arrived', 'successful']);
		expect(done.started_datetime < done.completed_datetime).toBe(true);
		expect(tasks.filter((t) => t.job_status === 6).every((t) => t.fleet_id === null)).toBe(true);
		expect(tasks.filter((t) => t.job_status !== 6).every((t) => t.fleet_id !== null)).toBe(true);
	});

	test('seeded tasks are served by the API like created ones', async () => {
		const sample = tasks.find((t) => t.job_type === 1)!;
		const res = expectOk(await h.call('get_all_tasks', { job_type: 1, start_date: sample.job_date, end_date: sample.job_date, job_id: [sample.job_id] }));
		expect(res.data).toEqual([expect.objectContaining({ job_id: sample.job_id, customer_id: sample.customer_id })]);
	});
});

describe('admin API', () => {
	const admin = (path: string, init?: RequestInit) => fetch(`${h.sandbox.url}/_admin/${path}`, init);
	const json = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

	test('POST /_admin/seed seeds Tookan; GET /_admin/state/tookan reads it; reset empties it', async () => {
		await admin('reset', { method: 'POST' });
		const seeded = await (await admin('seed', json('POST', { tookan: { teams: 1, agents: 2, customers: 5, tasks: 30 } }))).json();
		expect(seeded).toMatchObject({ tookan: { tasks: { count: 30 } } });
		const state = (await (await admin('state/tookan')).json()) as Snapshot;
		expect(state.tasks).toHaveLength(30);
		await admin('reset', { method: 'POST' });
		expect(((await (await admin('state/tookan')).json()) as Snapshot).tasks).toEqual([]);
	});

	test('a bad seed spec is refused with HTTP 400 and seeds nothing', async () => {
		await admin('reset', { method: 'POST' });
		const res = await admin('seed', json('POST', { tookan: { teams: 1, agents: 1, tasks: -5 } }));
		expect(res.status).toBe(400);
		expect(((await (await admin('state/tookan')).json()) as Snapshot).teams).toEqual([]);
	});

	test('PUT /_admin/config changes the api key; reset brings the default back', async () => {
		const original = h.apiKey;
		await admin('config', json('PUT', { tookan: { apiKey: 'rotated-key' } }));
		expect((await h.call('get_user_details', {})).status).toBe(101);
		expect((await h.call('get_user_details', {}, { apiKey: 'rotated-key' })).status).toBe(200);
		await admin('reset', { method: 'POST' });
		expect((await h.call('get_user_details', {}, { apiKey: original })).status).toBe(200);
	});

	test('GET /_admin/info names the Tookan api key', async () => {
		expect(await (await admin('info')).json()).toMatchObject({ tookanBaseUrl: h.sandbox.tookanBaseUrl, tookan: { apiKey: h.apiKey } });
	});
});
