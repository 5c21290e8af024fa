/**
 * Nothing lost while n8n is down (README › Catch-up after downtime), in real n8n with templates 1 and 3
 * published as shipped, on an n8n of its own (the drill stops and starts it).
 *
 * Outage drill: n8n stopped (its port refuses the sandbox's webhooks, which neither service re-sends) while 80
 * changes happen (30 GHL contacts created, 20 changed, 30 status changes of 10 Tookan tasks linked to GHL
 * tasks); n8n started again; the catch-up triggers find every change: each Tookan customer in the state of its
 * contact, one note per Tookan status change, every GHL task in the state its Tookan task ended in, and no
 * duplicate customer, task or note. It prints
 * `outage drill: <changes> changes, <reflected> reflected, <duplicates> duplicates, <seconds> s to catch up`.
 *
 * Normal operation (afterwards, to other people and tasks): n8n up the whole time, the same 80 changes are
 * each processed once: one execution per change, no catch-up execution, and exactly the writes each change
 * needs.
 *
 * Answers: when n8n cannot create the execution of a delivery (here its SQLite database refuses it), the GHL
 * Trigger's answer is 429, and the sandbox (like GHL) sends the delivery again, which then runs; a workflow
 * that is not active is n8n's own 404, which no node can change.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

import { createSandbox, type Sandbox } from '../../sandbox/server';
import { packPackage, startN8n, type Execution, type N8nInstance } from '../../scripts/harness';
import { settle } from '../../scripts/templates/events';
import { installTemplates, uninstallTemplates, type InstalledTemplates } from '../../scripts/templates/install';
import { createGhlContact, createGhlTask, LOCATION, tookanApi, tookanOf, updateGhlContact, type NewContact } from '../../scripts/templates/sandbox-api';
import { markExercised } from '../helpers/exercised';

type Json = Record<string, unknown>;

const T1 = 'ghl-contact-to-tookan';
const T3 = 'tookan-task-to-ghl';
const GHL_CATCH_UP = 'Catch up on contacts missed while n8n was down';
const TOOKAN_CATCH_UP = 'Catch up on status changes missed while n8n was down';

const NEW_CONTACTS = 30;
const LINKED = 10;
const CHANGED_NEW = 10;
/** Tasks whose agent fails them; the others end Successful. */
const FAILING = 3;
const GHL_CHANGES = NEW_CONTACTS + LINKED + CHANGED_NEW;
const TOOKAN_CHANGES = LINKED * 3;

let n8n: N8nInstance;
let sandbox: Sandbox;
let installed: InstalledTemplates;

beforeAll(async () => {
	sandbox = await createSandbox({
		faults: 'none',
		seed: { ghl: { contacts: 0, businesses: 0 }, tookan: { tasks: 0, agents: 3 } },
		// GHL re-sends a delivery answered 429 about 10 minutes later; here after 2 s
		config: { webhooks: { retryDelayMs: 2000, retryJitterMs: 0 } },
	});
	n8n = await startN8n({ packageTarball: await packPackage() });
	installed = await installTemplates(n8n, sandbox, { only: [T1, T3], label: 'drill' });
}, 300_000);

afterAll(async () => {
	if (installed && n8n) await uninstallTemplates(n8n, installed).catch(() => undefined);
	await n8n?.stop();
	await sandbox?.close();
}, 60_000);

const workflowIds = () => Object.values(installed.ids) as string[];

/** A person of one round: `round` keeps the two rounds apart (phones +1415555RNNN). */
function person(round: number, index: number, kind: string): NewContact & { phone: string } {
	const n = String(round * 1000 + index).padStart(4, '0');
	return {
		firstName: `${kind}${index}`,
		lastName: `Round${round}`,
		email: `${kind.toLowerCase()}${index}.r${round}@example.com`,
		phone: `+1415555${n}`,
		address1: `${index} Main St`,
		city: 'Springfield',
		state: 'IL',
		postalCode: '62701',
		country: 'US',
	};
}

const tookanState = () => tookanOf(sandbox).snapshot() as { tasks: Json[]; customers: Json[]; agents: Json[] };

const addressOf = (p: NewContact) => [p.address1, p.city, [p.state, p.postalCode].filter(Boolean).join(' '), p.country].filter(Boolean).join(', ');

interface Linked {
	contactId: string;
	ghlTaskId: string;
	jobId: number;
	final: number;
}

/** What one round set up and changed, to check against the services' state. */
interface Round {
	round: number;
	/** Contacts created or changed by the round, in their final state. */
	contacts: Map<string, NewContact & { phone: string; id: string; changes: number }>;
	linked: Linked[];
}

