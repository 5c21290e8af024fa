import { ghlClient, LOC1, LOC2, newContact, PIT, useSandbox } from './client';

const env = useSandbox({}, { reset: false });

describe('what every GHL API request needs', () => {
	it('the Version header: missing is 401 "version header was not found"; 2021-07-28 and the SDK\'s 2023-02-21 work', async () => {
		const raw = await fetch(`${env.sandbox.ghlBaseUrl}/locations/${LOC1}/tags`, { headers: { authorization: `Bearer ${PIT}` } });
		expect(raw.status).toBe(401);
		expect(await raw.json()).toEqual({ statusCode: 401, message: 'version header was not found', error: 'Unauthorized' });
		expect((await ghlClient(env.sandbox, PIT, { version: '2023-02-21' }).get(`/locations/${LOC1}/tags`)).status).toBe(200);
		expect((await ghlClient(env.sandbox, PIT, { version: '1999-01-01' }).get(`/locations/${LOC1}/tags`)).status).toBe(400);
	});

	it('a Bearer token: missing or unknown is 401 (UnauthorizedDTO)', async () => {
		expect(await ghlClient(env.sandbox, null).get(`/locations/${LOC1}/tags`)).toMatchObject({
			status: 401,
			body: { statusCode: 401, error: 'Unauthorized' },
		});
		expect((await ghlClient(env.sandbox, 'not-a-token').get(`/locations/${LOC1}/tags`)).body).toEqual({
			statusCode: 401,
			message: 'Invalid token: access token is invalid',
			error: 'Unauthorized',
		});
	});

	it('the operation\'s scope: 401 "The token is not authorized for this scope."', async () => {
		const readOnly = ghlClient(env.sandbox, env.sandbox.admin.createPit({ scopes: ['contacts.readonly'] }).token);
		const res = await readOnly.post('/contacts/', { locationId: LOC1 });
		expect(res.body).toEqual({ statusCode: 401, message: 'The token is not authorized for this scope.', error: 'Unauthorized' });
		expect((await readOnly.post('/contacts/search', { locationId: LOC1, pageLimit: 1 })).status).toBe(200);
	});

	it('its own location: 403 "The token does not have access to this location." (body, query or record)', async () => {
		const pit2 = ghlClient(env.sandbox, env.sandbox.admin.createPit({ locationId: LOC2 }).token);
		const foreign = (await pit2.post('/contacts/', { locationId: LOC2, firstName: 'F' })).body.contact.id;
		const forbidden = { statusCode: 403, message: 'The token does not have access to this location.' };
		expect((await env.api.post('/contacts/', { locationId: LOC2 })).body).toEqual(forbidden);
		expect((await env.api.get('/contacts/', { locationId: LOC2 })).body).toEqual(forbidden);
		expect((await env.api.get(`/contacts/${foreign}`)).body).toEqual(forbidden);
		expect((await env.api.del(`/contacts/${foreign}`)).status).toBe(403);
		expect((await pit2.get(`/contacts/${foreign}`)).status).toBe(200);
	});

	it('a location token: an agency (Company) token on a location route is 401 "Token\'s user type mismatch!"', async () => {
		const agency = ghlClient(env.sandbox, env.sandbox.admin.issueTokens({ userType: 'Company' }).access_token as string);
		expect((await agency.get('/contacts/', { locationId: LOC1 })).body).toEqual({
			statusCode: 401,
			message: "Token's user type mismatch!",
			error: 'Unauthorized',
		});
	});

	it('unknown routes answer a NestJS-style 404', async () => {
		expect((await env.api.get('/contacts/x/y/z')).body).toEqual({ statusCode: 404, message: 'Cannot GET /contacts/x/y/z', error: 'Not Found' });
	});

	it('accepts an empty JSON body on DELETE and both trailing-slash forms', async () => {
		const id = await newContact(env.api);
		const res = await fetch(`${env.sandbox.ghlBaseUrl}/contacts/${id}`, {
			method: 'DELETE',
			headers: { authorization: `Bearer ${PIT}`, version: '2021-07-28', 'content-type': 'application/json' },
		});
		expect(res.status).toBe(200);
		expect((await env.api.get('/contacts', { locationId: LOC1 })).status).toBe(200);
	});
});
