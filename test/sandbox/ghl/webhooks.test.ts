import { HighLevel } from '@gohighlevel/api-client';
import type { WebhookRequest } from '@gohighlevel/api-client/dist/lib/webhook/webhook-manager';
import type { Sandbox } from '../../../sandbox/server';
import { GHL_DEFAULTS } from '../../../sandbox/ghl/defaults';
import { ghlClient, LOC1, LOC2, newContact, startSandbox, type GhlClient } from './client';
import { Receiver, type Received } from './receiver';

let sandbox: Sandbox;
let api: GhlClient;
let receiver: Receiver;
let keys: { ed25519PublicKeyPem: string; rsaPublicKeyPem: string };

const CONTACT_EVENT_KEYS = [
	'type', 'locationId', 'id', 'address1', 'city', 'state', 'companyName', 'country', 'source', 'dateAdded', 'dateOfBirth', 'dnd',
	'email', 'name', 'firstName', 'lastName', 'phone', 'postalCode', 'tags', 'website', 'attachments', 'assignedTo', 'customFields',
];
const ENVELOPE = ['webhookId', 'timestamp', 'appId'];

beforeAll(async () => {
	sandbox = await startSandbox();
	api = ghlClient(sandbox);
	receiver = await new Receiver().start();
	keys = (await (await fetch(`${sandbox.url}/_admin/keys`)).json()) as typeof keys;
});
afterAll(async () => {
	await sandbox.close();
	await receiver.stop();
});
beforeEach(() => {
	sandbox.admin.reset();
	receiver.clear();
});

async function delivered(): Promise<Received[]> {
	await sandbox.admin.drainWebhooks();
	return receiver.received;
}

/** Runs the official SDK's webhook middleware on a delivery; returns the flags it sets. */
async function verifyWithSdk(delivery: Received, publicKey = keys.ed25519PublicKeyPem) {
	const hl = new HighLevel({ clientId: GHL_DEFAULTS.clientId, clientSecret: GHL_DEFAULTS.clientSecret, webhookPublicKey: publicKey, logLevel: 'none' });
	const req: WebhookRequest = { method: 'POST', url: '/hook', headers: delivery.headers, body: JSON.parse(delivery.raw.toString('utf8')), rawBody: delivery.raw };
	let nextError: unknown = 'not called';
	await hl.webhooks.subscribe()(req, {}, (error?: unknown) => (nextError = error));
	return { isSignatureValid: req.isSignatureValid, skipped: req.skippedSignatureVerification, nextError, hl };
}

