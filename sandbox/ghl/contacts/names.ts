import type { Contact } from '../model';

export function fullName(contact: Pick<Contact, 'firstName' | 'lastName'>): string | undefined {
	return [contact.firstName, contact.lastName].filter(Boolean).join(' ') || undefined;
}

/** The lower-cased name fields GHL returns (and searches/sorts on). */
export function lowerCaseNames(contact: Pick<Contact, 'firstName' | 'lastName'>) {
	return {
		firstNameLowerCase: contact.firstName?.toLowerCase(),
		lastNameLowerCase: contact.lastName?.toLowerCase(),
		fullNameLowerCase: fullName(contact)?.toLowerCase(),
	};
}

/** `name` alone is split into first and last name (first word / the rest). */
export function splitName(name: string): { firstName?: string; lastName?: string } {
	const [first, ...rest] = name.trim().split(/\s+/);
	return { firstName: first || undefined, lastName: rest.join(' ') || undefined };
}
