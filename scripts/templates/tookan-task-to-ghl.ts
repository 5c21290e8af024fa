/**
 * Template 3: a Tookan task status change updates the GHL task it came from (template 1 put the GHL task id
 * in the Tookan Order ID and the contact's email/phone on the task), completes it when Tookan says
 * Successful, and adds a timeline note such as "Delivery #123: Started by Agent X at 14:05". Status changes
 * made while n8n could not receive the webhook come from the catch-up trigger, one execution each, in order.
 */
import { addFailurePath, firstKnown } from './failures';
import { Flow } from './flow';
import { byId, catchUpNote, code, expr, filter, ghl, ifNode, noOp, tookanCatchUp, tookanTrigger } from './nodes';

const TRIGGER = 'On Tookan task status change';
/** Both triggers lead here; the Code node reads the event from it (scripts/templates/code/describe-change.js). */
const LINKED = 'Only tasks from GHL';
const CONTACT = 'Find the GHL contact';
const CHANGE = 'Describe the status change';

/** Assigned, Started, Successful, Failed, Arrived, Accepted, Declined, Cancelled. */
export const NOTED_STATUSES = [0, 1, 2, 3, 4, 7, 8, 9];

export function tookanTaskToGhl(): Flow {
	const flow = new Flow('Tookan task update → GHL task and timeline note', 'tookan-task-to-ghl');
	const change = (field: string) => expr(`$('${CHANGE}').first().json.${field}`);

	flow.explain(
		`When a Tookan task changes status (assigned, started, arrived, successful, failed, ...):
1. Only tasks created by template 1 go on: they carry the GHL task id as **Order ID** and the contact's email/phone.
2. The GHL contact is found by that email/phone and its task by the Order ID.
3. The GHL task's description gets a *Tookan status:* line (with the tracking link); **Successful** also marks the task completed.
4. A timeline note is added, e.g. *Delivery #123: Started by Agent X at 14:05* (time in the task's time zone). A replayed event adds no second note.

${catchUpNote('task status changes', ', for tasks dated from 7 days before to 31 days after it (one note per change; the GHL task ends in the state Tookan ended in)')}

Failures are recorded on the contact (\`sync-failed\` tag + note), or stop the execution when no contact was found.`,
		`1. Use the same **GHL** and **Tookan** credentials as template 1; set the Tookan credential's **Webhook Shared Secret**.
2. Publish, then in Tookan (Settings › Notifications) paste the trigger's Production URL as the webhook of the task notifications and set the same shared secret.
3. Change **Trigger On** on the trigger (and the same on the catch-up trigger) to choose which changes reach GHL.`,
	);

	const trigger = flow.add(tookanTrigger(TRIGGER, [0, 0], { statuses: NOTED_STATUSES, templateKeys: '', enrich: false }));
	const catchUp = flow.add(tookanCatchUp('Catch up on status changes missed while n8n was down', [0, 1], { statuses: NOTED_STATUSES, jobTypes: [0, 1, 2, 3] }));
	const linked = flow.add(filter(LINKED, [1, 0], '!!$json.order_id && !!($json.customer_email || $json.customer_phone)'));
	const find = flow.add(
		ghl(CONTACT, [2, 0], 'contact', 'findDuplicate', { email: expr('$json.customer_email'), phone: expr('$json.customer_phone') }, {
			onError: 'continueErrorOutput',
		}),
	);
	const isContact = flow.add(ifNode('Is it a GHL contact?', [3, 0], '$json.found === true'));
	const skip = flow.add(noOp('Skip: not a GHL contact', [4, 1]));
	const tasks = flow.add(
		ghl('Get the GHL tasks of the contact', [4, 0], 'task', 'getAll', { contactId: byId(expr('$json.id')), returnAll: true }, {
			executeOnce: true,
			onError: 'continueErrorOutput',
		}),
	);
	flow.add(code(CHANGE, [5, 0], 'describe-change.js'));
	// a caught-up change that Tookan has moved on from since writes its note only
	const current = flow.add(ifNode('Is this the latest status of the task?', [6, 0], `$('${CHANGE}').first().json.current`));
	const update = flow.add(
		ghl('Update the GHL task', [7, 0], 'task', 'update', {
			contactId: byId(expr('$json.contactId')),
			taskId: byId(expr('$json.taskId')),
			updateFields: { body: expr('$json.taskBody') },
		}, { onError: 'continueErrorOutput' }),
	);
	const successful = flow.add(ifNode('Did Tookan say Successful?', [8, 0], `$('${CHANGE}').first().json.successful`));
	const complete = flow.add(
		ghl('Mark the GHL task completed', [9, 0], 'task', 'markCompleted', { contactId: byId(change('contactId')), taskId: byId(change('taskId')) }, {
			onError: 'continueErrorOutput',
		}),
	);
	const notes = flow.add(
		ghl('Get the notes of the contact', [10, 0], 'note', 'getAll', { contactId: byId(change('contactId')), returnAll: true }, {
			executeOnce: true,
			alwaysOutputData: true,
			onError: 'continueErrorOutput',
		}),
	);
	flow.add(code('Skip a note already written', [11, 0], 'new-note.js'));
	const note = flow.add(
		ghl('Add the timeline note', [12, 0], 'note', 'create', { contactId: byId(expr('$json.contactId')), body: expr('$json.note') }, {
			onError: 'continueErrorOutput',
		}),
	);
	flow.chain(trigger, linked, find, isContact, tasks, CHANGE, current, update, successful, complete, notes, 'Skip a note already written', note);
	flow.link(catchUp, linked).link(isContact, skip, 1).link(current, notes, 1).link(successful, notes, 1);

	const failure = addFailurePath(flow, [5, 3], 'bring this Tookan status change to GHL', firstKnown([CONTACT, 'id']));
	for (const node of [find, tasks, update, complete, notes, note]) flow.link(node, failure, 1);
	return flow;
}
