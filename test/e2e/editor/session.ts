/**
 * A signed-in n8n editor in Chromium. It signs in through the sign-in form as the harness owner and then
 * stays on that one page: other editor paths are opened through the editor's own router (as its links
 * do), because every full page load makes Chromium parse the whole editor bundle again (10 s and more on
 * a busy machine). It also tracks the editor's parameter look-ups (loadOptions, list searches) so a check
 * can wait for them and report the ones that failed.
 */
import type { Page, Request } from 'playwright-core';

import type { N8nConnection } from '../../../scripts/harness';
import { launchChromium, type Chromium } from '../chromium';

/** What the editor tests look at and screenshot: light theme, 1280×800. */
const VIEWPORT = { width: 1280, height: 800 };

/** The editor's calls into a node's loadOptions / listSearch methods. */
const LOOKUP = '/rest/dynamic-node-parameters/';
const QUIET_MS = 400;
const TIMEOUT_MS = 60_000;
const POLL_MS = 100;
/** vue-router's NavigationFailureType.cancelled: another navigation started before this one ended. */
const CANCELLED = 'navigation failure 8:';

export interface Lookups {
	/** "<status> <path>" of every look-up n8n answered with an error, or that failed. */
	failures: string[];
	/** Resolves once no look-up has been in flight for a moment. */
	settled(): Promise<void>;
}

function watchLookups(page: Page): Lookups {
	const pending = new Set<Request>();
	let lastChange = Date.now();
	const failures: string[] = [];
	const finish = (request: Request, failure?: string) => {
		if (!pending.delete(request)) return;
		if (failure) failures.push(`${failure} ${new URL(request.url()).pathname}`);
		lastChange = Date.now();
	};
	page.on('request', (request) => {
		if (!request.url().includes(LOOKUP)) return;
		pending.add(request);
		lastChange = Date.now();
	});
	page.on('requestfinished', async (request) => {
		if (!pending.has(request)) return;
		const status = (await request.response())?.status() ?? 0;
		finish(request, status >= 400 ? String(status) : undefined);
	});
	page.on('requestfailed', (request) => finish(request, request.failure()?.errorText ?? 'failed'));
	return {
		failures,
		async settled() {
			const deadline = Date.now() + TIMEOUT_MS;
			while (pending.size > 0 || Date.now() - lastChange < QUIET_MS) {
				if (Date.now() > deadline) throw new Error(`editor look-ups still running after ${TIMEOUT_MS} ms`);
				await page.waitForTimeout(POLL_MS);
			}
		},
	};
}

/** Polls `read` until `done` holds for its value; fails with the last value after the timeout. */
export async function until<T>(page: Page, read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
	const deadline = Date.now() + TIMEOUT_MS;
	for (;;) {
		const value = await read();
		if (done(value)) return value;
		if (Date.now() > deadline) throw new Error(`${what} after ${TIMEOUT_MS} ms; last seen: ${JSON.stringify(value)}`);
		await page.waitForTimeout(POLL_MS);
	}
}

export class Editor {
	private constructor(
		private readonly browser: Chromium,
		readonly page: Page,
		readonly lookups: Lookups,
		readonly connection: N8nConnection,
	) {}

	/** Starts Chromium and signs in with the owner's email and password. */
	static async signIn(connection: N8nConnection): Promise<Editor> {
		const browser = await launchChromium({ viewport: VIEWPORT, colorScheme: 'light' });
		try {
			const page = await browser.context.newPage();
			const lookups = watchLookups(page);
			await page.goto(`${connection.url}signin`);
			await page.locator('[data-test-id="emailOrLdapLoginId"] input').fill(connection.email);
			await page.locator('[data-test-id="password"] input').fill(connection.password);
			await page.locator('[data-test-id="form-submit-button"]').click();
			await page.waitForURL((url) => !url.pathname.includes('/signin'));
			// the editor's shell is up (its router no longer redirects) once the main sidebar is drawn
			await page.locator('[data-test-id="main-sidebar-settings"]').waitFor();
			return new Editor(browser, page, lookups, connection);
		} catch (error) {
			await browser.close();
			throw error;
		}
	}

	/**
	 * Opens an editor path (e.g. `home/credentials/create`) through the editor's own Vue router, as its links
	 * do (a pushState + popstate from outside is not always picked up by the router).
	 */
	async go(path: string): Promise<void> {
		const target = new URL(path, this.connection.url).pathname;
		const push = `document.querySelector('#app').__vue_app__.config.globalProperties.$router.push(${JSON.stringify(target)})
			.then((f) => (f ? 'navigation failure ' + f.type + ': ' + f.message : ''))`;
		// a navigation the editor starts itself (e.g. its redirect after signing in) cancels ours: push again
		const failure = await until(this.page, () => this.page.evaluate(push), (result) => !String(result).startsWith(CANCELLED), `opening ${target}`);
		if (failure) throw new Error(`the editor refused to open ${target}: ${String(failure)}`);
		await this.page.waitForURL((url) => url.pathname === target);
	}

	/** Opens a workflow and waits until its canvas shows exactly the nodes `nodeNames`. */
	async openWorkflow(id: string, nodeNames: string[]): Promise<void> {
		await this.go(`workflow/${id}`);
		const want = JSON.stringify([...nodeNames].sort());
		const nodes = this.page.locator('[data-test-id="canvas-node"]');
		await until(
			this.page,
			async () => (await nodes.evaluateAll((all) => all.map((n) => n.getAttribute('data-node-name') ?? ''))).sort(),
			(names) => JSON.stringify(names) === want,
			`the canvas of workflow ${id} does not show the nodes ${want}`,
		);
	}

	async close(): Promise<void> {
		await this.browser.close();
	}
}
