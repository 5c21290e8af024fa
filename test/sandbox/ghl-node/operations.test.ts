/**
 * Every GHL node operation against the sandbox, each checked against the sandbox's state, plus the
 * main error cases (unknown id, invalid data, another location, missing scope).
 */
import { NodeApiError } from 'n8n-workflow';

import { GHL_DEFAULTS } from '../../../sandbox/ghl/defaults';
import { LOC1, LOC2, records, rl, useGhl } from './setup';

const env = useGhl();

async function newContact(email: string, phone?: string) {
	const c = await env.one({ resource: 'contact', operation: 'create', email, phone, duplicateHandling: 'create', additionalFields: { firstName: 'Test' }, simplify: false });
	return String(c.id);
}

const exercised = new Set<string>();
function op(resource: string, operation: string) {
	exercised.add(`${resource}:${operation}`);
	return { resource, operation };
}

describe('contact', () => {
	it('creates, gets, updates and deletes', async () => {
		const created = await env.one({
			...op('contact', 'create'),
			email: 'ann@example.com',
			phone: '+1 (415) 555-0101',
			duplicateHandling: 'create',
			additionalFields: { firstName: 'Ann', lastName: 'Lee', tags: 'vip, new', country: 'us', companyName: 'Acme' },
			simplify: true,
		});
		expect(created).toMatchObject({ firstName: 'Ann', email: 'ann@example.com', phone: '+14155550101', duplicate: false });
		const id = String(created.id);
		expect(records(env.sandbox, 'contacts', { id })[0]).toMatchObject({ country: 'US', companyName: 'Acme', tags: ['vip', 'new'] });

		expect(await env.one({ ...op('contact', 'get'), contactId: rl(id), simplify: false })).toMatchObject({ id, lastName: 'Lee' });
		await env.one({ ...op('contact', 'update'), contactId: rl(id), updateFields: { city: 'Leeds', tags: ['gold'] }, simplify: true });
		expect(records(env.sandbox, 'contacts', { id })[0]).toMatchObject({ city: 'Leeds', tags: ['gold'], firstName: 'Ann' });
		expect(await env.one({ ...op('contact', 'delete'), contactId: rl(id) })).toEqual({ deleted: true, contactId: id });
		expect(records(env.sandbox, 'contacts', { id })).toHaveLength(0);
	});

	it('create can return or refuse an existing duplicate instead of creating it again', async () => {
		const first = await newContact('dup@example.com');
		const again = await env.one({ ...op('contact', 'create'), email: 'dup@example.com', duplicateHandling: 'returnExisting', additionalFields: {}, simplify: true });
		expect(again).toMatchObject({ id: first, duplicate: true });
		await expect(
			env.run({ resource: 'contact', operation: 'create', email: 'dup@example.com', duplicateHandling: 'fail', additionalFields: {} }),
		).rejects.toThrow(`already exists (${first})`);
		expect(records(env.sandbox, 'contacts', { locationId: LOC1 }).filter((c) => c.email === 'dup@example.com')).toHaveLength(1);
	});

	it('create or update says whether it created or matched, and which values GHL did not save', async () => {
		const first = await env.one({ ...op('contact', 'upsert'), email: 'up@example.com', additionalFields: { firstName: 'Up' }, simplify: true });
		expect(first.upsert).toEqual({ action: 'created', new: true });
		const second = await env.one({ resource: 'contact', operation: 'upsert', email: 'up@example.com', additionalFields: { city: 'York' }, simplify: false });
		expect(second).toMatchObject({ id: first.id, city: 'York', upsert: { action: 'updated', new: false } });

		// the phone belongs to another contact: GHL matches by email and keeps the stored phone
		await newContact('other@example.com', '+14155550199');
		const clash = await env.one({ resource: 'contact', operation: 'upsert', email: 'up@example.com', phone: '+14155550199', additionalFields: {}, simplify: false });
		expect(clash.id).toBe(first.id);
		if (clash.phone !== '+14155550199') expect((clash.upsert as { notSaved: string[] }).notSaved).toContain('phone');
	});

	it('finds duplicates by email or phone', async () => {
		const id = await newContact('find@example.com', '+14155550123');
		expect(await env.one({ ...op('contact', 'findDuplicate'), email: 'find@example.com', simplify: true })).toMatchObject({ found: true, id });
		expect(await env.one({ resource: 'contact', operation: 'findDuplicate', phone: '+1 415 555 0123', simplify: true })).toMatchObject({ found: true, id });
		expect(await env.one({ resource: 'contact', operation: 'findDuplicate', email: 'nobody@example.com' })).toEqual({ found: false });
	});

	it('searches with filters and sort, and the legacy list pages with its cursor', async () => {
		env.sandbox.admin.seed({ ghl: { contacts: 230 } } as never);
		const vip = records(env.sandbox, 'contacts', { locationId: LOC1 }).filter((c) => (c.tags as string[]).includes('vip'));
		const { output } = await env.run({
			...op('contact', 'getAll'),
			filters: { filter: [{ field: 'tags', operator: 'eq', value: 'vip' }] },
			sort: { order: [{ field: 'dateAdded', direction: 'asc' }] },
			returnAll: true,
			simplify: true,
		});
		expect(output).toHaveLength(vip.length);
		expect(output.every((o) => (o.json.tags as string[]).includes('vip'))).toBe(true);
		const dates = output.map((o) => Date.parse(String(o.json.dateAdded)));
		expect([...dates].sort((a, b) => a - b)).toEqual(dates);

		const limited = await env.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 7, simplify: true });
		expect(limited.output).toHaveLength(7);

		const legacy = await env.run({ ...op('contact', 'getManyLegacy'), returnAll: true, simplify: true });
		const ids = legacy.output.map((o) => o.json.id);
		expect(new Set(ids).size).toBe(230);
	});

	it('links and unlinks a business and lists a business\'s contacts', async () => {
		const seeded = env.sandbox.admin.seed({ ghl: { contacts: 0, businesses: 1 } } as never) as { ghl: { businessIds: string[] } };
		const biz = seeded.ghl.businessIds[0];
		const id = await newContact('biz@example.com');
		expect(await env.one({ ...op('contact', 'linkBusiness'), contactId: rl(id), businessId: rl(biz) })).toMatchObject({ contactId: id, businessId: biz, success: true });
		expect(records(env.sandbox, 'contacts', { id })[0].businessId).toBe(biz);
		const listed = await env.run({ ...op('contact', 'getManyByBusiness'), businessId: rl(biz), returnAll: true, simplify: true });
		expect(listed.output.map((o) => o.json.id)).toContain(id);
		await env.one({ ...op('contact', 'unlinkBusiness'), contactId: rl(id) });
		expect(records(env.sandbox, 'contacts', { id })[0].businessId ?? null).toBeNull();
	});
});

