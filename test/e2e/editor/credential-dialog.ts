/**
 * The "new credential" dialog of n8n's editor: opened as a user does (Create credential, type the
 * credential's name, pick it, Continue) and read: title, icon, fields shown, text, parameter issues.
 */
import type { Locator } from 'playwright-core';

import { imagesSettled } from './images';
import { until, type Editor } from './session';
import { tooltipText } from './tooltip';

export interface CredentialDialog {
	dialog: Locator;
	/** The credential type's name under the credential's own name. */
	typeName: string;
	icon: { image: string; loaded: boolean } | undefined;
	/** Parameter names with a field (`parameter-input-<name>`). */
	fields: string[];
	text: string;
	issues: number;
}

export async function openNewCredential(editor: Editor, displayName: string): Promise<CredentialDialog> {
	await editor.go('home/credentials/create');
	const chooser = editor.page.locator('[data-test-id="selectCredential-modal"]');
	await chooser.locator('[data-test-id="new-credential-type-select"]').click();
	await editor.page.keyboard.type(displayName);
	await editor.page.getByRole('option', { name: displayName, exact: true }).click();
	await chooser.locator('[data-test-id="new-credential-type-button"]').click();
	const dialog = editor.page.locator('[data-test-id="editCredential-modal"]');
	await dialog.locator('[data-test-id="credential-connection-parameter"]').first().waitFor();
	const header = dialog.locator('header');
	const image = header.locator('.n8n-node-icon img');
	await imagesSettled(editor.page, image);
	const icon = (await image.count())
		? await image.evaluate((img) => {
				const element = img as unknown as { complete: boolean; naturalWidth: number; getAttribute(name: string): string | null };
				return { image: element.getAttribute('src') ?? '', loaded: element.complete && element.naturalWidth > 0 };
			})
		: undefined;
	const ids = await dialog.locator('[data-test-id^="parameter-input-"]:not([data-test-id="parameter-input-field"])').evaluateAll((all) => all.map((e) => e.getAttribute('data-test-id') ?? ''));
	return {
		dialog,
		typeName: (await header.locator('p').first().innerText()).trim(),
		icon,
		fields: ids.map((id) => id.replace(/^parameter-input-/, '')),
		text: (await dialog.innerText()).replace(/\s+/g, ' '),
		issues: await dialog.locator('[data-test-id="parameter-issues"]').count(),
	};
}

/**
 * What the dialog shows, top to bottom: "OAuth Redirect URL" (n8n's field of OAuth2 credentials), each
 * parameter by name, and each notice as "notice: <its first words>".
 */
export async function dialogOrder(dialog: Locator): Promise<string[]> {
	return dialog.locator('label, [data-test-id^="parameter-input-"], [class*="notice"]').evaluateAll((all) => {
		const out: string[] = [];
		for (const e of all) {
			const id = e.getAttribute('data-test-id') ?? '';
			const text = ((e as unknown as { innerText: string }).innerText ?? '').replace(/\s+/g, ' ').trim();
			if (id.startsWith('parameter-input-') && id !== 'parameter-input-field') out.push(id.replace('parameter-input-', ''));
			else if (e.tagName === 'LABEL' && text === 'OAuth Redirect URL') out.push(text);
			else if (!id && /notice/.test(e.getAttribute('class') ?? '') && !/notice/.test(e.parentElement?.getAttribute('class') ?? '')) {
				out.push(`notice: ${text.split(' ').slice(0, 2).join(' ')}`);
			}
		}
		return out;
	});
}

/** The help text of a field: the tooltip of the info icon its label shows on hover ('' when it has none). */
export async function fieldHelp(editor: Editor, dialog: Locator, name: string): Promise<string> {
	const field = dialog.locator(`[data-test-id="${name}"]`);
	const icon = field.locator('label [data-icon="circle-help"]');
	if (!(await icon.count())) return '';
	return tooltipText(editor.page, [field.locator('label'), icon]);
}

/**
 * Closes the dialog without saving. For an OAuth2 credential n8n first asks "Close without connecting?"
 * (a message box without test ids: its "Close" button is found by its text).
 */
export async function closeCredential(editor: Editor, dialog: Locator): Promise<void> {
	await dialog.locator('button[aria-label="Close this dialog"]').click();
	const confirm = editor.page.locator('.el-message-box').getByRole('button', { name: 'Close', exact: true });
	const asked = await until(
		editor.page,
		async () => ((await confirm.isVisible()) ? 'asked' : (await dialog.isVisible()) ? 'open' : 'closed'),
		(state) => state !== 'open',
		'the credential dialog is still open',
	);
	if (asked === 'asked') await confirm.click();
	await dialog.waitFor({ state: 'hidden' });
}
