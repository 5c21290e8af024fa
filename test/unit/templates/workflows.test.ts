/**
 * The template files in workflows/: up to date with their builders, parameters that this package's nodes
 * really have (names and option values, per resource and operation), credentials by type only and no
 * secrets, the two sticky notes, and an error path for every node that may fail for an item.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INodeProperties, INodeTypeDescription } from 'n8n-workflow';

import { Ghl } from '../../../package/nodes/Ghl/Ghl.node';
import { GhlTrigger } from '../../../package/nodes/GhlTrigger/GhlTrigger.node';
import { GhTriggerl } from '../../../package/nodes/GhTriggerl/GhTriggerl.node';
import { Tookan } from '../../../package/nodes/Tookan/Tookan.node';
import { TookanTrigger } from '../../../package/nodes/TookanTrigger/TookanTrigger.node';
import { TTriggerookan } from '../../../package/nodes/TTriggerookan/TTriggerookan.node';
import { GHL_DEFAULTS } from '../../../sandbox/ghl/defaults';
import { PACKAGE_NAME } from '../../../scripts/harness/paths';
import { render, templateFile, TEMPLATES, WORKFLOWS_DIR } from '../../../scripts/templates/catalogue';

interface Node {
	name: string;
	type: string;
	typeVersion?: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	onError?: string;
}
interface Workflow {
	name: string;
	nodes: Node[];
	connections: Record<string, { main: Array<Array<{ node: string }>> }>;
}

const DESCRIPTIONS: Record<string, INodeTypeDescription> = Object.fromEntries(
	[new Ghl(), new Tookan(), new GhlTrigger(), new TookanTrigger(), new GhTriggerl(), new TTriggerookan()].map((node) => [`${PACKAGE_NAME}.${node.description.name}`, node.description]),
);
const ACTION_TYPES = [`${PACKAGE_NAME}.ghl`, `${PACKAGE_NAME}.tookan`];

const files = readdirSync(WORKFLOWS_DIR).filter((file) => file.endsWith('.json'));
const workflows: Array<[string, Workflow]> = files.map((file) => [file, JSON.parse(readFileSync(join(WORKFLOWS_DIR, file), 'utf8')) as Workflow]);

/** The node's properties n8n shows for this node's parameter values (resource/operation settled). */
function shownProperties(description: INodeTypeDescription, parameters: Record<string, unknown>, typeVersion: number): INodeProperties[] {
	return description.properties.filter((property) => {
		const show = (property.displayOptions?.show ?? {}) as Record<string, unknown[]>;
		return Object.entries(show).every(([name, allowed]) => {
			if (name === '@version') return allowed.includes(typeVersion as never);
			if (name.startsWith('@')) return true;
			const value = parameters[name] ?? description.properties.find((p) => p.name === name)?.default;
			return allowed.includes(value as never);
		});
	});
}

/** Parameter paths (`additionalFields.order_id`) that the node does not have, or option values it does not offer. */
function unknownParameters(node: Node): string[] {
	const description = DESCRIPTIONS[node.type];
	const shown = shownProperties(description, node.parameters, node.typeVersion ?? 1);
	const problems: string[] = [];
	for (const [name, value] of Object.entries(node.parameters)) {
		const property = shown.find((p) => p.name === name);
		if (!property) {
			problems.push(name);
			continue;
		}
		const fixed = (v: unknown) => !(typeof v === 'string' && v.startsWith('='));
		const offered = (v: unknown) => (property.options ?? []).some((o) => 'value' in o && o.value === v);
		// dropdowns filled from the service (loadOptions) take any value; fixed ones only theirs
		const dynamic = property.typeOptions?.loadOptionsMethod !== undefined;
		const chosen = dynamic ? [] : property.type === 'options' ? [value] : property.type === 'multiOptions' && Array.isArray(value) ? value : [];
		for (const v of chosen.filter(fixed)) if (!offered(v)) problems.push(`${name}=${String(v)}`);
		if (property.type === 'collection' && value && typeof value === 'object') {
			const children = (property.options ?? []) as INodeProperties[];
			for (const child of Object.keys(value)) if (!children.some((c) => c.name === child)) problems.push(`${name}.${child}`);
		}
	}
	return problems;
}

describe.each(workflows)('%s', (file, workflow) => {
	it('is what its builder writes', () => {
		const build = TEMPLATES.map((make) => make()).find((flow) => `${flow.slug}.json` === file);
		expect(build).toBeDefined();
		expect(readFileSync(templateFile(build!.slug), 'utf8')).toBe(render(build!));
	});

	it("uses only parameters and values this package's nodes have", () => {
		const ours = workflow.nodes.filter((node) => DESCRIPTIONS[node.type]);
		expect(ours.length).toBeGreaterThan(0);
		expect(Object.fromEntries(ours.map((node) => [node.name, unknownParameters(node)]))).toEqual(
			Object.fromEntries(ours.map((node) => [node.name, []])),
		);
	});

	it('references credentials by type with placeholder ids (GHL: the Marketplace App credential), and holds no secret of any kind (token, key, shared secret)', () => {
		const text = JSON.stringify(workflow);
		for (const secret of [GHL_DEFAULTS.pit, GHL_DEFAULTS.clientSecret, 'sandbox-tookan-api-key', 'sandbox-tookan-shared-secret']) {
			expect(text).not.toContain(secret);
		}
		expect(secretLooking(workflow)).toEqual([]);
		for (const node of workflow.nodes.filter((n) => n.credentials)) {
			for (const [type, ref] of Object.entries(node.credentials!)) {
				// one GHL connection type across the templates, so that one GHL credential fills them all on import; the GHL
				// Trigger's workflow-webhook token has a credential of its own
				expect(['ghlOAuth2Api', 'ghlWorkflowWebhookApi', 'tookanApi']).toContain(type);
				expect(ref.id).toMatch(/-credential$/);
			}
		}
	});

	it('explains itself in "How it works" and "Set up" sticky notes', () => {
		const notes = workflow.nodes.filter((n) => n.type === 'n8n-nodes-base.stickyNote').map((n) => String(n.parameters.content));
		expect(notes.map((n) => n.split('\n')[0])).toEqual(['## How it works', '## Set up']);
	});

	it('gives every GHL/Tookan action an error path: an error output that is connected, or a page that reports it', () => {
		for (const node of workflow.nodes.filter((n) => ACTION_TYPES.includes(n.type))) {
			expect([node.name, node.onError]).toEqual([node.name, expect.stringMatching(/^continue(ErrorOutput|RegularOutput)$/)]);
			if (node.onError === 'continueErrorOutput') {
				expect([node.name, workflow.connections[node.name]?.main[1]?.length ?? 0]).toEqual([node.name, 1]);
			}
		}
	});
});

