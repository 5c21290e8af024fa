/**
 * n8n's resource mapper in an open parameter panel, as a user works it: the mapping mode, the columns it shows
 * (each with the kind of input the editor draws for its type), a column's drop-down, typing a value, adding
 * every column, and running the node with "Execute step".
 */
import type { Locator } from 'playwright-core';

import { ndv } from './panel';
import { until, type Editor } from './session';

/** The input the editor draws for a column: what tells a user the column's type. */
export type InputKind = 'text' | 'number' | 'date' | 'drop-down' | 'switch';

export interface Column {
	/** The column's id (the mapper's field id, e.g. `customField:abc`). */
	id: string;
	label: string;
	kind: InputKind;
}

export const mapperOf = (editor: Editor): Locator => ndv(editor.page).locator('[data-test-id="resource-mapper-container"]');

/** The wrapper of one column's input: n8n names it `parameter-input-value["<column id>"]`. */
export const columnInput = (editor: Editor, id: string): Locator =>
	mapperOf(editor).locator(`div[data-test-id=${JSON.stringify(`parameter-input-value["${id}"]`)}]`);

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
	return await mapperOf(editor)
		.locator('[data-test-id^="parameter-input-value["]')
		.evaluateAll((wrappers) =>
			wrappers
				.filter((w) => w.tagName === 'DIV' && !w.parentElement?.closest('[data-test-id^="parameter-input-value["]'))
				.map((w) => {
					const testId = w.getAttribute('data-test-id') ?? '';
					const id = testId.slice('parameter-input-value["'.length, -2);
					const item = w.closest('.parameter-item');
					const label = (item?.querySelector('label')?.textContent ?? '').replace(/\s+/g, ' ').trim();
					const has = (selector: string) => w.querySelector(selector) !== null;
					const kind = has('.el-switch')
						? 'switch'
						: has('.el-date-editor')
							? 'date'
							: has('.el-input-number, input[type="number"]')
								? 'number'
								: has('.el-select, .n8n-select')
									? 'drop-down'
									: 'text';
					return { id, label, kind };
				}),
		) as Column[];
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

/** Types a value into a text, number or date column and leaves it (Tab), as a user does. */
export async function type(editor: Editor, id: string, value: string): Promise<void> {
	const input = columnInput(editor, id).locator('input, textarea').first();
	await input.click();
	await input.fill(value);
	await input.press('Tab');
}

/** Runs the open node (and the nodes before it) with the panel's "Execute step" button. */
export async function executeStep(editor: Editor): Promise<void> {
	await ndv(editor.page).locator('[data-test-id="node-execute-button"]').click();
}
