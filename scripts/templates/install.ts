/**
 * Puts the workflows/ templates to work in a running n8n against the sandbox, as a user would: sandbox
 * credentials, the template JSON files imported as they are (only the sandbox's GHL signing key set and
 * fresh webhook ids, as n8n gives a pasted copy), published, and their webhook URLs registered in the
 * sandbox (the GHL Marketplace app's webhook, Tookan's notification webhooks). The demo and the e2e tests
 * both use it.
 */
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import type { Sandbox } from '../../sandbox/server';
import { GHL_DEFAULTS } from '../../sandbox/ghl/defaults';
import type { TookanModule } from '../../sandbox/tookan/index';
import type { CredentialRef, N8n, WorkflowJson } from '../harness';
import { PACKAGE_NAME } from '../harness/paths';
import { templateFile, type TemplateSlug } from './catalogue';
import { DASHBOARD_PATH } from './ops-dashboard';

export const SLUGS: TemplateSlug[] = ['ghl-contact-to-tookan', 'form-to-ghl-contact', 'tookan-task-to-ghl', 'lead-source-tags', 'ops-dashboard'];

export interface InstalledTemplates {
	credentials: CredentialRef[];
	/** Workflow id per template. */
	ids: Record<TemplateSlug, string>;
	urls: {
		/** Template 1's GHL Trigger (the Marketplace app webhook URL). */
		contactEvents: string;
		/** Template 2's GHL Trigger in workflow-webhook mode, with its token. */
		ghlForm: string;
		/** Template 2's n8n form. */
		form: string;
		/** Template 3's and 4's Tookan Triggers. */
		tookanStatus: string;
		tookanTags: string;
		dashboard: string;
	};
}

export function readTemplate(slug: TemplateSlug): WorkflowJson {
	return JSON.parse(readFileSync(templateFile(slug), 'utf8')) as WorkflowJson;
}

const isType = (node: WorkflowJson['nodes'][number], name: string) => node.type === name || node.type === `${PACKAGE_NAME}.${name}`;

/** The sandbox's key for GHL app triggers, fresh webhook ids; everything else as in the file. */
export function forSandbox(workflow: WorkflowJson, ghlPublicKey: string): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	for (const node of copy.nodes) {
		if (node.webhookId) node.webhookId = randomUUID();
		const parameters = node.parameters as Record<string, unknown>;
		if (isType(node, 'ghlTrigger') && parameters.source === 'app') {
			parameters.options = { ...(parameters.options as object), publicKey: ghlPublicKey };
		}
	}
	return copy;
}

export async function createSandboxCredentials(n8n: N8n, sandbox: Sandbox, label: string): Promise<CredentialRef[]> {
	const tookan = (sandbox.tookan as unknown as TookanModule).config();
	return [
		await n8n.createCredential({
			name: `GHL sandbox ${label}`,
			type: 'ghlPrivateIntegrationApi',
			data: { accessToken: GHL_DEFAULTS.pit, locationId: GHL_DEFAULTS.locationIds[0], baseUrl: sandbox.ghlBaseUrl },
		}),
		await n8n.createCredential({
			name: `Tookan sandbox ${label}`,
			type: 'tookanApi',
			data: { apiKey: tookan.apiKey, baseUrl: sandbox.tookanBaseUrl, userId: String(tookan.userId), sharedSecret: tookan.sharedSecret },
		}),
	];
}

function nodeOf(workflow: WorkflowJson, type: string): WorkflowJson['nodes'][number] {
	const node = workflow.nodes.find((n) => isType(n, type));
	if (!node) throw new Error(`${workflow.name}: no ${type} node`);
	return node;
}

/** Imports, publishes and wires up every template; `label` keeps names unique on a shared n8n. */
export async function installTemplates(n8n: N8n, sandbox: Sandbox, label = randomUUID().slice(0, 8)): Promise<InstalledTemplates> {
	const credentials = await createSandboxCredentials(n8n, sandbox, label);
	const publicKey = sandbox.admin.keys().ed25519PublicKeyPem;
	const workflows = Object.fromEntries(SLUGS.map((slug) => [slug, forSandbox(readTemplate(slug), publicKey)])) as Record<TemplateSlug, WorkflowJson>;
	const ids = {} as Record<TemplateSlug, string>;
	try {
		for (const slug of SLUGS) {
			ids[slug] = await n8n.importWorkflow(workflows[slug], { name: `${workflows[slug].name} [${label}]`, credentials });
			await n8n.publishWorkflow(ids[slug]);
		}
	} catch (error) {
		await deactivate(n8n, Object.values(ids));
		throw error;
	}
	const base = n8n.connection.webhookUrl;
	const hook = (slug: TemplateSlug, type: string) => `${base}webhook/${nodeOf(workflows[slug], type).webhookId}/webhook`;
	const automation = nodeOf(workflows['form-to-ghl-contact'], 'ghlTrigger');
	const token = createHash('sha256').update(String(automation.id)).digest('hex');
	const urls = {
		contactEvents: hook('ghl-contact-to-tookan', 'ghlTrigger'),
		ghlForm: `${base}webhook/${automation.webhookId}/webhook?token=${token}`,
		form: `${base}form/${nodeOf(workflows['form-to-ghl-contact'], 'n8n-nodes-base.formTrigger').webhookId}`,
		tookanStatus: hook('tookan-task-to-ghl', 'tookanTrigger'),
		tookanTags: hook('lead-source-tags', 'tookanTrigger'),
		dashboard: `${base}webhook/${DASHBOARD_PATH}`,
	};
	sandbox.admin.addWebhook({ url: urls.contactEvents, service: 'ghl', events: ['ContactCreate', 'ContactUpdate'] });
	sandbox.admin.addWebhook({ url: urls.tookanStatus, service: 'tookan' });
	sandbox.admin.addWebhook({ url: urls.tookanTags, service: 'tookan' });
	return { credentials, ids, urls };
}

/** Unpublishes the workflows (their webhooks stop answering); with `quiet`, failures are ignored. */
async function deactivate(n8n: N8n, ids: string[], quiet = true): Promise<void> {
	for (const id of ids) {
		const done = n8n.api('POST', `/workflows/${id}/deactivate`, {});
		await (quiet ? done.catch(() => undefined) : done);
	}
}

export async function uninstallTemplates(n8n: N8n, installed: InstalledTemplates): Promise<void> {
	await deactivate(n8n, Object.values(installed.ids), false);
}
