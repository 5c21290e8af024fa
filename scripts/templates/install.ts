/**
 * Puts the workflows/ templates to work in a running n8n against the sandbox, as a user would: sandbox
 * credentials, the template JSON files imported as they are (only the sandbox's GHL signing key set and
 * fresh webhook ids, as n8n gives a pasted copy), published, and their webhook URLs registered in the
 * sandbox (the GHL Marketplace app's webhook, Tookan's notification webhooks). The demo and the e2e tests
 * both use it.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';

import type { Sandbox } from '../../sandbox/server';
import { GHL_DEFAULTS } from '../../sandbox/ghl/defaults';
import type { TookanModule } from '../../sandbox/tookan/index';
import type { CredentialRef, N8n, WorkflowJson } from '../harness';
import { PACKAGE_NAME } from '../harness/paths';
import { workflowWebhookSetup } from '../harness/trigger-setup';
import { templateFile, type TemplateSlug } from './catalogue';
import { DASHBOARD_PATH } from './ops-dashboard';

export const SLUGS: TemplateSlug[] = ['ghl-contact-to-tookan', 'form-to-ghl-contact', 'tookan-task-to-ghl', 'lead-source-tags', 'ops-dashboard'];

/** Where the installed templates listen, for the parts that were installed. */
export interface TemplateUrls {
	/** Template 1's GHL Trigger (what goes into the Marketplace app's webhook settings). */
	contactEvents?: string;
	/** Template 2's GHL Trigger in workflow-webhook mode: the URL its panel shows (with the credential's token). */
	ghlForm?: string;
	/** Template 2's n8n form. */
	form?: string;
	/** Template 3's and 4's Tookan Triggers (Tookan notification webhooks). */
	tookanStatus?: string;
	tookanTags?: string;
	dashboard?: string;
}

export interface InstalledTemplates {
	credentials: CredentialRef[];
	/** Workflow id per installed template. */
	ids: Partial<Record<TemplateSlug, string>>;
	urls: TemplateUrls;
}

export interface InstallOptions {
	/** Which templates (default: all). */
	only?: TemplateSlug[];
	/** Keeps credential and workflow names unique on a shared n8n. */
	label?: string;
	/** Serve the dashboard on another webhook path (two copies cannot share one path). */
	dashboardPath?: string;
}

export function readTemplate(slug: TemplateSlug): WorkflowJson {
	return JSON.parse(readFileSync(templateFile(slug), 'utf8')) as WorkflowJson;
}

const isType = (node: WorkflowJson['nodes'][number], name: string) => node.type === name || node.type === `${PACKAGE_NAME}.${name}`;

/** The sandbox's key for GHL app triggers, fresh webhook ids (as n8n gives a pasted copy), the dashboard path. */
export function forSandbox(workflow: WorkflowJson, ghlPublicKey: string, dashboardPath = DASHBOARD_PATH): WorkflowJson {
	const copy = JSON.parse(JSON.stringify(workflow)) as WorkflowJson;
	for (const node of copy.nodes) {
		if (node.webhookId) node.webhookId = randomUUID();
		const parameters = node.parameters as Record<string, unknown>;
		if (isType(node, 'ghlTrigger') && parameters.source === 'app') {
			parameters.options = { ...(parameters.options as object), publicKey: ghlPublicKey };
		}
		if (isType(node, 'n8n-nodes-base.webhook') && parameters.path === DASHBOARD_PATH) parameters.path = dashboardPath;
	}
	return copy;
}

/**
 * A GHL Marketplace App OAuth2 credential connected to the sandbox's app the way a person connects it: n8n
 * builds the authorization URL, the sandbox's consent page approves and redirects to n8n's callback, n8n
 * exchanges the code. `data` adds to or overrides the credential's fields (e.g. a `scope`).
 */
export async function connectGhlApp(n8n: N8n, sandbox: Sandbox, name: string, data: Record<string, unknown> = {}): Promise<CredentialRef> {
	const type = 'ghlOAuth2Api';
	const credential = await n8n.createCredential({
		name,
		type,
		data: {
			clientId: GHL_DEFAULTS.clientId,
			clientSecret: GHL_DEFAULTS.clientSecret,
			userType: 'Location',
			authUrlChoice: 'custom',
			customAuthUrl: sandbox.authorizeUrl,
			baseUrl: sandbox.ghlBaseUrl,
			...data,
		},
	});
	const authorizationUrl = await n8n.rest<string>('GET', `/oauth2-credential/auth?id=${credential.id}`);
	const consent = await fetch(authorizationUrl, { redirect: 'manual' });
	const redirect = new URL(String(consent.headers.get('location')));
	if (consent.status !== 302 || !redirect.pathname.endsWith('/oauth2-credential/callback')) {
		throw new Error(`the consent page answered ${consent.status} without redirecting to n8n's callback`);
	}
	await n8n.rest('GET', `/oauth2-credential/callback${redirect.search}`);
	return { id: credential.id, name: credential.name, type };
}

