/**
 * What the editor should show for this package's node and credential types, read from their own
 * descriptions: the icon file, and the parameters n8n displays for given values (n8n's NodeHelpers decide).
 */
import { basename } from 'node:path';
import { NodeHelpers, type ICredentialType, type INodeParameters, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { GhlOAuth2Api } from '../../../package/credentials/GhlOAuth2Api.credentials';
import { GhlPrivateIntegrationApi } from '../../../package/credentials/GhlPrivateIntegrationApi.credentials';
import { GhlWorkflowWebhookApi } from '../../../package/credentials/GhlWorkflowWebhookApi.credentials';
import { TookanApi } from '../../../package/credentials/TookanApi.credentials';
import { Ghl } from '../../../package/nodes/Ghl/Ghl.node';
import { GhlContacts } from '../../../package/nodes/GhlContacts/GhlContacts.node';
import { GhlPollTrigger } from '../../../package/nodes/GhlPollTrigger/GhlPollTrigger.node';
import { GTriggerhl } from '../../../package/nodes/GTriggerhl/GTriggerhl.node';
import { GhlTrigger } from '../../../package/nodes/GhlTrigger/GhlTrigger.node';
import { GhTriggerl } from '../../../package/nodes/GhTriggerl/GhTriggerl.node';
import { Tookan } from '../../../package/nodes/Tookan/Tookan.node';
import { TookanTrigger } from '../../../package/nodes/TookanTrigger/TookanTrigger.node';
import { TTriggerookan } from '../../../package/nodes/TTriggerookan/TTriggerookan.node';
import { PACKAGE_NAME } from '../../../scripts/harness';

/** The node types this package offers, then its former (hidden) types that saved workflows may still use. */
const NODES = [new Ghl(), new Tookan(), new GhlTrigger(), new GTriggerhl(), new TookanTrigger(), new GhTriggerl(), new TTriggerookan()].map((n) => n.description);
const FORMER = [new GhlContacts(), new GhlPollTrigger()].map((n) => n.description);

export const CREDENTIALS: ICredentialType[] = [new GhlOAuth2Api(), new GhlPrivateIntegrationApi(), new GhlWorkflowWebhookApi(), new TookanApi()];

/** Our node description for a node type such as `n8n-nodes-ghl-tookan.tookan`, or undefined for others. */
export function ourNode(type: string): INodeTypeDescription | undefined {
	return [...NODES, ...FORMER].find((description) => `${PACKAGE_NAME}.${description.name}` === type);
}

export function ourCredential(name: string): ICredentialType {
	const credential = CREDENTIALS.find((c) => c.name === name);
	if (!credential) throw new Error(`no credential type ${name} in this package`);
	return credential;
}

/** The light-theme icon file (e.g. `ghl.svg`) of a node or credential description. */
export function iconFile(description: Pick<INodeTypeDescription, 'icon'>): string {
	const icon = description.icon;
	const light = typeof icon === 'object' && icon !== null ? icon.light : icon;
	if (typeof light !== 'string' || !light.startsWith('file:')) throw new Error(`no file icon: ${JSON.stringify(icon)}`);
	return basename(light);
}

/** Where n8n serves an icon of this package's dist/icons. */
export const iconPath = (file: string) => `/icons/${PACKAGE_NAME}/dist/icons/${file}`;

/** Visible fields with a label: not hidden, not notices, not a resource mapper (n8n draws it without one). */
function isField(property: INodeProperties): boolean {
	return property.type !== 'hidden' && property.type !== 'notice' && property.type !== 'resourceMapper';
}

/**
 * n8n's editor moves a node's `authentication` choice into its credential picker (one list of credentials
 * of every type the choice allows) when the credentials are selected by it; it shows no field for it.
 */
function inCredentialPicker(description: INodeTypeDescription | null): string[] {
	const byAuthentication = (description?.credentials ?? []).some((c) => 'authentication' in (c.displayOptions?.show ?? {}));
	return byAuthentication ? ['authentication'] : [];
}

/** Names of the top-level fields n8n displays for these values (defaults filled in as the editor does). */
export function displayedFields(
	properties: INodeProperties[],
	values: INodeParameters,
	description: INodeTypeDescription | null = null,
	typeVersion = 1,
): string[] {
	const node = { typeVersion };
	const full = NodeHelpers.getNodeParameters(properties, values, true, false, node, description) ?? {};
	const picker = inCredentialPicker(description);
	const shown = properties.filter((p) => isField(p) && !picker.includes(p.name) && NodeHelpers.displayParameter(full, p, node, description));
	return [...new Set(shown.map((p) => p.name))];
}
