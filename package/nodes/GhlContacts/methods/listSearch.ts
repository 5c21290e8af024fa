import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { ghlLookup, list } from './api';

const PAGE = 50;

function contactLabel(c: IDataObject): string {
	const first = String(c.firstName ?? c.firstNameLowerCase ?? '');
	const last = String(c.lastName ?? c.lastNameLowerCase ?? '');
	const name = `${first} ${last}`.trim() || String(c.contactName ?? c.companyName ?? '');
	const reach = String(c.email ?? c.phone ?? '');
	return name && reach ? `${name} (${reach})` : name || reach || String(c.id);
}

function matches(filter: string | undefined, ...values: unknown[]): boolean {
	if (!filter) return true;
	const f = filter.toLowerCase();
	return values.some((v) => String(v ?? '').toLowerCase().includes(f));
}

export async function searchContacts(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = Number(paginationToken ?? 1) || 1;
	const body: IDataObject = { locationId: '{locationId}', page, pageLimit: PAGE };
	if (filter) body.query = filter.slice(0, 75);
	const answer = await ghlLookup(this, 'POST', () => '/contacts/search', { body });
	const contacts = list(answer, 'contacts');
	return {
		results: contacts.map((c) => ({ name: contactLabel(c), value: String(c.id) })),
		paginationToken: contacts.length === PAGE && page * PAGE < 10_000 ? String(page + 1) : undefined,
	};
}

export async function searchBusinesses(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const skip = Number(paginationToken ?? 0) || 0;
	const answer = await ghlLookup(this, 'GET', () => '/businesses/', {
		query: { locationId: '{locationId}', skip: String(skip), limit: '100' },
	});
	const businesses = list(answer, 'businesses');
	return {
		results: businesses
			.filter((b) => matches(filter, b.name, b.email, b.city))
			.map((b) => ({ name: String(b.name ?? b.id), value: String(b.id) })),
		paginationToken: businesses.length === 100 ? String(skip + 100) : undefined,
	};
}

function currentContact(fn: ILoadOptionsFunctions): string {
	const value = fn.getCurrentNodeParameter('contactId', { extractValue: true });
	return typeof value === 'string' ? value.trim() : '';
}

export async function searchTasks(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const contactId = currentContact(this);
	if (!contactId) return { results: [] };
	const answer = await ghlLookup(this, 'GET', () => `/contacts/${encodeURIComponent(contactId)}/tasks`);
	return {
		results: list(answer, 'tasks')
			.filter((t) => matches(filter, t.title, t.body))
			.map((t) => ({ name: `${String(t.title ?? t.id)}${t.completed ? ' (done)' : ''}`, value: String(t.id) })),
	};
}

export async function searchNotes(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const contactId = currentContact(this);
	if (!contactId) return { results: [] };
	const answer = await ghlLookup(this, 'GET', () => `/contacts/${encodeURIComponent(contactId)}/notes`);
	return {
		results: list(answer, 'notes')
			.filter((n) => matches(filter, n.title, n.body))
			.map((n) => ({
				name: String(n.title || String(n.body ?? '').slice(0, 60) || n.id),
				value: String(n.id),
			})),
	};
}
