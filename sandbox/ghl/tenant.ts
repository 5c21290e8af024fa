import { APP_SCOPES, GHL_DEFAULTS, PIT_SCOPES } from './defaults';
import type { CustomFieldDefinition, CustomFieldType, Location } from './model';
import type { GhlState } from './state';

const CUSTOM_FIELDS: Array<[string, string, CustomFieldType, string[]?]> = [
	['Favourite colour', 'favourite_colour', 'SINGLE_OPTIONS', ['Red', 'Green', 'Blue']],
	['Background', 'background', 'LARGE_TEXT'],
	['Referral code', 'referral_code', 'TEXT'],
	['Employees', 'employees', 'NUMERICAL'],
	['Lifetime value', 'lifetime_value', 'MONETORY'],
	['Interests', 'interests', 'MULTIPLE_OPTIONS', ['Plumbing', 'Heating', 'Solar', 'Dental']],
	['Newsletter topics', 'newsletter_topics', 'CHECKBOX', ['News', 'Offers', 'Events']],
	['Renewal date', 'renewal_date', 'DATE'],
	['Preferred channel', 'preferred_channel', 'RADIO', ['Phone', 'Email', 'SMS']],
	['Office phone', 'office_phone', 'PHONE'],
	['Past addresses', 'past_addresses', 'TEXTBOX_LIST'],
	['Contract file', 'contract_file', 'FILE_UPLOAD'],
];
const TAGS = ['vip', 'lead', 'customer', 'newsletter'];
const CAMPAIGNS = ['Welcome series', 'Win-back'];
const WORKFLOWS = ['New lead nurture', 'Appointment reminder'];
const USERS: Array<[string, string, 'admin' | 'user', number[]]> = [
	['Ada', 'Admin', 'admin', [0, 1]],
	['Sam', 'Sales', 'user', [0]],
	['Dee', 'Dispatch', 'user', [1]],
];

/** Installs the fixed sandbox tenant (see defaults.ts) into an empty state. */
export function installTenant(state: GhlState): void {
	const now = state.isoNow();
	const { companyId, locationIds, locationNames } = GHL_DEFAULTS;
	state.companies.set(companyId, { id: companyId, name: GHL_DEFAULTS.companyName });
	locationIds.forEach((id, i) => addLocation(state, { id, name: locationNames[i], companyId, dateAdded: now }));
	USERS.forEach(([firstName, lastName, role, locs], i) => {
		const id = GHL_DEFAULTS.userIds[i];
		const email = `${firstName.toLowerCase()}@sandbox-agency.test`;
		const locationIds = locs.map((n) => GHL_DEFAULTS.locationIds[n]);
		state.users.set(id, { id, companyId, locationIds, firstName, lastName, email, phone: `+1555010000${i}`, role });
	});
	state.clients.set(GHL_DEFAULTS.clientId, {
		clientId: GHL_DEFAULTS.clientId,
		clientSecret: GHL_DEFAULTS.clientSecret,
		appId: GHL_DEFAULTS.appId,
		name: GHL_DEFAULTS.appName,
		scopes: APP_SCOPES,
		redirectUris: [],
		installedLocationIds: [...locationIds],
	});
	const pitGrant = {
		userType: 'Location' as const,
		companyId,
		locationId: locationIds[0],
		scopes: PIT_SCOPES,
		appKey: `pit:${GHL_DEFAULTS.pit.slice(-12)}`,
		userId: GHL_DEFAULTS.userIds[0],
	};
	state.tokens.issueAccess(pitGrant, 'pit', null, state.now(), GHL_DEFAULTS.pit);
}

/** A location with its own custom fields, tags, campaigns and workflows. */
export function addLocation(state: GhlState, input: Pick<Location, 'id' | 'name' | 'companyId' | 'dateAdded'>): Location {
	const slug = input.name.toLowerCase().replace(/[^a-z0-9]+/g, '');
	const location: Location = {
		...input,
		email: `office@${slug}.test`,
		phone: '+15550100100',
		address: '1 Sandbox Way',
		city: 'Austin',
		state: 'TX',
		country: 'US',
		postalCode: '73301',
		website: `https://${slug}.test`,
		timezone: 'America/Chicago',
	};
	state.locations.set(location.id, location);
	CUSTOM_FIELDS.forEach(([name, key, dataType, options], position) => {
		const field: CustomFieldDefinition = {
			id: state.newId(),
			locationId: location.id,
			name,
			fieldKey: `contact.${key}`,
			dataType,
			placeholder: name,
			position: position * 50,
			...(options ? { picklistOptions: options } : {}),
		};
		state.customFields.set(field.id, field);
	});
	state.ensureTags(location.id, TAGS);
	for (const name of CAMPAIGNS) {
		const id = state.newId();
		state.campaigns.set(id, { id, locationId: location.id, name, status: 'published' });
	}
	for (const name of WORKFLOWS) {
		const id = state.newId();
		const at = input.dateAdded;
		state.workflows.set(id, { id, locationId: location.id, name, status: 'published', version: 1, createdAt: at, updatedAt: at });
	}
	return location;
}
