import type { ContactChildren } from '../children';
import type { GhlDeps } from '../http/deps';
import { notFound, unprocessable } from '../http/errors';
import type { RouteAdder } from '../http/guard';
import { validateBody, type Dto } from '../http/validate';
import type { Contact } from '../model';
import { loadContact } from './load';

/** One kind of record under a contact (tasks, notes): list, create, get, update, delete. */
export interface ChildResource<T extends { id: string; contactId: string }> {
	/** URL segment and list key: `tasks` / `notes`. */
	plural: string;
	/** Single key in responses: `task` / `note`. */
	singular: string;
	/** Path parameter of the record id (`taskId`; notes use `id`). */
	param: string;
	label: string;
	store(deps: GhlDeps): ContactChildren<T>;
	createDto: Dto;
	/** Its fields are the ones copied from the body onto the record, on create and on update. */
	updateDto: Dto;
	/** Extra checks after the copy (422 messages). */
	check?(record: T, body: Record<string, unknown>, messages: string[]): void;
	view(record: T): Record<string, unknown>;
	/** Fires the webhook events of a change (before is undefined on create, after on delete). */
	emit(deps: GhlDeps, contact: Contact, before: T | undefined, after: T | undefined): void;
}

const READ = { scope: 'contacts.readonly' };
const WRITE = { scope: 'contacts.write' };

export function registerChildRoutes<T extends { id: string; contactId: string }>(
	route: RouteAdder,
	deps: GhlDeps,
	resource: ChildResource<T>,
): void {
	const base = `/contacts/:contactId/${resource.plural}`;
	const one = `${base}/:${resource.param}`;
	const strict = () => deps.config().strictBodies;
	const apply = (record: T, body: Record<string, unknown>, messages: string[]) => {
		for (const field of Object.keys(resource.updateDto)) if (body[field] !== undefined) Object.assign(record, { [field]: body[field] });
		resource.check?.(record, body, messages);
	};
	const load = (contact: Contact, id: string) => {
		const record = resource.store(deps).get(contact.id, id);
		if (!record) throw notFound(`${resource.label} not found`);
		return record;
	};

	route('GET', base, READ, (request) => {
		const contact = loadContact(deps, request);
		return { [resource.plural]: resource.store(deps).forContact(contact.id).map((r) => resource.view(r)) };
	});

	route('POST', base, WRITE, (request, reply) => {
		const contact = loadContact(deps, request);
		const body = validateBody(request.body, resource.createDto, strict());
		const messages: string[] = [];
		const record = { id: deps.state.newId(), contactId: contact.id, dateAdded: deps.state.isoNow() } as unknown as T;
		apply(record, body, messages);
		if (messages.length) throw unprocessable(messages);
		resource.store(deps).add(record);
		resource.emit(deps, contact, undefined, record);
		return reply.code(201).send({ [resource.singular]: resource.view(record) });
	});

	route('GET', one, READ, (request) => {
		const contact = loadContact(deps, request);
		return { [resource.singular]: resource.view(load(contact, request.params[resource.param])) };
	});

	route('PUT', one, WRITE, (request) => {
		const contact = loadContact(deps, request);
		const record = load(contact, request.params[resource.param]);
		const body = validateBody(request.body, resource.updateDto, strict());
		const before = structuredClone(record);
		const messages: string[] = [];
		apply(record, body, messages);
		if (messages.length) {
			Object.assign(record, before);
			throw unprocessable(messages);
		}
		resource.emit(deps, contact, before, record);
		return { [resource.singular]: resource.view(record) };
	});

	route('DELETE', one, WRITE, (request) => {
		const contact = loadContact(deps, request);
		const record = load(contact, request.params[resource.param]);
		resource.store(deps).remove(contact.id, record.id);
		resource.emit(deps, contact, record, undefined);
		return { succeded: true };
	});
}
