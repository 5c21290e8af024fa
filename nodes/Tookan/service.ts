/**
 * The Tookan service for the engine: the adapter, plus per-item context (credential facts) and the checks
 * that must pass before anything is sent: the account User ID where an operation needs it, and each
 * operation's cross-field rules (e.g. a Delivery task needs an address and a time).
 */
import { buildRequest, ParameterError } from '../shared/request';
import { findOperation, type Service } from '../shared/run';
import { tookanAdapter, tookanContext } from '../shared/tookan';
import type { Resource } from '../shared/types';
import type { TookanOperation } from './resources/operation';

export function tookanService(resources: Resource[]): Service {
	return {
		adapter: tookanAdapter,
		async context(fn, itemIndex) {
			const context = await tookanContext(fn);
			const resource = fn.getNodeParameter('resource', 0) as string;
			const operation = findOperation(resources, resource, fn.getNodeParameter('operation', 0) as string) as
				| TookanOperation
				| undefined;
			if (operation?.userId === 'required' && context.userId === '') {
				throw new ParameterError('User ID', 'is required by this operation: set it in the Tookan credential');
			}
			if (operation?.check) operation.check(buildRequest(fn, operation, itemIndex, context));
			return context;
		},
	};
}
