/**
 * Screenshots of the editor: saved under test-results/editor/ (git-ignored) on every run. Only with
 * UPDATE_DOCS_SCREENSHOTS=1 are the ones the README shows also copied into docs/ (committed), so a
 * normal test run leaves the tree clean.
 */
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Locator, Page } from 'playwright-core';

import { REPO_ROOT } from '../../../scripts/harness';

export const SHOTS_DIR = join(REPO_ROOT, 'test-results', 'editor');
export const DOCS_DIR = join(REPO_ROOT, 'docs');
const UPDATE_DOCS = process.env.UPDATE_DOCS_SCREENSHOTS === '1';

/** A file name from a node or template name: "Get the GHL tasks" → "get-the-ghl-tasks". */
export const slugOf = (name: string) => name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/**
 * Saves a PNG of the page (or of one element) as test-results/editor/<name>.png and returns its size in
 * bytes; `docs` names the copy in docs/ (made only when updating the docs).
 */
export async function screenshot(target: Page | Locator, name: string, docs?: string): Promise<number> {
	const file = join(SHOTS_DIR, `${name}.png`);
	mkdirSync(dirname(file), { recursive: true });
	await target.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
	if (docs && UPDATE_DOCS) {
		mkdirSync(DOCS_DIR, { recursive: true });
		copyFileSync(file, join(DOCS_DIR, `${docs}.png`));
	}
	return statSync(file).size;
}
