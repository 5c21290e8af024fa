/**
 * Tookan-style webhooks on task status changes, delivered by the sandbox core to a registered local
 * receiver: the full task object plus template_key, states, agent fields, history and the shared secret.
 */
import { createDelivery, createPair, details, expectOk, startWorld, type World } from './tookan/fixtures';
import type { Harness, Hook } from './tookan/harness';

let h: Harness;
let w: World;

beforeAll(async () => ({ h, w } = await startWorld()));

afterAll(() => h.close());

beforeEach(() => h.clearHooks());

const forJob = async (jobId: number): Promise<Hook[]> => (await h.hooks()).filter((hook) => hook.job_id === jobId);

test('creating a task sends REQUEST_RECEIVED, and AGENT_ASSIGNED when it starts with an agent', async () => {
	const open = await createDelivery(h);
	const assigned = await createDelivery(h, { fleet_id: w.fleetId });
	expect((await forJob(open)).map((x) => x.template_key)).toEqual(['REQUEST_RECEIVED']);
	expect((await forJob(assigned)).map((x) => [x.template_key, x.job_status])).toEqual([
		['REQUEST_RECEIVED', 0],
		['AGENT_ASSIGNED', 0],
	]);
});

test.each([
	[0, 'AGENT_ASSIGNED', 'Assigned', 'ASSIGNED'],
	[1, 'AGENT_STARTED', 'Started', 'STARTED'],
	[2, 'SUCCESSFUL', 'Successful', 'SUCCESSFUL'],
	[3, 'FAILED', 'Failed', 'FAILED'],
	[4, 'AGENT_ARRIVED', 'Arrived', 'ARRIVED'],
	[6, 'UNASSIGNED', 'Unassigned', 'UNASSIGNED'],
	[7, 'AGENT_ACCEPTED', 'Accepted', 'ACKNOWLEDGED'],
	[8, 'AGENT_DECLINED', 'Declined', 'DECLINED'],
	[9, 'CANCELLED', 'Cancelled', 'CANCELLED'],
])('update_task_status %i sends %s', async (status, template, jobState, taskState) => {
	const id = await createDelivery(h, { fleet_id: w.fleetId });
	await h.clearHooks();
	expectOk(await h.call('update_task_status', { job_id: id, job_status: status }));
	const [hook] = await forJob(id);
	expect(hook).toMatchObject({ template_key: template, job_state: jobState, task_state: taskState, task_status: status, job_status: status });
});

test('the payload is the get_job_details task plus the webhook extras and secrets', async () => {
	const id = await createDelivery(h, { fleet_id: w.fleetId, meta_data: [{ label: 'Note', data: 'Ring twice' }], custom_field_template: 'Form' });
	await h.clearHooks();
	await h.call('update_task_status', { job_id: id, job_status: 2 });
	const [hook] = await forJob(id);
	const task = await details(h, id);
	for (const key of Object.keys(task)) expect(hook).toHaveProperty(key);
	expect(hook).toMatchObject({
		job_id: id,
		tookan_shared_secret: h.module.config().sharedSecret,
		access_token: h.module.config().accessToken,
		format: 'application/json',
		webhook_type: 0,
		fleet_name: 'Ada Agent',
		fleet_phone: '+15550001',
		custom_fields: [expect.objectContaining({ label: 'Note', data: 'Ring twice' })],
		full_tracking_link: task.tracking_link,
	});
	expect(hook.completed_datetime_formatted).toMatch(/^\d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2} (am|pm)$/);
	// Tookan's own wording (a real webhook's history): created, assigned (with the agent), then "<Status> at"
	const userId = h.module.config().userId;
	expect(hook.task_history.map((x: { description: string }) => x.description)).toEqual([
		`Created By Sandbox Owner-${userId}`,
		`Assigned Ada Agent to task - ${userId}`,
		'Successful at',
	]);
	expect(hook.task_history.map((x: { label_description: string }) => x.label_description)).toEqual([
		`<span class='created'>CREATED</span>By Sandbox Owner-${userId}`,
		`<span class='assigned'>ASSIGNED</span>Ada Agent to task - ${userId}`,
		"<span class='successful'>SUCCESSFUL</span>at",
	]);
	expect(hook.task_history.map((x: { fleet_name: string | null }) => x.fleet_name)).toEqual(['Ada Agent', 'Ada Agent', 'Ada Agent']);
});

test('assigning, deleting and the P&D assignment each send their event', async () => {
	const pair = await createPair(h);
	const single = await createDelivery(h);
	await h.clearHooks();
	await h.call('assign_fleet_to_related_tasks', { pickup_delivery_relationship: pair.token, fleet_id: w.otherFleetId });
	await h.call('assign_fleet_to_task', { job_id: single, fleet_id: w.fleetId, team_id: w.teamId });
	await h.call('delete_task', { job_id: single });
	const hooks = await h.hooks();
	expect(hooks.map((x) => [x.job_id, x.template_key])).toEqual([
		[pair.pickup, 'AGENT_ASSIGNED'],
		[pair.delivery, 'AGENT_ASSIGNED'],
		[single, 'AGENT_ASSIGNED'],
		[single, 'DELETED'],
	]);
	expect(hooks[0]).toMatchObject({ fleet_id: w.otherFleetId, pickup_delivery_relationship: pair.token });
	expect(hooks[3]).toMatchObject({ job_status: 10, is_active: 0 });
});

test('edits that do not change status send nothing', async () => {
	const id = await createDelivery(h);
	await h.clearHooks();
	await h.call('edit_task', { job_id: id, job_description: 'quiet edit' });
	expect(await forJob(id)).toEqual([]);
});

test('the admin helper setTaskStatus and the admin HTTP route fire the same webhook', async () => {
	const id = await createDelivery(h, { fleet_id: w.fleetId });
	await h.clearHooks();
	const task = h.module.setTaskStatus(id, 1);
	expect(task).toMatchObject({ job_id: id, job_status: 1 });
	const res = await fetch(`${h.sandbox.url}/_admin/events/tookan`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jobId: id, status: 4 }) });
	expect(res.status).toBe(200);
	expect((await forJob(id)).map((x) => x.template_key)).toEqual(['AGENT_STARTED', 'AGENT_ARRIVED']);
	expect(() => h.module.setTaskStatus(id, 5)).toThrow(/cannot be set/);
});

test('set_tookan_shared_secret_key changes the secret sent from then on', async () => {
	const before = h.module.config().sharedSecret;
	await h.call('set_tookan_shared_secret_key', { tookan_shared_secret: 'next-secret' });
	const id = await createDelivery(h);
	expect((await forJob(id))[0].tookan_shared_secret).toBe('next-secret');
	await h.call('set_tookan_shared_secret_key', { tookan_shared_secret: before });
});

test('emitTaskEvent re-sends the current state, optionally under another template key', async () => {
	const id = await createDelivery(h);
	await h.clearHooks();
	h.module.emitTaskEvent(id);
	h.module.emitTaskEvent(id, 'CUSTOM_NOTIFICATION');
	expect((await forJob(id)).map((x) => x.template_key)).toEqual(['UNASSIGNED', 'CUSTOM_NOTIFICATION']);
});

test('seeding sends no webhooks', async () => {
	h.module.seed({ teams: 1, agents: 2, customers: 3, tasks: 20, random: 5 });
	expect(await h.hooks()).toEqual([]);
});