describe('events from API changes', () => {
	it('contact create/update/tag/dnd/delete send the catalogued payloads with webhookId and timestamp', async () => {
		sandbox.admin.addWebhook({ url: receiver.url, service: 'ghl' });
		const id = await newContact(api, { firstName: 'Hook', email: 'hook@example.com', tags: ['a'] });
		await api.put(`/contacts/${id}`, { city: 'Oslo' });
		await api.put(`/contacts/${id}`, { dndSettings: { SMS: { status: 'active' } } });
		await api.post(`/contacts/${id}/tags`, { tags: ['b'] });
		await api.del(`/contacts/${id}`);
		const bodies = (await delivered()).map((r) => r.body);
		expect(bodies.map((b) => b.type)).toEqual([
			'ContactCreate', 'ContactUpdate', 'ContactUpdate', 'ContactDndUpdate', 'ContactTagUpdate', 'ContactDelete',
		]);
		for (const body of bodies) {
			expect(Object.keys(body).sort()).toEqual(
				[...CONTACT_EVENT_KEYS, ...ENVELOPE, ...(body.type === 'ContactDndUpdate' ? ['dndSettings'] : [])].filter((k) => k in body).sort(),
			);
			expect(body).toMatchObject({ id, locationId: LOC1, appId: GHL_DEFAULTS.appId });
			expect(body.webhookId).toMatch(/^[0-9a-f-]{36}$/);
			expect(Number.isNaN(Date.parse(body.timestamp))).toBe(false);
		}
		expect(bodies[0]).toMatchObject({ name: 'Hook', email: 'hook@example.com', tags: ['a'], attachments: [], customFields: [] });
		expect(bodies[1].city).toBe('Oslo');
		expect(bodies[3].dndSettings).toEqual({ SMS: { status: 'active' } });
		expect(bodies[4].tags).toEqual(['a', 'b']);
		expect(new Set(bodies.map((b) => b.webhookId)).size).toBe(bodies.length);
	});

	it('note create/update/delete and task create/complete/delete', async () => {
		const id = await newContact(api);
		sandbox.admin.addWebhook({ url: receiver.url, service: 'ghl' });
		const note = (await api.post(`/contacts/${id}/notes`, { body: 'n1' })).body.note;
		await api.put(`/contacts/${id}/notes/${note.id}`, { body: 'n2' });
		await api.del(`/contacts/${id}/notes/${note.id}`);
		const task = (await api.post(`/contacts/${id}/tasks`, { title: 't', dueDate: '2025-01-01T00:00:00Z', completed: false })).body.task;
		await api.put(`/contacts/${id}/tasks/${task.id}`, { title: 'renamed' });
		await api.put(`/contacts/${id}/tasks/${task.id}/completed`, { completed: true });
		await api.del(`/contacts/${id}/tasks/${task.id}`);
		const bodies = (await delivered()).map((r) => r.body);
		expect(bodies.map((b) => b.type)).toEqual(['NoteCreate', 'NoteUpdate', 'NoteDelete', 'TaskCreate', 'TaskComplete', 'TaskDelete']);
		expect(bodies[1]).toMatchObject({ id: note.id, body: 'n2', contactId: id, locationId: LOC1 });
		expect(bodies[4]).toMatchObject({ id: task.id, title: 'renamed', contactId: id, dueDate: '2025-01-01T00:00:00Z' });
		expect(bodies[4]).not.toHaveProperty('completed');
	});

	it('filters per target by event types and location', async () => {
		sandbox.admin.addWebhook({ url: receiver.url, service: 'ghl', events: ['NoteCreate'] });
		sandbox.admin.addWebhook({ url: `${receiver.url}?loc2`, service: 'ghl', locationId: LOC2 });
		const id = await newContact(api);
		await api.post(`/contacts/${id}/notes`, { body: 'only this' });
		const received = await delivered();
		expect(received.map((r) => r.body.type)).toEqual(['NoteCreate']);
	});
});

describe('signatures', () => {
	it('x-ghl-signature (Ed25519 over the raw body) verifies with the official SDK and the published key', async () => {
		sandbox.admin.addWebhook({ url: receiver.url, service: 'ghl' });
		await newContact(api);
		const [delivery] = await delivered();
		expect(delivery.headers['x-ghl-signature']).toMatch(/^[A-Za-z0-9+/]{86}==$/);
		expect(delivery.headers['x-wh-signature']).toBeUndefined();
		const result = await verifyWithSdk(delivery);
		expect(result).toMatchObject({ isSignatureValid: true, skipped: false, nextError: undefined });
		expect(result.hl.webhooks.verifyEd25519Signature(delivery.raw, delivery.headers['x-ghl-signature'] as string, keys.ed25519PublicKeyPem)).toBe(true);
	});

	it('a changed body or another key does not verify', async () => {
		sandbox.admin.addWebhook({ url: receiver.url, service: 'ghl' });
		await newContact(api, { firstName: 'Original' });
		const [delivery] = await delivered();
		const forged = { ...delivery, raw: Buffer.from(delivery.raw.toString('utf8').replace('Original', 'Forged')) };
		expect((await verifyWithSdk(forged)).isSignatureValid).toBe(false);
		const ghlProductionKey = 'MCowBQYDK2VwAyEAi2HR1srL4o18O8BRa7gVJY7G7bupbN3H9AwJrHCDiOg=';
		expect((await verifyWithSdk(delivery, ghlProductionKey)).isSignatureValid).toBe(false);
	});

	it('legacy x-wh-signature (RSA-SHA256) when the target asks for it, verified by the SDK\'s legacy verifier', async () => {
		sandbox.admin.addWebhook({ url: receiver.url, service: 'ghl', legacyRsa: true });
		await newContact(api);
		const [delivery] = await delivered();
		const { hl } = await verifyWithSdk(delivery);
		expect(hl.webhooks.verifySignature(delivery.raw.toString('utf8'), delivery.headers['x-wh-signature'] as string, keys.rsaPublicKeyPem)).toBe(true);
		expect(hl.webhooks.verifySignature('{}', delivery.headers['x-wh-signature'] as string, keys.rsaPublicKeyPem)).toBe(false);
	});
});

