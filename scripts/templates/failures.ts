/**
 * The failure path every template shares. Nodes that can fail for one item send it to their error output;
 * all error outputs lead here, where the failure is recorded where people look: the GHL contact gets the
 * `sync-failed` tag (the ops dashboard lists those contacts) and a timeline note saying which step failed
 * and why. A failure that cannot be recorded on a contact (no contact known, or GHL refused the tag) stops
 * the execution with the reason, so it shows as failed in n8n and reaches the Error Workflow.
 */
import type { Cell, Flow } from './flow';
import { byId, expr, ghl, ifNode, set, stopAndError } from './nodes';

/** The GHL tag failed contacts get; the dashboard counts it. */
export const FAILURE_TAG = 'sync-failed';

export const DESCRIBE_FAILURE = 'Describe the failure';

/** An expression: the first non-empty `json.<field>` of these nodes that ran in this execution, else ''. */
export function firstKnown(...refs: Array<[node: string, field: string]>): string {
	return [...refs.map(([node, field]) => `($('${node}').isExecuted ? $('${node}').first().json.${field} : '')`), `''`].join(' || ');
}

/**
 * Adds the failure path at `at` (it takes two rows and four columns) and returns the node that error
 * outputs link to. `contactId` is an expression for the GHL contact the event is about ('' when unknown).
 */
export function addFailurePath(flow: Flow, at: Cell, what: string, contactId: string): string {
	const [x, y] = at;
	flow.add(
		set(DESCRIBE_FAILURE, [x, y], [
			['contactId', expr(contactId)],
			['step', expr('$prevNode.name')],
			['message', expr(`$json.error ?? $json.message ?? 'unknown error'`)],
			['detail', expr(`$json.description ?? ''`)],
			['at', expr('$now.toISO()')],
		]),
	);
	const hasContact = flow.add(ifNode('Is the contact known?', [x + 1, y], `!!$json.contactId`));
	const tag = flow.add(
		ghl('Tag the contact sync-failed', [x + 2, y], 'tag', 'add', { contactId: byId(expr('$json.contactId')), tags: [FAILURE_TAG] }, {
			onError: 'continueErrorOutput',
		}),
	);
	const note = flow.add(
		ghl(
			'Note the failure on the contact',
			[x + 3, y],
			'note',
			'create',
			{
				contactId: byId(expr(`$('${DESCRIBE_FAILURE}').item.json.contactId`)),
				body: expr(
					`'n8n could not ${what}: "' + $('${DESCRIBE_FAILURE}').item.json.step + '" failed: ' + $('${DESCRIBE_FAILURE}').item.json.message`,
				),
			},
			{ onError: 'continueErrorOutput' },
		),
	);
	const stop = flow.add(
		stopAndError('Stop: failure not recorded', [x + 3, y + 1], expr(`$('${DESCRIBE_FAILURE}').item.json.step + ' failed: ' + $('${DESCRIBE_FAILURE}').item.json.message`)),
	);
	flow.chain(DESCRIBE_FAILURE, hasContact, tag, note);
	flow.link(hasContact, stop, 1).link(tag, stop, 1).link(note, stop, 1);
	return DESCRIBE_FAILURE;
}
