/**
 * A small builder for n8n workflow JSON: nodes placed on a grid, connections by node name, sticky notes,
 * and ids derived from the template and node names (so a rebuilt template is byte-for-byte the same).
 */
import { createHash } from 'node:crypto';

import type { WorkflowJson, WorkflowNode } from '../harness/workflow-payload';

/** Grid cell → canvas position (columns 260 px apart, rows 200 px apart). */
export type Cell = [column: number, row: number];

export interface NodeOptions {
	/** What happens when the node fails for an item: stop, keep going, or send the item to the error output. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	alwaysOutputData?: boolean;
	executeOnce?: boolean;
	notes?: string;
	credentials?: Record<string, { id: string; name: string }>;
}

export interface NodeSpec extends NodeOptions {
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	at: Cell;
	/** Give the node a webhookId (triggers and webhooks). */
	webhook?: boolean;
}

interface Link {
	node: string;
	type: 'main';
	index: number;
}

const COLUMN = 260;
const ROW = 200;

/** A UUID-shaped id that only depends on its inputs. */
export function stableId(...parts: string[]): string {
	const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export class Flow {
	private readonly nodes: WorkflowNode[] = [];
	private readonly connections: Record<string, { main: Link[][] }> = {};

	constructor(
		readonly name: string,
		/** File name without extension; also seeds the ids. */
		readonly slug: string,
	) {}

	add(spec: NodeSpec): string {
		if (this.nodes.some((n) => n.name === spec.name)) throw new Error(`${this.slug}: two nodes are named "${spec.name}"`);
		if (spec.name.includes("'")) throw new Error(`${this.slug}: "${spec.name}": no quotes in node names (expressions quote them)`);
		const node: WorkflowNode = {
			id: stableId(this.slug, spec.name),
			name: spec.name,
			type: spec.type,
			typeVersion: spec.typeVersion,
			position: [spec.at[0] * COLUMN, spec.at[1] * ROW],
			parameters: spec.parameters,
		};
		if (spec.webhook) node.webhookId = stableId(this.slug, spec.name, 'webhook');
		if (spec.credentials) node.credentials = spec.credentials;
		if (spec.onError) node.onError = spec.onError;
		if (spec.alwaysOutputData) node.alwaysOutputData = true;
		if (spec.executeOnce) node.executeOnce = true;
		if (spec.notes) {
			node.notes = spec.notes;
			node.notesInFlow = false;
		}
		this.nodes.push(node);
		return spec.name;
	}

	/** Connects `from`'s output (0 = main, 1 = the error output of a node with onError continueErrorOutput, or IF false). */
	link(from: string, to: string, output = 0): this {
		for (const name of [from, to]) {
			if (!this.nodes.some((n) => n.name === name)) throw new Error(`${this.slug}: no node named "${name}"`);
		}
		const outputs = (this.connections[from] ??= { main: [] }).main;
		while (outputs.length <= output) outputs.push([]);
		outputs[output].push({ node: to, type: 'main', index: 0 });
		return this;
	}

	/** Links a chain of nodes, each one's main output to the next. */
	chain(...names: string[]): this {
		for (let i = 1; i < names.length; i++) this.link(names[i - 1], names[i]);
		return this;
	}

	/** A sticky note: `title` as a heading, then markdown; `size` in grid cells. */
	sticky(title: string, markdown: string, at: Cell, size: [columns: number, rows: number], color = 7): this {
		this.add({
			name: title,
			type: 'n8n-nodes-base.stickyNote',
			typeVersion: 1,
			at,
			parameters: {
				content: `## ${title}\n\n${markdown.trim()}`,
				width: size[0] * COLUMN - 20,
				height: size[1] * ROW - 20,
				color,
			},
		});
		return this;
	}

	/** Node names that expressions and Code nodes reference with `$('Name')` but that do not exist. */
	unknownReferences(): string[] {
		const names = new Set(this.nodes.map((n) => n.name));
		const text = JSON.stringify(this.nodes.map((n) => n.parameters));
		const referenced = [...text.matchAll(/\$\('([^']+)'\)/g)].map((m) => m[1]);
		return [...new Set(referenced)].filter((name) => !names.has(name));
	}

	/**
	 * The two notes every template has, above its nodes: "How it works" (`width` columns) and "Set up" (the
	 * rest of `columns`, in yellow).
	 */
	explain(howItWorks: string, setUp: string, width = 5, columns = 9): this {
		this.sticky('How it works', howItWorks, [0, -2], [width, 2]);
		return this.sticky('Set up', setUp, [width, -2], [columns - width, 2], 5);
	}

	json(): WorkflowJson {
		const unknown = this.unknownReferences();
		if (unknown.length) throw new Error(`${this.slug}: expressions refer to missing nodes: ${unknown.join(', ')}`);
		return {
			name: this.name,
			nodes: this.nodes,
			connections: this.connections,
			pinData: {},
			settings: { executionOrder: 'v1', saveManualExecutions: true },
			meta: { templateCredsSetupCompleted: false },
		};
	}
}
