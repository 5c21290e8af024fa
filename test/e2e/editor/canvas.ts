/**
 * What the canvas shows for each node: its icon (an image and whether it loaded, an inline SVG, or n8n's
 * "?" placeholder for a type it does not know) and the status badges n8n puts on a node that is not
 * installed or has issues. `canvasProblems` turns that into one line per thing a user would see wrong.
 */
import type { Page } from 'playwright-core';

import { imagesSettled } from './images';
import { iconFile, iconPath, ourNode } from './package-types';

/** n8n 2.x badges: the node type is not installed ("install this node"), the node has issues. */
export const PROBLEM_BADGES = ['node-not-installed', 'node-issues'];

export interface CanvasNode {
	name: string;
	type: string;
	icon: { image?: string; loaded?: boolean; svg?: boolean; placeholder?: string };
	badges: string[];
	/** What the node shows as text: its name and subtitle. */
	text: string;
}

/** Reads every node of the open canvas once its icon images have finished loading. */
export async function canvasNodes(page: Page): Promise<CanvasNode[]> {
	await imagesSettled(page, page.locator('[data-test-id="canvas-node"] .n8n-node-icon img'));
	return page.locator('[data-test-id="canvas-node"]').evaluateAll(
		(elements, badges) =>
			elements.map((element) => {
				const icon = element.querySelector('.n8n-node-icon');
				const img = icon?.querySelector('img') as unknown as { complete: boolean; naturalWidth: number; getAttribute(name: string): string | null } | null;
				return {
					name: element.getAttribute('data-node-name') ?? '',
					type: element.getAttribute('data-node-type') ?? '',
					icon: img
						? { image: img.getAttribute('src') ?? '', loaded: img.complete && img.naturalWidth > 0 }
						: icon?.querySelector('svg')
							? { svg: true }
							: { placeholder: icon?.textContent?.trim() ?? '' },
					badges: badges.filter((badge) => element.querySelector(`[data-test-id="${badge}"]`)),
					text: ((element as unknown as { innerText: string }).innerText ?? '').replace(/\s+/g, ' ').trim(),
				};
			}),
		PROBLEM_BADGES,
	);
}

/** One line per problem: a missing or wrong icon, an icon that did not load, a problem badge. */
export function canvasProblems(nodes: CanvasNode[]): string[] {
	return nodes.flatMap((node) => {
		const problems: string[] = [];
		const ours = ourNode(node.type);
		const { image, loaded, svg, placeholder } = node.icon;
		if (ours) {
			const want = iconPath(iconFile(ours));
			if (image !== want) problems.push(`icon ${image ?? (svg ? 'an inline SVG' : `placeholder "${placeholder}"`)} instead of ${want}`);
		} else if (!image && !svg) {
			problems.push(`no icon (placeholder "${placeholder}")`);
		}
		if (image && !loaded) problems.push(`icon ${image} did not load`);
		problems.push(...node.badges.map((badge) => `badge ${badge}`));
		return problems.map((problem) => `${node.name} (${node.type}): ${problem}`);
	});
}