/** Parameters of this package's nodes that hold a secret or a key (password fields, key overrides, tokens). */
const SECRET_PARAMETERS = new Set(['secretToken', 'publicKey', 'previousPublicKey', 'legacyPublicKey']);
/** Shapes of secrets in text: PEM blocks, long hex or base64 runs (node and webhook ids are UUIDs), PITs, JWTs. */
const SECRET_SHAPES = [/-----BEGIN [A-Z ]+-----/, /\b[0-9a-f]{32,}\b/i, /\b[A-Za-z0-9+/_-]{40,}={0,2}/, /pit-[0-9a-f]{8}-/i, /eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/];

/** "<node>: <parameter>" for every secret-holding parameter and every string shaped like a secret. */
function secretLooking(workflow: Workflow): string[] {
	const found: string[] = [];
	for (const node of workflow.nodes) {
		const description = DESCRIPTIONS[node.type];
		const visit = (value: unknown, path: string, property?: INodeProperties) => {
			if (property && (SECRET_PARAMETERS.has(property.name) || property.typeOptions?.password)) found.push(`${node.name}: ${path}`);
			if (typeof value === 'string' && SECRET_SHAPES.some((shape) => shape.test(value))) found.push(`${node.name}: ${path} looks like a secret`);
			if (value && typeof value === 'object') {
				for (const [key, child] of Object.entries(value)) {
					const childProperty = (property?.options as INodeProperties[] | undefined)?.find?.((o) => o.name === key);
					visit(child, `${path}.${key}`, childProperty ?? (SECRET_PARAMETERS.has(key) ? ({ name: key } as INodeProperties) : undefined));
				}
			}
		};
		for (const [name, value] of Object.entries(node.parameters)) {
			visit(value, name, description?.properties.find((p) => p.name === name) ?? (SECRET_PARAMETERS.has(name) ? ({ name } as INodeProperties) : undefined));
		}
	}
	return found;
}

it('the secret check finds secret parameters and secret-shaped strings, and passes ordinary ones', () => {
	const node = (parameters: Record<string, unknown>): Workflow => ({ name: 't', connections: {}, nodes: [{ name: 'N', type: `${PACKAGE_NAME}.ghlTrigger`, parameters }] });
	expect(secretLooking(node({ source: 'automation', secretToken: 'x' }))).toEqual(['N: secretToken']);
	expect(secretLooking(node({ source: 'app', options: { publicKey: 'abc' } }))).toEqual(['N: options.publicKey']);
	expect(secretLooking(node({ note: 'token=' + 'ab12'.repeat(16) }))).toEqual(['N: note looks like a secret']);
	expect(secretLooking(node({ source: 'automation', id: 'd0e036da-cf58-4f40-a5ee-14a94c171a0f', text: '={{ $json.contact.id }}' }))).toEqual([]);
});

it('the parameter check catches unknown parameters, collection fields and option values', () => {
	const node: Node = {
		name: 'Typo',
		type: `${PACKAGE_NAME}.tookan`,
		parameters: { resource: 'task', operation: 'create', taskType: 'teleport', additionalFields: { orderId: 'x', order_id: 'y' }, colour: 'red' },
	};
	expect(unknownParameters(node)).toEqual(['taskType=teleport', 'additionalFields.orderId', 'colour']);
});

it("the parameter check follows the node's version: a version 2 contact node has the field mapper, not version 1's fields", () => {
	const contact = (typeVersion: number, parameters: Record<string, unknown>): Node => ({
		name: 'Contact',
		type: `${PACKAGE_NAME}.ghl`,
		typeVersion,
		parameters: { resource: 'contact', operation: 'upsert', ...parameters },
	});
	expect(unknownParameters(contact(2, { email: 'a@b.co', additionalFields: {} }))).toEqual(['email', 'additionalFields']);
	expect(unknownParameters(contact(2, { columns: { mappingMode: 'autoMapInputData', value: null } }))).toEqual([]);
	expect(unknownParameters(contact(1, { columns: { mappingMode: 'autoMapInputData', value: null } }))).toEqual(['columns']);
	expect(unknownParameters(contact(1, { email: 'a@b.co', additionalFields: {} }))).toEqual([]);
});

it('has one JSON file and one setup note per template', () => {
	const slugs = TEMPLATES.map((make) => make().slug).sort();
	expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual(slugs);
	const notes = readdirSync(WORKFLOWS_DIR).filter((f) => f.endsWith('.md')).map((f) => f.replace(/\.md$/, ''));
	expect(notes.sort()).toEqual(slugs);
});
