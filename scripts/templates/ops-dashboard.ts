/**
 * Template 5: the ops dashboard, one web page served by a GET webhook that combines GHL (contacts by tag
 * and status, contacts whose sync failed) and Tookan (the day's tasks by status, agents busy / free,
 * failed tasks). `?date=YYYY-MM-DD` shows another day.
 */
import { FAILURE_TAG } from './failures';
import { Flow } from './flow';
import { code, core, expr, ghl, set, tookan } from './nodes';

/** The webhook path: the page is at <n8n>/webhook/ops-dashboard. */
export const DASHBOARD_PATH = 'ops-dashboard';

export function opsDashboard(): Flow {
	const flow = new Flow('Ops dashboard: GHL contacts and Tookan tasks on one page', 'ops-dashboard');

	flow.explain(
		`Open **<n8n>/webhook/${DASHBOARD_PATH}** in a browser (\`?date=YYYY-MM-DD\` for another day). One page shows:
- **Tasks of the day** by status, from Tookan's dispatch view of the day;
- **Agents** busy (started or arrived at a task), free and offline, with what they work on;
- **GHL contacts** by tag and by status (lead / customer);
- **Recent failures**: the day's failed Tookan tasks and the contacts the other templates tagged \`${FAILURE_TAG}\`.

If GHL or Tookan does not answer, the page still renders and says which one failed.`,
		`1. Use the **GHL** and **Tookan** credentials of the other templates.
2. Publish and open the Production URL of *Open the dashboard*.
3. The page is public to anyone who knows the URL: set the webhook's **Authentication** (e.g. Basic Auth) before sharing it.
4. *Dashboard settings* holds the title and the failure tag.`,
		4,
		7,
	);

	const hook = flow.add(
		core('Open the dashboard', [0, 0], 'webhook', 2, { httpMethod: 'GET', path: DASHBOARD_PATH, responseMode: 'responseNode', options: {} }, true),
	);
	const settings = flow.add(
		set('Dashboard settings', [1, 0], [
			['title', 'Operations: GHL + Tookan'],
			['date', expr(`/^\\d{4}-\\d{2}-\\d{2}$/.test($json.query.date ?? '') ? $json.query.date : $now.toFormat('yyyy-MM-dd')`)],
			['failureTag', FAILURE_TAG],
		]),
	);
	const soft = { executeOnce: true, alwaysOutputData: true, onError: 'continueRegularOutput' } as const;
	const contacts = flow.add(ghl('Get all GHL contacts', [2, 0], 'contact', 'getAll', { returnAll: true, simplify: false }, soft));
	const day = flow.add(
		tookan('Get the Tookan tasks and agents of the day', [3, 0], 'task', 'getWithAgents', {
			filters: { date: expr(`$('Dashboard settings').first().json.date`) },
		}, soft),
	);
	const page = flow.add(code('Build the dashboard page', [4, 0], 'dashboard-page.js'));
	const respond = flow.add(
		core('Send the page', [5, 0], 'respondToWebhook', 1.1, {
			respondWith: 'text',
			responseBody: expr('$json.html'),
			options: { responseHeaders: { entries: [{ name: 'content-type', value: 'text/html; charset=utf-8' }] } },
		}),
	);
	flow.chain(hook, settings, contacts, day, page, respond);
	return flow;
}
