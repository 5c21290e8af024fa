/** The node description n8n loads: one Tookan node, 87 operations, parameters that do not collide. */
import type { INodeProperties } from 'n8n-workflow';

import { Tookan } from '../../../package/nodes/Tookan/Tookan.node';

const description = new Tookan().description;
const properties = description.properties;

const shown = (property: INodeProperties, resource: string, operation: string) => {
	const show = (property.displayOptions?.show ?? {}) as Record<string, unknown[]>;
	return show.resource?.includes(resource) && show.operation?.includes(operation);
};

const operations = properties
	.filter((p) => p.name === 'operation')
	.flatMap((p) => {
		const resource = String((p.displayOptions?.show?.resource as string[])[0]);
		return (p.options as Array<{ value: string; action: string }>).map((o) => ({ resource, ...o }));
	});

it('is usable as an AI tool, with subtitle, themed icons and the Tookan credential', () => {
	expect(description).toMatchObject({
		name: 'tookan',
		usableAsTool: true,
		credentials: [{ name: 'tookanApi', required: true }],
		icon: { light: 'file:../../icons/tookan.svg', dark: 'file:../../icons/tookan.dark.svg' },
	});
	expect(description.subtitle).toContain('$parameter["operation"]');
});

it('offers 87 operations over nine resources, each with an action', () => {
	expect(operations).toHaveLength(87);
	expect(new Set(operations.map((o) => o.resource))).toEqual(
		new Set(['task', 'customer', 'agent', 'team', 'manager', 'merchant', 'geofence', 'mission', 'account']),
	);
	for (const o of operations) expect(o.action).toMatch(/^[A-Z]/);
});

it('never shows two parameters of the same name at once', () => {
	for (const { resource, value } of operations) {
		const visible = properties.filter((p) => shown(p, resource, value));
		const byName = new Map<string, INodeProperties[]>();
		for (const p of visible) byName.set(p.name, [...(byName.get(p.name) ?? []), p]);
		for (const [name, same] of byName) {
			// Same-named parameters must be told apart by a further condition (e.g. Task Type).
			if (same.length > 1) {
				const extra = same.map((p) => Object.keys(p.displayOptions?.show ?? {}).filter((k) => k !== 'resource' && k !== 'operation'));
				expect({ resource, value, name, extra: extra.every((keys) => keys.length > 0) }).toEqual({ resource, value, name, extra: true });
			}
		}
	}
});