/** Ten contacts with an open GHL task each, synced by template 1 (their Tookan tasks exist): not counted. */
async function setUp(round: number): Promise<Round> {
	const state: Round = { round, contacts: new Map(), linked: [] };
	for (let i = 0; i < LINKED; i++) {
		const p = person(round, 100 + i, 'Linked');
		const { id } = await createGhlContact(sandbox, p);
		const task = await createGhlTask(sandbox, id, `Deliver parcel ${i}`, new Date(Date.now() + 86_400_000).toISOString());
		state.contacts.set(p.phone, { ...p, id, changes: 0 });
		state.linked.push({ contactId: id, ghlTaskId: task.id, jobId: 0, final: i < FAILING ? 3 : 2 });
	}
	await settle(n8n, sandbox, workflowIds());
	for (const linked of state.linked) {
		const p = [...state.contacts.values()].find((c) => c.id === linked.contactId)!;
		await updateGhlContact(sandbox, linked.contactId, { address1: `${p.address1} (door B)` });
		p.address1 = `${p.address1} (door B)`;
	}
	await settle(n8n, sandbox, workflowIds());
	for (const linked of state.linked) {
		linked.jobId = Number(tookanState().tasks.find((t) => t.order_id === linked.ghlTaskId)?.job_id);
		expect(linked.jobId).toBeGreaterThan(0);
	}
	return state;
}

/** The 80 changes: 30 contacts created, 20 changed (10 of them, 10 linked), 3 status changes of each linked task. */
async function makeChanges(state: Round, between: () => Promise<void>): Promise<void> {
	const fresh: Array<NewContact & { phone: string; id: string; changes: number }> = [];
	for (let i = 0; i < NEW_CONTACTS; i++) {
		const p = person(state.round, i, 'New');
		const { id } = await createGhlContact(sandbox, p);
		const entry = { ...p, id, changes: 1 };
		state.contacts.set(p.phone, entry);
		fresh.push(entry);
	}
	// a contact's edit comes after its creation was handled (the template's limit: two events of one contact at once)
	await between();
	for (const entry of fresh.slice(0, CHANGED_NEW)) {
		await updateGhlContact(sandbox, entry.id, { lastName: 'Renamed' });
		entry.lastName = 'Renamed';
		entry.changes++;
	}
	for (const linked of state.linked) {
		const entry = [...state.contacts.values()].find((c) => c.id === linked.contactId)!;
		await updateGhlContact(sandbox, linked.contactId, { city: 'Shelbyville' });
		entry.city = 'Shelbyville';
		entry.changes++;
	}
	// an agent's steps, one after another on every task (minutes apart in real life)
	const agents = tookanState().agents;
	await between();
	for (const [i, linked] of state.linked.entries()) await tookanApi(sandbox, 'assign_task', { job_id: linked.jobId, fleet_id: Number(agents[i % agents.length].fleet_id) });
	await between();
	for (const linked of state.linked) tookanOf(sandbox).setTaskStatus(linked.jobId, 1);
	await between();
	for (const linked of state.linked) tookanOf(sandbox).setTaskStatus(linked.jobId, linked.final);
	await between();
}

/** The timeline note each status change of a task should have left (template 3's wording), oldest first. */
function expectedNotes(task: Json): string[] {
	const WHAT: Record<string, (agent: string) => string> = {
		assigned: (agent) => `Assigned to ${agent}`,
		started: (agent) => `Started by ${agent}`,
		successful: (agent) => `Completed successfully by ${agent}`,
		failed: (agent) => `Failed (${agent})`,
	};
	const local = (iso: unknown) => new Date(Date.parse(String(iso)) - Number(task.timezone) * 60_000).toISOString().slice(11, 16);
	return (task.task_history as Json[])
		.map((h) => ({ h, word: /class='(\w+)'/.exec(String(h.label_description))?.[1] ?? '' }))
		.filter(({ word }) => WHAT[word])
		.map(({ h, word }) => `Delivery #${String(task.job_id)}: ${WHAT[word](String(h.fleet_name))} at ${local(h.creation_datetime)}`);
}

interface Check {
	reflected: number;
	duplicates: number;
	problems: string[];
}

