/**
 * n8n's node panel (the "node creator"): opened on an empty workflow with "Add first step", searched as a
 * user types, read entry by entry (node type, name, description, icon), and one entry opened to read its
 * Triggers and Actions lists.
 */
import type { Locator } from 'playwright-core';

import type { WorkflowJson } from '../../../scripts/harness';
import { getN8n } from '../n8n';
import { imagesSettled } from './images';
import { until, type Editor } from './session';

export interface PaletteEntry {
	/** The node type the entry adds (an entry of an action node and its triggers carries the action's type). */
	type: string;
	name: string;
	description: string;
	icon: string;
}

export interface OpenedEntry {
	/** "Triggers" / "Actions" → the labels listed under it. */
	lists: Record<string, string[]>;
	/** "Triggers" / "Actions" → the count in its heading ("Actions (42)"). */
	counts: Record<string, number>;
}

const ITEM = '[data-test-id="node-creator"] [data-test-id="item-iterator-item"]';

export class NodePanel {
	private constructor(
		private readonly editor: Editor,
		readonly workflowId: string,
	) {}

	/** Opens an empty workflow and its node panel ("Add first step"). */
	static async open(editor: Editor, name: string): Promise<NodePanel> {
		const id = await getN8n().importWorkflow({ name, nodes: [], connections: {} } as unknown as WorkflowJson, { credentials: [] });
		await editor.go(`workflow/${id}`);
		await editor.page.locator('[data-test-id="canvas-add-button"]').first().click();
		await editor.page.locator('[data-test-id="node-creator-search-bar"]').waitFor();
		return new NodePanel(editor, id);
	}

	get creator(): Locator {
		return this.editor.page.locator('[data-test-id="node-creator"]');
	}

	/**
	 * Types `term` into the search field and returns the entries once they are results for it (one names or
	 * describes it; the panel's own lists show before the results) and have stopped changing.
	 */
	async search(term: string): Promise<PaletteEntry[]> {
		const page = this.editor.page;
		await page.locator('[data-test-id="node-creator-search-bar"]').fill(term);
		const matches = (entry: PaletteEntry) => `${entry.name} ${entry.description}`.toLowerCase().includes(term.toLowerCase());
		let last = '';
		await until(
			page,
			async () => {
				const entries = await this.entries();
				const now = JSON.stringify(entries);
				const settled = entries.some(matches) && now === last;
				last = now;
				return settled;
			},
			(settled) => settled,
			`the node panel shows no settled results for "${term}"`,
		);
		await imagesSettled(page, page.locator(`${ITEM} img`));
		return this.entries();
	}

	private async entries(): Promise<PaletteEntry[]> {
		return this.editor.page.locator(ITEM).evaluateAll((items) =>
			items
				.filter((item) => item.getAttribute('data-keyboard-nav-type') === 'node')
				.map((item) => ({
					// "<node type>-<uuid>"
					type: (item.getAttribute('data-keyboard-nav-id') ?? '').replace(/-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, ''),
					name: (item.querySelector('[data-test-id="node-creator-item-name"]') as unknown as { innerText: string } | null)?.innerText.trim() ?? '',
					description: (item.querySelector('[data-test-id="node-creator-item-description"]') as unknown as { innerText: string } | null)?.innerText.trim() ?? '',
					icon: item.querySelector('img')?.getAttribute('src') ?? '',
				})),
		);
	}

	/** Opens the entry of `type` from the current results (as n8n first shows it: Triggers open, Actions folded). */
	async openEntry(type: string): Promise<void> {
		await this.editor.page.locator(`${ITEM}[data-keyboard-nav-id^="${type}-"]`).click();
		await this.creator.locator('[data-test-id="node-creator-category-item"]').first().waitFor();
		await imagesSettled(this.editor.page, this.creator.locator('img'));
	}

	/** Reads the opened entry's lists, every category unfolded. */
	async readEntry(): Promise<OpenedEntry> {
		const categories = this.creator.locator('[data-test-id="node-creator-category-item"]');
		for (const category of await categories.all()) {
			const collapsed = await category.evaluate((e) => e.closest('[data-category-collapsed]')?.getAttribute('data-category-collapsed') === 'true');
			if (collapsed) await category.click();
		}
		// the lists render a moment after their category unfolds
		return until(this.editor.page, () => this.lists(), (entry) => Object.entries(entry.counts).every(([name, count]) => entry.lists[name].length === count), 'the entry\'s lists are incomplete');
	}

	private async lists(): Promise<OpenedEntry> {
		return this.creator.evaluate((root) => {
			const lists: Record<string, string[]> = {};
			const counts: Record<string, number> = {};
			for (const group of root.querySelectorAll('[data-category-collapsed]')) {
				const heading = (group.querySelector('[data-test-id="node-creator-category-item"]') as unknown as { innerText: string } | null)?.innerText.trim() ?? '';
				const match = /^(.*?)\s*\((\d+)\)/.exec(heading);
				if (!match) continue;
				counts[match[1]] = Number(match[2]);
				lists[match[1]] = [...group.querySelectorAll('[data-test-id="node-creator-item-name"]')].map((e) => (e as unknown as { innerText: string }).innerText.trim());
			}
			return { lists, counts };
		});
	}

	/** Clicks an action or trigger of the opened entry by its label; n8n adds the node and opens its panel. */
	async add(label: string): Promise<void> {
		await this.creator.locator('[data-test-id="node-creator-item-name"]', { hasText: label }).first().click();
	}

	async delete(): Promise<void> {
		await getN8n().api('DELETE', `/workflows/${this.workflowId}`).catch(() => undefined);
	}
}
