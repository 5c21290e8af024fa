// Builds the ops dashboard: one HTML page from the GHL contacts and the day's Tookan tasks and agents.
// Every number carries data-metric="..." so it can be checked automatically.
// The Code node runs the body of this function; n8n provides $ and $input.
module.exports = function dashboardPage($, $input) {
	const settings = $('Dashboard settings').first().json;
	const contactItems = $('Get all GHL contacts').all().map((item) => item.json);
	const tookan = $('Get the Tookan tasks and agents of the day').first().json;

	const esc = (value) =>
		String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
	const count = (list, key) => list.reduce((acc, x) => acc.set(key(x), (acc.get(key(x)) ?? 0) + 1), new Map());
	const metric = (name, value, style = 'num') => `<span class="${style}" data-metric="${esc(name)}">${esc(value)}</span>`;
	const problems = [];

	// GHL: contacts by tag and by status (lead / customer), and contacts flagged by a failed sync
	const ghlError = contactItems.find((c) => c.error);
	if (ghlError) problems.push(`GHL: ${ghlError.error}`);
	const contacts = contactItems.filter((c) => c.id);
	const nameOf = (c) =>
		[c.firstName ?? c.firstNameLowerCase, c.lastName ?? c.lastNameLowerCase].filter(Boolean).join(' ') || c.email || c.phone || c.id;
	const byTag = [...count(contacts.flatMap((c) => c.tags ?? []), (t) => t)].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
	const byType = [...count(contacts, (c) => c.type || 'unknown')].sort((a, b) => b[1] - a[1]);
	const flagged = contacts.filter((c) => (c.tags ?? []).includes(settings.failureTag));

	// Tookan: the day's tasks by status, agents busy / free / offline, failed tasks
	if (tookan.error) problems.push(`Tookan: ${tookan.error}`);
	const tasks = Array.isArray(tookan.tasks) ? tookan.tasks : [];
	const agents = Array.isArray(tookan.fleets) ? tookan.fleets : [];
	const STATUS = [[6, 'Unassigned'], [0, 'Assigned'], [7, 'Accepted'], [1, 'Started'], [4, 'Arrived'], [2, 'Successful'], [3, 'Failed'], [8, 'Declined'], [9, 'Cancelled']];
	const tasksByStatus = count(tasks, (t) => Number(t.job_status));
	const AGENT = { 0: 'free', 2: 'busy', 1: 'offline' };
	const agentsByState = count(agents, (a) => AGENT[Number(a.status)] ?? 'offline');
	const failedTasks = tasks.filter((t) => Number(t.job_status) === 3);
	const activeTask = new Map(tasks.filter((t) => [1, 4].includes(Number(t.job_status))).map((t) => [Number(t.fleet_id), t]));

	const rows = (list, cells) => list.map((x) => `<tr>${cells(x).map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
	const table = (head, body, empty) =>
		body ? `<table><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr>${body}</table>` : `<p class="empty">${empty}</p>`;
	const card = (title, value, name, sub, style = 'card') => `<div class="${style}"><h2>${title}</h2>${metric(name, value, 'big')}<p>${sub}</p></div>`;
	const shift = (days) => new Date(Date.parse(`${settings.date}T12:00:00Z`) + days * 864e5).toISOString().slice(0, 10);

	const statusRows = STATUS.map(([code, name]) => {
		const n = tasksByStatus.get(code) ?? 0;
		const width = tasks.length ? Math.round((100 * n) / tasks.length) : 0;
		return `<tr class="s${code}"><td>${name}</td><td>${metric(`tasks.${name}`, n)}</td><td><div class="bar" style="width:${width}%"></div></td></tr>`;
	});
	const agentRow = (a) => {
		const state = AGENT[Number(a.status)] ?? 'offline';
		const task = activeTask.get(Number(a.fleet_id));
		return [esc(a.name || a.username), `<span class="pill ${state}">${state}</span>`, task ? `#${esc(task.job_id)} ${esc(task.customer_username)}` : ''];
	};
	const order = { busy: 0, free: 1, offline: 2 };
	const sortedAgents = [...agents].sort((a, b) => order[AGENT[Number(a.status)] ?? 'offline'] - order[AGENT[Number(b.status)] ?? 'offline']);

	const html = `<!doctype html>
	<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
	<title>${esc(settings.title)} – ${esc(settings.date)}</title>
	<style>
	body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;margin:0;background:#f4f6f8;color:#1f2933}
	header{background:#1f2933;color:#fff;padding:16px 24px;display:flex;justify-content:space-between;align-items:baseline}
	header h1{margin:0;font-size:22px} header a{color:#9fd3ff;margin-left:12px}
	main{padding:20px 24px;display:grid;gap:16px}
	.cards{display:grid;grid-template-columns:repeat(4,1fr);gap:16px}
	.card,section{background:#fff;border-radius:8px;padding:16px;box-shadow:0 1px 3px rgba(0,0,0,.08)}
	.card h2,section h2{margin:0 0 8px;font-size:14px;text-transform:uppercase;letter-spacing:.04em;color:#52606d}
	.big{font-size:40px;font-weight:700} .card p{margin:4px 0 0;color:#52606d}
	.grid{display:grid;grid-template-columns:1fr 1fr;gap:16px}
	table{width:100%;border-collapse:collapse;font-size:14px} th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #e4e7eb}
	.bar{height:10px;background:#3b82f6;border-radius:5px;min-width:2px} .s2 .bar{background:#16a34a} .s3 .bar{background:#dc2626}
	.pill{padding:2px 8px;border-radius:10px;font-size:12px} .busy{background:#fde68a} .free{background:#bbf7d0} .offline{background:#e5e7eb}
	.problems{background:#fee2e2;color:#991b1b;border-radius:8px;padding:12px 16px} .empty{color:#7b8794}
	.bad .big{color:#dc2626}
	</style></head><body>
	<header><h1>${esc(settings.title)}</h1><div>${esc(settings.date)}<a href="?date=${shift(-1)}">&larr; previous day</a><a href="?date=${shift(1)}">next day &rarr;</a></div></header>
	<main>
	${problems.length ? `<div class="problems">${problems.map(esc).join('<br>')}</div>` : ''}
	<div class="cards">
	${card('Tasks of the day', tasks.length, 'tasks.total', `${tasksByStatus.get(2) ?? 0} successful, ${(tasksByStatus.get(1) ?? 0) + (tasksByStatus.get(4) ?? 0)} under way`)}
	${card('Agents busy', agentsByState.get('busy') ?? 0, 'agents.busy', `${metric('agents.free', agentsByState.get('free') ?? 0)} free, ${metric('agents.offline', agentsByState.get('offline') ?? 0)} offline`)}
	${card('GHL contacts', contacts.length, 'contacts.total', `${byTag.length} tags in use`)}
	${card('Failures', failedTasks.length + flagged.length, 'failures.total', `${metric('failures.tasks', failedTasks.length)} failed tasks, ${metric('failures.contacts', flagged.length)} contacts not synced`, failedTasks.length + flagged.length ? 'card bad' : 'card')}
	</div>
	<div class="grid">
	<section><h2>Tasks by status</h2><table>${statusRows.join('')}</table></section>
	<section><h2>Agents</h2>${table(['Agent', 'State', 'Working on'], rows(sortedAgents, agentRow), 'No agents.')}</section>
	<section><h2>Contacts by tag</h2>${table(['Tag', 'Contacts'], rows(byTag, ([tag, n]) => [esc(tag), metric(`contacts.tag.${tag}`, n)]), 'No tags.')}</section>
	<section><h2>Contacts by status</h2>${table(['Status', 'Contacts'], rows(byType, ([type, n]) => [esc(type), metric(`contacts.status.${type}`, n)]), 'No contacts.')}</section>
	</div>
	<section><h2>Recent failures</h2>
	${table(['Failed task', 'Customer', 'Agent', 'Address'], rows(failedTasks, (t) => [`#${esc(t.job_id)}`, esc(t.customer_username), esc(t.fleet_name), esc(t.job_address)]), 'No failed tasks on this day.')}
	${table([`Contact tagged ${esc(settings.failureTag)}`, 'Email', 'Phone'], rows(flagged, (c) => [esc(nameOf(c)), esc(c.email), esc(c.phone)]), 'No contact failed to sync.')}
	</section>
	<p class="empty">Generated ${esc(new Date().toISOString())} from GHL and Tookan.</p>
	</main></body></html>`;

	return [{ json: { html } }];
};
