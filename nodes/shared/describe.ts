import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { Field, Resource } from './types';

/**
 * Builds the node's parameter list from the resource/operation tables: a Resource selector, one Operation
 * selector per resource, and every operation's fields shown only for that resource and operation. Identical
 * fields used by several operations of a resource become one parameter shown for all of them.
 */
export function describeResources(resources: Resource[]): INodeProperties[] {
	const resourceProperty: INodeProperties = {
		displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: [...resources]
				.sort((a, b) => a.name.localeCompare(b.name))
			.map((r) => ({ name: r.name, value: r.value, ...(r.description ? { description: r.description } : {}) })),
		default: '',
	};
	resourceProperty.default = resources[0].value;
	const properties: INodeProperties[] = [resourceProperty];
	for (const resource of resources) {
		const operationProperty: INodeProperties = {
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: [...resource.operations]
				.sort((a, b) => a.name.localeCompare(b.name))
				.map((op) => ({ name: op.name, value: op.value, description: op.description, action: op.action })),
			default: '',
		};
		operationProperty.default = resource.operations[0].value;
		properties.push(operationProperty);
		properties.push(...fieldsOf(resource));
	}
	return properties;
}

function fieldsOf(resource: Resource): INodeProperties[] {
	const merged = new Map<string, { property: INodeProperties; operations: string[] }>();
	for (const op of resource.operations) {
		for (const field of op.fields) {
			const key = JSON.stringify(field.property);
			const seen = merged.get(key);
			if (seen) seen.operations.push(op.value);
			else merged.set(key, { property: field.property, operations: [op.value] });
		}
	}
	return [...merged.values()].map(({ property, operations }) => ({
		...property,
		displayOptions: {
			...(property.displayOptions ?? {}),
			show: {
				resource: [resource.value],
				operation: operations,
				...((property.displayOptions?.show ?? {}) as IDataObject),
			},
		},
	})) as INodeProperties[];
}

/** Every field of an operation, collections flattened, keyed by parameter name (for building requests). */
export function fieldIndex(fields: Field[]): Map<string, Field> {
	const index = new Map<string, Field>();
	for (const f of fields) index.set(f.property.name, f);
	return index;
}
