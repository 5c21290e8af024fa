import type { GhlDeps } from '../http/deps';
import { notFound } from '../http/errors';
import type { RouteAdder } from '../http/guard';
import { validateBody } from '../http/validate';
import { BULK_BUSINESS } from './dtos';
import { useLocation } from './load';

/** Contacts op 31: link contacts to a business, or unlink them with `businessId: null`. */
export function registerBulkBusinessRoute(route: RouteAdder, deps: GhlDeps): void {
	route('POST', '/contacts/bulk/business', { scope: 'contacts.write' }, (request) => {
		const body = validateBody(request.body, BULK_BUSINESS, deps.config().strictBodies);
		const locationId = useLocation(deps, request, body.locationId as string);
		const businessId = body.businessId as string | null;
		if (businessId !== null && deps.state.businesses.get(businessId)?.locationId !== locationId) {
			throw notFound('Business not found');
		}
		const ids: string[] = [];
		for (const id of body.ids as string[]) {
			const contact = deps.state.contacts.get(id);
			if (!contact || contact.locationId !== locationId) continue;
			contact.businessId = businessId;
			contact.dateUpdated = deps.state.isoNow();
			ids.push(id);
		}
		return { success: true, ids };
	});
}
