/**
 * The triggers against the in-process sandbox: every catalogued GHL event as the sandbox signs and sends it,
 * enrichment through the shared transport, Tookan status-change webhooks, and the polling cursor over the
 * sandbox's contact search.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { markExercised } from '../../helpers/exercised';

import { createSandbox, type Sandbox } from '../../../sandbox/server';
import { GHL_DEFAULTS } from '../../../sandbox/ghl/defaults';
import { GHL_EVENTS } from '../../../package/nodes/GhlTrigger/events';
import { GhlTrigger } from '../../../package/nodes/GhlTrigger/GhlTrigger.node';
import { GTriggerhl } from '../../../package/nodes/GTriggerhl/GTriggerhl.node';
import { TookanTrigger } from '../../../package/nodes/TookanTrigger/TookanTrigger.node';
import { fakeContext } from '../../helpers/n8n-context';
import { startReceiver, type Receiver } from './receiver';

const LOCATION = GHL_DEFAULTS.locationIds[0];

let sandbox: Sandbox;
let ghl: Receiver;
let tookan: Receiver;
let ghlParameters: IDataObject = {};
const ghlStatic: IDataObject = {};
/** The sandbox clock runs ahead of the real one by this much (moved forward instead of sleeping). */
let skewMs = 0;

const pit = () => ({
	ghlPrivateIntegrationApi: { accessToken: GHL_DEFAULTS.pit, locationId: LOCATION, baseUrl: sandbox.ghlBaseUrl },
});

beforeAll(async () => {
	sandbox = await createSandbox({
		faults: 'none',
		now: () => Date.now() + skewMs,
		seed: {
			ghl: { contacts: 3, businesses: 1, tasksPerContact: 1, notesPerContact: 1, appointmentsPerContact: 1 },
			tookan: { tasks: 6, agents: 2 },
		},
		config: { webhooks: { retryDelayMs: 20 } },
	});
	ghl = await startReceiver(new GhlTrigger(), () => ({
		parameters: ghlParameters,
		credentials: pit(),
		staticData: ghlStatic,
		workflowId: 'wf-sandbox',
	}));
	sandbox.admin.addWebhook({ url: ghl.url, service: 'ghl' });
});

afterAll(async () => {
	await Promise.all([ghl?.close(), tookan?.close()]);
	await sandbox?.close();
});

function appParameters(extra: IDataObject = {}): IDataObject {
	return {
		source: 'app',
		events: ['*'],
		locationIds: '',
		enrich: false,
		authentication: 'privateIntegrationToken',
		options: { publicKey: sandbox.admin.keys().ed25519PublicKeyPem },
		...extra,
	};
}

async function fire(type: string, data?: IDataObject) {
	const before = ghl.runs.length;
	const body = sandbox.admin.fireGhlEvent({ type, locationId: LOCATION, ...(data ? { data } : {}) });
	await sandbox.admin.drainWebhooks();
	return { body, runs: ghl.runs.slice(before) };
}

describe('GHL Trigger with sandbox-signed deliveries', () => {
	it.each(GHL_EVENTS.map((e) => e.type))('%s: one verified delivery starts one execution with the payload', async (type) => {
		ghlParameters = appParameters({ events: [type] });
		const { body, runs } = await fire(type);
		expect(runs).toHaveLength(1);
		expect(runs[0].items).toEqual([body]);
		expect(body.webhookId).toEqual(expect.any(String));
	});

	it('refuses every delivery when the key is not the signer (as with HighLevel\'s real key)', async () => {
		ghlParameters = appParameters({ options: {} });
		const { runs } = await fire('ContactCreate');
		expect(runs[0].response.statusCode).toBe(401);
		expect(runs[0].items).toBeUndefined();
	});

	it('lets x-ghl-signature decide when both headers come: no fallback to a valid legacy RSA signature', async () => {
		sandbox.admin.clearWebhooks();
		sandbox.admin.addWebhook({ url: ghl.url, service: 'ghl', legacyRsa: true });
		const { ed25519PublicKeyPem, rsaPublicKeyPem } = sandbox.admin.keys();
		const legacyOn = { acceptLegacyRsa: true, legacyPublicKey: rsaPublicKeyPem };
		ghlParameters = appParameters({ options: { publicKey: ed25519PublicKeyPem, ...legacyOn } });
		expect((await fire('ContactCreate')).runs[0].items).toHaveLength(1);
		ghlParameters = appParameters({ options: legacyOn });
		const refused = (await fire('ContactCreate')).runs[0];
		expect(refused.response.statusCode).toBe(401);
		expect(refused.items).toBeUndefined();
		sandbox.admin.clearWebhooks();
		sandbox.admin.addWebhook({ url: ghl.url, service: 'ghl' });
	});

	it('enriches contact, note, task and appointment events with the records from the API', async () => {
		ghlParameters = appParameters({ enrich: true });
		const contact = sandbox.admin.ghlRecords('contacts', { locationId: LOCATION })[0] as IDataObject;
		const contactEvent = await fire('ContactCreate');
		const enrichedContact = contactEvent.runs[0].items![0].enriched as IDataObject;
		expect((enrichedContact.contact as IDataObject).id).toBe(contact.id);
		expect((enrichedContact.contact as IDataObject).email).toBe(contact.email);

		for (const [type, kind] of [
			['NoteCreate', 'note'],
			['TaskCreate', 'task'],
			['AppointmentCreate', 'appointment'],
		] as const) {
			const { body, runs } = await fire(type);
			const item = runs[0].items![0];
			expect(item.enrichmentErrors).toBeUndefined();
			const enriched = item.enriched as Record<string, IDataObject>;
			const recordId = kind === 'appointment' ? (body.appointment as IDataObject).id : body.id;
			expect(enriched[kind].id).toBe(recordId);
			expect(enriched.contact.id).toBe(kind === 'appointment' ? (body.appointment as IDataObject).contactId : body.contactId);
		}
	});

	it('keeps a task event without contactId and says why it could not be enriched', async () => {
		ghlParameters = appParameters({ enrich: true });
		const { runs } = await fire('TaskCreate', { contactId: null });
		const item = runs[0].items![0];
		expect(item.enriched).toEqual({});
		expect(item.enrichmentErrors).toEqual([
			'task: the event has no contact ID, so its task cannot be looked up',
			'contact: the event has no contact ID',
		]);
	});
});

