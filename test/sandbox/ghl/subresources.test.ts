import { GHL_DEFAULTS } from '../../../sandbox/ghl/defaults';
import { ghlClient, LOC1, LOC2, newContact, useSandbox } from './client';

const env = useSandbox();
let contactId: string;

beforeEach(async () => {
	contactId = await newContact(env.api, { tags: ['one'] });
});

describe('tasks', () => {
	const base = () => `/contacts/${contactId}/tasks`;

	it('create (201), list, get, update, complete, delete', async () => {
		const created = await env.api.post(base(), { title: 'Call', body: 'about quote', dueDate: '2025-10-25T11:00:00Z', completed: false });
		expect(created.status).toBe(201);
		const task = created.body.task;
		expect(task).toMatchObject({ title: 'Call', body: 'about quote', completed: false, contactId });
		expect((await env.api.get(base())).body.tasks.map((t: { id: string }) => t.id)).toEqual([task.id]);
		expect((await env.api.get(`${base()}/${task.id}`)).body.task).toEqual(task);
		const updated = await env.api.put(`${base()}/${task.id}`, { title: 'Call back', assignedTo: GHL_DEFAULTS.userIds[1] });
		expect(updated.body.task).toMatchObject({ title: 'Call back', assignedTo: GHL_DEFAULTS.userIds[1], completed: false });
		const completed = await env.api.put(`${base()}/${task.id}/completed`, { completed: true });
		expect(completed).toMatchObject({ status: 200, body: { task: { id: task.id, completed: true } } });
		expect(await env.api.del(`${base()}/${task.id}`)).toMatchObject({ status: 200, body: { succeded: true } });
		expect((await env.api.get(`${base()}/${task.id}`)).status).toBe(404);
	});

	it('422 for missing title/dueDate/completed or bad types, 404 for unknown task or contact', async () => {
		const res = await env.api.post(base(), { body: 'x' });
		expect(res.status).toBe(422);
		expect(res.body.message).toEqual(
			expect.arrayContaining(['title should not be empty', 'dueDate should not be empty', 'completed should not be empty']),
		);
		expect((await env.api.post(base(), { title: 't', dueDate: 'soon', completed: false })).status).toBe(422);
		expect((await env.api.put(`${base()}/nope/completed`, { completed: true })).status).toBe(404);
		expect((await env.api.put(`${base()}/nope/completed`, {})).status).toBe(404);
		expect((await env.api.get('/contacts/nope/tasks')).status).toBe(404);
	});
});

describe('notes', () => {
	const base = () => `/contacts/${contactId}/notes`;

	it('create (201), list, get, update, delete', async () => {
		const created = await env.api.post(base(), { body: 'Met at fair', userId: GHL_DEFAULTS.userIds[0], pinned: true, color: '#FFAA00' });
		expect(created.status).toBe(201);
		const note = created.body.note;
		expect(note).toMatchObject({ body: 'Met at fair', contactId, pinned: true, color: '#FFAA00' });
		expect((await env.api.get(base())).body.notes).toHaveLength(1);
		expect((await env.api.get(`${base()}/${note.id}`)).body.note.id).toBe(note.id);
		expect((await env.api.put(`${base()}/${note.id}`, { body: 'Met at the fair' })).body.note.body).toBe('Met at the fair');
		expect((await env.api.del(`${base()}/${note.id}`)).body).toEqual({ succeded: true });
		expect((await env.api.get(base())).body.notes).toEqual([]);
	});

	it('422 without body, 404 for an unknown note', async () => {
		expect((await env.api.post(base(), { title: 'x' })).body.message).toEqual(['body should not be empty', 'body must be a string']);
		expect((await env.api.put(`${base()}/nope`, { body: 'x' })).status).toBe(404);
	});
});