/** Compares the services' state with the round's changes: what is reflected, what is there twice. */
function check(state: Round): Check {
	const result: Check = { reflected: 0, duplicates: 0, problems: [] };
	const customers = tookanState().customers;
	for (const contact of state.contacts.values()) {
		const found = customers.filter((c) => c.customer_phone === contact.phone);
		result.duplicates += Math.max(0, found.length - 1);
		const right =
			found.length >= 1 &&
			found[0].customer_username === `${contact.firstName} ${contact.lastName}` &&
			found[0].customer_email === contact.email &&
			found[0].customer_address === addressOf(contact);
		if (right) result.reflected += contact.changes;
		else if (contact.changes) result.problems.push(`customer ${contact.phone}: ${JSON.stringify(found[0] ?? 'missing')}`);
	}
	const tasks = tookanState().tasks;
	const notes = sandbox.admin.ghlRecords('notes', { locationId: LOCATION }) as Json[];
	for (const linked of state.linked) {
		const copies = tasks.filter((t) => t.order_id === linked.ghlTaskId);
		result.duplicates += Math.max(0, copies.length - 1);
		const task = copies[0];
		const written = notes.filter((n) => n.contactId === linked.contactId).map((n) => String(n.body));
		const wanted = expectedNotes(task);
		for (const text of wanted) {
			const times = written.filter((body) => body === text).length;
			result.duplicates += Math.max(0, times - 1);
			if (times >= 1) result.reflected++;
			else result.problems.push(`note missing on ${linked.contactId}: ${text}`);
		}
		const [ghlTask] = sandbox.admin.ghlRecords('tasks', { locationId: LOCATION, id: linked.ghlTaskId }) as Json[];
		const lastLine = String(ghlTask.body).split('\n').pop() ?? '';
		const endState = ghlTask.completed === (linked.final === 2) && lastLine.startsWith(`Tookan status: ${linked.final === 2 ? 'Completed successfully' : 'Failed'}`);
		if (!endState) result.problems.push(`GHL task ${linked.ghlTaskId} ends as ${JSON.stringify({ completed: ghlTask.completed, lastLine })}`);
	}
	return result;
}

const ran = (execution: Execution, node: string) => Boolean(execution.data?.resultData.runData[node]);

/** Executions of both templates started after `since` (ids ascending), with data. */
async function executionsAfter(since: Set<string>): Promise<Execution[]> {
	const all: Execution[] = [];
	for (const id of workflowIds()) all.push(...(await n8n.executions({ workflowId: id, includeData: true })));
	return all.filter((e) => !since.has(String(e.id)));
}

async function executionIds(): Promise<Set<string>> {
	const ids = new Set<string>();
	for (const id of workflowIds()) for (const e of await n8n.executions({ workflowId: id })) ids.add(String(e.id));
	return ids;
}

/** Requests of the templates that changed something in a service (answered 2xx; not the test's own changes). */
function writesSince(seq: number): Record<string, number> {
	const writes: Record<string, number> = {};
	const kind = (method: string, path: string): string | undefined => {
		if (/\/tookan\/v2\/customer\/(add|edit)$/.test(path)) return 'tookan customer written';
		if (/\/tookan\/v2\/(create_task|edit_task)$/.test(path)) return 'tookan task written';
		if (method === 'POST' && /\/contacts\/[^/]+\/notes\/?$/.test(path)) return 'ghl note created';
		if (method === 'PUT' && /\/contacts\/[^/]+\/tasks\/[^/]+\/completed$/.test(path)) return 'ghl task completed';
		if (method === 'PUT' && /\/contacts\/[^/]+\/tasks\/[^/]+$/.test(path)) return 'ghl task updated';
		return undefined;
	};
	for (const request of sandbox.admin.requests({ since: seq }).requests) {
		// a refused request (e.g. 429 under the sandbox's rate limit, sent again by the transport) changed nothing
		if (request.status < 200 || request.status >= 300) continue;
		const key = kind(request.method, request.path.split('?')[0]);
		if (key) writes[key] = (writes[key] ?? 0) + 1;
	}
	return writes;
}

const lastSeq = () => sandbox.admin.requests({ limit: 1 }).requests.at(-1)?.seq ?? 0;

it('catches up on the 80 changes made while n8n was stopped: each reflected once, nothing twice', async () => {
	const state = await setUp(1);
	const before = await executionIds();

	await n8n.halt();
	await makeChanges(state, async () => await sandbox.admin.drainWebhooks());
	const refused = sandbox.admin.deliveries().filter((d) => d.status === null).length;
	await n8n.resume();
	const back = Date.now();

	let result = check(state);
	while (result.reflected < GHL_CHANGES + TOOKAN_CHANGES && Date.now() - back < 240_000) {
		await new Promise((resolve) => setTimeout(resolve, 1000));
		result = check(state);
	}
	const seconds = (Date.now() - back) / 1000;
	await settle(n8n, sandbox, workflowIds(), 180_000);
	result = check(state);

	const executions = await executionsAfter(before);
	const caughtUp = {
		contacts: executions.filter((e) => ran(e, GHL_CATCH_UP)).length,
		statusChanges: executions.filter((e) => ran(e, TOOKAN_CATCH_UP)).length,
	};
	for (const event of ['ContactCreate', 'ContactUpdate']) markExercised(`ghTriggerl:event:${event}`);
	for (const code of [0, 1, 2, 3]) markExercised(`tTriggerookan:event:${code}`);
	process.stdout.write(
		`outage drill: ${GHL_CHANGES + TOOKAN_CHANGES} changes, ${result.reflected} reflected, ${result.duplicates} duplicates, ${seconds.toFixed(1)} s to catch up\n` +
			`outage drill detail: ${refused} webhooks refused while down; catch-up executions ${JSON.stringify(caughtUp)}; ${executions.filter((e) => e.status !== 'success').length} executions not successful\n`,
	);
	expect(result).toEqual({ reflected: GHL_CHANGES + TOOKAN_CHANGES, duplicates: 0, problems: [] });
	expect(refused).toBeGreaterThanOrEqual(GHL_CHANGES + TOOKAN_CHANGES);
	// one execution per contact (its latest state) and one per status change
	expect(caughtUp).toEqual({ contacts: NEW_CONTACTS + LINKED, statusChanges: TOOKAN_CHANGES });
	expect(executions.every((e) => e.status === 'success')).toBe(true);
}, 420_000);

