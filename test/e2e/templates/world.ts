/**
 * What a template e2e test file works with: a fresh sandbox (seeded), the template JSON files installed in
 * the shared real n8n with sandbox credentials and published, and readers for the sandbox state.
 */
import { randomUUID } from 'node:crypto';

import type { SeedRequest } from '../../../sandbox/core/options';
import { createSandbox, type Sandbox } from '../../../sandbox/server';
import type { Execution } from '../../../scripts/harness';
import type { TemplateSlug } from '../../../scripts/templates/catalogue';
import { settle } from '../../../scripts/templates/events';
import { installTemplates, uninstallTemplates, type InstalledTemplates, type TemplateUrls } from '../../../scripts/templates/install';
import { LOCATION, tookanOf } from '../../../scripts/templates/sandbox-api';
import { getN8n } from '../n8n';

export type Json = Record<string, unknown>;

export interface World {
	sandbox: Sandbox;
	installed: InstalledTemplates;
	/** Waits until every webhook was delivered and every execution it started has finished. */
	settle(): Promise<void>;
	url(key: keyof TemplateUrls): string;
	/** The executions of a template, oldest first. */
	executions(slug: TemplateSlug): Promise<Execution[]>;
}

export const DEFAULT_SEED: SeedRequest = { ghl: { contacts: 3, businesses: 1 }, tookan: { tasks: 6, agents: 3 } };

/** Registers beforeAll/afterAll that set up (and take down) the sandbox and the templates `only`. */
export function useTemplates(only: TemplateSlug[], seed: SeedRequest = DEFAULT_SEED): World {
	const n8n = getN8n();
	const world = {
		async settle() {
			await settle(n8n, world.sandbox, Object.values(world.installed.ids));
		},
		url(key) {
			const url = world.installed.urls[key];
			if (!url) throw new Error(`no ${key} URL: that template is not installed`);
			return url;
		},
		async executions(slug) {
			const id = world.installed.ids[slug];
			if (!id) throw new Error(`${slug} is not installed`);
			return (await n8n.executions({ workflowId: id, includeData: true })).reverse();
		},
	} as World;
	beforeAll(async () => {
		world.sandbox = await createSandbox({ faults: 'none', seed, config: { webhooks: { retryDelayMs: 20 } } });
		const label = randomUUID().slice(0, 8);
		world.installed = await installTemplates(n8n, world.sandbox, { only, label, dashboardPath: `ops-dashboard-${label}` });
	});
	afterAll(async () => {
		if (world.installed) await uninstallTemplates(n8n, world.installed);
		await world.sandbox?.close();
	});
	return world;
}

/** GHL records of the default location. */
export function ghl(world: World, collection: 'contacts' | 'tasks' | 'notes' | 'businesses', filter: { contactId?: string; id?: string } = {}): Json[] {
	return world.sandbox.admin.ghlRecords(collection, { locationId: LOCATION, ...filter }) as Json[];
}

export function contactByEmail(world: World, email: string): Json[] {
	return ghl(world, 'contacts').filter((c) => c.email === email);
}

/** The Tookan state (tasks as get_job_details shows them, customers, agents). */
export function tookan(world: World): { tasks: Json[]; customers: Json[]; agents: Json[] } {
	return tookanOf(world.sandbox).snapshot() as { tasks: Json[]; customers: Json[]; agents: Json[] };
}

/** Statuses of the template's executions, e.g. ['success', 'success']. */
export async function statuses(world: World, slug: TemplateSlug): Promise<string[]> {
	return (await world.executions(slug)).map((e) => e.status);
}
