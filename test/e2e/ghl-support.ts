/** Shared bits of the GHL e2e tests. */
export { nodeOutput, PACKAGE_NAME, type WorkflowJson } from '../../scripts/harness';

/** Scopes the sandbox app grants that cover every operation of the GHL node. */
export const GHL_CREDENTIAL_SCOPES = [
	'contacts.readonly',
	'contacts.write',
	'businesses.readonly',
	'businesses.write',
	'users.readonly',
	'locations.readonly',
	'locations/customFields.readonly',
	'locations/tags.readonly',
	'campaigns.readonly',
	'workflows.readonly',
].join(' ');