describe('contact sub-resources', () => {
	let contactId: string;
	beforeEach(async () => {
		contactId = await newContact('sub@example.com');
	});

	it('tasks: create, get, get many, update, complete, reopen, delete', async () => {
		const task = await env.one({
			...op('task', 'create'),
			contactId: rl(contactId),
			title: 'Deliver parcel',
			dueDate: '2026-12-01T09:00:00Z',
			completed: false,
			additionalFields: { body: 'Door code 1234', assignedTo: GHL_DEFAULTS.userIds[0] },
		});
		const taskId = String(task.id);
		expect(await env.one({ ...op('task', 'get'), contactId: rl(contactId), taskId: rl(taskId) })).toMatchObject({ title: 'Deliver parcel' });
		expect((await env.run({ ...op('task', 'getAll'), contactId: rl(contactId), returnAll: true })).output).toHaveLength(1);
		await env.one({ ...op('task', 'update'), contactId: rl(contactId), taskId: rl(taskId), updateFields: { title: 'Deliver parcel today' } });
		await env.one({ ...op('task', 'markCompleted'), contactId: rl(contactId), taskId: rl(taskId) });
		expect(records(env.sandbox, 'tasks', { id: taskId })[0]).toMatchObject({ title: 'Deliver parcel today', completed: true });
		await env.one({ ...op('task', 'markIncomplete'), contactId: rl(contactId), taskId: rl(taskId) });
		expect(records(env.sandbox, 'tasks', { id: taskId })[0].completed).toBe(false);
		await env.one({ ...op('task', 'delete'), contactId: rl(contactId), taskId: rl(taskId) });
		expect(records(env.sandbox, 'tasks', { id: taskId })).toHaveLength(0);
	});

	it('notes: create, get, get many, update, delete', async () => {
		const note = await env.one({ ...op('note', 'create'), contactId: rl(contactId), body: 'Called', additionalFields: { color: '#FFAA00', pinned: true } });
		const noteId = String(note.id);
		expect(await env.one({ ...op('note', 'get'), contactId: rl(contactId), noteId: rl(noteId) })).toMatchObject({ body: 'Called' });
		expect((await env.run({ ...op('note', 'getAll'), contactId: rl(contactId), returnAll: true })).output).toHaveLength(1);
		await env.one({ ...op('note', 'update'), contactId: rl(contactId), noteId: rl(noteId), updateFields: { body: 'Called twice' } });
		expect(records(env.sandbox, 'notes', { id: noteId })[0].body).toBe('Called twice');
		await env.one({ ...op('note', 'delete'), contactId: rl(contactId), noteId: rl(noteId) });
		expect(records(env.sandbox, 'notes', { id: noteId })).toHaveLength(0);
	});

	it('tags: add, remove, add to many, remove from many', async () => {
		const other = await newContact('sub2@example.com');
		await env.one({ ...op('tag', 'add'), contactId: rl(contactId), tags: ['alpha', 'beta'] });
		await env.one({ ...op('tag', 'remove'), contactId: rl(contactId), tags: ['alpha'] });
		expect(records(env.sandbox, 'contacts', { id: contactId })[0].tags).toEqual(['beta']);
		await env.one({ ...op('tag', 'addToMany'), contacts: `${contactId},${other}`, tags: ['bulk'] });
		expect(records(env.sandbox, 'contacts', { id: other })[0].tags).toContain('bulk');
		await env.one({ ...op('tag', 'removeFromMany'), contacts: [contactId, other], tags: ['bulk'], removeAllTags: false });
		expect(records(env.sandbox, 'contacts', { id: contactId })[0].tags).toEqual(['beta']);
	});

	it('tags: New Tags are added with the picked ones (GHL creates them); no tag at all is refused before sending', async () => {
		const other = await newContact('sub3@example.com');
		await env.one({ ...op('tag', 'add'), contactId: rl(contactId), tags: ['vip'], newTags: 'brand-new, vip' });
		expect(records(env.sandbox, 'contacts', { id: contactId })[0].tags).toEqual(['vip', 'brand-new']);
		await env.one({ ...op('tag', 'addToMany'), contacts: [contactId, other], newTags: 'typed-only' });
		expect(records(env.sandbox, 'contacts', { id: other })[0].tags).toEqual(['typed-only']);
		for (const operation of ['add', 'addToMany']) {
			const { output, requests } = await env.run({ ...op('tag', operation), contactId: rl(contactId), contacts: [contactId], tags: [], newTags: '' }, { continueOnFail: true });
			expect(output[0].json.error).toBe('"Tags" needs at least one tag: pick one from the list or type it under New Tags [item 0]');
			expect(requests).toHaveLength(0);
		}
	});

	it('campaigns, workflows and followers', async () => {
		const campaign = String(records(env.sandbox, 'campaigns', { locationId: LOC1 })[0].id);
		const workflow = String(records(env.sandbox, 'workflows', { locationId: LOC1 })[0].id);
		expect(await env.one({ ...op('campaign', 'add'), contactId: rl(contactId), campaignId: campaign })).toMatchObject({ success: true });
		expect(await env.one({ ...op('campaign', 'remove'), contactId: rl(contactId), campaignId: campaign })).toMatchObject({ success: true });
		expect(await env.one({ ...op('campaign', 'removeAll'), contactId: rl(contactId) })).toMatchObject({ success: true });
		expect(await env.one({ ...op('workflow', 'add'), contactId: rl(contactId), workflowId: workflow, additionalFields: {} })).toMatchObject({ success: true });
		expect(await env.one({ ...op('workflow', 'remove'), contactId: rl(contactId), workflowId: workflow, additionalFields: {} })).toMatchObject({ success: true });
		const user = GHL_DEFAULTS.userIds[1];
		expect(await env.one({ ...op('follower', 'add'), contactId: rl(contactId), followers: [user] })).toMatchObject({ followers: [user] });
		await env.one({ ...op('follower', 'remove'), contactId: rl(contactId), followers: [user] });
		expect(records(env.sandbox, 'contacts', { id: contactId })[0].followers ?? []).toEqual([]);
	});

	it('appointments of a contact', async () => {
		const seeded = env.sandbox.admin.seed({ ghl: { contacts: 1, appointmentsPerContact: 3 } } as never) as { ghl: { sampleContactIds: string[] } };
		const { output } = await env.run({ ...op('appointment', 'getAll'), contactId: rl(seeded.ghl.sampleContactIds[0]), returnAll: true });
		expect(output).toHaveLength(3);
	});
});

