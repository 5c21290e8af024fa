/**
 * The text of an editor tooltip: hover the elements in turn (e.g. a field's label, then the info icon it
 * reveals), read the tooltip once shown, then move the mouse away and wait until it is gone again.
 */
import type { Locator, Page } from 'playwright-core';

export async function tooltipText(page: Page, hover: Locator[], hasText?: string): Promise<string> {
	for (const target of hover) await target.hover();
	const tooltip = page.locator('[data-test-id="tooltip-content"]:visible').filter(hasText ? { hasText } : {}).first();
	await tooltip.waitFor();
	const text = (await tooltip.innerText()).replace(/\s+/g, ' ').trim();
	await page.mouse.move(0, 0);
	await tooltip.waitFor({ state: 'hidden' });
	return text;
}