describe('Tookan Trigger with sandbox status changes', () => {
	const secret = () => String((sandbox.tookan?.config?.() as IDataObject | undefined)?.sharedSecret ?? '');
	let tookanSecret = '';
	let tookanParameters: IDataObject = {};

	beforeAll(async () => {
		tookanSecret = secret();
		tookan = await startReceiver(new TookanTrigger(), () => ({
			parameters: tookanParameters,
			credentials: {
				tookanApi: {
					apiKey: String(sandbox.admin.info().tookan?.apiKey),
					baseUrl: sandbox.tookanBaseUrl,
					sharedSecret: tookanSecret,
				},
			},
			staticData: {},
			workflowId: 'wf-tookan',
		}));
		sandbox.admin.addWebhook({ url: tookan.url, service: 'tookan' });
	});

	const firstTask = () => Number((sandbox.admin.state('tookan').tasks as IDataObject[])[0].job_id);

	it('starts one execution per status change, without secrets, with task details', async () => {
		tookanParameters = { statuses: [], templateKeys: '', enrich: true };
		const jobId = firstTask();
		sandbox.admin.setTookanTaskStatus(jobId, 1);
		await sandbox.admin.drainWebhooks();
		expect(tookan.runs).toHaveLength(1);
		const item = tookan.runs[0].items![0];
		expect(item.job_id).toBe(jobId);
		expect(item.job_status).toBe(1);
		expect(((item.enriched as IDataObject).task as IDataObject).job_id).toBe(jobId);
		const text = JSON.stringify(item);
		expect(text).not.toContain(tookanSecret);
		expect(text).not.toContain('tookan_shared_secret');
		expect(text).not.toContain('access_token');
	});

	it('refuses deliveries signed with another secret', async () => {
		tookanParameters = { statuses: [], templateKeys: '', enrich: false };
		const before = tookan.runs.length;
		const saved = tookanSecret;
		tookanSecret = 'not-the-account-secret';
		sandbox.admin.setTookanTaskStatus(firstTask(), 4);
		await sandbox.admin.drainWebhooks();
		tookanSecret = saved;
		expect(tookan.runs.slice(before).map((r) => r.response.statusCode)).toEqual([401]);
	});
});

describe('GHL Poll Trigger over the sandbox contact search', () => {
	const node = new GTriggerhl();
	const staticData: IDataObject = {};

	async function poll(events: string[]) {
		const { fn } = fakeContext({
			parameters: { authentication: 'privateIntegrationToken', events, options: {} },
			credentials: pit(),
			staticData,
			mode: 'trigger',
		});
		const result = await node.poll!.call(fn as unknown as IPollFunctions);
		const items = (result?.[0] ?? []).map((i) => i.json);
		for (const item of items) markExercised(`gTriggerhl:event:${String(item.event)}`);
		return items;
	}

	async function api(method: string, path: string, body?: IDataObject) {
		const response = await fetch(`${sandbox.ghlBaseUrl}${path}`, {
			method,
			headers: { Authorization: `Bearer ${GHL_DEFAULTS.pit}`, Version: '2021-07-28', 'content-type': 'application/json' },
			body: body ? JSON.stringify(body) : undefined,
		});
		expect(response.status).toBeLessThan(300);
		return (await response.json()) as IDataObject;
	}

	it('picks up new and updated contacts exactly once each', async () => {
		expect(await poll(['created', 'updated'])).toEqual([]);
		const created = (await api('POST', '/contacts/', { locationId: LOCATION, email: 'poll-new@example.com' })).contact as IDataObject;
		const createdItems = await poll(['created', 'updated']);
		expect(createdItems.map((c) => [c.event, c.id])).toEqual([['ContactCreate', created.id]]);
		expect(await poll(['created', 'updated'])).toEqual([]);

		skewMs += 10_000; // later edits must be clearly after creation (the poller ignores created-only contacts)
		const existing = sandbox.admin.ghlRecords('contacts', { locationId: LOCATION })[0] as IDataObject;
		await api('PUT', `/contacts/${String(existing.id)}`, { city: 'Polled City' });
		const updatedItems = await poll(['created', 'updated']);
		expect(updatedItems.map((c) => [c.event, c.id])).toEqual([['ContactUpdate', existing.id]]);
		expect(await poll(['created', 'updated'])).toEqual([]);
	});
});
