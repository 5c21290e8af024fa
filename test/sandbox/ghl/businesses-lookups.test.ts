import { GHL_DEFAULTS } from '../../../sandbox/ghl/defaults';
import { ghlClient, LOC1, LOC2, useSandbox } from './client';

const env = useSandbox();

describe('businesses', () => {
	it('create (201, `buiseness`), get, list with skip/limit, update, delete', async () => {
		const created = await env.api.post('/businesses/', { locationId: LOC1, name: 'Acme', email: 'hi@acme.test', city: 'Austin' });
		expect(created.status).toBe(201);
		expect(created.body.success).toBe(true);
		const business = created.body.buiseness;
		expect(business).toMatchObject({ name: 'Acme', locationId: LOC1, email: 'hi@acme.test', city: 'Austin' });
		expect(business.id).toMatch(/^[0-9a-f]{24}$/);
		expect(typeof business.createdAt).toBe('string');
		expect((await env.api.get(`/businesses/${business.id}`)).body.business).toEqual(business);
		await env.api.post('/businesses/', { locationId: LOC1, name: 'Beta' });
		await env.api.post('/businesses/', { locationId: LOC1, name: 'Gamma' });
		const list = await env.api.get('/businesses/', { locationId: LOC1 });
		expect(list.body.businesses.map((b: { name: string }) => b.name)).toEqual(['Acme', 'Beta', 'Gamma']);
		const page = await env.api.get('/businesses/', { locationId: LOC1, skip: '1', limit: '1' });
		expect(page.body.businesses.map((b: { name: string }) => b.name)).toEqual(['Beta']);
		const updated = await env.api.put(`/businesses/${business.id}`, { name: 'Acme Inc', description: 'Widgets' });
		expect(updated).toMatchObject({ status: 200, body: { success: true, buiseness: { id: business.id, name: 'Acme Inc', description: 'Widgets' } } });
		expect((await env.api.del(`/businesses/${business.id}`)).body).toEqual({ success: true });
		expect((await env.api.get(`/businesses/${business.id}`)).status).toBe(404);
	});

	it('422 without name/locationId or with unknown fields, 404 unknown id, 403 other location', async () => {
		const res = await env.api.post('/businesses/', { website: 'x' });
		expect(res.status).toBe(422);
		expect(res.body.message).toEqual(expect.arrayContaining(['name should not be empty', 'locationId should not be empty']));
		expect((await env.api.put('/businesses/nope', { name: 'x' })).status).toBe(404);
		expect((await env.api.del('/businesses/nope')).status).toBe(404);
		expect((await env.api.post('/businesses/', { locationId: LOC1, name: 'x', locationName: 'y' })).status).toBe(422);
		expect((await env.api.get('/businesses/', {})).status).toBe(422);
		expect((await env.api.get('/businesses/', { locationId: LOC2 })).status).toBe(403);
	});

	it('needs the businesses scopes', async () => {
		const contactsOnly = ghlClient(env.sandbox, env.sandbox.admin.createPit({ scopes: ['contacts.readonly'] }).token);
		const res = await contactsOnly.get('/businesses/', { locationId: LOC1 });
		expect(res).toMatchObject({ status: 401, body: { message: 'The token is not authorized for this scope.' } });
	});
});

describe('lookups for dropdowns', () => {
	it('users of a location', async () => {
		const res = await env.api.get('/users/', { locationId: LOC1 });
		expect(res.status).toBe(200);
		expect(res.body.users.map((u: { id: string }) => u.id)).toEqual([GHL_DEFAULTS.userIds[0], GHL_DEFAULTS.userIds[1]]);
		expect(res.body.users[0]).toMatchObject({ name: 'Ada Admin', firstName: 'Ada', lastName: 'Admin', email: 'ada@sandbox-agency.test' });
	});

	it('custom fields with fieldKey, dataType and picklist options', async () => {
		const res = await env.api.get(`/locations/${LOC1}/customFields`);
		expect(res.status).toBe(200);
		const colour = res.body.customFields.find((f: { fieldKey: string }) => f.fieldKey === 'contact.favourite_colour');
		expect(colour).toMatchObject({ name: 'Favourite colour', dataType: 'SINGLE_OPTIONS', picklistOptions: ['Red', 'Green', 'Blue'] });
		expect(new Set(res.body.customFields.map((f: { dataType: string }) => f.dataType))).toEqual(
			new Set(['SINGLE_OPTIONS', 'LARGE_TEXT', 'TEXT', 'NUMERICAL', 'MONETORY', 'MULTIPLE_OPTIONS', 'CHECKBOX', 'DATE', 'RADIO', 'PHONE', 'TEXTBOX_LIST', 'FILE_UPLOAD']),
		);
	});

	it('tags, campaigns, workflows and the location', async () => {
		expect((await env.api.get(`/locations/${LOC1}/tags`)).body.tags.map((t: { name: string }) => t.name)).toEqual(['vip', 'lead', 'customer', 'newsletter']);
		const campaigns = (await env.api.get('/campaigns/', { locationId: LOC1 })).body.campaigns;
		expect(campaigns).toHaveLength(2);
		expect(campaigns[0]).toEqual({ id: expect.any(String), name: 'Welcome series', status: 'published', locationId: LOC1 });
		const workflows = (await env.api.get('/workflows/', { locationId: LOC1 })).body.workflows;
		expect(workflows[0]).toMatchObject({ name: 'New lead nurture', status: 'published', version: 1, locationId: LOC1 });
		const location = (await env.api.get(`/locations/${LOC1}`)).body.location;
		expect(location).toMatchObject({ id: LOC1, companyId: GHL_DEFAULTS.companyId, name: 'Sandbox Plumbing Co', settings: { allowDuplicateContact: false } });
	});

	it('each lookup needs its scope and its location', async () => {
		const noLookups = ghlClient(env.sandbox, env.sandbox.admin.createPit({ scopes: ['contacts.readonly', 'contacts.write'] }).token);
		for (const [path, query] of [
			['/users/', { locationId: LOC1 }],
			[`/locations/${LOC1}/customFields`, {}],
			[`/locations/${LOC1}/tags`, {}],
			['/campaigns/', { locationId: LOC1 }],
			['/workflows/', { locationId: LOC1 }],
			[`/locations/${LOC1}`, {}],
		] as const) {
			expect((await noLookups.get(path, query)).status).toBe(401);
		}
		expect((await env.api.get(`/locations/${LOC2}/tags`)).status).toBe(403);
		expect((await env.api.get('/campaigns/', { locationId: LOC2 })).status).toBe(403);
	});

	it('an agency token reads users and locations of its company', async () => {
		const agency = ghlClient(env.sandbox, env.sandbox.admin.issueTokens({ userType: 'Company' }).access_token as string);
		expect((await agency.get('/users/', { locationId: LOC2 })).body.users.map((u: { id: string }) => u.id)).toEqual([
			GHL_DEFAULTS.userIds[0],
			GHL_DEFAULTS.userIds[2],
		]);
		expect((await agency.get(`/locations/${LOC2}`)).body.location.id).toBe(LOC2);
	});
});
