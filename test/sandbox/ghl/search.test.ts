import type { Sandbox } from '../../../sandbox/server';
import { ghlClient, LOC1, LOC2, newContact, startSandbox, type GhlClient } from './client';

let sandbox: Sandbox;
let api: GhlClient;
let api2: GhlClient;
let clock = Date.parse('2025-01-01T00:00:00.000Z');
const ids: Record<string, string> = {};
let employeesField: string;

const search = (body: Record<string, unknown>) => api.post('/contacts/search', { locationId: LOC1, pageLimit: 100, ...body });
const names = (res: { body: { contacts: Array<{ firstNameLowerCase?: string }> } }) => res.body.contacts.map((c) => c.firstNameLowerCase);

beforeAll(async () => {
	sandbox = await startSandbox({ now: () => clock });
	api = ghlClient(sandbox);
	employeesField = (sandbox.admin.ghlRecords('customFields', { locationId: LOC1 }) as Array<{ id: string; fieldKey: string }>).find(
		(f) => f.fieldKey === 'contact.employees',
	)!.id;
	const people: Array<[string, Record<string, unknown>]> = [
		['alice', { lastName: 'Anders', email: 'alice@ex.com', tags: ['vip', 'lead'], city: 'Austin', source: 'web', customFields: [{ id: employeesField, field_value: 10 }] }],
		['bob', { lastName: 'Brown', email: 'bob@ex.com', tags: ['lead'], city: 'Boston', dnd: true, source: 'phone', customFields: [{ id: employeesField, field_value: 50 }] }],
		['carol', { lastName: 'Chen', email: 'carol@ex.com', city: 'Austin', companyName: 'Chen LLC' }],
		['dan', { lastName: 'Doe', phone: '+15550009999', tags: ['customer'], city: 'Denver' }],
	];
	for (const [first, fields] of people) {
		clock += 60_000;
		ids[first] = await newContact(api, { firstName: first[0].toUpperCase() + first.slice(1), ...fields });
	}
	sandbox.admin.seed({ ghl: { locationId: LOC2, contacts: 10_050 } });
	api2 = ghlClient(sandbox, sandbox.admin.createPit({ locationId: LOC2 }).token);
});
afterAll(() => sandbox.close());

describe('POST /contacts/search', () => {
	it('returns {contacts, total} with lower-cased names only and a searchAfter per document', async () => {
		const res = await search({});
		expect(res.status).toBe(200);
		expect(res.body.total).toBe(4);
		expect(names(res)).toEqual(['dan', 'carol', 'bob', 'alice']);
		const doc = res.body.contacts[0];
		expect(doc).not.toHaveProperty('firstName');
		expect(doc).toMatchObject({ id: ids.dan, lastNameLowerCase: 'doe', phone: '+15550009999', searchAfter: [Date.parse(doc.dateAdded), ids.dan] });
	});

	it.each([
		['eq (case-insensitive)', [{ field: 'email', operator: 'eq', value: 'BOB@ex.com' }], ['bob']],
		['not_eq', [{ field: 'city', operator: 'not_eq', value: 'austin' }], ['dan', 'bob']],
		['contains', [{ field: 'firstNameLowerCase', operator: 'contains', value: 'a' }], ['dan', 'carol', 'alice']],
		['not_contains', [{ field: 'lastNameLowerCase', operator: 'not_contains', value: 'n' }], ['dan']],
		['exists', [{ field: 'email', operator: 'exists' }], ['carol', 'bob', 'alice']],
		['not_exists', [{ field: 'email', operator: 'not_exists' }], ['dan']],
		['tags eq', [{ field: 'tags', operator: 'eq', value: 'lead' }], ['bob', 'alice']],
		['tags contains', [{ field: 'tags', operator: 'contains', value: 'cust' }], ['dan']],
		['bool eq', [{ field: 'dnd', operator: 'eq', value: true }], ['bob']],
		['custom field range', [{ field: `customFields.${'EMP'}`, operator: 'range', value: { gte: 20 } }], ['bob']],
		['date range', [{ field: 'dateAdded', operator: 'range', value: { gt: '2025-01-01T00:02:00.000Z', lte: '2025-01-01T00:03:00.000Z' } }], ['carol']],
		['AND of two', [{ field: 'city', operator: 'eq', value: 'Austin' }, { field: 'tags', operator: 'exists' }], ['alice']],
		[
			'nested OR group',
			[
				{
					group: 'OR',
					filters: [
						{ field: 'city', operator: 'eq', value: 'Denver' },
						{ group: 'AND', filters: [{ field: 'city', operator: 'eq', value: 'Austin' }, { field: 'companyName', operator: 'exists' }] },
					],
				},
			],
			['dan', 'carol'],
		],
	])('filters: %s', async (_name, filters, expected) => {
		const withField = JSON.parse(JSON.stringify(filters).replace('EMP', employeesField));
		const res = await search({ filters: withField });
		expect(res.status).toBe(200);
		expect(names(res)).toEqual(expected);
		expect(res.body.total).toBe(expected.length);
	});

	it('free-text query matches name, email, phone and company', async () => {
		expect(names(await search({ query: 'chen llc' }))).toEqual(['carol']);
		expect(names(await search({ query: '5550009999' }))).toEqual(['dan']);
		expect(names(await search({ query: 'ALICE@' }))).toEqual(['alice']);
	});

	it('sorts by up to two fields', async () => {
		expect(names(await search({ sort: [{ field: 'firstNameLowerCase', direction: 'asc' }] }))).toEqual(['alice', 'bob', 'carol', 'dan']);
		const two = await search({ sort: [{ field: 'dnd', direction: 'desc' }, { field: 'email', direction: 'asc' }] });
		expect(names(two)).toEqual(['bob', 'alice', 'carol', 'dan']);
		const three = await search({ sort: [{ field: 'email', direction: 'asc' }, { field: 'dnd', direction: 'asc' }, { field: 'source', direction: 'asc' }] });
		expect(three.status).toBe(422);
	});

	it('422 for unknown fields, unsupported operators, missing pageLimit and pageLimit > 500', async () => {
		const bad = await search({ filters: [{ field: 'shoeSize', operator: 'eq', value: 1 }, { field: 'email', operator: 'contains', value: 'x' }] });
		expect(bad.status).toBe(422);
		expect(bad.body.message).toHaveLength(2);
		expect((await api.post('/contacts/search', { locationId: LOC1 })).status).toBe(422);
		expect((await search({ pageLimit: 501 })).body.message).toEqual(['pageLimit must not be greater than 500']);
		expect((await search({ query: 'x'.repeat(76) })).status).toBe(422);
	});

	it('pages with page/pageLimit inside the first 10,000 records and refuses beyond (use searchAfter)', async () => {
		const page2 = await api2.post('/contacts/search', { locationId: LOC2, page: 2, pageLimit: 500 });
		expect(page2.status).toBe(200);
		expect(page2.body.contacts).toHaveLength(500);
		expect(page2.body.total).toBe(10_050);
		const last = await api2.post('/contacts/search', { locationId: LOC2, page: 20, pageLimit: 500 });
		expect(last.status).toBe(200);
		const beyond = await api2.post('/contacts/search', { locationId: LOC2, page: 21, pageLimit: 500 });
		expect(beyond.status).toBe(422);
		expect(beyond.body.message[0]).toMatch(/searchAfter/);
	});

	it('walks all 10,050 contacts with searchAfter, each exactly once, in sort order', async () => {
		const seen = new Set<string>();
		let cursor: unknown[] | undefined;
		let previous = Infinity;
		for (let pages = 0; pages < 30; pages++) {
			const res = await api2.post('/contacts/search', { locationId: LOC2, pageLimit: 500, ...(cursor ? { searchAfter: cursor } : {}) });
			expect(res.status).toBe(200);
			const docs = res.body.contacts as Array<{ id: string; dateAdded: string; searchAfter: unknown[] }>;
			if (docs.length === 0) break;
			for (const doc of docs) {
				expect(seen.has(doc.id)).toBe(false);
				seen.add(doc.id);
				expect(Date.parse(doc.dateAdded)).toBeLessThanOrEqual(previous);
				previous = Date.parse(doc.dateAdded);
			}
			cursor = docs[docs.length - 1].searchAfter;
		}
		expect(seen.size).toBe(10_050);
	}, 60_000);
});

