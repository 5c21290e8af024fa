/**
 * The Code node sources of the templates (scripts/templates/code/*.js), run with stand-ins for n8n's `$`
 * (other nodes' items) and `$input`: status notes and times, duplicate checks, customer and business
 * matching, and the dashboard page's numbers.
 */
import { join } from 'node:path';

import { CODE_DIR } from '../../../scripts/templates/nodes';

type Json = Record<string, unknown>;
type Items = Array<{ json: Json }>;
type CodeNode = (dollar: (node: string) => unknown, input: unknown) => Items;

/** Runs a Code node source: `nodes` are the other nodes' outputs by name, `input` the node's own input. */
function run(file: string, nodes: Record<string, Json[]>, input: Json[] = []): Json[] {
	const fn = require(join(CODE_DIR, file)) as CodeNode; // eslint-disable-line @typescript-eslint/no-require-imports
	const items = (list: Json[]) => list.map((json) => ({ json }));
	const accessor = (list: Json[]) => ({ all: () => items(list), first: () => items(list)[0], isExecuted: true });
	const dollar = (node: string) => {
		if (!nodes[node]) throw new Error(`the code asked for node "${node}", which the test did not provide`);
		return accessor(nodes[node]);
	};
	return fn(dollar, accessor(input)).map((item) => item.json);
}

describe('describe-change.js (template 3)', () => {
	const event = {
		job_id: 123,
		job_type: 1,
		job_status: 1,
		order_id: 'GhlTask1',
		fleet_name: 'Agent X',
		timezone: '-330',
		tracking_link: 'https://track.example/abc',
		task_history: [{ creation_datetime: '2026-05-01T08:35:10.000Z' }, { creation_datetime: '2026-05-01T08:30:00.000Z' }],
	};
	const describe_ = (overrides: Json, tasks: Json[] = [{ id: 'GhlTask1', body: 'Bring the parcel\nTookan status: Assigned to Agent X at 14:00' }]) =>
		run('describe-change.js', { 'Only tasks from GHL': [{ ...event, ...overrides }], 'Find the GHL contact': [{ id: 'Contact1', found: true }] }, tasks);

	it('writes "Delivery #123: Started by Agent X at 14:05" in the task\'s time zone and replaces the status line', () => {
		expect(describe_({})).toEqual([
			{
				contactId: 'Contact1',
				taskId: 'GhlTask1',
				jobId: 123,
				status: 1,
				current: true,
				successful: false,
				note: 'Delivery #123: Started by Agent X at 14:05',
				taskBody: 'Bring the parcel\nTookan status: Started by Agent X at 14:05 - tracking: https://track.example/abc',
			},
		]);
	});

	it('names each status and kind, and flags Successful', () => {
		const note = (overrides: Json) => describe_(overrides)[0].note;
		expect(note({ job_status: 2 })).toBe('Delivery #123: Completed successfully by Agent X at 14:05');
		expect(describe_({ job_status: 2 })[0].successful).toBe(true);
		expect(note({ job_status: 4, job_type: 0 })).toBe('Pickup #123: Agent X arrived at 14:05');
		expect(note({ job_status: 3, job_type: 2 })).toBe('Appointment #123: Failed (Agent X) at 14:05');
		expect(note({ job_status: 9, fleet_name: '', timezone: '300' })).toBe('Delivery #123: Cancelled at 03:35');
	});

	it('leaves the task alone (note only) for a caught-up change Tookan has moved on from', () => {
		expect(describe_({ catch_up: { latest: false } })[0]).toMatchObject({ current: false, note: 'Delivery #123: Started by Agent X at 14:05' });
		expect(describe_({ catch_up: { latest: true } })[0].current).toBe(true);
	});

	it('gives nothing when the contact has no task with the Order ID', () => {
		expect(describe_({}, [{ id: 'OtherTask', body: '' }])).toEqual([]);
	});
});

describe('new-note.js (template 3)', () => {
	const change = { note: 'Delivery #1: Started at 10:00', contactId: 'C' };
	it('passes the note on only when the timeline does not have it yet', () => {
		expect(run('new-note.js', { 'Describe the status change': [change] }, [{ body: 'something else' }, {}])).toEqual([change]);
		expect(run('new-note.js', { 'Describe the status change': [change] }, [{ body: change.note }])).toEqual([]);
	});
});

describe('pick-customer.js (template 1)', () => {
	const person = { contactId: 'C1', name: 'Ada Lovelace', email: 'ada@example.com', phone: '+1' };
	const pick = (byPhone: Json[], byName: Json[]) =>
		run('pick-customer.js', {
			'Map the contact': [person],
			'Find the Tookan customer by phone': byPhone,
			'Find Tookan customers by name': byName,
		})[0].customerId;

	it('prefers the phone match, then a name match with the same email, else none', () => {
		expect(pick([{ customer_id: 7 }], [{ customer_id: 8, customer_email: 'ada@example.com' }])).toBe(7);
		expect(pick([{}], [{ customer_id: 8, customer_email: 'other@example.com' }, { customer_id: 9, customer_email: 'ADA@example.com' }])).toBe(9);
		expect(pick([{}], [{ customer_id: 8, customer_email: 'other@example.com' }])).toBeNull();
	});
});

