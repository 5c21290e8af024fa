import { LOC1, LOC2, newContact, useSandbox } from './client';

const env = useSandbox();

describe('create / get / update / delete', () => {
	it('creates a contact (201, CreateContactSchema) that GET returns', async () => {
		const created = await env.api.post('/contacts/', {
			locationId: LOC1,
			firstName: 'Rosa',
			lastName: 'Parks',
			email: 'Rosa@Example.com',
			phone: '(512) 555-0142',
			tags: ['vip', 'vip', ' lead '],
			dateOfBirth: '1990/09/25',
			source: 'api',
		});
		expect(created.status).toBe(201);
		const c = created.body.contact;
		expect(c).toMatchObject({
			locationId: LOC1,
			firstName: 'Rosa',
			firstNameLowerCase: 'rosa',
			fullNameLowerCase: 'rosa parks',
			emailLowerCase: 'rosa@example.com',
			phone: '+15125550142',
			tags: ['vip', 'lead'],
			deleted: false,
			dateOfBirth: '1990-09-25T00:00:00.000Z',
			birthMonth: 9,
			birthDay: 25,
		});
		expect(c.id).toMatch(/^[A-Za-z0-9]{20}$/);
		const got = await env.api.get(`/contacts/${c.id}`);
		expect(got.status).toBe(200);
		expect(got.body.contact).toMatchObject({ id: c.id, name: 'Rosa Parks', email: 'Rosa@Example.com', source: 'api' });
	});

	it('splits `name` into first and last name when they are not given', async () => {
		const id = await newContact(env.api, { firstName: undefined, name: 'Grace Brewster Hopper' });
		const got = await env.api.get(`/contacts/${id}`);
		expect(got.body.contact).toMatchObject({ firstName: 'Grace', lastName: 'Brewster Hopper', name: 'Grace Brewster Hopper' });
	});

	it('updates with PUT (tags overwrite) and answers {succeded, contact}', async () => {
		const id = await newContact(env.api, { tags: ['a', 'b'], city: 'Austin' });
		const updated = await env.api.put(`/contacts/${id}`, { tags: ['c'], lastName: 'Lovelace', dnd: true });
		expect(updated.status).toBe(200);
		expect(updated.body.succeded).toBe(true);
		expect(updated.body.contact).toMatchObject({ id, tags: ['c'], lastName: 'Lovelace', city: 'Austin', dnd: true });
		expect(Date.parse(updated.body.contact.dateUpdated)).toBeGreaterThanOrEqual(Date.parse(updated.body.contact.dateAdded));
	});

	it('deletes: {succeded: true}, then 404', async () => {
		const id = await newContact(env.api);
		expect(await env.api.del(`/contacts/${id}`)).toMatchObject({ status: 200, body: { succeded: true } });
		expect(await env.api.get(`/contacts/${id}`)).toMatchObject({ status: 404, body: { statusCode: 404, message: 'Contact not found' } });
		expect((await env.api.put(`/contacts/${id}`, { city: 'x' })).status).toBe(404);
		expect((await env.api.del(`/contacts/${id}`)).status).toBe(404);
	});

	it('validates like GHL: 422 with a message array, unknown properties rejected, bad JSON 400', async () => {
		const missing = await env.api.post('/contacts/', { firstName: 'x' });
		expect(missing.status).toBe(422);
		expect(missing.body).toEqual({
			statusCode: 422,
			message: ['locationId should not be empty', 'locationId must be a string'],
			error: 'Unprocessable Entity',
		});
		const wrong = await env.api.post('/contacts/', { locationId: LOC1, dnd: 'yes', tags: 'vip', email: 'not-an-email', foo: 1 });
		expect(wrong.status).toBe(422);
		expect(wrong.body.message).toEqual(
			expect.arrayContaining(['property foo should not exist', 'dnd must be a boolean value', 'tags must be an array', 'email must be an email']),
		);
		const id = await newContact(env.api);
		const updateCompany = await env.api.put(`/contacts/${id}`, { companyName: 'not in UpdateContactDto' });
		expect(updateCompany.body.message).toEqual(['property companyName should not exist']);
		const res = await fetch(`${env.sandbox.ghlBaseUrl}/contacts/`, {
			method: 'POST',
			headers: { authorization: `Bearer ${env.sandbox.admin.info().ghl.pit}`, version: '2021-07-28', 'content-type': 'application/json' },
			body: '{"locationId": ',
		});
		expect(res.status).toBe(400);
		expect(((await res.json()) as { statusCode: number }).statusCode).toBe(400);
	});

	it('refuses a duplicate email or phone when the location does not allow duplicates', async () => {
		const first = await newContact(env.api, { email: 'dup@example.com', phone: '+15550001111' });
		const byEmail = await env.api.post('/contacts/', { locationId: LOC1, email: 'DUP@example.com' });
		expect(byEmail.status).toBe(400);
		expect(byEmail.body).toMatchObject({
			message: 'This location does not allow duplicated contacts.',
			meta: { contactId: first, matchingField: 'email' },
		});
		const byPhone = await env.api.post('/contacts/', { locationId: LOC1, phone: '555-000-1111' });
		expect(byPhone.body.meta).toMatchObject({ contactId: first, matchingField: 'phone' });
		env.sandbox.admin.updateConfig({ ghl: { locations: { [LOC1]: { allowDuplicateContact: true } } } });
		expect((await env.api.post('/contacts/', { locationId: LOC1, email: 'dup@example.com' })).status).toBe(201);
	});
});