describe('delivery retries (only on 429)', () => {
	it('re-delivers the same bytes and signature after 429s, up to maxRetries', async () => {
		sandbox.admin.updateConfig({ webhooks: { maxRetries: 6 } });
		sandbox.admin.addWebhook({ url: receiver.url, service: 'ghl' });
		receiver.answer(429, 429);
		await newContact(api);
		const received = await delivered();
		expect(received).toHaveLength(3);
		expect(new Set(received.map((r) => r.raw.toString('base64'))).size).toBe(1);
		expect(new Set(received.map((r) => r.headers['x-ghl-signature'])).size).toBe(1);
		expect(sandbox.admin.deliveries().map((d) => [d.attempt, d.status])).toEqual([[1, 429], [2, 429], [3, 200]]);
	});

	it('does not retry other failures, and gives up after maxRetries', async () => {
		sandbox.admin.addWebhook({ url: receiver.url, service: 'ghl' });
		receiver.answer(500);
		await newContact(api);
		expect(await delivered()).toHaveLength(1);
		receiver.clear();
		sandbox.admin.updateConfig({ webhooks: { maxRetries: 2 } });
		receiver.answer(429, 429, 429, 429);
		await newContact(api, { email: 'second@example.com' });
		expect(await delivered()).toHaveLength(3);
	});
});

describe('on-demand events (POST /_admin/events/ghl)', () => {
	it('fires each of the 25 catalogued event types from the current state', async () => {
		sandbox.admin.seed({ ghl: { contacts: 2, businesses: 1, tasksPerContact: 1, notesPerContact: 1, appointmentsPerContact: 1 } });
		sandbox.admin.addWebhook({ url: receiver.url, service: 'ghl' });
		const types = [
			'ContactCreate', 'ContactUpdate', 'ContactDelete', 'ContactTagUpdate', 'ContactDndUpdate', 'NoteCreate', 'NoteUpdate', 'NoteDelete',
			'TaskCreate', 'TaskComplete', 'TaskDelete', 'AppInstall', 'AppUninstall', 'AppointmentCreate', 'AppointmentUpdate',
			'AppointmentDelete', 'CampaignStatusUpdate', 'RecordCreate', 'RecordUpdate', 'RecordDelete', 'AssociationCreate',
			'AssociationUpdate', 'AssociationDelete', 'RelationCreate', 'RelationDelete',
		];
		for (const type of types) {
			const res = await fetch(`${sandbox.url}/_admin/events/ghl`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ type, locationId: LOC1 }),
			});
			expect(res.status).toBe(200);
		}
		const bodies = (await delivered()).map((r) => r.body);
		expect(bodies.map((b) => b.type)).toEqual(types.map((t) => (t === 'AppInstall' ? 'INSTALL' : t === 'AppUninstall' ? 'UNINSTALL' : t)));
		const byType = Object.fromEntries(bodies.map((b) => [b.type, b]));
		expect(byType.AppointmentCreate.appointment).toMatchObject({ contactId: expect.any(String), appointmentStatus: 'confirmed' });
		expect(byType.INSTALL).toMatchObject({ appId: GHL_DEFAULTS.appId, companyId: GHL_DEFAULTS.companyId, locationId: LOC1 });
		expect(byType.RecordCreate.properties).toEqual(expect.arrayContaining([{ key: 'name', valueString: expect.any(String) }]));
		expect(byType.RelationCreate).toMatchObject({ firstObjectKey: 'contact', secondObjectKey: 'business' });
		expect(byType.CampaignStatusUpdate).toMatchObject({ status: 'active', contactId: expect.any(String) });
	});

	it('400 for an unknown type or a missing record', async () => {
		const post = (body: unknown) =>
			fetch(`${sandbox.url}/_admin/events/ghl`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
		expect((await post({ type: 'Nope' })).status).toBe(400);
		expect((await post({ type: 'NoteCreate', locationId: LOC1 })).status).toBe(400);
	});
});
