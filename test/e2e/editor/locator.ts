/**
 * The parts of an open parameter panel a user clicks: an options field (pick an option by its text) and a
 * resource locator ("From list" mode, its list of results, picking one).
 */
import type { Locator } from 'playwright-core';

import { ndv } from './panel';
import type { Editor } from './session';

/** Opens the dropdown of an options parameter and clicks the option whose text contains `text`. */
export async function chooseOption(editor: Editor, parameter: string, text: string): Promise<void> {
	// div: the parameter's wrapper (a text input inside any field is "parameter-input-field" too)
	await ndv(editor.page).locator(`div[data-test-id="parameter-input-${parameter}"]`).click();
	await editor.page.getByRole('option').filter({ hasText: text }).click();
	await editor.lookups.settled();
}

export function resourceLocator(editor: Editor, parameter: string): Locator {
	return ndv(editor.page).locator(`[data-test-id="resource-locator-${parameter}"]`);
}

/** The locator's mode as shown ("From list", "By ID", …). */
export async function locatorMode(editor: Editor, parameter: string): Promise<string> {
	return resourceLocator(editor, parameter).locator('[data-test-id="rlc-mode-selector"] input').inputValue();
}

/** Opens the "From list" results of a locator in list mode and returns their texts once loaded. */
export async function openLocatorList(editor: Editor, parameter: string): Promise<string[]> {
	await resourceLocator(editor, parameter).locator('[data-test-id="rlc-input"]').click();
	const items = editor.page.locator('[data-test-id="rlc-item"]');
	await items.first().waitFor();
	await editor.lookups.settled();
	return (await items.allInnerTexts()).map((text) => text.trim());
}

/** Clicks the list result whose text contains `text`; returns what the field then shows. */
export async function pickFromList(editor: Editor, parameter: string, text: string): Promise<string> {
	await editor.page.locator('[data-test-id="rlc-item"]').filter({ hasText: text }).click();
	await editor.page.locator('[data-test-id="rlc-item"]').first().waitFor({ state: 'hidden' });
	return resourceLocator(editor, parameter).locator('[data-test-id="rlc-input"]').inputValue();
}
