import type { INodeProperties } from 'n8n-workflow';

import { codeOptions, JOB_STATUS } from '../shared/tookan';

export const tookanTriggerProperties: INodeProperties[] = [
	{
		displayName:
			'In the Tookan dashboard, paste the Production URL above as the webhook of the notifications that should start this workflow, and set the same Shared Secret as in the credential. Deliveries without it are refused.',
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Trigger On',
		name: 'statuses',
		type: 'multiOptions',
		// `action`: what n8n's node panel lists under the Tookan entry's triggers ("On task assigned", …)
		options: codeOptions(JOB_STATUS).map((o) => ({ ...o, action: `On task ${o.name.toLowerCase()}` })),
		default: [],
		description: 'The task statuses whose webhooks start the workflow. Leave empty to accept all.',
	},
	{
		displayName: 'Template Keys',
		name: 'templateKeys',
		type: 'string',
		default: '',
		placeholder: 'e.g. SUCCESSFUL, FAILED',
		description:
			'Only these notification templates (the payload\'s template_key, comma-separated, any case). Leave empty to accept all.',
	},
	{
		displayName: 'Fetch Task Details',
		name: 'enrich',
		type: 'boolean',
		default: false,
		description:
			'Whether to fetch the task with its history from the Tookan API after the event and add it under "enriched.task"',
	},
];
