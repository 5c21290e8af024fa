import type { Contact } from '../model';

/** Contacts by id, with per-location email and phone indexes for duplicate matching (upsert at scale stays O(1)). */
export class ContactStore {
	private readonly byId = new Map<string, Contact>();
	private readonly byEmail = new Map<string, Set<string>>();
	private readonly byPhone = new Map<string, Set<string>>();

	get(id: string): Contact | undefined {
		return this.byId.get(id);
	}

	get size(): number {
		return this.byId.size;
	}

	all(): IterableIterator<Contact> {
		return this.byId.values();
	}

	inLocation(locationId: string): Contact[] {
		const out: Contact[] = [];
		for (const contact of this.byId.values()) if (contact.locationId === locationId) out.push(contact);
		return out;
	}

	add(contact: Contact): void {
		this.byId.set(contact.id, contact);
		this.index(contact);
	}

	/** Applies `change` to the contact and keeps the indexes right. */
	update(contact: Contact, change: (c: Contact) => void): void {
		this.unindex(contact);
		change(contact);
		this.index(contact);
	}

	remove(id: string): Contact | undefined {
		const contact = this.byId.get(id);
		if (!contact) return undefined;
		this.unindex(contact);
		this.byId.delete(id);
		return contact;
	}

	clear(): void {
		this.byId.clear();
		this.byEmail.clear();
		this.byPhone.clear();
	}

	/** Oldest first (the contact GHL would treat as the original). */
	findByEmail(locationId: string, email: string): Contact[] {
		return this.lookup(this.byEmail, key(locationId, email.toLowerCase()));
	}

	findByPhone(locationId: string, phone: string): Contact[] {
		return this.lookup(this.byPhone, key(locationId, phone));
	}

	private lookup(index: Map<string, Set<string>>, k: string): Contact[] {
		const ids = index.get(k);
		if (!ids) return [];
		return [...ids]
			.map((id) => this.byId.get(id)!)
			.sort((a, b) => a.dateAdded.localeCompare(b.dateAdded) || a.id.localeCompare(b.id));
	}

	private index(contact: Contact): void {
		if (contact.email) addTo(this.byEmail, key(contact.locationId, contact.email.toLowerCase()), contact.id);
		if (contact.phone) addTo(this.byPhone, key(contact.locationId, contact.phone), contact.id);
	}

	private unindex(contact: Contact): void {
		if (contact.email) removeFrom(this.byEmail, key(contact.locationId, contact.email.toLowerCase()), contact.id);
		if (contact.phone) removeFrom(this.byPhone, key(contact.locationId, contact.phone), contact.id);
	}
}

function key(locationId: string, value: string): string {
	return `${locationId}\u0000${value}`;
}

function addTo(index: Map<string, Set<string>>, k: string, id: string): void {
	let ids = index.get(k);
	if (!ids) index.set(k, (ids = new Set()));
	ids.add(id);
}

function removeFrom(index: Map<string, Set<string>>, k: string, id: string): void {
	const ids = index.get(k);
	if (!ids) return;
	ids.delete(id);
	if (ids.size === 0) index.delete(k);
}
