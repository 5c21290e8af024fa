import { HighLevel } from '@gohighlevel/api-client';
import type { Sandbox } from '../../../sandbox/server';
import { GHL_DEFAULTS } from '../../../sandbox/ghl/defaults';
import { LOC1, PIT, startSandbox } from './client';

/**
 * Differential check: for one representative request per GHL operation (32 Contacts + 5 Businesses), the
 * request HighLevel's official SDK builds (method, path, query, JSON body, its default Version 2023-02-21
 * header, Bearer PIT) is sent to the sandbox and must be accepted (2xx).
 */
let sandbox: Sandbox;
let hl: HighLevel;
const calls: Array<{ method: string; url: string; status: number; version: unknown }> = [];

beforeAll(async () => {
	sandbox = await startSandbox();
	hl = new HighLevel({ privateIntegrationToken: PIT, logLevel: 'none' });
	const http = hl.getHttpClient();
	http.defaults.baseURL = sandbox.ghlBaseUrl;
	http.interceptors.response.use(
		(response) => {
			calls.push({ method: String(response.config.method).toUpperCase(), url: String(response.config.url), status: response.status, version: response.config.headers?.Version });
			return response;
		},
		(error) => {
			const { config, response } = error;
			calls.push({ method: String(config?.method).toUpperCase(), url: String(config?.url), status: response?.status ?? 0, version: config?.headers?.Version });
			return Promise.reject(error);
		},
	);
});
afterAll(() => sandbox.close());

it('accepts the official SDK\'s request for each of the 37 Contacts and Businesses operations', async () => {
	const seeded = sandbox.admin.seed({ ghl: { contacts: 1, appointmentsPerContact: 1 } }) as { ghl: { sampleContactIds: string[] } };
	const campaignId = (sandbox.admin.ghlRecords('campaigns', { locationId: LOC1 })[0] as { id: string }).id;
	const workflowId = (sandbox.admin.ghlRecords('workflows', { locationId: LOC1 })[0] as { id: string }).id;
	const [user1, user2] = GHL_DEFAULTS.userIds;
	const c = hl.contacts;
	const b = hl.businesses;
	const requestsBefore = sandbox.admin.requestCount();

	const created = await c.createContact({ locationId: LOC1, firstName: 'Sdk', lastName: 'Made', email: 'sdk@example.com', phone: '+15550100200', tags: ['sdk'] } as never);
	const contactId = (created as { contact: { id: string } }).contact.id;
	await c.getContact({ contactId });
	await c.updateContact({ contactId }, { city: 'Lisbon', tags: ['sdk', 'updated'] } as never);
	await c.upsertContact({ locationId: LOC1, email: 'sdk@example.com', lastName: 'Upserted' } as never);
	await c.getDuplicateContact({ locationId: LOC1, email: 'sdk@example.com' });
	await c.searchContactsAdvanced({ locationId: LOC1, pageLimit: 20, filters: [{ field: 'email', operator: 'eq', value: 'sdk@example.com' }] } as never);
	await c.getContacts({ locationId: LOC1, limit: 10 } as never);

	const task = (await c.createTask({ contactId }, { title: 'Call', dueDate: '2025-10-25T11:00:00Z', completed: false } as never)) as { task: { id: string } };
	const taskId = task.task.id;
	await c.getAllTasks({ contactId });
	await c.getTask({ contactId, taskId });
	await c.updateTask({ contactId, taskId }, { title: 'Call again' } as never);
	await c.updateTaskCompleted({ contactId, taskId }, { completed: true });
	await c.deleteTask({ contactId, taskId });

	const note = (await c.createNote({ contactId }, { body: 'Note from the SDK' } as never)) as { note: { id: string } };
	const id = note.note.id;
	await c.getAllNotes({ contactId });
	await c.getNote({ contactId, id });
	await c.updateNote({ contactId, id }, { body: 'Edited' } as never);
	await c.deleteNote({ contactId, id });

	await c.addTags({ contactId }, { tags: ['extra'] });
	await c.removeTags({ contactId }, { tags: ['extra'] });
	await c.createAssociation({ type: 'add' } as never, { contacts: [contactId], tags: ['bulk'], locationId: LOC1 } as never);
	await c.addFollowersContact({ contactId }, { followers: [user1, user2] });
	await c.removeFollowersContact({ contactId }, { followers: [user2] });
	await c.addContactToCampaign({ contactId, campaignId }, {});
	await c.removeContactFromCampaign({ contactId, campaignId });
	await c.removeContactFromEveryCampaign({ contactId });
	await c.addContactToWorkflow({ contactId, workflowId }, { eventStartTime: '2021-06-23T03:30:00+01:00' });
	await c.deleteContactFromWorkflow({ contactId, workflowId }, {});
	await c.getAppointmentsForContact({ contactId: seeded.ghl.sampleContactIds[0] });

	const business = (await b.createBusiness({ name: 'SDK Business', locationId: LOC1 } as never)) as { buiseness: { id: string } };
	const businessId = business.buiseness.id;
	await b.getBusiness({ businessId });
	await b.getBusinessesByLocation({ locationId: LOC1, limit: '10', skip: '0' } as never);
	await b.updateBusiness({ businessId }, { description: 'from the SDK' } as never);
	await c.addRemoveContactFromBusiness({ locationId: LOC1, ids: [contactId], businessId } as never);
	await c.getContactsByBusinessId({ businessId, locationId: LOC1, limit: '10' } as never);
	await c.addRemoveContactFromBusiness({ locationId: LOC1, ids: [contactId], businessId: null } as never);
	await b.deleteBusiness({ businessId });
	await c.deleteContact({ contactId });

	const operations = new Set(calls.map((call) => `${call.method} ${templateOf(call.url)}`));
	expect(calls.every((call) => call.status >= 200 && call.status < 300)).toBe(true);
	expect(calls.every((call) => call.version === '2023-02-21')).toBe(true);
	expect(operations.size).toBe(37);
	expect(sandbox.admin.requestCount() - requestsBefore).toBe(calls.length);
});