/** The sandbox credentials the templates use: a GHL Marketplace App OAuth2 credential (connected) and Tookan. */
export async function createSandboxCredentials(n8n: N8n, sandbox: Sandbox, label: string): Promise<CredentialRef[]> {
	const tookan = (sandbox.tookan as unknown as TookanModule).config();
	const suffix = label ? ` ${label}` : '';
	return [
		await connectGhlApp(n8n, sandbox, `GHL sandbox${suffix}`),
		await n8n.createCredential({
			name: `Tookan sandbox${suffix}`,
			type: 'tookanApi',
			data: { apiKey: tookan.apiKey, baseUrl: sandbox.tookanBaseUrl, userId: String(tookan.userId), sharedSecret: tookan.sharedSecret },
		}),
		// nothing to type: n8n generates its token when the trigger is published (or its panel opened)
		await n8n.createCredential({ name: `GHL Workflow Webhook${label ? ` ${label}` : ''}`, type: 'ghlWorkflowWebhookApi', data: {} }),
	];
}

function nodeOf(workflow: WorkflowJson, type: string): WorkflowJson['nodes'][number] {
	const node = workflow.nodes.find((n) => isType(n, type));
	if (!node) throw new Error(`${workflow.name}: no ${type} node`);
	return node;
}

/** The URLs the installed templates listen on (template 2's GHL entry: the URL its panel shows). */
async function urlsOf(n8n: N8n, workflows: Partial<Record<TemplateSlug, WorkflowJson>>, dashboardPath: string, credentials: CredentialRef[]): Promise<TemplateUrls> {
	const base = n8n.connection.webhookUrl;
	const hook = (workflow: WorkflowJson, type: string) => `${base}webhook/${nodeOf(workflow, type).webhookId}/webhook`;
	const urls: TemplateUrls = {};
	const { 'ghl-contact-to-tookan': contacts, 'form-to-ghl-contact': forms, 'tookan-task-to-ghl': statuses, 'lead-source-tags': tags } = workflows;
	if (contacts) urls.contactEvents = hook(contacts, 'ghlTrigger');
	if (forms) {
		const entry = nodeOf(forms, 'ghlTrigger');
		const credential = credentials.find((c) => c.type === 'ghlWorkflowWebhookApi');
		const refs = credential ? { ghlWorkflowWebhookApi: { id: credential.id, name: credential.name } } : undefined;
		const node = { type: entry.type, typeVersion: Number(entry.typeVersion), webhookId: String(entry.webhookId), parameters: entry.parameters as Record<string, unknown> };
		urls.ghlForm = (await workflowWebhookSetup(n8n, { ...node, credentials: refs })).url;
		urls.form = `${base}form/${nodeOf(forms, 'n8n-nodes-base.formTrigger').webhookId}`;
	}
	if (statuses) urls.tookanStatus = hook(statuses, 'tookanTrigger');
	if (tags) urls.tookanTags = hook(tags, 'tookanTrigger');
	if (workflows['ops-dashboard']) urls.dashboard = `${base}webhook/${dashboardPath}`;
	return urls;
}

/** Imports, publishes and wires up the templates (all by default). */
export async function installTemplates(n8n: N8n, sandbox: Sandbox, options: InstallOptions = {}): Promise<InstalledTemplates> {
	const label = options.label ?? randomUUID().slice(0, 8);
	const dashboardPath = options.dashboardPath ?? DASHBOARD_PATH;
	const slugs = options.only ?? SLUGS;
	const credentials = await createSandboxCredentials(n8n, sandbox, label);
	const publicKey = sandbox.admin.keys().ed25519PublicKeyPem;
	const workflows: Partial<Record<TemplateSlug, WorkflowJson>> = {};
	const ids: Partial<Record<TemplateSlug, string>> = {};
	try {
		for (const slug of slugs) {
			const workflow = forSandbox(readTemplate(slug), publicKey, dashboardPath);
			workflows[slug] = workflow;
			ids[slug] = await n8n.importWorkflow(workflow, { name: label ? `${workflow.name} [${label}]` : workflow.name, credentials });
			await n8n.publishWorkflow(ids[slug]);
		}
	} catch (error) {
		await deactivate(n8n, Object.values(ids));
		throw error;
	}
	const urls = await urlsOf(n8n, workflows, dashboardPath, credentials);
	if (urls.contactEvents) sandbox.admin.addWebhook({ url: urls.contactEvents, service: 'ghl', events: ['ContactCreate', 'ContactUpdate'] });
	for (const url of [urls.tookanStatus, urls.tookanTags]) if (url) sandbox.admin.addWebhook({ url, service: 'tookan' });
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