describe('business', () => {
	it('creates, gets, lists, updates, links contacts and deletes', async () => {
		const biz = await env.one({ ...op('business', 'create'), name: 'Acme Deliveries', additionalFields: { city: 'Leeds' } });
		const id = String(biz.id);
		expect(await env.one({ ...op('business', 'get'), businessId: rl(id) })).toMatchObject({ name: 'Acme Deliveries' });
		expect((await env.run({ ...op('business', 'getAll'), returnAll: true })).output.map((o) => o.json.id)).toContain(id);
		await env.one({ ...op('business', 'update'), businessId: rl(id), updateFields: { phone: '+44 113 496 0000' } });
		expect(records(env.sandbox, 'businesses', { id })[0].phone).toBe('+441134960000');
		const a = await newContact('b1@example.com');
		const b = await newContact('b2@example.com');
		await env.one({ ...op('business', 'linkContacts'), businessId: rl(id), ids: `${a},${b}` });
		expect(records(env.sandbox, 'contacts', { id: b })[0].businessId).toBe(id);
		await env.one({ ...op('business', 'unlinkContacts'), ids: [a, b] });
		expect(records(env.sandbox, 'contacts', { id: b })[0].businessId ?? null).toBeNull();
		expect(await env.one({ ...op('business', 'delete'), businessId: rl(id) })).toEqual({ deleted: true, businessId: id });
	});
});

