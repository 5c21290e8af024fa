/**
 * The GHL Trigger's workflow-webhook token in n8n's editor, in headless Chromium, as a person sets it up:
 *
 * - a GHL Workflow Webhook credential created in n8n's credential dialog with nothing typed gets its random token
 *   from n8n, and the trigger's panel shows the complete URL to paste into GHL (n8n's own Production URL with
 *   `?token=`) and the `X-Webhook-Token` header; a delivery to that URL is accepted;
 * - saving the credential again in the dialog keeps the token (the panel shows the same URL);
 * - a version 1 trigger that keeps its token in the workflow shows the notice telling how to move it.
 * Screenshots: test-results/editor/webhook-token-*.png (the panel is the README's).
 */
import type { Locator } from 'playwright-core';

import { PACKAGE_NAME } from '../../scripts/harness';
import { closeCredential, openNewCredential } from './editor/credential-dialog';
import { closePanel, ndv, openPanel } from './editor/panel';
import { until, type Editor } from './editor/session';
import { screenshot } from './editor/shots';
import { useEditor } from './editor/world';
import { getN8n } from './n8n';
import { deactivate, triggerWorkflow } from './trigger-support';

const world = useEditor({ templates: false });
const n8n = getN8n();
const created: string[] = [];

afterAll(async () => {
	await deactivate(n8n, created).catch(() => undefined);
	for (const id of created) await n8n.api('DELETE', `/workflows/${id}`).catch(() => undefined);
});

/** Creates a GHL Workflow Webhook credential in the dialog, typing nothing; returns its id. */
async function createInDialog(editor: Editor, name: string): Promise<string> {
	const opened = await openNewCredential(editor, 'GHL Workflow Webhook API');
	await rename(editor, opened.dialog, name);
	const saved = editor.page.waitForResponse((r) => r.url().endsWith('/rest/credentials') && r.request().method() === 'POST');
	await opened.dialog.locator('[data-test-id="credential-save-button"]').click();
	const response = await saved;
	// n8n's dialog stores what was typed, here nothing: the token is generated later, by n8n
	expect(Object.keys((response.request().postDataJSON() as { data: Record<string, unknown> }).data)).toEqual([]);
	const body = (await response.json()) as { data: { id: string; data?: Record<string, unknown> } };
	await closeCredential(editor, opened.dialog);
	return body.data.id;
}

/** Renames a credential in its dialog (click the title, type, Enter) so it can be saved. */
async function rename(editor: Editor, dialog: Locator, name: string): Promise<void> {
	await dialog.locator('[data-test-id="credential-name"]').click();
	await editor.page.keyboard.press('ControlOrMeta+a');
	await editor.page.keyboard.type(name);
	await editor.page.keyboard.press('Enter');
}

/** Saves an existing credential again in its dialog, as a person renaming it does (n8n sends the whole credential). */
async function saveAgainInDialog(editor: Editor, id: string, name: string): Promise<void> {
	await editor.go(`home/credentials/${id}`);
	const dialog = editor.page.locator('[data-test-id="editCredential-modal"]');
	await dialog.locator('[data-test-id="credential-save-button"]').waitFor();
	await rename(editor, dialog, name);
	const saved = editor.page.waitForResponse((r) => r.url().includes(`/rest/credentials/${id}`) && r.request().method() === 'PATCH');
	await dialog.locator('[data-test-id="credential-save-button"]').click();
	const response = await saved;
	expect(response.status()).toBe(200);
	// what the dialog sent: the Token Secret blanked (n8n keeps the stored one), nothing else of it
	expect(JSON.stringify(response.request().postDataJSON())).not.toMatch(/[0-9a-f]{64}/);
	await closeCredential(editor, dialog);
}

/** The production URL n8n's own "Webhook URLs" section shows for the open node. */
async function productionUrlShown(editor: Editor): Promise<string> {
	const panel = ndv(editor.page);
	const section = panel.locator('.webhooks');
	await section.locator('.headline').first().click();
	await section.getByText('Production URL', { exact: true }).click();
	const url = section.locator('.webhook-url').first();
	return await until(editor.page, async () => (await url.innerText()).trim(), (text) => text.includes('/webhook/'), 'no production URL shown');
}

/** The text of the panel's "URL for GHL" notice, once n8n has computed it. */
async function setupNotice(editor: Editor): Promise<{ notice: Locator; text: string }> {
	const notice = ndv(editor.page).locator('[data-test-id="empty-fields-notice"]');
	const text = await until(editor.page, async () => ((await notice.count()) ? await notice.innerText() : ''), (t) => t.includes('token='), 'the panel shows no URL for GHL');
	return { notice, text: text.replace(/\s+/g, ' ') };
}

