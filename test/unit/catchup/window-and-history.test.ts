/**
 * The catch-up's pure parts: which window an activation looks at (from the last delivery the workflow took, a
 * few minutes back, to the activation), Tookan's task history read as status changes (Tookan's own wording,
 * from a real webhook), and the items a change becomes.
 */
import type { IDataObject } from 'n8n-workflow';

import { contactChanges, eventOf } from '../../../package/nodes/GhTriggerl/changes';
import { catchUpWindow, CLOCK_SKEW_MS } from '../../../package/nodes/shared/catchup/window';
import { lastReceipt, recordReceipt } from '../../../package/nodes/shared/trigger/receipts';
import { changeItem, changesIn, taskDates } from '../../../package/nodes/TTriggerookan/changes';
import { changeOf, statusChanges } from '../../../package/nodes/TTriggerookan/history';
import type { GhlContext } from '../../../package/nodes/shared/ghl';

const MIN = 60_000;
const T = Date.parse('2026-05-01T10:00:00.000Z');

describe('catchUpWindow', () => {
	it('is undefined before the workflow ever took a delivery', () => {
		expect(catchUpWindow(undefined, undefined, T)).toBeUndefined();
	});

	it('runs from the last delivery, Look Back minutes earlier, to the activation (and the services\' clock skew)', () => {
		expect(catchUpWindow(T - 60 * MIN, undefined, T, 5)).toEqual({ from: T - 65 * MIN, until: T + CLOCK_SKEW_MS });
		expect(catchUpWindow(T - 60 * MIN, undefined, T, 0)).toEqual({ from: T - 60 * MIN, until: T + CLOCK_SKEW_MS });
	});

	it('starts after the end of the last catch-up when that is later (a second activation replays nothing)', () => {
		expect(catchUpWindow(T - 60 * MIN, T - 10 * MIN, T, 5)?.from).toBe(T - 10 * MIN);
		expect(catchUpWindow(T - 60 * MIN, T - 90 * MIN, T, 5)?.from).toBe(T - 65 * MIN);
	});
});

describe('receipts', () => {
	it('only ever move forward', () => {
		const data: IDataObject = {};
		expect(lastReceipt(data)).toBeUndefined();
		recordReceipt(data, T);
		recordReceipt(data, T - MIN);
		expect(lastReceipt(data)).toBe(T);
		recordReceipt(data, T + MIN);
		expect(lastReceipt(data)).toBe(T + MIN);
		expect(lastReceipt({ webhookReceivedAt: 'soon' })).toBeUndefined();
	});
});

/** The history of a real Tookan webhook (reference/tookan.md S9), shortened. */
const REAL_HISTORY: IDataObject[] = [
	{ id: 316685318, type: 'state_changed', fleet_name: null, description: 'Created By Ali-219320', creation_datetime: '2019-10-11T09:20:59.000Z', label_description: "<span class='created'>CREATED</span>By Ali-219320" },
	{ id: 316687073, type: 'state_changed', fleet_name: 'Hemraj Shaqawal', description: 'Assigned Hemraj Shaqawal to task - 219320', creation_datetime: '2019-10-11T09:22:41.000Z', label_description: "<span class='assigned'>ASSIGNED</span>Hemraj Shaqawal to task - 219320" },
	{ id: 316690113, type: 'state_changed', fleet_name: 'Hemraj Shaqawal', description: 'Accepted at', creation_datetime: '2019-10-11T09:25:41.000Z', label_description: "<span class='accepted'>ACCEPTED</span>at" },
	{ id: 316691490, type: 'state_changed', fleet_name: 'Hemraj Shaqawal', description: 'Started at', creation_datetime: '2019-10-11T09:27:02.000Z', label_description: "<span class='started'>STARTED</span>at" },
	{ id: 316691857, type: 'signature_image_added', fleet_name: 'Hemraj Shaqawal', description: 'https://example.com/sig.png', creation_datetime: '2019-10-11T09:27:19.000Z', label_description: "<span class='uploaded'>UPLOADED</span>by Hemraj Shaqawal" },
	{ id: 316692148, type: 'state_changed', fleet_name: 'Hemraj Shaqawal', description: 'Successful at', creation_datetime: '2019-10-11T09:27:35.000Z', label_description: "<span class='successful'>SUCCESSFUL</span>at" },
];