describe('errors a person can act on', () => {
	it('an unknown id names the record and the location', async () => {
		await expect(env.run({ resource: 'contact', operation: 'get', contactId: rl('NoSuchContact0000001') })).rejects.toThrow(
			`The contact "NoSuchContact0000001" was not found in location ${LOC1}`,
		);
	});

	it('data GHL refuses comes back with GHL\'s field messages', async () => {
		const id = await newContact('cf@example.com');
		const failure = env.run({
			resource: 'contact',
			operation: 'update',
			contactId: rl(id),
			updateFields: { customFields: { field: [{ fieldId: 'NoSuchField000000001', value: 'x' }] } },
		});
		await expect(failure).rejects.toThrow(NodeApiError);
		await expect(failure).rejects.toThrow(/GHL did not accept the data: .*NoSuchField000000001/);
	});

	it('another location the token cannot reach is named', async () => {
		await expect(
			env.run({ resource: 'contact', operation: 'getAll', returnAll: false, limit: 1, requestOptions: { locationId: LOC2 } }),
		).rejects.toThrow(`has no access to location ${LOC2}`);
	});

	it('a missing scope says which scope', async () => {
		const pit = env.sandbox.admin.createPit({ locationId: LOC1, scopes: ['contacts.readonly'] } as never) as { token: string };
		await expect(
			env.run(
				{ resource: 'business', operation: 'getAll', returnAll: true },
				{ credentials: { ghlPrivateIntegrationApi: { accessToken: pit.token, locationId: LOC1, baseUrl: env.sandbox.ghlBaseUrl } } },
			),
		).rejects.toThrow('it needs the scope businesses.readonly');
	});

	it('with Continue On Fail, failed items become error items and the rest succeed', async () => {
		const good = await newContact('ok@example.com');
		const ids = [good, 'NoSuchContact0000002', good];
		const { output } = await env.run((i) => ({ resource: 'contact', operation: 'get', contactId: rl(ids[i]), simplify: true }), { items: 3, continueOnFail: true });
		expect(output.map((o) => Boolean(o.json.error))).toEqual([false, true, false]);
		expect(String(output[1].json.error)).toContain('NoSuchContact0000002');
	});
});

describe('coverage', () => {
	it('exercised every node operation', async () => {
		const { resources } = await import('../../../package/nodes/GhlContacts/resources');
		const all = resources.flatMap((r) => r.operations.map((o) => `${r.value}:${o.value}`));
		expect(all.filter((o) => !exercised.has(o))).toEqual([]);
		process.stdout.write(`GHL node operations exercised against the sandbox: ${exercised.size}/${all.length}\n`);
	});
});
