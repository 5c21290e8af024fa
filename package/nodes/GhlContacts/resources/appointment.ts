import * as f from '../../shared/fields';
import { wholeList } from '../../shared/ghl';
import type { Resource } from '../../shared/types';
import { contactId, READ } from './common';

export const appointment: Resource = {
	value: 'appointment',
	name: 'Appointment',
	operations: [
		{
			value: 'getAll',
			name: 'Get Many',
			action: 'Get many appointments of a contact',
			description: 'List the calendar appointments of a contact',
			method: 'GET',
			path: '/contacts/{contactId}/appointments',
			options: { scopes: READ },
			fields: [contactId(), ...f.returnAllAndLimit()],
			paginate: wholeList('events'),
		},
	],
};
