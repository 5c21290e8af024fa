/**
 * Template 5 (workflows/ops-dashboard.json) in real n8n: the page it serves, rendered in headless Chromium
 * (screenshot in test-results/), shows the numbers of the sandbox state: the day's Tookan tasks by status,
 * agents busy / free / offline, GHL contacts by tag and status, failed tasks and contacts flagged sync-failed.
 */
import { join } from 'node:path';
import { statSync } from 'node:fs';

import { REPO_ROOT } from '../../scripts/harness';
import { FAILURE_TAG } from '../../scripts/templates/failures';
import { ghlApi, tookanOf } from '../../scripts/templates/sandbox-api';
import { renderPage } from './templates/browser';
import { ghl, statuses, tookan, useTemplates, type Json } from './templates/world';

const world = useTemplates(['ops-dashboard'], {
	ghl: { contacts: 14, businesses: 2 },
	tookan: { tasks: 60, agents: 7, days: 3 },
});

const SCREENSHOTS = join(REPO_ROOT, 'test-results', 'templates');
const STATUS_NAMES: Record<number, string> = { 0: 'Assigned', 1: 'Started', 2: 'Successful', 3: 'Failed', 4: 'Arrived', 6: 'Unassigned', 7: 'Accepted', 8: 'Declined', 9: 'Cancelled' };
const AGENT_STATES: Record<number, string> = { 0: 'free', 1: 'offline', 2: 'busy' };

function tally(values: string[]): Record<string, number> {
	const out: Record<string, number> = {};
	for (const value of values) out[value] = (out[value] ?? 0) + 1;
	return out;
}

/** What the page must show for `day`, computed from the sandbox state. */
function expected(day: string): Record<string, number> {
	const state = tookan(world);
	const tasks = state.tasks.filter((t) => t.job_date === day && t.job_status !== 10);
	const contacts = ghl(world, 'contacts');
	const byStatus = tally(tasks.map((t) => STATUS_NAMES[Number(t.job_status)]));
	const agents = tally(state.agents.map((a) => AGENT_STATES[Number(a.status)]));
	const failedTasks = byStatus.Failed ?? 0;
	const flagged = contacts.filter((c) => (c.tags as string[]).includes(FAILURE_TAG)).length;
	const out: Record<string, number> = {
		'tasks.total': tasks.length,
		'agents.busy': agents.busy ?? 0,
		'agents.free': agents.free ?? 0,
		'agents.offline': agents.offline ?? 0,
		'contacts.total': contacts.length,
		'failures.total': failedTasks + flagged,
		'failures.tasks': failedTasks,
		'failures.contacts': flagged,
	};
	for (const name of Object.values(STATUS_NAMES)) out[`tasks.${name}`] = byStatus[name] ?? 0;
	for (const [tag, n] of Object.entries(tally(contacts.flatMap((c) => c.tags as string[])))) out[`contacts.tag.${tag}`] = n;
	for (const [type, n] of Object.entries(tally(contacts.map((c) => String(c.type || 'unknown'))))) out[`contacts.status.${type}`] = n;
	return out;
}

/** The seed's last day, "today" to the sandbox: its tasks are in every stage and keep agents busy. */
function seededToday(): string {
	return tookan(world).tasks.map((t) => String(t.job_date)).sort().pop() as string;
}

it('renders one page whose numbers match the sandbox: tasks, agents, contacts and failures', async () => {
	const flaggedIds = ghl(world, 'contacts').slice(0, 2).map((c) => c.id as string);
	for (const id of flaggedIds) await ghlApi(world.sandbox, 'POST', `/contacts/${id}/tags`, { tags: [FAILURE_TAG] });
	const day = seededToday();
	const failed = tookan(world).tasks.find((t) => t.job_date === day && t.job_status === 0) as Json;
	tookanOf(world.sandbox).setTaskStatus(Number(failed.job_id), 3);

	const page = await renderPage(`${world.url('dashboard')}?date=${day}`, join(SCREENSHOTS, 'ops-dashboard.png'));

	expect(page.status).toBe(200);
	expect(page.title).toBe(`Operations: GHL + Tookan – ${day}`);
	const want = expected(day);
	expect(page.metrics).toEqual(want);
	// the numbers are not trivially zero: the seeded day has tasks, busy agents and flagged contacts
	expect(want['tasks.total']).toBeGreaterThan(5);
	expect(want['agents.busy']).toBeGreaterThan(0);
	expect(want['failures.contacts']).toBe(2);
	expect(want['failures.tasks']).toBeGreaterThan(0);
	expect(page.text).toContain(`#${String(failed.job_id)}`);
	for (const id of flaggedIds) {
		const contact = ghl(world, 'contacts', { id })[0] as Json;
		expect(page.text).toContain(String(contact.email));
	}
	expect(statSync(join(SCREENSHOTS, 'ops-dashboard.png')).size).toBeGreaterThan(20_000);
	expect(await statuses(world, 'ops-dashboard')).toEqual(['success']);
});

it('still renders, saying which service failed, when Tookan refuses the connection', async () => {
	const { apiKey } = tookanOf(world.sandbox).config();
	world.sandbox.admin.updateConfig({ tookan: { apiKey: 'rotated-key-not-in-n8n' } });
	try {
		const page = await renderPage(world.url('dashboard'), join(SCREENSHOTS, 'ops-dashboard-tookan-down.png'));
		expect(page.status).toBe(200);
		expect(page.text).toMatch(/Tookan: .+/);
		expect(page.metrics['contacts.total']).toBe(ghl(world, 'contacts').length);
		expect(page.metrics['tasks.total']).toBe(0);
	} finally {
		world.sandbox.admin.updateConfig({ tookan: { apiKey } });
	}
});
