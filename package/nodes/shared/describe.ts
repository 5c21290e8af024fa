import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { Field, Resource } from './types';

/**
 * Builds the node's parameter list from the resource/operation tables: a Resource selector, one Operation
 * selector per resource, and every operation's fields shown only for that resource and operation.
 *
 * Resources and operations are listed in table order, most used first (n8n's node panel lists the actions in
 * the same order). Each one's default is the first of its table: n8n leaves parameters at their default out
 * of saved workflows, so the first entries must never change (test/unit/shared/describe.test.ts).
 */
export function describeResources(resources: Resource[]): INodeProperties[] {
	// (defaults set after the literals: n8n's lint wants a literal `default` in each)
	const resourceProperty: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map((r) => ({ name: r.name, value: r.value, ...(r.description ? { description: r.description } : {}) })),
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
			options: resource.operations.map((op) => ({ name: op.name, value: op.value, description: op.description, action: op.action })),
			default: '',
		};
		operationProperty.default = resource.operations[0].value;
		properties.push(operationProperty, ...fieldsOf(resource));
	}
	return properties;
}

/**
 * The node's subtitle on the canvas: the chosen operation and resource by their names ("Find by Phone:
 * Customer"), in n8n's "operation: resource" order, instead of the raw values ("findByPhone: customer").
 */
export function subtitleOf(resources: Resource[]): string {
	const names: Record<string, string> = {};
	for (const resource of resources) for (const op of resource.operations) names[`${resource.value}:${op.value}`] = `${op.name}: ${resource.name}`;
	return `={{ (${JSON.stringify(names)})[$parameter["resource"] + ":" + $parameter["operation"]] || "" }}`;
}

/**
 * The fields of a resource's operations, each operation's in its own order. A field several operations
 * declare identically becomes one parameter shown for all of them, where that keeps every operation's order
 * (otherwise it is listed again): n8n shows parameters in list order.
 */
function fieldsOf(resource: Resource): INodeProperties[] {
	const merged: Array<{ key: string; property: INodeProperties; operations: string[] }> = [];
	for (const op of resource.operations) {
		let last = -1;
		for (const field of op.fields) {
			const key = JSON.stringify(field.property);
			const at = merged.findIndex((entry, index) => index > last && entry.key === key);
			if (at >= 0) {
				merged[at].operations.push(op.value);
				last = at;
			} else {
				merged.splice(last + 1, 0, { key, property: field.property, operations: [op.value] });
				last += 1;
			}
		}
	}
	return merged.map(({ property, operations }) => ({
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
