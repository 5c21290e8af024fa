import type { GhlDeps } from '../http/deps';
import type { RouteAdder } from '../http/guard';
import { unprocessable } from '../http/errors';
import { validateBody } from '../http/validate';
import { BULK_TAGS, TAGS } from './dtos';
import { loadContact, useLocation } from './load';
import { normalizeTags } from './normalize';
import { setTags } from './writes';

const WRITE = { scope: 'contacts.write' };
const FIREBASE_ID = /^[A-Za-z0-9]{20}$/;

/** Contacts ops 16, 17 and 30: add/remove tags on one contact, and in bulk. */
export function registerTagRoutes(route: RouteAdder, deps: GhlDeps): void {
	const strict = () => deps.config().strictBodies;

	route('POST', '/contacts/:contactId/tags', WRITE, (request, reply) => {
		const contact = loadContact(deps, request);
		const { tags } = validateBody(request.body, TAGS, strict()) as { tags: string[] };
		const next = normalizeTags([...contact.tags, ...tags]);
		if (next.length !== contact.tags.length) setTags(deps, contact, next);
		return reply.code(201).send({ tags: [...contact.tags] });
	});

	route('DELETE', '/contacts/:contactId/tags', WRITE, (request) => {
		const contact = loadContact(deps, request);
		const { tags } = validateBody(request.body, TAGS, strict()) as { tags: string[] };
		const remove = new Set(normalizeTags(tags));
		const next = contact.tags.filter((t) => !remove.has(t));
		if (next.length !== contact.tags.length) setTags(deps, contact, next);
		return { tags: [...contact.tags] };
	});

	route('POST', '/contacts/bulk/tags/update/:type', WRITE, (request, reply) => {
		const type = request.params.type;
		if (type !== 'add' && type !== 'remove') throw unprocessable(['type must be one of the following values: add, remove']);
		const body = validateBody(request.body, BULK_TAGS, strict());
		const locationId = useLocation(deps, request, body.locationId as string);
		const tags = normalizeTags(body.tags as string[]);
		const removeAll = type === 'remove' && body.removeAllTags === true;
		const responses = (body.contacts as string[]).map((contactId) => {
			if (!FIREBASE_ID.test(contactId)) return { contactId, message: 'contact id is not a valid firebase id', type: 'error' };
			const contact = deps.state.contacts.get(contactId);
			if (!contact) return { contactId, message: 'contact is deleted', type: 'error' };
			if (contact.locationId !== locationId) return { contactId, message: 'contact does not belong to location', type: 'error' };
			const oldTags = [...contact.tags];
			const next = type === 'add' ? normalizeTags([...oldTags, ...tags]) : removeAll ? [] : oldTags.filter((t) => !tags.includes(t));
			if (next.join('\u0000') !== oldTags.join('\u0000')) setTags(deps, contact, next);
			return {
				contactId,
				message: 'Tags updated',
				type: 'success',
				oldTags,
				tagsAdded: next.filter((t) => !oldTags.includes(t)),
				tagsRemoved: oldTags.filter((t) => !next.includes(t)),
			};
		});
		const errorCount = responses.filter((r) => r.type === 'error').length;
		return reply.code(201).send({ succeded: true, errorCount, responses });
	});
}
