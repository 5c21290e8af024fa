import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { describeResources, subtitleOf } from '../shared/describe';
import { GHL_DESCRIPTION } from '../shared/legacy';
import {
	authenticationProperty,
	ghlAdapter,
	ghlContext,
	ghlCredentials,
	locationOverrideProperty,
	missingScopes,
	requireLocation,
} from '../shared/ghl';
import { executeResources, findOperation, requestOptionsProperty, type Service } from '../shared/run';
import * as listSearch from '../GhlContacts/methods/listSearch';
import { nameCustomFields, readCustomFields } from '../GhlContacts/methods/customFields';
import * as resourceMapping from '../GhlContacts/methods/resourceMapping';
import { definitionsOf, type CustomFieldDefinition } from '../GhlContacts/resources/contact/mapper';
import * as loadOptions from '../GhlContacts/methods/loadOptions';
import { resources } from '../GhlContacts/resources';

/** Contact operations whose fields come through the resource mapper from version 2 on. */
const MAPPED = ['create', 'update', 'upsert'];

/**
 * The service for one run. Where the resource mapper is used, the context also carries the location's
 * custom field definitions (one GET per location and run, before any item is sent): the mapper checks
 * every value against its field's type and options with them.
 */
function serviceFor(fn: IExecuteFunctions): Service {
	const mapped =
		fn.getNode().typeVersion >= 2 &&
		fn.getNodeParameter('resource', 0) === 'contact' &&
		MAPPED.includes(fn.getNodeParameter('operation', 0) as string);
	const definitions = new Map<string, Promise<CustomFieldDefinition[]>>();
	return {
		adapter: ghlAdapter,
		async context(fn, itemIndex) {
			const authentication = fn.getNodeParameter('authentication', 0);
			const options = fn.getNodeParameter('requestOptions', itemIndex, {}) as IDataObject;
			const context = await ghlContext(fn, authentication, options.locationId);
			const locationId = requireLocation(context);
			if (!mapped) return context;
			let known = definitions.get(locationId);
			if (!known) {
				known = readCustomFields(fn, context).then(definitionsOf);
				definitions.set(locationId, known);
			}
			return { ...context, customFieldDefinitions: (await known) as unknown as IDataObject[] };
		},
	};
}

/**
 * The GHL action node. Its type name `ghl` is what n8n's node panel needs to show it together with the GHL
 * triggers (`ghlTrigger`, `gTriggerhl`) as one "GHL" entry (see nodes/shared/legacy.ts). It was called GHL
 * Contacts (`ghlContacts`) before; that type stays loadable for saved workflows (nodes/GhlContacts).
 */
export class Ghl implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'GHL',
		name: 'ghl',
		icon: { light: 'file:../../icons/ghl.svg', dark: 'file:../../icons/ghl.dark.svg' },
		group: ['transform'],
		version: [1, 2],
		defaultVersion: 2,
		subtitle: subtitleOf(resources),
		description: GHL_DESCRIPTION,
		defaults: { name: 'GHL' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: ghlCredentials,
		hints: [
			{
				message:
					'Tags given here replace all of the contact\'s tags. To keep existing tags, use Tag › Add instead.',
				type: 'info',
				location: 'outputPane',
				whenToDisplay: 'beforeExecution',
				displayCondition: '={{ $parameter["resource"] === "contact" && $parameter["operation"] === "update" }}',
			},
			{
				message:
					'Business operations need the businesses.readonly / businesses.write scopes on the Marketplace app or Private Integration Token.',
				type: 'info',
				location: 'outputPane',
				whenToDisplay: 'beforeExecution',
				displayCondition: '={{ $parameter["resource"] === "business" }}',
			},
		],
		properties: [
			authenticationProperty,
			...describeResources(resources),
			{ ...requestOptionsProperty, options: [locationOverrideProperty, ...(requestOptionsProperty.options ?? [])] },
		],
	};

	methods = { loadOptions, listSearch, resourceMapping };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const operation = findOperation(
			resources,
			this.getNodeParameter('resource', 0) as string,
			this.getNodeParameter('operation', 0) as string,
		);
		const scopes = (operation?.options?.scopes as string[] | undefined) ?? [];
		const authentication = this.getNodeParameter('authentication', 0);
		const missing = await missingScopes(this, authentication === 'privateIntegrationToken' ? 'ghlPrivateIntegrationApi' : 'ghlOAuth2Api', scopes);
		if (missing.length) {
			this.addExecutionHints({
				message: `The GHL connection was not granted ${missing.join(' or ')}, which this operation needs. Add the scope to the Marketplace app and reconnect the credential.`,
				location: 'outputPane',
			});
		}
		const output = await executeResources(this, resources, serviceFor(this));
		if (this.getNodeParameter('resource', 0) === 'contact') await nameCustomFields(this, output[0], authentication);
		return output;
	}
}
