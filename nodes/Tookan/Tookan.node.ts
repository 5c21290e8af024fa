import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { describeResources } from '../shared/describe';
import { executeResources, requestOptionsProperty } from '../shared/run';
import { TOOKAN_CREDENTIAL } from '../shared/tookan';
import { getAgents, getTags, getTeams, getTimeZones, searchAgents, searchCustomers, searchTeams } from './methods';
import { resources } from './resources';
import { tookanService } from './service';

const service = tookanService(resources);

export class Tookan implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tookan',
		name: 'tookan',
		icon: { light: 'file:../../icons/tookan.svg', dark: 'file:../../icons/tookan.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create, dispatch and track Tookan tasks, customers, agents and teams',
		defaults: { name: 'Tookan' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: TOOKAN_CREDENTIAL, required: true }],
		properties: [...describeResources(resources), requestOptionsProperty],
	};

	methods = {
		loadOptions: { getAgents, getTags, getTeams, getTimeZones },
		listSearch: { searchAgents, searchCustomers, searchTeams },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await executeResources(this, resources, service);
	}
}
