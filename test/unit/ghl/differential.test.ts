/**
 * Differential test: for the same inputs, the GHL node builds the same request (method, path,
 * query, JSON body, Version header) as HighLevel's official SDK (@gohighlevel/api-client). The SDK's
 * requests are captured at its axios adapter; the node's at the HTTP layer of the stand-in n8n context.
 */
import { HighLevel } from '@gohighlevel/api-client';
import type { AxiosRequestConfig } from 'axios';

import { Ghl } from '../../../package/nodes/Ghl/Ghl.node';
import { resources } from '../../../package/nodes/GhlContacts/resources';
import { runNode, type SentRequest } from '../../helpers/n8n-context';
import { startStubServer, type StubServer } from '../../helpers/stub-server';

const LOC = 'loc123';
const C = 'contact1';
const rl = (value: string) => ({ __rl: true, mode: 'id', value });

interface Wire {
	method: string;
	path: string;
	query: Record<string, string>;
	body: unknown;
	version: string;
}

type Sdk = InstanceType<typeof HighLevel>;

interface Case {
	resource: string;
	operation: string;
	params: Record<string, unknown>;
	sdk: (sdk: Sdk) => Promise<unknown>;
}

const cases: Case[] = [
	{
		resource: 'contact',
		operation: 'getAll',
		params: {
			query: 'alice',
			filters: { filter: [{ field: 'email', operator: 'eq', value: 'alice@example.com' }] },
			sort: { order: [{ field: 'dateAdded', direction: 'desc' }] },
			returnAll: false,
			limit: 20,
		},
		sdk: (s) =>
			s.contacts.searchContactsAdvanced({
				locationId: LOC,
				query: 'alice',
				filters: [{ field: 'email', operator: 'eq', value: 'alice@example.com' }],
				sort: [{ field: 'dateAdded', direction: 'desc' }],
				pageLimit: 20,
				page: 1,
			} as never),
	},
	{
		resource: 'contact',
		operation: 'findDuplicate',
		params: { email: 'alice@example.com', phone: '+14155550123' },
		sdk: (s) => s.contacts.getDuplicateContact({ locationId: LOC, email: 'alice@example.com', number: '+14155550123' }),
	},
	{
		resource: 'task',
		operation: 'getAll',
		params: { contactId: rl(C), returnAll: true },
		sdk: (s) => s.contacts.getAllTasks({ contactId: C }),
	},
	{
		resource: 'task',
		operation: 'create',
		params: {
			contactId: rl(C),
			title: 'Call',
			dueDate: '2026-05-01T10:00:00.000Z',
			completed: false,
			additionalFields: { body: 'About the parcel', assignedTo: 'user1' },
		},
		sdk: (s) =>
			s.contacts.createTask(
				{ contactId: C },
				{ title: 'Call', dueDate: '2026-05-01T10:00:00.000Z', completed: false, body: 'About the parcel', assignedTo: 'user1' },
			),
	},
	{
		resource: 'task',
		operation: 'get',
		params: { contactId: rl(C), taskId: rl('task1') },
		sdk: (s) => s.contacts.getTask({ contactId: C, taskId: 'task1' }),
	},
	{
		resource: 'task',
		operation: 'update',
		params: { contactId: rl(C), taskId: rl('task1'), updateFields: { title: 'Call again', completed: true } },
		sdk: (s) => s.contacts.updateTask({ contactId: C, taskId: 'task1' }, { title: 'Call again', completed: true }),
	},
	{
		resource: 'task',
		operation: 'delete',
		params: { contactId: rl(C), taskId: rl('task1') },
		sdk: (s) => s.contacts.deleteTask({ contactId: C, taskId: 'task1' }),
	},
	{
		resource: 'task',
		operation: 'markCompleted',
		params: { contactId: rl(C), taskId: rl('task1') },
		sdk: (s) => s.contacts.updateTaskCompleted({ contactId: C, taskId: 'task1' }, { completed: true }),
	},
	{
		resource: 'task',
		operation: 'markIncomplete',
		params: { contactId: rl(C), taskId: rl('task1') },
		sdk: (s) => s.contacts.updateTaskCompleted({ contactId: C, taskId: 'task1' }, { completed: false }),
	},
	{
		resource: 'appointment',
		operation: 'getAll',
		params: { contactId: rl(C), returnAll: true },
		sdk: (s) => s.contacts.getAppointmentsForContact({ contactId: C }),
	},
	{
		resource: 'tag',
		operation: 'add',
		params: { contactId: rl(C), tags: ['vip', 'delivery'] },
		sdk: (s) => s.contacts.addTags({ contactId: C }, { tags: ['vip', 'delivery'] }),
	},
	{
		resource: 'tag',
		operation: 'remove',
		params: { contactId: rl(C), tags: ['vip'] },
		sdk: (s) => s.contacts.removeTags({ contactId: C }, { tags: ['vip'] }),
	},
	{
		resource: 'note',
		operation: 'getAll',
		params: { contactId: rl(C), returnAll: true },
		sdk: (s) => s.contacts.getAllNotes({ contactId: C }),
	},
	{
		resource: 'note',
		operation: 'create',
		params: { contactId: rl(C), body: 'Delivered', additionalFields: { title: 'Delivery', pinned: true } },
		sdk: (s) => s.contacts.createNote({ contactId: C }, { body: 'Delivered', title: 'Delivery', pinned: true }),
	},
	{
		resource: 'note',
		operation: 'get',
		params: { contactId: rl(C), noteId: rl('note1') },
		sdk: (s) => s.contacts.getNote({ contactId: C, id: 'note1' }),
	},
	{
		resource: 'note',
		operation: 'update',
		params: { contactId: rl(C), noteId: rl('note1'), updateFields: { body: 'Delivered late', color: '#FFAA00' } },
		sdk: (s) => s.contacts.updateNote({ contactId: C, id: 'note1' }, { body: 'Delivered late', color: '#FFAA00' }),
	},
	{
		resource: 'note',
		operation: 'delete',
		params: { contactId: rl(C), noteId: rl('note1') },
		sdk: (s) => s.contacts.deleteNote({ contactId: C, id: 'note1' }),
	},
	{
		resource: 'tag',
		operation: 'addToMany',
		params: { contacts: 'c1, c2', tags: ['vip'] },
		sdk: (s) => s.contacts.createAssociation({ type: 'add' }, { contacts: ['c1', 'c2'], tags: ['vip'], locationId: LOC }),
	},
	{
		resource: 'tag',
		operation: 'removeFromMany',
		params: { contacts: ['c1'], tags: ['vip'], removeAllTags: false },
		sdk: (s) =>
			s.contacts.createAssociation(
				{ type: 'remove' },
				{ contacts: ['c1'], tags: ['vip'], locationId: LOC, removeAllTags: false },
			),
	},
	{
		resource: 'business',
		operation: 'linkContacts',
		params: { businessId: rl('biz1'), ids: 'c1,c2' },
		sdk: (s) => s.contacts.addRemoveContactFromBusiness({ locationId: LOC, ids: ['c1', 'c2'], businessId: 'biz1' }),
	},
	{
		resource: 'business',
		operation: 'unlinkContacts',
		params: { ids: ['c1'] },
		sdk: (s) => s.contacts.addRemoveContactFromBusiness({ locationId: LOC, ids: ['c1'], businessId: null } as never),
	},
	{
		resource: 'contact',
		operation: 'linkBusiness',
		params: { contactId: rl(C), businessId: rl('biz1') },
		sdk: (s) => s.contacts.addRemoveContactFromBusiness({ locationId: LOC, ids: [C], businessId: 'biz1' }),
	},
	{
		resource: 'contact',
		operation: 'unlinkBusiness',
		params: { contactId: rl(C) },
		sdk: (s) => s.contacts.addRemoveContactFromBusiness({ locationId: LOC, ids: [C], businessId: null } as never),
	},
	{
		resource: 'contact',
		operation: 'get',
		params: { contactId: rl(C) },
		sdk: (s) => s.contacts.getContact({ contactId: C }),
	},
	{
		resource: 'contact',
		operation: 'update',
		params: {
			contactId: rl(C),
			updateFields: {
				firstName: 'Alice',
				phone: '+1 (415) 555-0123',
				customFields: { field: [{ fieldId: 'cf1', value: 'blue' }, { fieldId: 'contact.size', value: '["S","M"]' }] },
			},
		},
		sdk: (s) =>
			s.contacts.updateContact(
				{ contactId: C },
				{
					firstName: 'Alice',
					phone: '+14155550123',
					customFields: [
						{ id: 'cf1', field_value: 'blue' },
						{ key: 'contact.size', field_value: ['S', 'M'] },
					],
				} as never,
			),
	},
	{
		resource: 'contact',
		operation: 'delete',
		params: { contactId: rl(C) },
		sdk: (s) => s.contacts.deleteContact({ contactId: C }),
	},
	{
		resource: 'contact',
		operation: 'upsert',
		params: {
			email: 'alice@example.com',
			phone: '+14155550123',
			additionalFields: { firstName: 'Alice', tags: 'new,web', companyName: 'Acme' },
		},
		sdk: (s) =>
			s.contacts.upsertContact({
				locationId: LOC,
				email: 'alice@example.com',
				phone: '+14155550123',
				firstName: 'Alice',
				tags: ['new', 'web'],
				companyName: 'Acme',
			}),
	},
	{
		resource: 'contact',
		operation: 'getManyByBusiness',
		params: { businessId: rl('biz1'), query: 'ali', returnAll: false, limit: 20 },
		sdk: (s) => s.contacts.getContactsByBusinessId({ businessId: 'biz1', locationId: LOC, query: 'ali', skip: '0', limit: '20' }),
	},
	{
		resource: 'follower',
		operation: 'add',
		params: { contactId: rl(C), followers: ['u1', 'u2'] },
		sdk: (s) => s.contacts.addFollowersContact({ contactId: C }, { followers: ['u1', 'u2'] }),
	},
	{
		resource: 'follower',
		operation: 'remove',
		params: { contactId: rl(C), followers: ['u1'] },
		sdk: (s) => s.contacts.removeFollowersContact({ contactId: C }, { followers: ['u1'] }),
	},
	{
		resource: 'campaign',
		operation: 'add',
		params: { contactId: rl(C), campaignId: 'camp1' },
		sdk: (s) => s.contacts.addContactToCampaign({ contactId: C, campaignId: 'camp1' }, {}),
	},
	{
		resource: 'campaign',
		operation: 'remove',
		params: { contactId: rl(C), campaignId: 'camp1' },
		sdk: (s) => s.contacts.removeContactFromCampaign({ contactId: C, campaignId: 'camp1' }),
	},
	{
		resource: 'campaign',
		operation: 'removeAll',
		params: { contactId: rl(C) },
		sdk: (s) => s.contacts.removeContactFromEveryCampaign({ contactId: C }),
	},
	{
		resource: 'workflow',
		operation: 'add',
		params: { contactId: rl(C), workflowId: 'wf1', additionalFields: { eventStartTime: '2026-06-23T02:30:00.000Z' } },
		sdk: (s) => s.contacts.addContactToWorkflow({ contactId: C, workflowId: 'wf1' }, { eventStartTime: '2026-06-23T02:30:00.000Z' }),
	},
	{
		resource: 'workflow',
		operation: 'remove',
		params: { contactId: rl(C), workflowId: 'wf1' },
		sdk: (s) => s.contacts.deleteContactFromWorkflow({ contactId: C, workflowId: 'wf1' }, {}),
	},
	{
		resource: 'contact',
		operation: 'create',
		params: {
			email: 'bob@example.com',
			phone: '0044 20 7946 0958',
			duplicateHandling: 'create',
			additionalFields: {
				firstName: 'Bob',
				dateOfBirth: '1990-09-25',
				country: 'gb',
				customFields: { field: [{ fieldId: 'contact.favourite_colour', value: 'green' }] },
			},
		},
		sdk: (s) =>
			s.contacts.createContact({
				locationId: LOC,
				email: 'bob@example.com',
				phone: '+442079460958',
				firstName: 'Bob',
				dateOfBirth: '1990-09-25',
				country: 'GB',
				customFields: [{ key: 'contact.favourite_colour', field_value: 'green' }],
			} as never),
	},
	{
		resource: 'contact',
		operation: 'getManyLegacy',
		params: { query: 'bob', returnAll: false, limit: 20 },
		sdk: (s) => s.contacts.getContacts({ locationId: LOC, query: 'bob', limit: 20 }),
	},
	{
		resource: 'business',
		operation: 'create',
		params: { name: 'Acme', additionalFields: { city: 'Leeds', email: 'hi@acme.test' } },
		sdk: (s) => s.businesses.createBusiness({ name: 'Acme', locationId: LOC, city: 'Leeds', email: 'hi@acme.test' }),
	},
	{
		resource: 'business',
		operation: 'get',
		params: { businessId: rl('biz1') },
		sdk: (s) => s.businesses.getBusiness({ businessId: 'biz1' }),
	},
	{
		resource: 'business',
		operation: 'getAll',
		params: { returnAll: false, limit: 20 },
		sdk: (s) => s.businesses.getBusinessesByLocation({ locationId: LOC, skip: '0', limit: '20' }),
	},
	{
		resource: 'business',
		operation: 'update',
		params: { businessId: rl('biz1'), updateFields: { name: 'Acme Ltd', phone: '+44 113 496 0000' } },
		sdk: (s) => s.businesses.updateBusiness({ businessId: 'biz1' }, { name: 'Acme Ltd', phone: '+441134960000' }),
	},
	{
		resource: 'business',
		operation: 'delete',
		params: { businessId: rl('biz1') },
		sdk: (s) => s.businesses.deleteBusiness({ businessId: 'biz1' }),
	},
];

