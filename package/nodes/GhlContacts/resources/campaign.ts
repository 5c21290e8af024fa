import * as f from '../../shared/fields';
import type { Resource } from '../../shared/types';
import { contactId, SUCCEEDED, WRITE } from './common';

const campaignId = f.dynamic('campaignId', 'Campaign', 'getCampaigns', { in: 'path', required: true });

export const campaign: Resource = {
	value: 'campaign',
	name: 'Campaign',
	operations: [
		{
			value: 'add',
			name: 'Add Contact',
			action: 'Add a contact to a campaign',
			description: 'Add a contact to a campaign',
			method: 'POST',
			path: '/contacts/{contactId}/campaigns/{campaignId}',
			idempotent: true,
			body: {},
			options: { scopes: WRITE },
			fields: [contactId(), campaignId],
			output: { success: SUCCEEDED },
		},
		{
			value: 'remove',
			name: 'Remove Contact',
			action: 'Remove a contact from a campaign',
			description: 'Remove a contact from a campaign',
			method: 'DELETE',
			path: '/contacts/{contactId}/campaigns/{campaignId}',
			options: { scopes: WRITE },
			fields: [contactId(), campaignId],
			output: { success: SUCCEEDED },
		},
		{
			value: 'removeAll',
			name: 'Remove Contact From All',
			action: 'Remove a contact from every campaign',
			description: 'Remove a contact from every campaign it is in',
			method: 'DELETE',
			path: '/contacts/{contactId}/campaigns/removeAll',
			options: { scopes: WRITE },
			fields: [contactId()],
			output: { success: SUCCEEDED },
		},
	],
};