describe('tags', () => {
	it('adds (201) and removes tags, answering the full tag list', async () => {
		const added = await env.api.post(`/contacts/${contactId}/tags`, { tags: ['two', 'one'] });
		expect(added).toMatchObject({ status: 201, body: { tags: ['one', 'two'] } });
		const removed = await env.api.del(`/contacts/${contactId}/tags`, { tags: ['one'] });
		expect(removed).toMatchObject({ status: 200, body: { tags: ['two'] } });
		expect((await env.api.post(`/contacts/${contactId}/tags`, {})).status).toBe(422);
		const locationTags = (env.sandbox.admin.ghlRecords('tags', { locationId: LOC1 }) as Array<{ name: string }>).map((t) => t.name);
		expect(locationTags).toContain('two');
	});

	it('bulk add/remove with per-contact responses (201)', async () => {
		const other = await newContact(env.api, { tags: ['one', 'x'] });
		const add = await env.api.post('/contacts/bulk/tags/update/add', { locationId: LOC1, contacts: [contactId, other, 'abcdef', 'AAAAAAAAAAAAAAAAAAAA'], tags: ['new'] });
		expect(add.status).toBe(201);
		expect(add.body.succeded).toBe(true);
		expect(add.body.errorCount).toBe(2);
		expect(add.body.responses).toEqual([
			{ contactId, message: 'Tags updated', type: 'success', oldTags: ['one'], tagsAdded: ['new'], tagsRemoved: [] },
			{ contactId: other, message: 'Tags updated', type: 'success', oldTags: ['one', 'x'], tagsAdded: ['new'], tagsRemoved: [] },
			{ contactId: 'abcdef', message: 'contact id is not a valid firebase id', type: 'error' },
			{ contactId: 'AAAAAAAAAAAAAAAAAAAA', message: 'contact is deleted', type: 'error' },
		]);
		const remove = await env.api.post('/contacts/bulk/tags/update/remove', { locationId: LOC1, contacts: [other], tags: ['one'] });
		expect(remove.body.responses[0].tagsRemoved).toEqual(['one']);
		const removeAll = await env.api.post('/contacts/bulk/tags/update/remove', { locationId: LOC1, contacts: [other], tags: [], removeAllTags: true });
		expect(removeAll.body.responses[0].tagsRemoved).toEqual(['x', 'new']);
		expect((await env.api.post('/contacts/bulk/tags/update/toggle', { locationId: LOC1, contacts: [], tags: [] })).status).toBe(422);
		expect((await env.api.post('/contacts/bulk/tags/update/add', { locationId: LOC1, tags: [] })).status).toBe(422);
	});

	it('reports a contact of another location as an error', async () => {
		const pit2 = env.sandbox.admin.createPit({ locationId: LOC2 }).token;
		const foreign = await ghlClient(env.sandbox, pit2).post('/contacts/', { locationId: LOC2, firstName: 'F' });
		const res = await env.api.post('/contacts/bulk/tags/update/add', { locationId: LOC1, contacts: [foreign.body.contact.id], tags: ['t'] });
		expect(res.body.responses[0]).toEqual({ contactId: foreign.body.contact.id, message: 'contact does not belong to location', type: 'error' });
	});
});

