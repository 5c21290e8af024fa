/**
 * Templates 3 and 4 in real n8n against the sandbox, on top of template 1 (which creates the linked Tookan
 * task): an agent working the task updates the GHL task, completes it on Successful and writes one timeline
 * note per step; Tookan order tags and lead source become GHL tags (a new customer becomes a contact).
 * Replayed and re-sent events change nothing.
 */
import { createTookanOrder, workTask } from '../../scripts/templates/events';
import { createGhlContact, createGhlTask, updateGhlContact } from '../../scripts/templates/sandbox-api';
import { nodeOutput } from '../../scripts/harness';
import { ADA, GRACE } from '../../scripts/templates/samples';
import { replayTookanEvent } from './templates/replay';
import { contactByEmail, ghl, statuses, tookan, useTemplates, type Json } from './templates/world';

const world = useTemplates(['ghl-contact-to-tookan', 'tookan-task-to-ghl', 'lead-source-tags']);


/** "HH:mm" of the history entry that moved the task to `label` (Tookan's `<span class='started'>`), in the task's own time zone. */
function changedAt(task: Json, label: string): string {
	const entry = (task.task_history as Json[]).filter((h) => String(h.label_description).startsWith(`<span class='${label.toLowerCase()}'>`)).pop() as Json;
	return new Date(Date.parse(String(entry.creation_datetime)) - Number(task.timezone) * 60_000).toISOString().slice(11, 16);
}

describe('template 3: Tookan task update → GHL task and timeline note', () => {
	let contactId = '';
	let ghlTaskId = '';
	let jobId = 0;

	beforeAll(async () => {
		contactId = (await createGhlContact(world.sandbox, ADA)).id;
		await world.settle();
		ghlTaskId = (await createGhlTask(world.sandbox, contactId, 'Deliver the parcel', new Date(Date.now() + 86_400_000).toISOString())).id;
		await updateGhlContact(world.sandbox, contactId, { city: 'Shelbyville' });
		await world.settle();
		jobId = Number(tookan(world).tasks.find((t) => t.order_id === ghlTaskId)?.job_id);
	});

	it('notes every step of the agent on the contact, keeps the task description current and completes it on Successful', async () => {
		const agent = tookan(world).agents[0];
		await workTask(world.sandbox, jobId, Number(agent.fleet_id), () => world.settle());

		expect(await statuses(world, 'tookan-task-to-ghl')).toEqual(['success', 'success', 'success', 'success']);
		const task = tookan(world).tasks.find((t) => t.job_id === jobId) as Json;
		const name = String(agent.name);
		expect(ghl(world, 'notes', { contactId }).map((n) => n.body)).toEqual([
			`Delivery #${jobId}: Assigned to ${name} at ${changedAt(task, 'Assigned')}`,
			`Delivery #${jobId}: Started by ${name} at ${changedAt(task, 'Started')}`,
			`Delivery #${jobId}: ${name} arrived at ${changedAt(task, 'Arrived')}`,
			`Delivery #${jobId}: Completed successfully by ${name} at ${changedAt(task, 'Successful')}`,
		]);
		expect(ghl(world, 'tasks', { id: ghlTaskId })[0]).toMatchObject({
			completed: true,
			body: `Created in GHL\nTookan status: Completed successfully by ${name} at ${changedAt(task, 'Successful')} - tracking: ${String(task.tracking_link)}`,
		});
	});

	it('adds nothing for a replayed event or the same event delivered again', async () => {
		const executions = await world.executions('tookan-task-to-ghl');
		const [event] = nodeOutput(executions[executions.length - 1], 'On Tookan task status change');
		const notes = () => ghl(world, 'notes', { contactId }).length;
		const before = { notes: notes(), task: ghl(world, 'tasks', { id: ghlTaskId })[0] };

		expect(await replayTookanEvent(world, world.url('tookanStatus'), event)).toBe(200);
		await world.settle();
		expect(await statuses(world, 'tookan-task-to-ghl')).toHaveLength(4);

		// the same change again, in a delivery that differs (not a duplicate to the trigger): no second note
		expect(await replayTookanEvent(world, world.url('tookanStatus'), { ...event, webhook_type: 1 })).toBe(200);
		await world.settle();
		expect(await statuses(world, 'tookan-task-to-ghl')).toEqual(['success', 'success', 'success', 'success', 'success']);
		expect({ notes: notes(), task: ghl(world, 'tasks', { id: ghlTaskId })[0] }).toEqual(before);
	});

	it('leaves tasks that did not come from GHL alone', async () => {
		const notes = ghl(world, 'notes').length;
		const seen = (await world.executions('tookan-task-to-ghl')).length;
		const foreign = await createTookanOrder(world.sandbox, {
			name: 'Walk In',
			email: ADA.email,
			phone: ADA.phone,
			address: '3 Side St',
			tags: '',
			deliverBy: '2030-01-01 10:00:00',
		});
		await workTask(world.sandbox, foreign, Number(tookan(world).agents[1].fleet_id), () => world.settle(), [1]);

		// assigned and started: both reach the workflow, which stops before looking anything up in GHL
		const fresh = (await world.executions('tookan-task-to-ghl')).slice(seen);
		expect(fresh.map((e) => [e.status, Object.keys(e.data?.resultData.runData ?? {})])).toEqual([
			['success', ['On Tookan task status change', 'Only tasks from GHL']],
			['success', ['On Tookan task status change', 'Only tasks from GHL']],
		]);
		expect(ghl(world, 'notes')).toHaveLength(notes);
	});
});

describe('template 4: Tookan lead source and order tags → GHL tags', () => {
	it('makes a new customer a GHL contact with the order tags, the lead source tag and source', async () => {
		await createTookanOrder(world.sandbox, { ...GRACE, tags: 'VIP, express', leadSource: 'Facebook', deliverBy: '2030-01-01 10:00:00' });
		await world.settle();

		expect(contactByEmail(world, GRACE.email)).toEqual([
			expect.objectContaining({
				firstName: 'Grace',
				lastName: 'Hopper',
				phone: GRACE.phone,
				address1: GRACE.address,
				source: 'Facebook',
				tags: ['vip', 'express', 'lead source: facebook'],
			}),
		]);
		// template 1 saw the new contact and found the customer the order made: still one
		expect(tookan(world).customers.filter((c) => c.customer_phone === GRACE.phone)).toHaveLength(1);
	});

	it('adds the tags of a known contact\'s order to the ones it has, once', async () => {
		const [ada] = contactByEmail(world, ADA.email);
		await createTookanOrder(world.sandbox, { name: 'Ada Lovelace', email: ADA.email, phone: ADA.phone, address: '12 Market St', tags: 'fragile', deliverBy: '2030-01-02 10:00:00' });
		await world.settle();
		expect(contactByEmail(world, ADA.email)[0].tags).toEqual([...(ada.tags as string[]), 'fragile']);

		const executions = await world.executions('lead-source-tags');
		const [event] = nodeOutput(executions[executions.length - 1], 'On Tookan task event');
		await replayTookanEvent(world, world.url('tookanTags'), { ...event, webhook_type: 1 });
		await world.settle();
		expect(contactByEmail(world, ADA.email)).toEqual([expect.objectContaining({ tags: [...(ada.tags as string[]), 'fragile'] })]);
		expect((await statuses(world, 'lead-source-tags')).every((s) => s === 'success')).toBe(true);
	});
});
