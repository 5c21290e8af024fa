import { randomUUID } from 'node:crypto';
import { locationSettings } from '../config';
import type { GhlDeps } from '../http/deps';
import type { RouteAdder } from '../http/guard';
import { requireQuery, validateBody } from '../http/validate';
import { findDuplicate } from './duplicates';
import { CREATE_CONTACT, UPDATE_CONTACT, UPSERT_CONTACT } from './dtos';
import { loadContact, useLocation } from './load';
import { contactView, createdContactView } from './views';
import { createContact, deleteContact, updateContact } from './writes';

const READ = { scope: 'contacts.readonly' };
const WRITE = { scope: 'contacts.write' };

/** Contacts ops 2-7: duplicate lookup, get, create, update, delete, upsert. */
export function registerContactCrudRoutes(route: RouteAdder, deps: GhlDeps): void {
	const strict = () => deps.config().strictBodies;

	route('GET', '/contacts/search/duplicate', READ, (request) => {
		requireQuery(request.query, ['locationId']);
		const locationId = useLocation(deps, request, request.query.locationId!);
		const keys = { email: request.query.email, phone: request.query.number };
		const match = findDuplicate(deps.state, locationId, keys, locationSettings(deps.config(), locationId).duplicateCheckFields);
		return { contact: match ? contactView(match.contact) : null };
	});

	route('GET', '/contacts/:contactId', READ, (request) => ({ contact: contactView(loadContact(deps, request)) }));

	route('POST', '/contacts/', WRITE, (request, reply) => {
		const body = validateBody(request.body, CREATE_CONTACT, strict());
		const locationId = useLocation(deps, request, body.locationId as string);
		const contact = createContact(deps, locationId, body);
		return reply.code(201).send({ contact: createdContactView(contact) });
	});

	route('PUT', '/contacts/:contactId', WRITE, (request) => {
		const contact = loadContact(deps, request);
		const body = validateBody(request.body, UPDATE_CONTACT, strict());
		return { succeded: true, contact: contactView(updateContact(deps, contact, body)) };
	});

	route('DELETE', '/contacts/:contactId', WRITE, (request) => {
		deleteContact(deps, loadContact(deps, request));
		return { succeded: true };
	});

	route('POST', '/contacts/upsert', WRITE, (request) => {
		const body = validateBody(request.body, UPSERT_CONTACT, strict());
		const locationId = useLocation(deps, request, body.locationId as string);
		const settings = locationSettings(deps.config(), locationId);
		const match =
			body.createNewIfDuplicateAllowed === true && settings.allowDuplicateContact
				? undefined
				: findDuplicate(deps.state, locationId, body, settings.duplicateCheckFields);
		const contact = match
			? updateContact(deps, match.contact, body, { checkDuplicates: false })
			: createContact(deps, locationId, body, { checkDuplicates: false });
		return { new: !match, contact: contactView(contact), traceId: randomUUID() };
	});
}