describe('campaigns, workflows, followers, appointments', () => {
	const first = (collection: 'campaigns' | 'workflows') => (env.sandbox.admin.ghlRecords(collection, { locationId: LOC1 }) as Array<{ id: string }>)[0].id;
	const stored = () => (env.sandbox.admin.ghlRecords('contacts', { id: contactId })[0] as { campaigns: string[]; workflows: string[] });

	it('adds to and removes from campaigns (incl. removeAll)', async () => {
		const campaignId = first('campaigns');
		expect(await env.api.post(`/contacts/${contactId}/campaigns/${campaignId}`, {})).toMatchObject({ status: 201, body: { succeded: true } });
		expect(stored().campaigns).toEqual([campaignId]);
		expect((await env.api.del(`/contacts/${contactId}/campaigns/${campaignId}`)).body).toEqual({ succeded: true });
		expect(stored().campaigns).toEqual([]);
		await env.api.post(`/contacts/${contactId}/campaigns/${campaignId}`, {});
		expect((await env.api.del(`/contacts/${contactId}/campaigns/removeAll`)).body).toEqual({ succeded: true });
		expect(stored().campaigns).toEqual([]);
		expect((await env.api.post(`/contacts/${contactId}/campaigns/nope`, {})).status).toBe(404);
	});

	it('enrols in and removes from workflows (singular path, 200)', async () => {
		const workflowId = first('workflows');
		const added = await env.api.post(`/contacts/${contactId}/workflow/${workflowId}`, { eventStartTime: '2021-06-23T03:30:00+01:00' });
		expect(added).toMatchObject({ status: 200, body: { succeded: true } });
		expect(stored().workflows).toEqual([workflowId]);
		expect((await env.api.del(`/contacts/${contactId}/workflow/${workflowId}`, {})).body).toEqual({ succeded: true });
		expect(stored().workflows).toEqual([]);
		expect((await env.api.post(`/contacts/${contactId}/workflow/nope`, {})).status).toBe(404);
		expect((await env.api.post(`/contacts/${contactId}/workflows/${workflowId}`, {})).status).toBe(404);
	});

	it('adds (201) and removes followers', async () => {
		const [u1, u2] = GHL_DEFAULTS.userIds;
		const added = await env.api.post(`/contacts/${contactId}/followers`, { followers: [u1, u2, u1] });
		expect(added).toMatchObject({ status: 201, body: { followers: [u1, u2], followersAdded: [u1, u2] } });
		const removed = await env.api.del(`/contacts/${contactId}/followers`, { followers: [u1] });
		expect(removed.body).toEqual({ followers: [u2], followersRemoved: [u1] });
		expect((await env.api.post(`/contacts/${contactId}/followers`, { followers: 'u' })).status).toBe(422);
	});

	it('lists a contact\'s appointments as {events}', async () => {
		const seeded = env.sandbox.admin.seed({ ghl: { contacts: 1, appointmentsPerContact: 2 } }) as { ghl: { sampleContactIds: string[] } };
		const res = await env.api.get(`/contacts/${seeded.ghl.sampleContactIds[0]}/appointments`);
		expect(res.status).toBe(200);
		expect(res.body.events).toHaveLength(2);
		expect(res.body.events[0]).toMatchObject({ contactId: seeded.ghl.sampleContactIds[0], locationId: LOC1, appointmentStatus: 'confirmed' });
		expect((await env.api.get(`/contacts/${contactId}/appointments`)).body).toEqual({ events: [] });
	});
});

describe('bulk business link/unlink (POST /contacts/bulk/business)', () => {
	it('links, then unlinks with businessId: null', async () => {
		const businessId = (await env.api.post('/businesses/', { locationId: LOC1, name: 'Acme' })).body.buiseness.id;
		const linked = await env.api.post('/contacts/bulk/business', { locationId: LOC1, ids: [contactId], businessId });
		expect(linked).toMatchObject({ status: 200, body: { success: true, ids: [contactId] } });
		expect((await env.api.get(`/contacts/${contactId}`)).body.contact.businessId).toBe(businessId);
		await env.api.post('/contacts/bulk/business', { locationId: LOC1, ids: [contactId], businessId: null });
		expect((await env.api.get(`/contacts/${contactId}`)).body.contact.businessId).toBeUndefined();
		expect((await env.api.post('/contacts/bulk/business', { locationId: LOC1, ids: [contactId] })).status).toBe(422);
		expect((await env.api.post('/contacts/bulk/business', { locationId: LOC1, ids: ['x'.repeat(51)], businessId: null })).status).toBe(422);
		expect((await env.api.post('/contacts/bulk/business', { locationId: LOC1, ids: [contactId], businessId: 'nope' })).status).toBe(404);
	});
});