describe('Tookan history as status changes', () => {
	it('reads the status of each state change of a real webhook, and skips other entries', () => {
		expect(REAL_HISTORY.map((entry) => changeOf(entry)?.status)).toEqual([6, 0, 7, 1, undefined, 2]);
		expect(changeOf(REAL_HISTORY[0])?.created).toBe(true);
	});

	it('falls back to the first word of the description, and knows every status by name', () => {
		const entry = (description: string) => ({ type: 'state_changed', description, creation_datetime: '2026-05-01T10:00:00Z' });
		const words = ['Assigned x', 'Started at', 'Successful at', 'Failed at', 'Arrived at', 'Unassigned at', 'Accepted at', 'Declined at', 'Cancelled at', 'Deleted at'];
		expect(words.map((d) => changeOf(entry(d))?.status)).toEqual([0, 1, 2, 3, 4, 6, 7, 8, 9, 10]);
		expect(changeOf(entry('Reviewed at'))).toBeUndefined();
		expect(changeOf({ ...entry('Started at'), creation_datetime: '0000-00-00 00:00:00' })).toBeUndefined();
	});

	it('orders changes by time, then by entry id', () => {
		const same = '2026-05-01T10:00:00.000Z';
		const task = {
			task_history: [
				{ id: 3, type: 'state_changed', description: 'Started at', creation_datetime: same },
				{ id: 2, type: 'state_changed', description: 'Assigned A to task - 1', creation_datetime: same },
				{ id: 1, type: 'state_changed', description: 'Created By B-1', creation_datetime: '2026-05-01T09:00:00.000Z' },
			],
		};
		expect(statusChanges(task).map((c) => c.entry.id)).toEqual([1, 2, 3]);
	});
});

describe('Tookan catch-up items', () => {
	const task: IDataObject = {
		job_id: 50880172,
		job_status: 2,
		job_type: 1,
		fleet_id: 419408,
		fleet_name: 'Hemraj Shaqawal',
		timezone: '-330',
		job_delivery_datetime: '2019-10-17 14:50:00',
		tookan_shared_secret: 'must-not-appear',
		task_history: REAL_HISTORY,
	};
	const window = { from: Date.parse('2019-10-11T09:22:00.000Z'), until: Date.parse('2019-10-11T09:30:00.000Z') };

	it('gives one item per change inside the window, oldest first, the last one marked latest', () => {
		const changes = changesIn([task], window, []);
		expect(changes.map((c) => [c.key, c.item.json.job_status, c.item.json.template_key, (c.item.json.catch_up as IDataObject).latest])).toEqual([
			['50880172', 0, 'AGENT_ASSIGNED', false],
			['50880172', 7, 'AGENT_ACCEPTED', false],
			['50880172', 1, 'AGENT_STARTED', false],
			['50880172', 2, 'SUCCESSFUL', true],
		]);
	});

	it('keeps only the chosen statuses', () => {
		expect(changesIn([task], window, [1, 2]).map((c) => c.item.json.job_status)).toEqual([1, 2]);
	});

	it('shapes each change like the webhook Tookan sends for it: its status, agent and history up to it, no secrets', () => {
		const [started] = statusChanges(task).filter((c) => c.status === 1);
		const item = changeItem(task, started, false, window);
		expect(item).toMatchObject({
			job_id: 50880172,
			job_status: 1,
			task_status: 1,
			job_state: 'Started',
			task_state: 'STARTED',
			template_key: 'AGENT_STARTED',
			fleet_name: 'Hemraj Shaqawal',
			job_delivery_datetime_iso: '2019-10-17T14:50:00+05:30',
			catch_up: { change_id: 316691490, changed_at: '2019-10-11T09:27:02.000Z', latest: false },
		});
		expect((item.task_history as IDataObject[]).map((h) => h.id)).toEqual([316685318, 316687073, 316690113, 316691490]);
		expect(JSON.stringify(item)).not.toContain('must-not-appear');
		const created = changeItem(task, statusChanges(task)[0], false, window);
		expect(created).toMatchObject({ job_status: 6, template_key: 'REQUEST_RECEIVED', fleet_name: '', fleet_id: null });
	});

	it('lists the task dates around the window (Tookan lists tasks by task date), one more day each side', () => {
		const settings = { statuses: [], jobTypes: [1], daysBefore: 7, daysAfter: 31 };
		expect(taskDates(window, settings)).toEqual({ start: '2019-10-03', end: '2019-11-12' });
	});
});

describe('GHL catch-up items', () => {
	const context = { locationId: 'Loc1' } as GhlContext;
	const window = { from: T - 10 * MIN, until: T };

	it('calls a contact added inside the window ContactCreate, any other ContactUpdate', () => {
		expect(eventOf({ dateAdded: new Date(T - 5 * MIN).toISOString() }, window)).toBe('ContactCreate');
		expect(eventOf({ dateAdded: new Date(T - 50 * MIN).toISOString() }, window)).toBe('ContactUpdate');
	});

	it('gives one item per contact, for the chosen events, with the ID only (the execution fetches the contact)', () => {
		const found = [
			{ id: 'a', dateAdded: new Date(T - 5 * MIN).toISOString() },
			{ id: 'b', dateAdded: new Date(T - 50 * MIN).toISOString() },
			{ dateAdded: new Date(T - 5 * MIN).toISOString() },
		];
		const catchUp = { from: new Date(window.from).toISOString(), until: new Date(window.until).toISOString() };
		expect(contactChanges(found, window, ['ContactCreate', 'ContactUpdate'], context)).toEqual([
			{ key: 'a', item: { json: { id: 'a', type: 'ContactCreate', locationId: 'Loc1', catchUp } } },
			{ key: 'b', item: { json: { id: 'b', type: 'ContactUpdate', locationId: 'Loc1', catchUp } } },
		]);
		expect(contactChanges(found, window, ['ContactUpdate'], context).map((c) => c.key)).toEqual(['b']);
	});
});
