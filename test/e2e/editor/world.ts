/**
 * What the editor tests work with: a seeded sandbox, its credentials in the shared real n8n, the
 * workflows/ templates imported as a user imports them (not published), and a signed-in Chromium.
 */
import type { SeedRequest } from '../../../sandbox/core/options';
import { GHL_DEFAULTS } from '../../../sandbox/ghl/defaults';
import { createSandbox, type Sandbox } from '../../../sandbox/server';
import type { CredentialRef, WorkflowJson } from '../../../scripts/harness';
import type { TemplateSlug } from '../../../scripts/templates/catalogue';
import { createSandboxCredentials, forSandbox, readTemplate, SLUGS } from '../../../scripts/templates/install';
import { getN8n } from '../n8n';
import { Editor } from './session';

export interface ImportedTemplate {
	slug: TemplateSlug;
	id: string;
	workflow: WorkflowJson;
}

export interface EditorWorld {
	sandbox: Sandbox;
	editor: Editor;
	credentials: CredentialRef[];
	templates: ImportedTemplate[];
	template(slug: TemplateSlug): ImportedTemplate;
	/** Names ("First Last") of the sandbox's contacts in the credential's location. */
	contactNames(): string[];
}

/** The nodes n8n draws as canvas nodes (sticky notes are drawn apart). */
export const drawnNames = (workflow: WorkflowJson): string[] =>
	workflow.nodes.filter((node) => node.type !== 'n8n-nodes-base.stickyNote').map((node) => node.name);

export interface EditorOptions {
	/** Import the templates (with a seeded sandbox and its credentials); default true. */
	templates?: boolean;
	seed?: SeedRequest;
}

const SEED: SeedRequest = { ghl: { contacts: 6, businesses: 1 }, tookan: { tasks: 4, agents: 2 } };

/** Registers beforeAll/afterAll that set up and take down the sandbox, the imported templates and Chromium. */
export function useEditor(options: EditorOptions = {}): EditorWorld {
	const n8n = getN8n();
	const world = {
		templates: [],
		template(slug: TemplateSlug) {
			const found = world.templates.find((t: ImportedTemplate) => t.slug === slug);
			if (!found) throw new Error(`${slug} was not imported`);
			return found;
		},
		contactNames() {
			const contacts = world.sandbox.admin.ghlRecords('contacts', { locationId: GHL_DEFAULTS.locationIds[0] }) as Array<Record<string, unknown>>;
			return contacts.map((c) => `${String(c.firstName)} ${String(c.lastName)}`);
		},
	} as unknown as EditorWorld;
	beforeAll(async () => {
		if (options.templates !== false) {
			world.sandbox = await createSandbox({ faults: 'none', seed: options.seed ?? SEED });
			// plain names ("GHL sandbox": the Marketplace app, "Tookan sandbox"): the screenshots show them
			world.credentials = await createSandboxCredentials(n8n, world.sandbox, '');
			const publicKey = world.sandbox.admin.keys().ed25519PublicKeyPem;
			for (const slug of SLUGS) {
				const workflow = forSandbox(readTemplate(slug), publicKey);
				// the template's own name, as a user's import gets it (n8n does not need workflow names to be unique)
				const id = await n8n.importWorkflow(workflow, { credentials: world.credentials });
				world.templates.push({ slug, id, workflow });
			}
		}
		world.editor = await Editor.signIn(n8n.connection);
	});
	afterAll(async () => {
		await world.editor?.close();
		for (const { id } of world.templates) await n8n.api('DELETE', `/workflows/${id}`).catch(() => undefined);
		await world.sandbox?.close();
	});
	return world;
}
