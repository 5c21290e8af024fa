/**
 * The Tookan service for the engine: the adapter, plus per-item context (credential facts), the account
 * User ID check where an operation needs it (each operation's cross-field rules run in the engine), and, for
 * task custom fields (version 2), the columns each item's values are checked against.
 */
import type { IDataObject } from 'n8n-workflow';

import { ParameterError } from '../shared/request';
import { findOperation, type Service } from '../shared/run';
import { tookanAdapter, tookanContext } from '../shared/tookan';
import type { Resource } from '../shared/types';
import type { TookanOperation } from './resources/operation';
import { templateColumns } from './resources/task/customFields';
import { learnTemplates, type LearntTemplate } from './resources/task/templates';

/** Task operations with custom field templates and their fields from version 2 on. */
const WITH_TEMPLATES = ['create', 'createForFormUser', 'update'];

export function tookanService(resources: Resource[]): Service {
	let learnt: Promise<Map<string, LearntTemplate>> | undefined;
	return {
		adapter: tookanAdapter,
		async context(fn, itemIndex) {
			const context = await tookanContext(fn);
			const resource = fn.getNodeParameter('resource', 0) as string;
			const operationName = fn.getNodeParameter('operation', 0) as string;
			const operation = findOperation(resources, resource, operationName) as TookanOperation | undefined;
			if (operation?.userId === 'required' && context.userId === '') {
				throw new ParameterError('User ID', 'is required by this operation: set it in the Tookan credential');
			}
			if (fn.getNode().typeVersion >= 2 && resource === 'task' && WITH_TEMPLATES.includes(operationName)) {
				// one look at recent tasks per run, and only when an item has values to check against them
				const columns = await templateColumns(fn, itemIndex, async () => await (learnt ??= learnTemplates(fn)));
				return { ...context, templateColumns: columns as unknown as IDataObject };
			}
			return context;
		},
	};
}
