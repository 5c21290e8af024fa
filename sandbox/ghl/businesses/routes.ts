import { recordEvent } from '../events/payloads';
import type { GhlDeps, GhlRequest } from '../http/deps';
import { notFound } from '../http/errors';
import { assertLocation, authOf, type RouteAdder } from '../http/guard';
import { intQuery, requireQuery, validateBody, type Dto } from '../http/validate';
import { useLocation } from '../contacts/load';
import type { Business } from '../model';

const READ = { scope: 'businesses.readonly' };
const WRITE = { scope: 'businesses.write' };
const FIELDS = ['name', 'phone', 'email', 'website', 'address', 'city', 'postalCode', 'state', 'country', 'description'] as const;
const str = { type: 'string' as const };
const UPDATE_BUSINESS: Dto = Object.fromEntries(FIELDS.map((f) => [f, str]));
const CREATE_BUSINESS: Dto = { ...UPDATE_BUSINESS, name: { type: 'string', required: true }, locationId: { type: 'string', required: true } };

export const businessView = (b: Business) => ({ ...b });

/** The five Businesses operations (businesses.json); the create/update key is spelt `buiseness`, like GHL. */
export function registerBusinessRoutes(route: RouteAdder, deps: GhlDeps): void {
	const strict = () => deps.config().strictBodies;
	const load = (request: GhlRequest) => {
		const business = deps.state.businesses.get(request.params.businessId);
		if (!business) throw notFound('Business not found');
		assertLocation(deps, authOf(request), business.locationId);
		return business;
	};
	const actor = (request: GhlRequest) => {
		const token = authOf(request);
		return { source: 'INTEGRATION', channel: token.kind === 'pit' ? 'PRIVATE_INTEGRATION' : 'OAUTH', sourceId: token.appKey };
	};
	const emit = (type: string, business: Business) =>
		deps.events.emit(type, business.locationId, recordEvent(business, []));

	route('GET', '/businesses/', READ, (request) => {
		requireQuery(request.query, ['locationId']);
		const locationId = useLocation(deps, request, request.query.locationId!);
		const skip = intQuery(request.query.skip, 'skip', 0);
		const limit = intQuery(request.query.limit, 'limit', 100);
		const all = [...deps.state.businesses.values()].filter((b) => b.locationId === locationId);
		return { businesses: all.slice(skip, skip + limit).map(businessView) };
	});

	route('GET', '/businesses/:businessId', READ, (request) => ({ business: businessView(load(request)) }));

	route('POST', '/businesses/', WRITE, (request, reply) => {
		const body = validateBody(request.body, CREATE_BUSINESS, strict());
		const locationId = useLocation(deps, request, body.locationId as string);
		const now = deps.state.isoNow();
		const business: Business = { id: deps.state.newHexId(), locationId, name: '', createdBy: actor(request), updatedBy: actor(request), createdAt: now, updatedAt: now };
		for (const field of FIELDS) if (typeof body[field] === 'string') business[field] = body[field] as string;
		deps.state.businesses.set(business.id, business);
		emit('RecordCreate', business);
		return reply.code(201).send({ success: true, buiseness: businessView(business) });
	});

	route('PUT', '/businesses/:businessId', WRITE, (request) => {
		const business = load(request);
		const body = validateBody(request.body, UPDATE_BUSINESS, strict());
		for (const field of FIELDS) if (typeof body[field] === 'string') business[field] = body[field] as string;
		business.updatedAt = deps.state.isoNow();
		business.updatedBy = actor(request);
		emit('RecordUpdate', business);
		return { success: true, buiseness: businessView(business) };
	});

	route('DELETE', '/businesses/:businessId', WRITE, (request) => {
		const business = load(request);
		deps.state.businesses.delete(business.id);
		for (const contact of deps.state.contacts.inLocation(business.locationId)) {
			if (contact.businessId === business.id) contact.businessId = null;
		}
		emit('RecordDelete', business);
		return { success: true };
	});
}
