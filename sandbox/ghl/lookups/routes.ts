import { locationSettings } from '../config';
import { useLocation } from '../contacts/load';
import type { GhlDeps, GhlRequest } from '../http/deps';
import { authOf, type RouteAdder } from '../http/guard';
import { unprocessable } from '../http/errors';
import type { UserType } from '../model';

const BOTH: UserType[] = ['Location', 'Company'];

/** The small lookups the node's dropdowns need (users, custom fields, tags, campaigns, workflows, location). */
export function registerLookupRoutes(route: RouteAdder, deps: GhlDeps): void {
	const { state } = deps;
	/** `?locationId=`; a location token may leave it out (its own location). */
	const queryLocation = (request: GhlRequest) => {
		const locationId = request.query.locationId ?? authOf(request).locationId;
		if (!locationId) throw unprocessable(['locationId should not be empty', 'locationId must be a string']);
		return useLocation(deps, request, locationId);
	};
	const ofLocation = <T extends { locationId: string }>(items: Iterable<T>, locationId: string) =>
		[...items].filter((i) => i.locationId === locationId);

	route('GET', '/users/', { scope: 'users.readonly', userTypes: BOTH }, (request) => {
		const locationId = queryLocation(request);
		const users = [...state.users.values()].filter((u) => u.locationIds.includes(locationId));
		return {
			users: users.map((u) => ({
				id: u.id,
				name: `${u.firstName} ${u.lastName}`,
				firstName: u.firstName,
				lastName: u.lastName,
				email: u.email,
				phone: u.phone,
				roles: { type: 'account', role: u.role, locationIds: [...u.locationIds] },
			})),
		};
	});

	route('GET', '/locations/:locationId/customFields', { scope: 'locations/customFields.readonly' }, (request) => {
		const locationId = useLocation(deps, request, request.params.locationId);
		return { customFields: state.customFieldsOf(locationId).map((f) => ({ ...f, model: 'contact' })) };
	});

	route('GET', '/locations/:locationId/tags', { scope: 'locations/tags.readonly' }, (request) => {
		const locationId = useLocation(deps, request, request.params.locationId);
		return { tags: ofLocation(state.tags.values(), locationId).map(({ id, name }) => ({ id, name, locationId })) };
	});

	route('GET', '/campaigns/', { scope: 'campaigns.readonly' }, (request) => {
		const locationId = queryLocation(request);
		return { campaigns: ofLocation(state.campaigns.values(), locationId) };
	});

	route('GET', '/workflows/', { scope: 'workflows.readonly' }, (request) => {
		const locationId = queryLocation(request);
		return { workflows: ofLocation(state.workflows.values(), locationId) };
	});

	route('GET', '/locations/:locationId', { scope: 'locations.readonly', userTypes: BOTH }, (request) => {
		const location = state.locations.get(useLocation(deps, request, request.params.locationId))!;
		const settings = locationSettings(deps.config(), location.id);
		return {
			location: {
				...location,
				settings: { allowDuplicateContact: settings.allowDuplicateContact, allowDuplicateOpportunity: false },
			},
		};
	});
}
