import type { Contact } from '../model';
import type { GhlState } from '../state';
import { fullName, lowerCaseNames } from './names';

/** The API shapes of a contact (contacts.json components), built from the stored record. */

export function customFieldList(contact: Contact): Array<{ id: string; value: unknown }> {
	return Object.entries(contact.customFields).map(([id, value]) => ({ id, value }));
}

/** The postal/web fields every contact shape carries. */
export function addressFields(contact: Contact) {
	const { address1, city, state, country, postalCode, website } = contact;
	return { address1, city, state, country, postalCode, website };
}

/** GetContectByIdSchema: GET, PUT, upsert, duplicate lookup. */
export function contactView(contact: Contact): Record<string, unknown> {
	return {
		id: contact.id,
		name: fullName(contact),
		locationId: contact.locationId,
		firstName: contact.firstName,
		lastName: contact.lastName,
		email: contact.email,
		emailLowerCase: contact.email?.toLowerCase(),
		timezone: contact.timezone,
		companyName: contact.companyName,
		phone: contact.phone,
		dnd: contact.dnd,
		dndSettings: contact.dndSettings,
		inboundDndSettings: contact.inboundDndSettings,
		type: contact.type,
		source: contact.source,
		assignedTo: contact.assignedTo,
		...addressFields(contact),
		tags: [...contact.tags],
		dateOfBirth: contact.dateOfBirth ?? undefined,
		dateAdded: contact.dateAdded,
		dateUpdated: contact.dateUpdated,
		attachments: '',
		...lowerCaseNames(contact),
		customFields: customFieldList(contact),
		businessId: contact.businessId ?? undefined,
		followers: [...contact.followers],
		additionalEmails: [],
	};
}

/** CreateContactSchema: the body of POST /contacts/. */
export function createdContactView(contact: Contact): Record<string, unknown> {
	const dob = contact.dateOfBirth ? new Date(contact.dateOfBirth) : undefined;
	return {
		id: contact.id,
		dateAdded: contact.dateAdded,
		dateUpdated: contact.dateUpdated,
		deleted: false,
		tags: [...contact.tags],
		type: contact.type,
		customFields: customFieldList(contact),
		locationId: contact.locationId,
		firstName: contact.firstName,
		lastName: contact.lastName,
		...lowerCaseNames(contact),
		email: contact.email,
		emailLowerCase: contact.email?.toLowerCase(),
		bounceEmail: false,
		unsubscribeEmail: false,
		dnd: contact.dnd,
		dndSettings: contact.dndSettings,
		phone: contact.phone,
		...addressFields(contact),
		source: contact.source,
		companyName: contact.companyName,
		dateOfBirth: contact.dateOfBirth ?? undefined,
		birthMonth: dob ? dob.getUTCMonth() + 1 : undefined,
		birthDay: dob ? dob.getUTCDate() : undefined,
		businessId: contact.businessId ?? undefined,
		assignedTo: contact.assignedTo,
		followers: [...contact.followers],
	};
}

/** A document of POST /contacts/search (lower-cased names only, like the search doc says). */
export function searchDocument(state: GhlState, contact: Contact, searchAfter: unknown[]): Record<string, unknown> {
	const business = contact.businessId ? state.businesses.get(contact.businessId) : undefined;
	const { firstNameLowerCase, lastNameLowerCase } = lowerCaseNames(contact);
	return {
		id: contact.id,
		additionalEmails: [],
		additionalPhones: [],
		address: contact.address1,
		assignedTo: contact.assignedTo,
		businessId: contact.businessId ?? undefined,
		businessName: business?.name,
		city: contact.city,
		companyName: contact.companyName,
		country: contact.country,
		customFields: customFieldList(contact),
		dateAdded: contact.dateAdded,
		dateOfBirth: contact.dateOfBirth ?? undefined,
		dateUpdated: contact.dateUpdated,
		dnd: contact.dnd,
		dndSettings: contact.dndSettings ?? {},
		email: contact.email,
		firstNameLowerCase,
		lastNameLowerCase,
		followers: [...contact.followers],
		locationId: contact.locationId,
		phone: contact.phone,
		phoneLabel: contact.phone ? 'Mobile' : undefined,
		postalCode: contact.postalCode,
		source: contact.source,
		state: contact.state,
		tags: [...contact.tags],
		type: contact.type,
		validEmail: contact.email ? true : undefined,
		website: contact.website,
		searchAfter,
	};
}

/** ContactsSearchSchema (+ the name/phone fields the list endpoints also return). */
export function listedContactView(contact: Contact): Record<string, unknown> {
	return {
		id: contact.id,
		locationId: contact.locationId,
		contactName: fullName(contact)?.toLowerCase(),
		firstName: contact.firstName,
		lastName: contact.lastName,
		companyName: contact.companyName,
		email: contact.email,
		phone: contact.phone,
		dnd: contact.dnd,
		type: contact.type,
		source: contact.source,
		assignedTo: contact.assignedTo,
		timezone: contact.timezone,
		country: contact.country,
		dateAdded: contact.dateAdded,
		dateUpdated: contact.dateUpdated,
		customFields: customFieldList(contact),
		tags: [...contact.tags],
		businessId: contact.businessId ?? undefined,
		attributions: [],
		followers: [...contact.followers],
	};
}
