/**
 * A node's parameter panel (NDV): opened by double-clicking the node on the canvas, read once the
 * editor's look-ups for it have settled (parameters shown, each parameter issue
 * with the text of its tooltip), closed with its close button.
 */
import type { Locator, Page } from 'playwright-core';

import { until, type Editor } from './session';
import { tooltipText } from './tooltip';

export interface Panel {
	/** Names of the parameters the panel shows a field for (`label[for]`). */
	fields: string[];
	/** "<parameter>: <issue text>" for every parameter marked with an issue. */
	issues: string[];
	/** Look-ups (loadOptions, list searches) n8n answered with an error since the panel was opened. */
	failedLookups: string[];
}

export const ndv = (page: Page): Locator => page.locator('[data-test-id="ndv"]');

export async function openPanel(editor: Editor, nodeName: string): Promise<Locator> {
	editor.lookups.failures.length = 0;
	await editor.page.locator(`[data-test-id="canvas-node"][data-node-name="${nodeName}"]`).dblclick();
	const parameters = ndv(editor.page).locator('[data-test-id="node-parameters"]');
	await parameters.waitFor();
	await editor.lookups.settled();
	return parameters;
}

export async function readPanel(editor: Editor): Promise<Panel> {
	const parameters = ndv(editor.page).locator('[data-test-id="node-parameters"]');
	const fields = await parameters.locator('label[for]').evaluateAll((labels) => labels.map((l) => l.getAttribute('for') ?? ''));
	const issues: string[] = [];
	for (const marker of await parameters.locator('[data-test-id="parameter-issues"]').all()) {
		const parameter = await marker.evaluate(
			(e) => e.closest('[data-test-id="parameter-item"]')?.querySelector('label[for]')?.getAttribute('for') ?? '?',
		);
		issues.push(`${parameter}: ${(await tooltipText(editor.page, [marker], 'Issues')).replace(/^Issues:\s*/, '')}`);
	}
	return { fields, issues, failedLookups: [...editor.lookups.failures] };
}

/** The credential the panel's credential field shows ('' when the node has none). */
async function pickedCredential(editor: Editor): Promise<string> {
	const picker = ndv(editor.page).locator('[data-test-id="node-parameters"] [data-test-id="node-credentials-select"] input');
	return (await picker.count()) ? await picker.inputValue() : '';
}

/**
 * Waits until the credential field shows `name` (until the editor has loaded the credentials it shows the
 * credential's id); fails with what it shows instead.
 */
export async function waitForCredential(editor: Editor, name: string): Promise<void> {
	await until(editor.page, () => pickedCredential(editor), (shown) => shown === name, `the panel's credential is not "${name}"`);
}

export async function closePanel(page: Page): Promise<void> {
	await ndv(page).locator('[data-test-id="ndv-close-button"]').click();
	await ndv(page).waitFor({ state: 'hidden' });
}