it('in normal operation processes each of the 80 changes once: one execution each, none from the catch-up', async () => {
	const state = await setUp(2);
	const before = await executionIds();
	const seq = lastSeq();

	await makeChanges(state, async () => await settle(n8n, sandbox, workflowIds()));
	await settle(n8n, sandbox, workflowIds());

	const executions = await executionsAfter(before);
	const byTrigger = {
		contactWebhook: executions.filter((e) => ran(e, 'On GHL contact created or updated')).length,
		contactCatchUp: executions.filter((e) => ran(e, GHL_CATCH_UP)).length,
		statusWebhook: executions.filter((e) => ran(e, 'On Tookan task status change')).length,
		statusCatchUp: executions.filter((e) => ran(e, TOOKAN_CATCH_UP)).length,
	};
	const writes = writesSince(seq);
	process.stdout.write(`normal operation: ${GHL_CHANGES + TOOKAN_CHANGES} changes, executions ${JSON.stringify(byTrigger)}, writes ${JSON.stringify(writes)}\n`);
	expect(byTrigger).toEqual({ contactWebhook: GHL_CHANGES, contactCatchUp: 0, statusWebhook: TOOKAN_CHANGES, statusCatchUp: 0 });
	expect(executions.every((e) => e.status === 'success')).toBe(true);
	expect(writes).toEqual({
		'tookan customer written': GHL_CHANGES,
		'ghl task updated': TOOKAN_CHANGES,
		'ghl task completed': LINKED - FAILING,
		'ghl note created': TOOKAN_CHANGES,
	});
	expect(check(state)).toEqual({ reflected: GHL_CHANGES + TOOKAN_CHANGES, duplicates: 0, problems: [] });
}, 300_000);

/** Runs SQL on the stopped-or-running n8n's SQLite database with the Node 24 n8n runs on (node:sqlite). */
function sqlite(sql: string): void {
	const database = join(n8n.userFolder, '.n8n', 'database.sqlite');
	const script = `const { DatabaseSync } = require('node:sqlite'); const db = new DatabaseSync(process.argv[1]); db.exec('PRAGMA busy_timeout = 5000'); db.exec(process.argv[2]); db.close();`;
	const run = spawnSync(n8n.install.node.bin, ['--no-warnings', '-e', script, database, sql], { encoding: 'utf8' });
	if (run.status !== 0) throw new Error(`sqlite failed: ${run.stderr}`);
}

it('answers 429 when n8n cannot start the execution, so the delivery comes again and runs; 404 for a workflow that is not active', async () => {
	const contacts = () => sandbox.admin.deliveries().filter((d) => d.url === installed.urls.contactEvents);
	const seen = contacts().length;
	sqlite(`CREATE TRIGGER drill_refuse_executions BEFORE INSERT ON execution_entity BEGIN SELECT RAISE(ABORT, 'refused by the outage drill'); END;`);
	let dropped = false;
	try {
		const p = person(3, 0, 'Retry');
		await createGhlContact(sandbox, p);
		const deadline = Date.now() + 60_000;
		while (!contacts().slice(seen).some((d) => d.status !== null) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
		sqlite('DROP TRIGGER drill_refuse_executions');
		dropped = true;
		await settle(n8n, sandbox, workflowIds());
		const attempts = contacts().slice(seen).map((d) => [d.attempt, d.status]);
		process.stdout.write(`answers: a delivery n8n could not start an execution for: ${JSON.stringify(attempts)} (attempt, status)\n`);
		expect(attempts).toEqual([
			[1, 429],
			[2, 200],
		]);
		expect(tookanState().customers.filter((c) => c.customer_phone === p.phone)).toHaveLength(1);
	} finally {
		if (!dropped) sqlite('DROP TRIGGER IF EXISTS drill_refuse_executions');
	}
	const inactive = await fetch(`${n8n.webhookUrl}webhook/${randomUUID()}/webhook`, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
	expect(inactive.status).toBe(404);
}, 180_000);
