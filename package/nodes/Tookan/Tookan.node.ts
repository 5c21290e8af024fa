import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { describeResources, subtitleOf } from '../shared/describe';
import { executeResources, requestOptionsProperty } from '../shared/run';
import { TOOKAN_CREDENTIAL } from '../shared/tookan';
import {
	getAgents,
	getPickupTemplateColumns,
	getTags,
	getTeams,
	getTemplateColumns,
	getTimeZones,
	searchAgents,
	searchCustomers,
	searchTeams,
	searchTemplates,
} from './methods';
import { resources } from './resources';
import { tookanService } from './service';

export class Tookan implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Tookan',
		name: 'tookan',
		icon: { light: 'file:../../icons/tookan.svg', dark: 'file:../../icons/tookan.dark.svg' },
		group: ['transform'],
		// 2: task custom fields through a template list and a field mapper (version 1 keeps label/value rows)
		version: [1, 2],
		defaultVersion: 2,
		subtitle: subtitleOf(resources),
		description: 'Create, dispatch and track Tookan tasks, customers, agents and teams',
		defaults: { name: 'Tookan' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		usableAsTool: true,
		credentials: [{ name: TOOKAN_CREDENTIAL, required: true }],
		hints: [
			{
				message:
					"Times without an offset are read in the chosen Time Zone (or the workflow's time zone) and sent to Tookan as local time with the matching timezone offset. Add an offset, e.g. 2026-05-01T14:00:00+05:30, to be explicit.",
				type: 'info',
				location: 'outputPane',
				whenToDisplay: 'beforeExecution',
				displayCondition: '={{ $parameter["resource"] === "task" && $parameter["operation"] === "create" }}',
			},
			{
				message:
					'Tookan lists one Task Type per call. Date ranges longer than 31 days are split into 31-day requests automatically.',
				type: 'info',
				location: 'outputPane',
				whenToDisplay: 'beforeExecution',
				displayCondition: '={{ $parameter["resource"] === "task" && $parameter["operation"] === "getAll" }}',
			},
		],
		properties: [...describeResources(resources), requestOptionsProperty],
	};

	methods = {
		loadOptions: { getAgents, getTags, getTeams, getTimeZones },
		listSearch: { searchAgents, searchCustomers, searchTeams, searchTemplates },
		resourceMapping: { getTemplateColumns, getPickupTemplateColumns },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		// a service per run: what it learns about custom field templates holds for this run only
		return await executeResources(this, resources, tookanService(resources));
	}
}
