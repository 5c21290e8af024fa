/**
 * Waits until every image a locator matches has finished loading (or failed to): only then does
 * `naturalWidth` tell a drawn icon from a broken one.
 */
import type { Locator, Page } from 'playwright-core';

import { until } from './session';

export async function imagesSettled(page: Page, images: Locator): Promise<void> {
	await until(
		page,
		() => images.evaluateAll((all) => all.filter((img) => !(img as unknown as { complete: boolean }).complete).map((img) => img.getAttribute('src'))),
		(loading) => loading.length === 0,
		'icons still loading',
	);
}
