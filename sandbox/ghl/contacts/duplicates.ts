import type { DuplicateField } from '../config';
import type { Contact } from '../model';
import type { GhlState } from '../state';
import { normalizePhone } from './normalize';

export interface DuplicateMatch {
	contact: Contact;
	field: DuplicateField;
}

/**
 * The contact GHL treats as "the same person": the first field in `order` (the location's duplicate
 * check priority) that matches wins, so an email match beats a phone match on another contact.
 */
export function findDuplicate(
	state: GhlState,
	locationId: string,
	keys: { email?: unknown; phone?: unknown },
	order: DuplicateField[],
	excludeId?: string,
): DuplicateMatch | undefined {
	for (const field of order) {
		const raw = keys[field];
		if (typeof raw !== 'string' || raw.trim() === '') continue;
		const matches =
			field === 'email'
				? state.contacts.findByEmail(locationId, raw.trim())
				: state.contacts.findByPhone(locationId, normalizePhone(raw));
		const contact = matches.find((c) => c.id !== excludeId);
		if (contact) return { contact, field };
	}
	return undefined;
}
