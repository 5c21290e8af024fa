import type { Contact, CustomFieldType } from '../model';
import type { GhlState } from '../state';
import { fullName, lowerCaseNames } from '../contacts/names';

export type Operator = 'eq' | 'not_eq' | 'contains' | 'not_contains' | 'exists' | 'not_exists' | 'range';

/** How a field compares: text (case-insensitive), keyword (exact), list (any element), bool, date, number. */
export type FieldKind = 'text' | 'keyword' | 'list' | 'bool' | 'date' | 'number';

export interface SearchField {
	kind: FieldKind;
	operators: readonly Operator[];
	read(contact: Contact, state: GhlState): unknown;
}

const ALL_TEXT: readonly Operator[] = ['eq', 'not_eq', 'contains', 'not_contains', 'exists', 'not_exists'];
const EXACT: readonly Operator[] = ['eq', 'not_eq', 'exists', 'not_exists'];
const DATES: readonly Operator[] = ['range', 'exists', 'not_exists'];
const NUMBERS: readonly Operator[] = ['range', 'eq', 'not_eq', 'exists', 'not_exists'];

const text = (read: SearchField['read']): SearchField => ({ kind: 'text', operators: ALL_TEXT, read });
const keyword = (read: SearchField['read']): SearchField => ({ kind: 'keyword', operators: EXACT, read });
/** Case-insensitive, but only the exact-match operators (email, contact name). */
const exactText = (read: SearchField['read']): SearchField => ({ kind: 'text', operators: EXACT, read });
const date = (read: SearchField['read']): SearchField => ({ kind: 'date', operators: DATES, read });

/** The standard filter fields of the Contacts Search doc, with the operators it lists for each. */
export const SEARCH_FIELDS: Record<string, SearchField> = {
	id: { kind: 'keyword', operators: ['eq', 'not_eq'], read: (c) => c.id },
	contactName: exactText((c) => fullName(c)),
	address: text((c) => c.address1),
	businessName: text((c, s) => (c.businessId ? s.businesses.get(c.businessId)?.name : undefined)),
	city: text((c) => c.city),
	companyName: text((c) => c.companyName),
	firstNameLowerCase: text((c) => lowerCaseNames(c).firstNameLowerCase),
	lastNameLowerCase: text((c) => lowerCaseNames(c).lastNameLowerCase),
	phone: text((c) => c.phone),
	postalCode: text((c) => c.postalCode),
	source: text((c) => c.source),
	state: text((c) => c.state),
	tags: { kind: 'list', operators: ALL_TEXT, read: (c) => c.tags },
	assignedTo: keyword((c) => c.assignedTo),
	businessId: keyword((c) => c.businessId ?? undefined),
	country: keyword((c) => c.country),
	dnd: { kind: 'bool', operators: EXACT, read: (c) => c.dnd },
	email: exactText((c) => c.email),
	followers: { kind: 'list', operators: EXACT, read: (c) => c.followers },
	isValidWhatsapp: { kind: 'bool', operators: EXACT, read: () => undefined },
	timezone: keyword((c) => c.timezone),
	type: keyword((c) => c.type),
	validEmail: { kind: 'bool', operators: EXACT, read: (c) => (c.email ? true : undefined) },
	website: exactText((c) => c.website),
	activeWorkflows: { kind: 'list', operators: EXACT, read: (c) => c.workflows },
	finishedWorkflows: { kind: 'list', operators: EXACT, read: () => [] },
	dateAdded: date((c) => c.dateAdded),
	dateUpdated: date((c) => c.dateUpdated),
	dateOfBirth: date((c) => c.dateOfBirth ?? undefined),
	lastEmailClickedDate: date(() => undefined),
	lastEmailOpenedDate: date(() => undefined),
	lastAppointment: date((c, s) => lastAppointment(c, s)),
};

const CUSTOM_KINDS: Partial<Record<CustomFieldType, Pick<SearchField, 'kind' | 'operators'>>> = {
	NUMERICAL: { kind: 'number', operators: NUMBERS },
	MONETORY: { kind: 'number', operators: NUMBERS },
	CHECKBOX: { kind: 'list', operators: EXACT },
	MULTIPLE_OPTIONS: { kind: 'list', operators: EXACT },
	DATE: { kind: 'date', operators: DATES },
};

/** `customFields.<fieldId>` filters take their kind from the field's data type. */
export function searchField(name: string, locationId: string, state: GhlState): SearchField | undefined {
	if (!name.startsWith('customFields.')) return SEARCH_FIELDS[name];
	const id = name.slice('customFields.'.length);
	const definition = state.customFields.get(id);
	if (!definition || definition.locationId !== locationId) return undefined;
	const kind = CUSTOM_KINDS[definition.dataType] ?? { kind: 'text' as const, operators: ALL_TEXT };
	return { ...kind, read: (c) => c.customFields[id] };
}

function lastAppointment(contact: Contact, state: GhlState): string | undefined {
	const times = state.appointments.forContact(contact.id).map((a) => a.startTime);
	return times.sort().pop();
}
