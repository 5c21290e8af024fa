/**
 * Headless Chromium (Debian's /usr/bin/chromium driven by playwright-core) with a fresh profile: opens a
 * page, saves a screenshot and returns the page's title, text and `data-metric` numbers.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface RenderedPage {
	status: number;
	title: string;
	text: string;
	/** data-metric name → the number shown. */
	metrics: Record<string, number>;
}

export async function renderPage(url: string, screenshot: string): Promise<RenderedPage> {
	if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (npm test does it as root)`);
	const profile = mkdtempSync(join(tmpdir(), 'ghl-tookan-chromium-'));
	const browser = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: FLAGS,
		viewport: { width: 1280, height: 900 },
	});
	try {
		const page = await browser.newPage();
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
		rmSync(profile, { recursive: true, force: true });
	}
}