describe('new-tasks.js (template 1)', () => {
	it('keeps the open GHL tasks whose id is no Tookan Order ID yet', () => {
		const open = [{ id: 'A' }, { id: 'B' }, { id: 'C' }];
		expect(run('new-tasks.js', { 'Keep the open GHL tasks': open }, [{ order_id: 'B' }, { order_id: '' }])).toEqual([{ id: 'A' }, { id: 'C' }]);
		expect(run('new-tasks.js', { 'Keep the open GHL tasks': open }, [{}])).toEqual(open);
	});
});

describe('match-business.js (templates 1 and 2)', () => {
	it('matches the company name ignoring case and spacing', () => {
		const contact = { contactId: 'C1', companyName: 'Analytical  Engines ' };
		const businesses = [{ id: 'B1', name: 'Other' }, { id: 'B2', name: ' analytical engines' }];
		expect(run('match-business.js', { 'The contact and its company': [contact] }, businesses)).toEqual([{ ...contact, businessId: 'B2' }]);
		expect(run('match-business.js', { 'The contact and its company': [contact] }, [{}])).toEqual([{ ...contact, businessId: '' }]);
	});
});

describe('dashboard-page.js (template 5)', () => {
	const settings = { title: 'Ops', date: '2026-05-01', failureTag: 'sync-failed' };
	const contacts = [
		{ id: 'c1', firstNameLowerCase: 'ada', email: 'ada@example.com', tags: ['vip', 'sync-failed'], type: 'lead' },
		{ id: 'c2', firstNameLowerCase: '<script>alert(1)</script>', tags: ['vip'], type: 'customer' },
		{ id: 'c3', tags: [], type: 'lead' },
	];
	const day = {
		tasks: [
			{ job_id: 1, job_status: 1, fleet_id: 10, customer_username: 'Kim' },
			{ job_id: 2, job_status: 3, fleet_id: 11, customer_username: 'Lee' },
			{ job_id: 3, job_status: 2, fleet_id: 11 },
			{ job_id: 4, job_status: 2, fleet_id: 11 },
		],
		fleets: [
			{ fleet_id: 10, name: 'Agent Busy', status: 2 },
			{ fleet_id: 11, name: 'Agent Free', status: 0 },
			{ fleet_id: 12, name: 'Agent Off', status: 1 },
		],
	};
	const page = (ghl: Json[], tookan: Json) =>
		String(
			run('dashboard-page.js', {
				'Dashboard settings': [settings],
				'Get all GHL contacts': ghl,
				'Get the Tookan tasks and agents of the day': [tookan],
			})[0].html,
		);
	const metrics = (html: string) => Object.fromEntries([...html.matchAll(/data-metric="([^"]+)">([^<]*)</g)].map((m) => [m[1], Number(m[2])]));

	it('counts tasks by status, agents by state, contacts by tag and status, and failures', () => {
		const html = page(contacts, day);
		expect(metrics(html)).toEqual({
			'tasks.total': 4,
			'agents.busy': 1,
			'agents.free': 1,
			'agents.offline': 1,
			'contacts.total': 3,
			'failures.total': 2,
			'failures.tasks': 1,
			'failures.contacts': 1,
			'tasks.Unassigned': 0,
			'tasks.Assigned': 0,
			'tasks.Accepted': 0,
			'tasks.Started': 1,
			'tasks.Arrived': 0,
			'tasks.Successful': 2,
			'tasks.Failed': 1,
			'tasks.Declined': 0,
			'tasks.Cancelled': 0,
			'contacts.tag.vip': 2,
			'contacts.tag.sync-failed': 1,
			'contacts.status.lead': 2,
			'contacts.status.customer': 1,
		});
		expect(html).toContain('#1 Kim'); // what the busy agent works on
		expect(html).toContain('<title>Ops – 2026-05-01</title>');
		expect(html).toContain('href="?date=2026-04-30"');
		expect(html).not.toContain('<script>');
	});

	it('renders with the failing service named when GHL or Tookan answered with an error', () => {
		const html = page([{ error: 'GHL answered with an error (500)' }], { error: 'Tookan refused the key' });
		expect(html).toContain('GHL: GHL answered with an error (500)<br>Tookan: Tookan refused the key');
		expect(metrics(html)['contacts.total']).toBe(0);
		expect(metrics(html)['tasks.total']).toBe(0);
	});
});