it('also accepts the SDK\'s OAuth helpers: token exchange, refresh, location token and installed locations', async () => {
	const agency = sandbox.admin.issueTokens({ userType: 'Company' });
	const client = new HighLevel({ clientId: GHL_DEFAULTS.clientId, clientSecret: GHL_DEFAULTS.clientSecret, agencyAccessToken: agency.access_token as string, logLevel: 'none' });
	client.getHttpClient().defaults.baseURL = sandbox.ghlBaseUrl;
	const refreshed = await client.oauth.refreshToken(agency.refresh_token as string, GHL_DEFAULTS.clientId, GHL_DEFAULTS.clientSecret, 'refresh_token', 'Company');
	expect(refreshed).toMatchObject({ userType: 'Company', companyId: GHL_DEFAULTS.companyId });
	const location = await client.oauth.getLocationAccessToken({ companyId: GHL_DEFAULTS.companyId, locationId: LOC1 });
	expect(location).toMatchObject({ locationId: LOC1, token_type: 'Bearer' });
	const installed = await client.oauth.getInstalledLocation({ companyId: GHL_DEFAULTS.companyId, appId: GHL_DEFAULTS.appId });
	expect(installed).toMatchObject({ count: 2 });
});

/** `/contacts/abc/tasks/def` -> `/contacts/{}/tasks/{}` (ids are 20-char or 24-hex; literal segments stay). */
function templateOf(url: string): string {
	return url
		.split('?')[0]
		.split('/')
		.map((segment) => (/^[A-Za-z0-9]{20}$|^[0-9a-f]{24}$/.test(segment) && !/^[a-z]+$/.test(segment) ? '{}' : segment))
		.join('/');
}
