import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cacheDir, N8N_VERSION } from '../../../scripts/harness/install';
import { GHL_DEFAULTS } from '../../../sandbox/ghl/defaults';
import { ghlClient, useSandbox } from './client';

/**
 * n8n's own OAuth2 client (@n8n/client-oauth2 from the cached real n8n) against the consent page and token
 * endpoint: the code flow, then a refresh, then a reuse of the spent refresh token — with client credentials
 * in the Authorization header (n8n's default) and in the body. Skipped when the n8n cache is not installed.
 */
const library = join(cacheDir(), `n8n-${N8N_VERSION}`, 'node_modules', '@n8n', 'client-oauth2');
const run = existsSync(library) ? describe : describe.skip;

interface N8nToken {
	accessToken: string;
	refreshToken: string;
	data: Record<string, unknown>;
	refresh(): Promise<N8nToken>;
}

run(`n8n ${N8N_VERSION} OAuth2 client`, () => {
	const env = useSandbox();

	it.each(['header', 'body'])('code flow, refresh and a refused refresh-token reuse (client auth: %s)', async (authentication) => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded from n8n's install, outside this repo
		const { ClientOAuth2 } = require(library) as { ClientOAuth2: new (options: Record<string, unknown>) => { code: { getUri(): string; getToken(url: string): Promise<N8nToken> } } };
		const client = new ClientOAuth2({
			clientId: GHL_DEFAULTS.clientId,
			clientSecret: GHL_DEFAULTS.clientSecret,
			accessTokenUri: env.sandbox.tokenUrl,
			authorizationUri: env.sandbox.authorizeUrl,
			redirectUri: 'http://localhost:5678/rest/oauth2-credential/callback',
			scopes: ['contacts.readonly', 'contacts.write', 'locations/tags.readonly'],
			scopesSeparator: ' ',
			authentication,
			state: `state-${authentication}`,
		});
		const consent = await fetch(client.code.getUri(), { redirect: 'manual' });
		const callback = consent.headers.get('location')!;
		expect(new URL(callback).searchParams.get('state')).toBe(`state-${authentication}`);
		const token = await client.code.getToken(callback);
		expect(token.data).toMatchObject({ userType: 'Location', locationId: GHL_DEFAULTS.locationIds[0] });
		const api = ghlClient(env.sandbox, token.accessToken);
		expect((await api.get(`/locations/${GHL_DEFAULTS.locationIds[0]}/tags`)).status).toBe(200);
		const refreshed = await token.refresh();
		expect(refreshed.refreshToken).not.toBe(token.refreshToken);
		expect((await ghlClient(env.sandbox, refreshed.accessToken).get(`/locations/${GHL_DEFAULTS.locationIds[0]}/tags`)).status).toBe(200);
		await expect(token.refresh()).rejects.toMatchObject({ body: { error: 'invalid_grant' } });
	});
});
