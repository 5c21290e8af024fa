/**
 * The Tookan service for the engine: the adapter, plus per-item context (credential facts) and the account
 * User ID check where an operation needs it (each operation's cross-field rules run in the engine).
 */
import { ParameterError } from '../shared/request';
import { findOperation, type Service } from '../shared/run';
import { tookanAdapter, tookanContext } from '../shared/tookan';
import type { Resource } from '../shared/types';
import type { TookanOperation } from './resources/operation';

export function tookanService(resources: Resource[]): Service {
	return {
		adapter: tookanAdapter,
		async context(fn) {
			const context = await tookanContext(fn);
			const resource = fn.getNodeParameter('resource', 0) as string;
			const operation = findOperation(resources, resource, fn.getNodeParameter('operation', 0) as string) as
				| TookanOperation
				| undefined;
			if (operation?.userId === 'required' && context.userId === '') {
				throw new ParameterError('User ID', 'is required by this operation: set it in the Tookan credential');
			}
			return context;
		},
	};
}
