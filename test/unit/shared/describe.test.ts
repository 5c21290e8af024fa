/**
 * The parameter list describeResources builds, as n8n's editor reads it: each operation shows its fields in
 * the order it declares them, resources and operations keep table order, and the defaults never move
 * (n8n leaves parameters at their default out of saved workflows, so a moved default would change them).
 */
import { NodeHelpers, type INodeParameters, type INodeTypeDescription } from 'n8n-workflow';

import { Ghl } from '../../../package/nodes/Ghl/Ghl.node';
import { resources as ghlResources } from '../../../package/nodes/GhlContacts/resources';
import type { Resource } from '../../../package/nodes/shared/types';
import { resources as tookanResources } from '../../../package/nodes/Tookan/resources';
import { Tookan } from '../../../package/nodes/Tookan/Tookan.node';

const NODES: Array<[string, INodeTypeDescription, Resource[]]> = [
	['GHL', new Ghl().description, ghlResources],
	['Tookan', new Tookan().description, tookanResources],
];

/** Names of the parameters n8n displays for these values, in display order (authentication and the node-level ones left out). */
function shown(description: INodeTypeDescription, values: INodeParameters): string[] {
	const node = { typeVersion: 1 } as never;
	const full = NodeHelpers.getNodeParameters(description.properties, values, true, false, node, description) ?? {};
	return description.properties.filter((p) => NodeHelpers.displayParameter(full, p, node, description)).map((p) => p.name);
}

const cases = NODES.flatMap(([node, description, resources]) =>
	resources.flatMap((resource) => resource.operations.map((op) => [`${node} ${resource.name} › ${op.name}`, description, resource.value, op] as const)),
);

it.each(cases)('%s shows its fields in the order it declares them', (_, description, resource, op) => {
	const declared = op.fields.map((f) => f.property.name);
	const names = shown(description, { resource, operation: op.value, authentication: 'privateIntegrationToken' });
	expect(names.filter((name) => declared.includes(name))).toEqual([...new Set(declared)].filter((name) => names.includes(name)));
});

it.each(NODES)('%s: resources and operations are listed in table order', (_, description, resources) => {
	const resource = description.properties.find((p) => p.name === 'resource');
	expect(resource?.options?.map((o) => (o as { value: string }).value)).toEqual(resources.map((r) => r.value));
	for (const r of resources) {
		const operation = description.properties.find((p) => p.name === 'operation' && (p.displayOptions?.show?.resource as string[]).includes(r.value));
		expect(operation?.options?.map((o) => (o as { value: string }).value)).toEqual(r.operations.map((op) => op.value));
	}
});

// the defaults of the first release: saved workflows that left them out depend on them
const DEFAULTS: Record<string, Record<string, string>> = {
	GHL: { resource: 'contact', contact: 'upsert', task: 'create', note: 'create', tag: 'add', campaign: 'add', workflow: 'add', follower: 'add', appointment: 'getAll', business: 'create' },
	Tookan: { resource: 'task', task: 'create', customer: 'create', agent: 'getAll', team: 'getAll', manager: 'getAll', merchant: 'getAll', geofence: 'getAll', mission: 'getAll', account: 'get' },
};

it.each(NODES)('%s: the default resource and each resource\'s default operation are unchanged', (node, description) => {
	const defaults: Record<string, string> = {};
	for (const p of description.properties) {
		if (p.name === 'resource') defaults.resource = p.default as string;
		if (p.name === 'operation') defaults[(p.displayOptions?.show?.resource as string[])[0]] = p.default as string;
	}
	expect(defaults).toEqual(DEFAULTS[node]);
});
