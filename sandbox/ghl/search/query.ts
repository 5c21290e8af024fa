import type { Contact } from '../model';
import { fullName } from '../contacts/names';

/** Free-text `query`: a case-insensitive match on name, email, phone (digits) and company name. */
export function matchesQuery(contact: Contact, query: string | undefined): boolean {
	const needle = query?.trim().toLowerCase();
	if (!needle) return true;
	const digits = needle.replace(/\D/g, '');
	return (
		(fullName(contact)?.toLowerCase().includes(needle) ?? false) ||
		(contact.email?.toLowerCase().includes(needle) ?? false) ||
		(contact.companyName?.toLowerCase().includes(needle) ?? false) ||
		(digits.length > 2 && (contact.phone?.includes(digits) ?? false))
	);
}
