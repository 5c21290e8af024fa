import type { GhlDeps, GhlRequest } from '../http/deps';
import { notFound } from '../http/errors';
import { assertLocation, authOf } from '../http/guard';
import type { Contact } from '../model';

/** The contact named by the `contactId` path parameter, 404 if unknown, 403 if in another location. */
export function loadContact(deps: GhlDeps, request: GhlRequest): Contact {
	const contact = deps.state.contacts.get(request.params.contactId);
	if (!contact) throw notFound('Contact not found');
	assertLocation(deps, authOf(request), contact.locationId);
	return contact;
}

/** A location named in the body or query: must exist and be reachable with the token. */
export function useLocation(deps: GhlDeps, request: GhlRequest, locationId: string): string {
	assertLocation(deps, authOf(request), locationId);
	if (!deps.state.locations.has(locationId)) throw notFound('Location not found');
	return locationId;
}
