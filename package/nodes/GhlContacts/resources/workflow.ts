import * as f from '../../shared/fields';
import type { Operation, Resource } from '../../shared/types';
import { contactId, SUCCEEDED, WRITE } from './common';

const workflowId = f.dynamic('workflowId', 'Workflow', 'getWorkflows', { in: 'path', required: true });

function enrolment(add: boolean): Operation {
	return {
		value: add ? 'add' : 'remove',
		name: add ? 'Add Contact' : 'Remove Contact',
		action: add ? 'Add a contact to a workflow' : 'Remove a contact from a workflow',
		description: add ? 'Enrol a contact in a GHL workflow' : 'Take a contact out of a GHL workflow',
		method: add ? 'POST' : 'DELETE',
		path: '/contacts/{contactId}/workflow/{workflowId}',
		idempotent: true,
		body: {},
		options: { scopes: WRITE },
		fields: [
			contactId(),
			workflowId,
			f.collection('additionalFields', 'Additional Fields', [
				f.dateTime('eventStartTime', 'Event Start Time', {
					in: 'body',
					description: "When the workflow's events start for this contact; without an offset read in the workflow's time zone",
				}),
			]),
		],
		output: { success: SUCCEEDED },
	};
}

export const workflow: Resource = {
	value: 'workflow',
	name: 'Workflow',
	operations: [enrolment(true), enrolment(false)],
};