describe('GET /contacts/ (deprecated list)', () => {
	it('pages with the startAfter/startAfterId cursor and reports meta', async () => {
		const first = await api.get('/contacts/', { locationId: LOC1, limit: '3' });
		expect(first.status).toBe(200);
		expect(first.body.contacts.map((c: { id: string }) => c.id)).toEqual([ids.alice, ids.bob, ids.carol]);
		expect(first.body.meta).toMatchObject({ total: 4, startAfterId: ids.carol, currentPage: 1, nextPage: 2, prevPage: null });
		const next = new URL(first.body.meta.nextPageUrl);
		expect(next.searchParams.get('startAfterId')).toBe(ids.carol);
		const second = await api.get('/contacts/', Object.fromEntries(next.searchParams));
		expect(second.body.contacts.map((c: { id: string }) => c.id)).toEqual([ids.dan]);
		expect(second.body.meta).toMatchObject({ total: 4, currentPage: 2, nextPage: null, prevPage: 1, nextPageUrl: null });
	});

	it('defaults to 20, refuses limit > 100, filters with query', async () => {
		expect((await api2.get('/contacts/', { locationId: LOC2 })).body.contacts).toHaveLength(20);
		expect((await api2.get('/contacts/', { locationId: LOC2, limit: '101' })).status).toBe(422);
		expect((await api.get('/contacts/', { locationId: LOC1, query: 'bob' })).body.contacts).toHaveLength(1);
		expect((await api.get('/contacts/', {})).status).toBe(422);
	});
});

describe('GET /contacts/business/:businessId', () => {
	it('lists the contacts linked to a business with skip/limit/query and count', async () => {
		const business = await api.post('/businesses/', { locationId: LOC1, name: 'Acme' });
		const businessId = business.body.buiseness.id;
		await api.post('/contacts/bulk/business', { locationId: LOC1, ids: [ids.alice, ids.bob, ids.carol], businessId });
		const all = await api.get(`/contacts/business/${businessId}`, { locationId: LOC1 });
		expect(all.status).toBe(200);
		expect(all.body.count).toBe(3);
		expect(all.body.contacts.map((c: { id: string }) => c.id)).toEqual([ids.alice, ids.bob, ids.carol]);
		const paged = await api.get(`/contacts/business/${businessId}`, { locationId: LOC1, skip: '1', limit: '1' });
		expect(paged.body.contacts.map((c: { id: string }) => c.id)).toEqual([ids.bob]);
		expect((await api.get(`/contacts/business/${businessId}`, { locationId: LOC1, query: 'carol' })).body.count).toBe(1);
		expect((await api.get('/contacts/business/000000000000000000000000', { locationId: LOC1 })).status).toBe(404);
		const byName = await search({ filters: [{ field: 'businessName', operator: 'eq', value: 'acme' }] });
		expect(byName.body.total).toBe(3);
	});
});