function fromNode(r: SentRequest): Wire {
	const url = new URL(r.url);
	return {
		method: r.method,
		path: url.pathname,
		query: Object.fromEntries([...url.searchParams.entries()].sort()),
		body: r.body ?? undefined,
		version: r.headers.Version,
	};
}

function fromSdk(config: AxiosRequestConfig): Wire {
	const query: Record<string, string> = {};
	for (const [k, v] of Object.entries((config.params ?? {}) as Record<string, unknown>)) {
		if (v !== undefined && v !== null) query[k] = String(v);
	}
	const data = typeof config.data === 'string' ? JSON.parse(config.data) : config.data;
	const headers = config.headers as Record<string, string>;
	return {
		method: String(config.method).toUpperCase(),
		path: String(config.url),
		query: Object.fromEntries(Object.entries(query).sort()),
		body: data === undefined || (config.method?.toUpperCase() === 'GET') ? undefined : data,
		version: headers.Version,
	};
}

function sdkCapture(): { sdk: Sdk; last: () => AxiosRequestConfig } {
	const sdk = new HighLevel({ privateIntegrationToken: 'pit-example-token', apiVersion: '2021-07-28', logLevel: 'error' } as never);
	let captured: AxiosRequestConfig | undefined;
	const client = (sdk as unknown as { httpClient: { defaults: { adapter: unknown } } }).httpClient;
	client.defaults.adapter = async (config: AxiosRequestConfig) => {
		captured = config;
		return { data: {}, status: 200, statusText: 'OK', headers: {}, config };
	};
	return { sdk, last: () => captured! };
}

