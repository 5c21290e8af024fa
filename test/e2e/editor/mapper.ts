/**
 * n8n's resource mapper in an open parameter panel, as a user works it: the mapping mode, the columns it shows
 * (each with the kind of input the editor draws for its type), a column's drop-down, typing a value, adding
 * every column, and running the node with "Execute step".
 */
import type { Locator } from 'playwright-core';

import { ndv } from './panel';
import { until, type Editor } from './session';

/** The input the editor draws for a column: what tells a user the column's type. */
export type InputKind = 'text' | 'number' | 'date' | 'drop-down' | 'switch' | 'json';

export interface Column {
	/** The column's id (the mapper's field id, e.g. `customField:abc`). */
	id: string;
	label: string;
	kind: InputKind;
}

export const mapperOf = (editor: Editor): Locator => ndv(editor.page).locator('[data-test-id="resource-mapper-container"]');

/** One column's row (label and input): n8n labels it `for="value[\"<column id>\"]"`. */
export const columnInput = (editor: Editor, id: string): Locator =>
	mapperOf(editor)
		.locator('.parameter-item')
		.filter({ has: editor.page.locator(`label[for=${JSON.stringify(`value["${id}"]`)}]`) })
		.locator('[data-test-id="parameter-input"]');

/** Waits until the mapper has loaded its columns (no "Fetching fields" any more, no look-up in flight). */
export async function mapperReady(editor: Editor): Promise<void> {
	await mapperOf(editor).locator('[data-test-id="mapping-mode-select"]').waitFor();
	await editor.lookups.settled();
	await until(
		editor.page,
		() => mapperOf(editor).innerText(),
		(text) => !/Fetching fields/i.test(text),
		'the field mapper is still fetching its fields',
	);
}

/** Chooses a mapping mode by the text n8n shows ("Map Automatically", "Map Each Column Manually"). */
export async function chooseMappingMode(editor: Editor, mode: string): Promise<void> {
	await mapperOf(editor).locator('[data-test-id="mapping-mode-select"] input').click();
	await editor.page.getByRole('option').filter({ hasText: mode }).click();
	await editor.lookups.settled();
}

/** "Add All Fields" from the menu of the mapper's value list (n8n's action toggle beside "Values to Send"). */
export async function addAllColumns(editor: Editor): Promise<void> {
	const list = mapperOf(editor).locator('[data-test-id="mapping-fields-container"]');
	await list.hover();
	await list.locator('[data-test-id="action-toggle"]').first().locator('button').click();
	await editor.page.locator('[data-test-id="action-addAllFields"]').click();
	await until(
		editor.page,
		() => shownColumns(editor),
		(columns) => columns.some((c) => c.id.startsWith('customField:')),
		'"Add All Fields" did not show the custom fields',
	);
}

/** The columns the mapper shows, top to bottom, with the kind of input drawn for each. */
export async function shownColumns(editor: Editor): Promise<Column[]> {
	return (await mapperOf(editor)
		.locator('[data-test-id="mapping-fields-container"] .parameter-item')
		.evaluateAll((items) =>
			items.map((item) => {
				const label = item.querySelector('label[for^="value["]');
				const id = (label?.getAttribute('for') ?? '').replace(/^value\["/, '').replace(/"\]$/, '');
				const input = item.querySelector('[data-test-id="parameter-input"]');
				const has = (selector: string) => input?.querySelector(selector) != null;
				const kind = has('.el-switch')
					? 'switch'
					: has('.el-date-editor')
						? 'date'
						: has('[data-test-id="input-number"]')
							? 'number'
							: has('.el-select, .n8n-select')
								? 'drop-down'
								: has('.cm-editor')
									? 'json'
									: 'text';
				return { id, label: (label?.textContent ?? '').replace(/\s+/g, ' ').trim(), kind };
			}),
		)) as Column[];
}

/** Opens a drop-down column and returns the texts of its options (then closes it again). */
export async function dropDownOptions(editor: Editor, id: string): Promise<string[]> {
	await columnInput(editor, id).click();
	const options = editor.page.getByRole('option').locator('visible=true');
	await options.first().waitFor();
	const texts = (await options.allInnerTexts()).map((t) => t.split('\n')[0].trim());
	await editor.page.keyboard.press('Escape');
	await options.first().waitFor({ state: 'hidden' });
	return texts;
}

/** Picks an option of a drop-down column by its text. */
export async function pick(editor: Editor, id: string, text: string): Promise<void> {
	await columnInput(editor, id).click();
	await editor.page.getByRole('option').locator('visible=true').filter({ hasText: new RegExp(`^${text}$`) }).click();
}

/** Types a value into a text, number, date or JSON column and leaves it, as a user does. */
export async function type(editor: Editor, id: string, value: string): Promise<void> {
	const code = columnInput(editor, id).locator('.cm-content');
	if (await code.count()) {
		await code.click();
		await editor.page.keyboard.press('Control+a');
		await editor.page.keyboard.insertText(value);
		// leave the editor, as clicking elsewhere does
		await code.evaluate((e) => (e as unknown as { blur(): void }).blur());
		return;
	}
	const input = columnInput(editor, id).locator('input, textarea').first();
	await input.click();
	await input.fill(value);
	// a date picker takes a typed date on Enter
	await input.press((await columnInput(editor, id).locator('.el-date-editor').count()) ? 'Enter' : 'Tab');
}

/** Runs the open node (and the nodes before it) with the panel's "Execute step" button. */
export async function executeStep(editor: Editor): Promise<void> {
	await ndv(editor.page).locator('[data-test-id="node-execute-button"]').click();
}