describe('custom fields', () => {
	const fields = () => env.sandbox.admin.ghlRecords('customFields', { locationId: LOC1 }) as Array<{ id: string; fieldKey: string }>;
	const field = (key: string) => fields().find((f) => f.fieldKey === `contact.${key}`)!;

	it('accepts id or key with field_value (or value) and returns customFields [{id, value}]', async () => {
		const id = await newContact(env.api, {
			customFields: [
				{ id: field('referral_code').id, field_value: 'R-7' },
				{ key: 'contact.employees', field_value: '42' },
				{ key: 'interests', value: ['Solar', 'Heating'] },
			],
		});
		const got = (await env.api.get(`/contacts/${id}`)).body.contact;
		expect(got.customFields).toEqual(
			expect.arrayContaining([
				{ id: field('referral_code').id, value: 'R-7' },
				{ id: field('employees').id, value: 42 },
				{ id: field('interests').id, value: ['Solar', 'Heating'] },
			]),
		);
		await env.api.put(`/contacts/${id}`, { customFields: [{ id: field('referral_code').id, field_value: '' }] });
		const after = (await env.api.get(`/contacts/${id}`)).body.contact.customFields.map((f: { id: string }) => f.id);
		expect(after).not.toContain(field('referral_code').id);
		expect(after).toContain(field('employees').id);
	});

	it('422 for unknown ids/keys, a field of another location, or a wrong value type', async () => {
		const otherLocation = (env.sandbox.admin.ghlRecords('customFields', { locationId: LOC2 }) as Array<{ id: string }>)[0];
		const res = await env.api.post('/contacts/', {
			locationId: LOC1,
			customFields: [{ id: 'nope', field_value: 'x' }, { key: 'contact.nope', field_value: 'x' }, { id: otherLocation.id, field_value: 'x' }, { key: 'employees', field_value: 'many' }],
		});
		expect(res.status).toBe(422);
		expect(res.body.message).toHaveLength(4);
	});
});

describe('upsert (POST /contacts/upsert)', () => {
	it('creates when nothing matches, updates the email match otherwise (new: true/false, traceId)', async () => {
		const created = await env.api.post('/contacts/upsert', { locationId: LOC1, email: 'up@example.com', firstName: 'Up' });
		expect(created.status).toBe(200);
		expect(created.body).toMatchObject({ new: true, contact: { email: 'up@example.com' } });
		expect(typeof created.body.traceId).toBe('string');
		const again = await env.api.post('/contacts/upsert', { locationId: LOC1, email: 'UP@example.com', lastName: 'Date', tags: ['t'] });
		expect(again.body).toMatchObject({ new: false, contact: { id: created.body.contact.id, firstName: 'Up', lastName: 'Date', tags: ['t'] } });
	});

	it('matches the first field of the location priority when email and phone point at different contacts', async () => {
		const byEmail = await newContact(env.api, { email: 'e@example.com' });
		const byPhone = await newContact(env.api, { phone: '+15551234567' });
		const res = await env.api.post('/contacts/upsert', { locationId: LOC1, email: 'e@example.com', phone: '+15551234567', city: 'Paris' });
		expect(res.body).toMatchObject({ new: false, contact: { id: byEmail, city: 'Paris' } });
		expect((await env.api.get(`/contacts/${byPhone}`)).body.contact.city).toBeUndefined();
	});

	it('follows a phone-first priority when the location is configured so', async () => {
		env.sandbox.admin.updateConfig({ ghl: { locations: { [LOC1]: { duplicateCheckFields: ['phone', 'email'] } } } });
		await newContact(env.api, { email: 'p@example.com' });
		const byPhone = await newContact(env.api, { phone: '+15557654321' });
		const res = await env.api.post('/contacts/upsert', { locationId: LOC1, email: 'p@example.com', phone: '+15557654321', city: 'Rome' });
		expect(res.body).toMatchObject({ new: false, contact: { id: byPhone, city: 'Rome' } });
	});

	it('createNewIfDuplicateAllowed creates only when the location allows duplicates', async () => {
		const id = await newContact(env.api, { email: 'same@example.com' });
		const ignored = await env.api.post('/contacts/upsert', { locationId: LOC1, email: 'same@example.com', createNewIfDuplicateAllowed: true });
		expect(ignored.body).toMatchObject({ new: false, contact: { id } });
		env.sandbox.admin.updateConfig({ ghl: { locations: { [LOC1]: { allowDuplicateContact: true } } } });
		const created = await env.api.post('/contacts/upsert', { locationId: LOC1, email: 'same@example.com', createNewIfDuplicateAllowed: true });
		expect(created.body.new).toBe(true);
		expect(created.body.contact.id).not.toBe(id);
	});

	it('422 without locationId', async () => {
		expect((await env.api.post('/contacts/upsert', { email: 'x@example.com' })).status).toBe(422);
	});
});

describe('duplicate lookup (GET /contacts/search/duplicate)', () => {
	it('finds by email or (URL-encoded) number, else {contact: null}', async () => {
		const id = await newContact(env.api, { email: 'find@example.com', phone: '+14231645160' });
		expect((await env.api.get('/contacts/search/duplicate', { locationId: LOC1, email: 'FIND@example.com' })).body.contact.id).toBe(id);
		expect((await env.api.get('/contacts/search/duplicate', { locationId: LOC1, number: '+14231645160' })).body.contact.id).toBe(id);
		expect((await env.api.get('/contacts/search/duplicate', { locationId: LOC1, email: 'none@example.com' })).body).toEqual({ contact: null });
		expect((await env.api.get('/contacts/search/duplicate', { email: 'find@example.com' })).status).toBe(422);
	});
});
