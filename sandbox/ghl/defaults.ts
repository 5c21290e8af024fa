/**
 * The fixed sandbox tenant every fresh GHL sandbox starts with: one agency (company) with two locations, an
 * installed OAuth app, a Private Integration Token for location 1, users, custom fields, tags, campaigns and
 * workflows. These values are sandbox-only test credentials; they are printed on start and exported here so
 * tests and templates can use them without a set-up step.
 */
export const CONTACT_SCOPES = ['contacts.readonly', 'contacts.write'];
export const BUSINESS_SCOPES = ['businesses.readonly', 'businesses.write'];
export const LOOKUP_SCOPES = [
	'users.readonly',
	'locations.readonly',
	'locations/customFields.readonly',
	'locations/tags.readonly',
	'campaigns.readonly',
	'workflows.readonly',
];
/** What the default PIT carries: contacts, businesses and the lookups the node's dropdowns use. */
export const PIT_SCOPES = [...CONTACT_SCOPES, ...BUSINESS_SCOPES, ...LOOKUP_SCOPES];
/** What the default OAuth app may request (agency scopes included, for the location-token exchange). */
export const APP_SCOPES = [
	...PIT_SCOPES,
	'locations/customFields.write',
	'locations/tags.write',
	'calendars/events.readonly',
	'oauth.readonly',
	'oauth.write',
];

export const GHL_DEFAULTS = {
	companyId: 'SbxAgency00000000001',
	companyName: 'Sandbox Agency',
	locationIds: ['SbxLocation000000001', 'SbxLocation000000002'] as const,
	locationNames: ['Sandbox Plumbing Co', 'Sandbox Dental Care'] as const,
	userIds: ['SbxUser0000000000001', 'SbxUser0000000000002', 'SbxUser0000000000003'] as const,
	clientId: '5a4db0c1e2f3a4b5c6d7e8f9-sandbox1',
	clientSecret: 'sandbox-client-secret-5a4db0c1e2f3',
	appId: '5a4db0c1e2f3a4b5c6d7e8f9',
	appName: 'Sandbox Marketplace App',
	pit: 'pit-5a4db0c1-0000-4000-8000-000000000001',
	planId: 'SbxPlan0000000000001',
	versionId: 'SbxVersion0000000001',
};
