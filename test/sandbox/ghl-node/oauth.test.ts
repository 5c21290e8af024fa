/**
 * OAuth2 connections through the node (stand-in context emulating n8n's refresh-on-401): tokens that expire
 * mid-run are refreshed exactly once however many items run at once, agency tokens are exchanged for one
 * location token per location, and a revoked refresh token asks the user to reconnect.
 */
import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { GHL_DEFAULTS } from '../../../sandbox/ghl/defaults';
import { LOC1, LOC2, rl, useGhl } from './setup';

const env = useGhl();

function oauthCredential(userType: 'Location' | 'Company'): ICredentialDataDecryptedObject {
	const tokens = env.sandbox.admin.issueTokens({ userType, ...(userType === 'Location' ? { locationId: LOC1 } : {}) } as never);
	return {
		clientId: GHL_DEFAULTS.clientId,
		clientSecret: GHL_DEFAULTS.clientSecret,
		baseUrl: env.sandbox.ghlBaseUrl,
		userType,
		oauthTokenData: tokens as IDataObject,
	};
}

const calls = (prefix: string) =>
	env.sandbox.admin.requests({ service: 'ghl', limit: 100_000 }).requests.filter((r) => r.path.startsWith(prefix));
const tokenCalls = () => calls('/ghl/oauth/token');

describe('OAuth2 connection', () => {
	it('refreshes an expired token once while many items run concurrently, and nothing fails', async () => {
		const credential = oauthCredential('Location');
		const before = (credential.oauthTokenData as IDataObject).refresh_token;
		const ids = (env.sandbox.admin.seed({ ghl: { contacts: 40 } } as never) as { ghl: { sampleContactIds: string[] } }).ghl.sampleContactIds;
		env.sandbox.admin.expireTokens();
		const { output } = await env.run(
			(i) => ({ authentication: 'oAuth2', resource: 'contact', operation: 'get', contactId: rl(ids[i % ids.length]), simplify: true, requestOptions: { concurrency: 10 } }),
			{ items: 30, credentials: { ghlOAuth2Api: credential } },
		);
		expect(output.filter((o) => o.json.error)).toEqual([]);
		expect(output).toHaveLength(30);
		const refreshes = tokenCalls();
		expect(refreshes).toHaveLength(1);
		expect(refreshes[0].status).toBe(200);
		expect((credential.oauthTokenData as IDataObject).refresh_token).not.toBe(before);
	});

	it('tells the user to reconnect when the refresh token was revoked', async () => {
		const credential = oauthCredential('Location');
		env.sandbox.admin.expireTokens();
		env.sandbox.admin.revokeRefreshTokens();
		await expect(
			env.run(
				{ authentication: 'oAuth2', resource: 'contact', operation: 'getAll', returnAll: false, limit: 1 },
				{ credentials: { ghlOAuth2Api: credential } },
			),
		).rejects.toThrow('The GHL connection must be reconnected');
	});

	it('a revoked refresh token reads the same for every item, whichever request meets it first', async () => {
		const credential = oauthCredential('Location');
		const ids = (env.sandbox.admin.seed({ ghl: { contacts: 20 } } as never) as { ghl: { sampleContactIds: string[] } }).ghl.sampleContactIds;
		env.sandbox.admin.expireTokens();
		env.sandbox.admin.revokeRefreshTokens();
		const { output } = await env.run(
			(i) => ({ authentication: 'oAuth2', resource: 'contact', operation: 'get', contactId: rl(ids[i % ids.length]), requestOptions: { concurrency: 10 } }),
			{ items: 30, credentials: { ghlOAuth2Api: credential }, continueOnFail: true },
		);
		expect(output).toHaveLength(30);
		// requests that waited for another's refresh fail with its answer instead of spending their rounds on 401s
		expect(new Set(output.map((o) => o.json.error))).toEqual(
			new Set(['The GHL connection must be reconnected: its refresh token was refused (invalid_grant)']),
		);
		// one refresh per wave of concurrent requests at most, not one per request
		expect(tokenCalls().length).toBeLessThan(10);
	});

	it('exchanges an agency token for one location token per location and works in that location', async () => {
		const credential = oauthCredential('Company');
		const { output } = await env.run(
			(i) => ({
				authentication: 'oAuth2',
				resource: 'contact',
				operation: 'upsert',
				email: `agency${i}@example.com`,
				additionalFields: {},
				simplify: true,
				requestOptions: { locationId: LOC2 },
			}),
			{ items: 8, credentials: { ghlOAuth2Api: credential } },
		);
		expect(output.map((o) => o.json.locationId)).toEqual(Array(8).fill(LOC2));
		const mints = calls('/ghl/oauth/locationToken');
		expect(mints.length).toBeGreaterThanOrEqual(1);
		expect(mints.length).toBeLessThanOrEqual(2);
	});

	it('an agency connection without a location says to set one, before sending anything', async () => {
		const credential = oauthCredential('Company');
		env.sandbox.admin.clearRequests();
		await expect(
			env.run({ authentication: 'oAuth2', resource: 'contact', operation: 'getAll', returnAll: true }, { credentials: { ghlOAuth2Api: credential } }),
		).rejects.toThrow('"Location ID" is required: this is an agency (Company) connection');
		expect(env.sandbox.admin.requestCount()).toBe(0);
	});
});
