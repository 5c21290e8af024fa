import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { GTriggerhl } from '../GTriggerhl/GTriggerhl.node';
import { formerTypeOf } from '../shared/legacy';

const current = new GTriggerhl().description;

/**
 * The GHL Poll Trigger's former type (`ghlPollTrigger`): the same trigger, hidden from the node panel, so
 * that workflows saved with it keep loading and polling (with the cursor they stored). The cursor, search
 * and parameters in this folder are the GHL Poll Trigger's.
 */
export class GhlPollTrigger extends GTriggerhl implements INodeType {
	description: INodeTypeDescription = {
		...current,
		displayName: 'GHL Poll Trigger',
		name: 'ghlPollTrigger',
		icon: current.icon,
		subtitle: current.subtitle,
		description: formerTypeOf('the GHL Poll Trigger'),
		inputs: [],
		hidden: true,
	};
}