it('a credential created in the dialog with nothing typed: the panel shows the complete URL and header n8n accepts, and saving the credential again keeps them', async () => {
	const { editor } = world;
	const name = `GHL Workflow Webhook dialog ${Date.now()}`;
	const credentialId = await createInDialog(editor, name);
	const workflow = triggerWorkflow('ghlTrigger', 'GHL Workflow Hook', { source: 'automation' }, { ghlWorkflowWebhookApi: { name } });
	const workflowId = await n8n.importWorkflow(workflow.json, { credentials: [{ id: credentialId, name, type: 'ghlWorkflowWebhookApi' }] });
	created.push(workflowId);

	await editor.openWorkflow(workflowId, ['GHL Workflow Hook', 'Done']);
	await openPanel(editor, 'GHL Workflow Hook');
	const first = await setupNotice(editor);
	const production = await productionUrlShown(editor);
	const token = /token=([0-9a-f]{64})/.exec(first.text)?.[1];
	expect(token).toBeDefined();
	expect(first.text).toContain(`${production}?token=${token}`);
	expect(first.text).toContain(`X-Webhook-Token: ${token}`);
	// the "credential created" toast would cover part of the picture
	for (const close of await editor.page.locator('.el-notification__closeBtn').all()) await close.click().catch(() => undefined);
	await screenshot(ndv(editor.page), 'webhook-token-panel', 'panel-ghl-workflow-webhook');
	await closePanel(editor.page);

	// n8n accepts the URL as shown once the workflow is published
	await n8n.publishWorkflow(workflowId);
	const post = (url: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ contact_id: `c-${Date.now()}` }) });
	expect((await post(`${production}?token=${token}`)).status).toBe(200);
	expect((await post(`${production}?token=${'0'.repeat(64)}`)).status).toBe(401);

	await saveAgainInDialog(editor, credentialId, `${name} renamed`);
	await editor.openWorkflow(workflowId, ['GHL Workflow Hook', 'Done']);
	await openPanel(editor, 'GHL Workflow Hook');
	expect((await setupNotice(editor)).text).toBe(first.text);
	await closePanel(editor.page);
	// the workflow as n8n stores it holds no token
	expect(JSON.stringify(await n8n.api('GET', `/workflows/${workflowId}`))).not.toContain(String(token));
});

it('a version 1 trigger that keeps its token in the workflow shows how to move it into a credential', async () => {
	const { editor } = world;
	const workflow = triggerWorkflow('ghlTrigger', 'GHL Workflow Hook v1', { source: 'automation' }, undefined, 1);
	const workflowId = await n8n.importWorkflow(workflow.json);
	created.push(workflowId);
	await editor.openWorkflow(workflowId, ['GHL Workflow Hook v1', 'Done']);
	const parameters = await openPanel(editor, 'GHL Workflow Hook v1');
	const text = (await parameters.innerText()).replace(/\s+/g, ' ');
	expect(text).toContain('This node keeps its Secret Token in the workflow');
	expect(text).toContain('Token Source');
	expect(await parameters.locator('label[for="secretToken"]').count()).toBe(1);
	await screenshot(ndv(editor.page), 'webhook-token-v1-notice');
	await closePanel(editor.page);
	expect(`${PACKAGE_NAME}.ghlTrigger`).toBe(workflow.json.nodes[0].type);
});

it('a credential picked in the panel: the notice says to open the panel again, and then shows the URL', async () => {
	const { editor } = world;
	const name = `GHL Workflow Webhook picked ${Date.now()}`;
	await n8n.createCredential({ name, type: 'ghlWorkflowWebhookApi', data: {} });
	const workflow = triggerWorkflow('ghlTrigger', 'GHL Workflow Hook', { source: 'automation' });
	const { id } = await n8n.api<{ id: string }>('POST', '/workflows', { name: workflow.json.name, nodes: workflow.json.nodes, connections: workflow.json.connections, settings: {} });
	created.push(id);
	await editor.openWorkflow(id, ['GHL Workflow Hook', 'Done']);
	await openPanel(editor, 'GHL Workflow Hook');
	const notice = ndv(editor.page).locator('[data-test-id="empty-fields-notice"]');
	expect((await notice.innerText()).replace(/\s+/g, ' ')).toContain('choose or create one, then open this panel again');
	await ndv(editor.page).locator('[data-test-id="node-credentials-select"]').click();
	await editor.page.getByText(name, { exact: true }).first().click();
	await closePanel(editor.page);
	await openPanel(editor, 'GHL Workflow Hook');
	expect((await setupNotice(editor)).text).toMatch(/\?token=[0-9a-f]{64}/);
	await closePanel(editor.page);
});
