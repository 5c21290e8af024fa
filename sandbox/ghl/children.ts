/** Records that belong to one contact (tasks, notes, appointments), stored per contact. */
export class ContactChildren<T extends { id: string; contactId: string }> {
	private readonly byContact = new Map<string, Map<string, T>>();

	forContact(contactId: string): T[] {
		return [...(this.byContact.get(contactId)?.values() ?? [])];
	}

	get(contactId: string, id: string): T | undefined {
		return this.byContact.get(contactId)?.get(id);
	}

	add(record: T): void {
		let records = this.byContact.get(record.contactId);
		if (!records) this.byContact.set(record.contactId, (records = new Map()));
		records.set(record.id, record);
	}

	remove(contactId: string, id: string): T | undefined {
		const record = this.get(contactId, id);
		if (record) this.byContact.get(contactId)!.delete(id);
		return record;
	}

	removeContact(contactId: string): void {
		this.byContact.delete(contactId);
	}

	*all(): IterableIterator<T> {
		for (const records of this.byContact.values()) yield* records.values();
	}

	count(): number {
		let n = 0;
		for (const records of this.byContact.values()) n += records.size;
		return n;
	}

	clear(): void {
		this.byContact.clear();
	}
}