describe('GHL node vs the official SDK', () => {
	let server: StubServer;
	beforeAll(async () => {
		server = await startStubServer({});
	});
	afterAll(async () => await server.close());

	const covered = new Set<string>();

	it.each(cases.map((c) => [`${c.resource}:${c.operation}`, c] as const))('%s builds the same request', async (_, c) => {
		const { requests } = await runNode(new Ghl(), {
			parameters: { authentication: 'privateIntegrationToken', resource: c.resource, operation: c.operation, ...c.params },
			credentials: {
				ghlPrivateIntegrationApi: { accessToken: 'pit-example-token', locationId: LOC, baseUrl: server.url },
			},
		});
		expect(requests).toHaveLength(1);
		const { sdk, last } = sdkCapture();
		await c.sdk(sdk);
		const mine = fromNode(requests[0]);
		const theirs = fromSdk(last());
		expect(mine).toEqual(theirs);
		covered.add(`${mine.method} ${theirs.path.replace(/\/(contact1|task1|note1|biz1|camp1|wf1|add|remove)(?=\/|$)/g, '/{id}')}`);
	});

	it('covers all 37 GHL endpoints and every node operation', () => {
		const nodeOps = resources.flatMap((r) => r.operations.map((o) => `${r.value}:${o.value}`));
		const tested = cases.map((c) => `${c.resource}:${c.operation}`);
		expect(nodeOps.filter((op) => !tested.includes(op))).toEqual([]);
		process.stdout.write(`differential: ${covered.size} distinct GHL endpoints, ${tested.length} node operations\n`);
		expect(covered.size).toBe(37);
	});
});
