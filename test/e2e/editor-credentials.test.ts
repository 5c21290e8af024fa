/**
 * The credential dialogs of this package in the n8n editor, in headless Chromium, as a user creating a
 * credential sees them: our icon and type name, a field for every parameter the credential displays
 * (Client ID and Secret for the OAuth2 app), our help text (where to find the value) in the tooltip of each
 * field that has one, the set-up notice, and no parameter issue before anything is typed.
 * Screenshots: test-results/editor/credential-*.png (the OAuth2 one is the README's).
 */
import { displayedFields, CREDENTIALS, iconFile, iconPath } from './editor/package-types';
import { closeCredential, dialogOrder, fieldHelp, openNewCredential } from './editor/credential-dialog';
import { screenshot } from './editor/shots';
import { useEditor } from './editor/world';

const world = useEditor({ templates: false });

const SHOT: Record<string, string> = {
	ghlOAuth2Api: 'credential-ghl-oauth2',
	ghlPrivateIntegrationApi: 'credential-ghl-private-integration',
	ghlWorkflowWebhookApi: 'credential-ghl-workflow-webhook',
	tookanApi: 'credential-tookan',
};
/** The dialog the README shows. */
const DOCS = 'ghlOAuth2Api';

const clean = (text: string) => text.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ').trim();

it.each(CREDENTIALS.map((c) => [c.displayName, c] as const))('%s: icon, type name, every field, help texts, notices, no issue', async (_, credential) => {
	const opened = await openNewCredential(world.editor, credential.displayName);
	try {
		expect(opened.typeName).toBe(credential.displayName);
		expect(opened.icon).toEqual({ image: iconPath(iconFile(credential)), loaded: true });
		const oauth = credential.extends?.includes('oAuth2Api') ? ['clientId', 'clientSecret'] : [];
		const wanted = [...oauth, ...displayedFields(credential.properties, {})];
		expect(wanted.filter((name) => !opened.fields.includes(name))).toEqual([]);
		for (const notice of credential.properties.filter((p) => p.type === 'notice')) expect(opened.text).toContain(clean(notice.displayName));
		const helped = credential.properties.filter((p) => p.description && opened.fields.includes(p.name));
		expect(helped.length).toBeGreaterThan(0);
		const help: Record<string, string> = {};
		for (const property of helped) help[property.name] = await fieldHelp(world.editor, opened.dialog, property.name);
		expect(help).toEqual(Object.fromEntries(helped.map((p) => [p.name, clean(p.description!)])));
		expect(opened.issues).toBe(0);
		const docs = credential.name === DOCS ? SHOT[credential.name] : undefined;
		// a taller window for the picture, so that the whole dialog shows without scrolling
		await world.editor.page.setViewportSize({ width: 1280, height: 1500 });
		try {
			// OAuth2: from the Client Secret down (the set-up steps, account type, scopes); others from the top
			const first = opened.fields.includes('clientSecret') ? 'clientSecret' : opened.fields[0];
			await opened.dialog.locator(`[data-test-id="${first}"]`).evaluate((e) => e.scrollIntoView({ block: 'start' }));
			expect(await screenshot(opened.dialog, SHOT[credential.name], docs)).toBeGreaterThan(10_000);
		} finally {
			await world.editor.page.setViewportSize({ width: 1280, height: 800 });
		}
	} finally {
		await closeCredential(world.editor, opened.dialog);
	}
});

/**
 * Top to bottom as a person sets the app up: n8n's own OAuth2 fields come first (it lists them before any
 * credential's own), then the set-up steps (which refer to them as "above"), the account type, where to
 * authorize, the scopes, and last the base URL only a sandbox changes.
 */
it('the GHL OAuth2 dialog reads top to bottom; the token dialog starts with its steps', async () => {
	const oauth = await openNewCredential(world.editor, 'GHL Marketplace App OAuth2 API');
	try {
		expect(await dialogOrder(oauth.dialog)).toEqual([
			'OAuth Redirect URL',
			'clientId',
			'clientSecret',
			'allowedHttpRequestDomains',
			'notice: Set up:',
			'userType',
			'authUrlChoice',
			'scopeList',
			'baseUrl',
		]);
		expect(oauth.text).toMatch(/Scopes listed below and add the OAuth Redirect URL shown above .* into the fields above/);
	} finally {
		await closeCredential(world.editor, oauth.dialog);
	}
	const token = await openNewCredential(world.editor, 'GHL Private Integration Token API');
	try {
		expect(await dialogOrder(token.dialog)).toEqual(['notice: Set up:', 'accessToken', 'locationId', 'baseUrl', 'allowedHttpRequestDomains']);
	} finally {
		await closeCredential(world.editor, token.dialog);
	}
});
