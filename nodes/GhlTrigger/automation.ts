import { createHash } from 'crypto';
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { claimDelivery } from '../shared/trigger/deliveries';
import { sameSecret } from '../shared/trigger/secret';
import { accept, delivered, DUPLICATE, header, refuse, reject, skip } from '../shared/trigger/respond';
import { TOKEN_HEADER, TOKEN_QUERY } from './properties';
import { attempt, readAutomationSettings, SettingsError } from './settings';

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

/** A delivery from a GHL workflow's Webhook action: the secret token must match before anything is read. */
export async function receiveAutomation(fn: IWebhookFunctions): Promise<IWebhookResponseData> {
	const settings = attempt(() => readAutomationSettings(fn));
	if (settings instanceof SettingsError) return refuse(fn, `the trigger is misconfigured: ${settings.message}`);
	const query = fn.getQueryData() as IDataObject;
	const given = header(fn, TOKEN_HEADER) ?? (typeof query[TOKEN_QUERY] === 'string' ? query[TOKEN_QUERY] : undefined);
	if (!sameSecret(settings.token, given)) {
		return reject(fn, 401, given === undefined ? 'the secret token is missing' : 'the secret token is wrong');
	}
	const { raw, body } = await delivered(fn);
	const item = mapAutomationPayload(body);
	if (!dropsRedeliveries(fn)) return accept(fn, item);
	const bytes = raw ?? Buffer.from(JSON.stringify(body));
	const claim = claimDelivery(fn, `body:${createHash('sha256').update(bytes).digest('hex')}`);
	return claim.first ? accept(fn, item, claim.hashed) : skip(DUPLICATE);
}
