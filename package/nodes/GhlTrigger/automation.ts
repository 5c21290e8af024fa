import { createHash } from 'crypto';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { claimDelivery } from '../shared/trigger/deliveries';
import { matchSecret, verifyWithCredential, withVerifiedWith, type Matched } from '../shared/trigger/secret';
import { accept, delivered, DUPLICATE, header, refuse, reject, skip } from '../shared/trigger/respond';
import { TOKEN_SOURCE } from './properties';
import { attempt, readAutomationSettings, SettingsError, type AutomationSettings } from './settings';
import { credentialTokens, TOKEN_HEADER, TOKEN_QUERY, WORKFLOW_WEBHOOK_CREDENTIAL } from './token';

/**
 * Standard contact fields a GHL workflow "Webhook" action sends (snake_case keys), and the Contacts API
 * v2 names they get in the output, so the item can feed the GHL nodes directly.
 */
const CONTACT_FIELDS: ReadonlyArray<[output: string, received: string]> = [
	['id', 'contact_id'],
	['firstName', 'first_name'],
	['lastName', 'last_name'],
	['name', 'full_name'],
	['email', 'email'],
	['phone', 'phone'],
	['companyName', 'company_name'],
	['address1', 'address1'],
	['city', 'city'],
	['state', 'state'],
	['postalCode', 'postal_code'],
	['country', 'country'],
	['fullAddress', 'full_address'],
	['timezone', 'timezone'],
	['website', 'website'],
	['source', 'contact_source'],
	['type', 'contact_type'],
	['dateOfBirth', 'date_of_birth'],
	['dateAdded', 'date_created'],
];

/** Tags arrive as "a, b" text; the API uses a list. */
function tagList(value: unknown): string[] | undefined {
	if (Array.isArray(value)) return value.map(String).filter(Boolean);
	if (typeof value !== 'string') return undefined;
	return value
		.split(',')
		.map((t) => t.trim())
		.filter(Boolean);
}

function objectAt(body: IDataObject, key: string): IDataObject | undefined {
	const value = body[key];
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : undefined;
}

/** The output item of an automation delivery: mapped contact, location, workflow, custom data, payload. */
export function mapAutomationPayload(body: IDataObject): IDataObject {
	const contact: IDataObject = {};
	for (const [output, received] of CONTACT_FIELDS) {
		const value = body[received];
		if (value !== undefined && value !== null && value !== '') contact[output] = value;
	}
	const tags = tagList(body.tags);
	if (tags) contact.tags = tags;
	const location = objectAt(body, 'location');
	const item: IDataObject = { contact };
	if (typeof location?.id === 'string') item.locationId = location.id;
	for (const key of ['location', 'workflow', 'user', 'customData', 'triggerData']) {
		const value = objectAt(body, key);
		if (value) item[key] = value;
	}
	item.payload = body;
	return item;
}

/**
 * Whether identical bodies count as one delivery: type version 2 drops them by default (a re-sent delivery
 * repeats the bytes); version 1 never did, and saved version 1 workflows keep that.
 */
function dropsRedeliveries(fn: IWebhookFunctions): boolean {
	return fn.getNodeParameter('dropRedeliveries', fn.getNode().typeVersion >= 2) === true;
}

/** Which token a delivery used (`parameter`: a type version 1 Secret Token parameter), and whether two count. */
interface Used {
	used?: Matched | 'parameter' | 'no token';
	rotating: boolean;
}

/**
 * Checks the token a delivery carried against the ones the node accepts: the version 1 parameter (compared first:
 * it costs nothing), then the credential's current and previous tokens (read as secret.ts describes).
 * A credential without a token yet is a misconfiguration (500), not a wrong token.
 */
async function tokenUsed(fn: IWebhookFunctions, settings: AutomationSettings, given: string | undefined): Promise<Used> {
	if (settings.source === TOKEN_SOURCE.parameter) {
		return { used: matchSecret({ current: settings.parameterToken }, given) ? 'parameter' : undefined, rotating: false };
	}
	// moving from the parameter to the credential: both count, so outputs say which one a delivery used
	const moving = settings.source === TOKEN_SOURCE.both;
	if (moving && matchSecret({ current: settings.parameterToken }, given)) return { used: 'parameter', rotating: true };
	const { matched, configured, rotating } = await verifyWithCredential(fn, WORKFLOW_WEBHOOK_CREDENTIAL, credentialTokens, given);
	return { used: matched ?? (configured ? undefined : 'no token'), rotating: rotating || moving };
}

/** A delivery from a GHL workflow's Webhook action: the secret token must match before anything is read. */
export async function receiveAutomation(fn: IWebhookFunctions): Promise<IWebhookResponseData> {
	const settings = attempt(() => readAutomationSettings(fn));
	if (settings instanceof SettingsError) return refuse(fn, `the trigger is misconfigured: ${settings.message}`);
	const query = fn.getQueryData() as IDataObject;
	const given = header(fn, TOKEN_HEADER) ?? (typeof query[TOKEN_QUERY] === 'string' ? query[TOKEN_QUERY] : undefined);
	let token: Used;
	try {
		token = await tokenUsed(fn, settings, given);
	} catch {
		return refuse(fn, 'the GHL Workflow Webhook credential could not be read');
	}
	if (token.used === 'no token') {
		return refuse(fn, 'the GHL Workflow Webhook credential has no token yet: open the trigger or publish the workflow again');
	}
	if (!token.used) return reject(fn, 401, given === undefined ? 'the secret token is missing' : 'the secret token is wrong');
	const { raw, body } = await delivered(fn);
	const item = withVerifiedWith(mapAutomationPayload(body), token.used, token.rotating);
	if (!dropsRedeliveries(fn)) return accept(fn, item);
	const bytes = raw ?? Buffer.from(JSON.stringify(body));
	const claim = claimDelivery(fn, `body:${createHash('sha256').update(bytes).digest('hex')}`);
	return claim.first ? accept(fn, item, claim.hashed) : skip(DUPLICATE);
}
