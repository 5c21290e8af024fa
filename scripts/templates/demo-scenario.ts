/**
 * The demo's sample events, one story through all five templates: a contact created in GHL, a delivery
 * task for it, a Tookan agent working that task, a Tookan order with a lead source, an n8n form submission
 * and the ops dashboard. Each step says what happened and checks the sandbox state it should have left.
 */
import type { Sandbox } from '../../sandbox/server';
import type { N8n } from '../harness';
import { createTookanOrder, settle, submitForm, workTask } from './events';
import { FORM_FIELDS } from './form-to-ghl-contact';
import type { InstalledTemplates } from './install';
import { ADA, ALAN, GRACE } from './samples';
import { createGhlContact, createGhlTask, LOCATION, tookanOf, updateGhlContact } from './sandbox-api';

type Json = Record<string, unknown>;

export interface Check {
	ok: boolean;
	text: string;
}

export interface Step {
	title: string;
	checks: Check[];
}

const check = (ok: boolean, yes: string, no: string): Check => ({ ok, text: ok ? yes : no });

export async function runDemoScenario(
	n8n: N8n,
	sandbox: Sandbox,
	installed: InstalledTemplates,
	report: (step: Step) => void,
): Promise<Step[]> {
	const ids = Object.values(installed.ids);
	const wait = () => settle(n8n, sandbox, ids);
	const ghl = (collection: 'contacts' | 'tasks' | 'notes' | 'businesses', filter: Json = {}) =>
		sandbox.admin.ghlRecords(collection, { locationId: LOCATION, ...filter }) as Json[];
	const tookan = () => tookanOf(sandbox).snapshot() as { tasks: Json[]; customers: Json[]; agents: Json[] };
	const steps: Step[] = [];
	const step = (title: string, checks: Check[]) => {
		steps.push({ title, checks });
		report(steps[steps.length - 1]);
	};

	const ada = await createGhlContact(sandbox, ADA);
	await wait();
	const customer = tookan().customers.find((c) => c.customer_phone === ADA.phone);
	const business = ghl('businesses').find((b) => b.name === ADA.companyName);
	step(`Ada Lovelace is created in GHL (company "${ADA.companyName}")`, [
		check(!!customer, `Tookan customer #${String(customer?.customer_id)} "${String(customer?.customer_username)}", ${String(customer?.customer_address)}`, 'no Tookan customer'),
		check(!!business && ghl('contacts', { id: ada.id })[0]?.businessId === business.id, `GHL business "${ADA.companyName}" created and the contact linked to it`, 'contact not linked to a business'),
	]);

	const due = new Date(Date.now() + 86_400_000).toISOString();
	const ghlTask = await createGhlTask(sandbox, ada.id, 'Deliver the analytical engine', due);
	await updateGhlContact(sandbox, ada.id, { city: 'Shelbyville' });
	await wait();
	const job = tookan().tasks.find((t) => t.order_id === ghlTask.id);
	step('A delivery task is added to Ada in GHL and her contact is updated', [
		check(!!job, `Tookan delivery #${String(job?.job_id)} to "${String(job?.job_address)}", Order ID = GHL task ${ghlTask.id}`, 'no Tookan task with the GHL task id'),
	]);

	const agent = tookan().agents[0];
	if (job) await workTask(sandbox, Number(job.job_id), Number(agent.fleet_id), wait);
	const notes = ghl('notes', { contactId: ada.id }).map((n) => String(n.body));
	const completed = ghl('tasks', { id: ghlTask.id })[0]?.completed === true;
	step(`Tookan agent ${String(agent.name)} works the delivery: assigned, started, arrived, successful`, [
		check(notes.length === 4, `4 timeline notes on Ada, e.g. "${notes[1] ?? ''}"`, `expected 4 timeline notes, found ${notes.length}`),
		check(completed, 'the GHL task is marked completed', 'the GHL task is not completed'),
	]);

	await createTookanOrder(sandbox, { ...GRACE, tags: 'VIP, express', leadSource: 'Facebook', deliverBy: due.slice(0, 10) + ' 17:00:00' });
	await wait();
	const grace = ghl('contacts').find((c) => c.email === GRACE.email);
	step('A Tookan order for Grace Hopper comes in with tags "VIP, express" and lead source Facebook', [
		check(!!grace, `GHL contact Grace Hopper created with tags ${JSON.stringify(grace?.tags)} and source "${String(grace?.source)}"`, 'no GHL contact for Grace'),
	]);

	const page = await submitForm(String(installed.urls.form), FORM_FIELDS.map((f) => ALAN[f.part] ?? ''));
	await wait();
	const alan = ghl('contacts').filter((c) => c.email === ALAN.email);
	step('Alan Turing fills in the n8n form', [
		check(page.ok && alan.length === 1, `one GHL contact for Alan (${String(alan[0]?.city)}, ${String(alan[0]?.country)})`, `form answered ${page.status}, ${alan.length} contacts for Alan`),
		check(!!alan[0]?.businessId, `linked to the business "${ALAN.companyName}"`, 'not linked to a business'),
	]);

	const dashboard = await fetch(String(installed.urls.dashboard));
	const html = await dashboard.text();
	const metric = (name: string) => new RegExp(`data-metric="${name}">(\\d+)<`).exec(html)?.[1] ?? '?';
	step('The ops dashboard is opened', [
		check(
			dashboard.ok && /data-metric="tasks.total"/.test(html),
			`page served: ${metric('tasks.total')} tasks today, ${metric('agents.busy')} agents busy, ${metric('contacts.total')} GHL contacts`,
			`the dashboard answered ${dashboard.status}`,
		),
	]);
	return steps;
}
