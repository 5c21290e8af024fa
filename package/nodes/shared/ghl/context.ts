import type { ICredentialDataDecryptedObject, IDataObject, INodeProperties } from 'n8n-workflow';

import { ParameterError } from '../request';
import type { ApiFunctions } from '../transport/send';

export const GHL_API_VERSION = '2021-07-28';
export const GHL_BASE_URL = 'https://services.leadconnectorhq.com';

export const OAUTH2 = 'ghlOAuth2Api';
export const PIT = 'ghlPrivateIntegrationApi';

/** The credential selector shared by every GHL node. */
export const authenticationProperty: INodeProperties = {
	displayName: 'Authentication',
	name: 'authentication',
	type: 'options',
	options: [
		{ name: 'OAuth2 (Marketplace App)', value: 'oAuth2' },
		{ name: 'Private Integration Token', value: 'privateIntegrationToken' },
	],
	default: 'oAuth2',
};

export const ghlCredentials = [
	{ name: OAUTH2, required: true, displayOptions: { show: { authentication: ['oAuth2'] } } },
	{ name: PIT, required: true, displayOptions: { show: { authentication: ['privateIntegrationToken'] } } },
];

/** Location override offered in every GHL node's Request Options. */
export const locationOverrideProperty: INodeProperties = {
	displayName: 'Location ID',
	name: 'locationId',
	type: 'string',
	default: '',
	placeholder: 'e.g. ve9EPM428h8vShlRW1KT',
	description:
		"Sub-account to work in. Leave empty to use the credential's own location; required with an agency (Company) connection.",
};

/** Non-secret facts about the connection that every request of an item needs. */
export interface GhlContext extends IDataObject {
	credentialType: string;
	credentialId: string;
	locationId: string;
	companyId: string;
	/** 'Location' or 'Company'. */
	userType: string;
	baseUrl: string;
}

const cache = new WeakMap<object, Promise<ICredentialDataDecryptedObject>>();

function credentialsOf(fn: ApiFunctions, type: string): Promise<ICredentialDataDecryptedObject> {
	let pending = cache.get(fn);
	if (!pending) {
		pending = fn.getCredentials(type);
		cache.set(fn, pending);
	}
	return pending;
}

export function credentialTypeFor(authentication: unknown): string {
	return authentication === 'privateIntegrationToken' ? PIT : OAUTH2;
}

export function normaliseBaseUrl(url: unknown): string {
	const s = typeof url === 'string' && url.trim() ? url.trim() : GHL_BASE_URL;
	return s.replace(/\/+$/, '');
}

/**
 * Works out which location (sub-account) and token kind an item uses. The location comes from the override
 * when given, else from the credential (PIT field, or the OAuth token's `locationId`). Agency connections
 * have no location of their own, so they need the override.
 */
export async function ghlContext(fn: ApiFunctions, authentication: unknown, override: unknown): Promise<GhlContext> {
	const credentialType = credentialTypeFor(authentication);
	const credentials = await credentialsOf(fn, credentialType);
	const token = (credentials.oauthTokenData ?? {}) as IDataObject;
	const userType = String(
		credentialType === PIT ? 'Location' : (token.userType ?? credentials.userType ?? 'Location'),
	);
	const own = credentialType === PIT ? credentials.locationId : token.locationId;
	const locationId = String((typeof override === 'string' && override.trim()) || own || '').trim();
	if (locationId && !/^[^\s/?#]+$/.test(locationId)) {
		throw new ParameterError('Location ID', `is not a valid ID: "${locationId}"`);
	}
	return {
		credentialType,
		credentialId: String(fn.getNode().credentials?.[credentialType]?.id ?? credentialType),
		locationId,
		companyId: String(token.companyId ?? credentials.companyId ?? ''),
		userType,
		baseUrl: normaliseBaseUrl(credentials.baseUrl),
	};
}

/** Fails clearly when an operation needs a location and the connection does not provide one. */
export function requireLocation(context: GhlContext): string {
	if (context.locationId) return context.locationId;
	throw new ParameterError(
		'Location ID',
		context.userType === 'Company'
			? 'is required: this is an agency (Company) connection, which has no location of its own. Set Request Options › Location ID.'
			: 'is required: the credential does not say which location it belongs to. Set Request Options › Location ID.',
	);
}
