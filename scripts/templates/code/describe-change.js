// What GHL gets for this Tookan status change: the linked GHL task (the one whose id is the Tookan
// Order ID), a status line for its description, whether to complete it, and the timeline note, e.g.
// "Delivery #123: Started by Agent X at 14:05". No output when the contact has no such task.
// The event comes from the Tookan Trigger or, for a change n8n missed, from the catch-up trigger; a caught-up
// change that is not the task's latest (`catch_up.latest` false) only adds its note (`current` false).
// The Code node runs the body of this function; n8n provides $ and $input.
module.exports = function describeChange($, $input) {
	const event = $('Only tasks from GHL').first().json;
	const contact = $('Find the GHL contact').first().json;
	const task = $input.all().map((item) => item.json).find((t) => t.id && String(t.id) === String(event.order_id));
	if (!task) return [];

	const KIND = { 0: 'Pickup', 1: 'Delivery', 2: 'Appointment', 3: 'Field task' };
	const by = (agent) => (agent ? ` by ${agent}` : '');
	const WHAT = {
		0: (agent) => (agent ? `Assigned to ${agent}` : 'Assigned'),
		1: (agent) => `Started${by(agent)}`,
		2: (agent) => `Completed successfully${by(agent)}`,
		3: (agent) => `Failed${agent ? ` (${agent})` : ''}`,
		4: (agent) => (agent ? `${agent} arrived` : 'Agent arrived'),
		6: () => 'Unassigned',
		7: (agent) => `Accepted${by(agent)}`,
		8: (agent) => `Declined${by(agent)}`,
		9: () => 'Cancelled',
		10: () => 'Deleted',
	};
	const status = Number(event.job_status);
	const agent = String(event.fleet_name ?? '').trim();
	const what = (WHAT[status] ?? (() => String(event.job_state || `Status ${status}`)))(agent);

	// When: the latest history entry, shown in the task's own time zone (Tookan's timezone is UTC minus local, in minutes).
	const times = (Array.isArray(event.task_history) ? event.task_history : [])
		.map((entry) => Date.parse(entry.creation_datetime))
		.filter((ms) => !Number.isNaN(ms));
	const at = times.length ? Math.max(...times) : Date.now();
	const time = new Date(at - Number(event.timezone || 0) * 60000).toISOString().slice(11, 16);

	const STATUS_LINE = 'Tookan status:';
	const kept = String(task.body ?? '').split('\n').filter((line) => line.trim() && !line.startsWith(STATUS_LINE));
	const tracking = event.tracking_link ? ` - tracking: ${event.tracking_link}` : '';
	return [
		{
			json: {
				contactId: contact.id,
				taskId: task.id,
				jobId: event.job_id,
				status,
				current: !(event.catch_up && event.catch_up.latest === false),
				successful: status === 2,
				taskBody: [...kept, `${STATUS_LINE} ${what} at ${time}${tracking}`].join('\n'),
				note: `${KIND[Number(event.job_type)] ?? 'Task'} #${event.job_id}: ${what} at ${time}`,
			},
		},
	];
};
