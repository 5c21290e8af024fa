import type { GhlDeps, GhlRequest } from '../http/deps';
import { notFound } from '../http/errors';
import type { RouteAdder } from '../http/guard';
import { validateBody, type Dto } from '../http/validate';
import type { Appointment } from '../model';
import { CAMPAIGN, FOLLOWERS, WORKFLOW } from './dtos';
import { loadContact } from './load';

const READ = { scope: 'contacts.readonly' };
const WRITE = { scope: 'contacts.write' };

export const appointmentView = (a: Appointment) => ({
	id: a.id,
	calendarId: a.calendarId,
	status: a.status,
	title: a.title,
	assignedUserId: a.assignedUserId,
	notes: a.notes,
	startTime: a.startTime,
	endTime: a.endTime,
	address: a.address,
	locationId: a.locationId,
	contactId: a.contactId,
	groupId: a.calendarId,
	appointmentStatus: a.appointmentStatus,
	users: [a.assignedUserId],
	dateAdded: a.dateAdded,
	dateUpdated: a.dateUpdated,
	assignedResources: [],
});

/** Contacts ops 15 and 23-29: appointments, campaigns, workflows, followers. */
export function registerMembershipRoutes(route: RouteAdder, deps: GhlDeps): void {
	const strict = () => deps.config().strictBodies;
	const touch = (contact: { dateUpdated: string }) => (contact.dateUpdated = deps.state.isoNow());
	/** Adds the contact to a campaign or workflow of its own location (404 otherwise). */
	const enrol = (
		request: GhlRequest,
		dto: Dto,
		records: Map<string, { id: string; locationId: string }>,
		id: string,
		list: 'campaigns' | 'workflows',
		label: string,
	) => {
		const contact = loadContact(deps, request);
		validateBody(request.body, dto, strict());
		const record = records.get(id);
		if (!record || record.locationId !== contact.locationId) throw notFound(`${label} not found`);
		if (!contact[list].includes(record.id)) contact[list].push(record.id);
		touch(contact);
	};

	route('GET', '/contacts/:contactId/appointments', READ, (request) => {
		const contact = loadContact(deps, request);
		return { events: deps.state.appointments.forContact(contact.id).map(appointmentView) };
	});

	route('DELETE', '/contacts/:contactId/campaigns/removeAll', WRITE, (request) => {
		const contact = loadContact(deps, request);
		contact.campaigns = [];
		touch(contact);
		return { succeded: true };
	});

	route('POST', '/contacts/:contactId/campaigns/:campaignId', WRITE, (request, reply) => {
		enrol(request, CAMPAIGN, deps.state.campaigns, request.params.campaignId, 'campaigns', 'Campaign');
		return reply.code(201).send({ succeded: true });
	});

	route('DELETE', '/contacts/:contactId/campaigns/:campaignId', WRITE, (request) => {
		const contact = loadContact(deps, request);
		contact.campaigns = contact.campaigns.filter((id) => id !== request.params.campaignId);
		touch(contact);
		return { succeded: true };
	});

	route('POST', '/contacts/:contactId/workflow/:workflowId', WRITE, (request) => {
		enrol(request, WORKFLOW, deps.state.workflows, request.params.workflowId, 'workflows', 'Workflow');
		return { succeded: true };
	});

	route('DELETE', '/contacts/:contactId/workflow/:workflowId', WRITE, (request) => {
		const contact = loadContact(deps, request);
		validateBody(request.body, WORKFLOW, strict());
		contact.workflows = contact.workflows.filter((id) => id !== request.params.workflowId);
		touch(contact);
		return { succeded: true };
	});

	route('POST', '/contacts/:contactId/followers', WRITE, (request, reply) => {
		const contact = loadContact(deps, request);
		const { followers } = validateBody(request.body, FOLLOWERS, strict()) as { followers: string[] };
		const followersAdded = [...new Set(followers)].filter((id) => !contact.followers.includes(id));
		contact.followers.push(...followersAdded);
		touch(contact);
		return reply.code(201).send({ followers: [...contact.followers], followersAdded });
	});

	route('DELETE', '/contacts/:contactId/followers', WRITE, (request) => {
		const contact = loadContact(deps, request);
		const { followers } = validateBody(request.body, FOLLOWERS, strict()) as { followers: string[] };
		const followersRemoved = contact.followers.filter((id) => followers.includes(id));
		contact.followers = contact.followers.filter((id) => !followers.includes(id));
		touch(contact);
		return { followers: [...contact.followers], followersRemoved };
	});
}
