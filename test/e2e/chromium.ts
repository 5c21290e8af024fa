/**
 * Headless Debian Chromium (/usr/bin/chromium driven by playwright-core, no browser download) with a fresh
 * profile that is removed on close: what the browser tests (templates dashboard, editor) look through.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

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

export interface ChromiumOptions {
	viewport: { width: number; height: number };
	colorScheme?: 'light' | 'dark';
}

export interface Chromium {
	context: BrowserContext;
	close(): Promise<void>;
}

export async function launchChromium(options: ChromiumOptions): Promise<Chromium> {
	if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (npm test does it as root)`);
	const profile = mkdtempSync(join(tmpdir(), 'ghl-tookan-chromium-'));
	try {
		const context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM,
			headless: true,
			args: FLAGS,
			viewport: options.viewport,
			colorScheme: options.colorScheme,
		});
		return {
			context,
			async close() {
				await context.close();
				rmSync(profile, { recursive: true, force: true });
			},
		};
	} catch (error) {
		rmSync(profile, { recursive: true, force: true });
		throw error;
	}
}
