/**
 * A page in headless Chromium (../chromium.ts, a fresh profile each time): opens it, saves a screenshot
 * and returns the page's title, text and `data-metric` numbers.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

import { launchChromium } from '../chromium';

export interface RenderedPage {
	status: number;
	title: string;
	text: string;
	/** data-metric name → the number shown. */
	metrics: Record<string, number>;
}

export async function renderPage(url: string, screenshot: string): Promise<RenderedPage> {
	const browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
	try {
		const page = await browser.context.newPage();
		const response = await page.goto(url, { waitUntil: 'load' });
		mkdirSync(dirname(screenshot), { recursive: true });
		await page.screenshot({ path: screenshot, fullPage: true });
		const pairs = await page.$$eval('[data-metric]', (elements) =>
			elements.map((element) => [element.getAttribute('data-metric') ?? '', element.textContent ?? ''] as [string, string]),
		);
		return {
			status: response?.status() ?? 0,
			title: await page.title(),
			text: await page.innerText('body'),
			metrics: Object.fromEntries(pairs.map(([name, value]) => [name, Number(value)])),
		};
	} finally {
		await browser.close();
	}
}
