import { isPlainObject } from '../../core/merge';
import { locationSettings } from '../config';
import { contactEvent } from '../events/payloads';
import type { GhlDeps } from '../http/deps';
import { badRequest, unprocessable } from '../http/errors';
import type { Contact, DndSetting } from '../model';
import { applyCustomFields } from './custom-fields';
import { findDuplicate } from './duplicates';
import { fullName, splitName } from './names';
import { normalizePhone, normalizeTags, parseDateOfBirth } from './normalize';

const TEXT_FIELDS = [
	'firstName',
	'lastName',
	'gender',
	'companyName',
	'address1',
	'city',
	'state',
	'postalCode',
	'country',
	'website',
	'timezone',
	'source',
	'assignedTo',
] as const;
const DND_CHANNELS = ['Call', 'Email', 'SMS', 'WhatsApp', 'GMB', 'FB'];
const DND_STATUSES = ['active', 'inactive', 'permanent'];

/** Upsert matches first and so never refuses a duplicate (the second match is ignored, like GHL). */
interface WriteOptions {
	checkDuplicates?: boolean;
}

interface Changes {
	tags: boolean;
	dnd: boolean;
}

/** Creates a contact (201 body) after GHL's duplicate rule: a location that disallows duplicates refuses one. */
export function createContact(
	deps: GhlDeps,
	locationId: string,
	input: Record<string, unknown>,
	options: WriteOptions = {},
): Contact {
	const now = deps.state.isoNow();
	const contact: Contact = {
		id: deps.state.newId(),
		locationId,
		dnd: false,
		type: 'lead',
		tags: [],
		customFields: {},
		followers: [],
		campaigns: [],
		workflows: [],
		dateAdded: now,
		dateUpdated: now,
	};
	applyInput(deps, contact, input);
	if (options.checkDuplicates !== false) assertNoDuplicate(deps, contact);
	deps.state.contacts.add(contact);
	deps.events.emit('ContactCreate', locationId, contactEvent(contact));
	return contact;
}

/** Applies an update/upsert body; fires ContactUpdate and, when they changed, ContactTagUpdate / ContactDndUpdate. */
export function updateContact(
	deps: GhlDeps,
	contact: Contact,
	input: Record<string, unknown>,
	options: WriteOptions = {},
): Contact {
	const draft: Contact = structuredClone(contact);
	const changes = applyInput(deps, draft, input);
	if (options.checkDuplicates !== false) assertNoDuplicate(deps, draft);
	draft.dateUpdated = deps.state.isoNow();
	deps.state.contacts.update(contact, (c) => Object.assign(c, draft));
	emitUpdate(deps, contact, changes);
	return contact;
}

export function emitUpdate(deps: GhlDeps, contact: Contact, changes: Changes): void {
	deps.events.emit('ContactUpdate', contact.locationId, contactEvent(contact));
	if (changes.tags) deps.events.emit('ContactTagUpdate', contact.locationId, contactEvent(contact));
	if (changes.dnd) deps.events.emit('ContactDndUpdate', contact.locationId, contactEvent(contact, true));
}

export function deleteContact(deps: GhlDeps, contact: Contact): void {
	const payload = contactEvent(contact);
	deps.state.contacts.remove(contact.id);
	deps.state.tasks.removeContact(contact.id);
	deps.state.notes.removeContact(contact.id);
	deps.state.appointments.removeContact(contact.id);
	deps.events.emit('ContactDelete', contact.locationId, payload);
}

/** Replaces the contact's tags and fires ContactTagUpdate (tags add/remove endpoints and bulk tags). */
export function setTags(deps: GhlDeps, contact: Contact, tags: string[]): void {
	deps.state.ensureTags(contact.locationId, tags);
	contact.tags = tags;
	contact.dateUpdated = deps.state.isoNow();
	deps.events.emit('ContactTagUpdate', contact.locationId, contactEvent(contact));
}

function assertNoDuplicate(deps: GhlDeps, contact: Contact): void {
	const settings = locationSettings(deps.config(), contact.locationId);
	if (settings.allowDuplicateContact) return;
	const match = findDuplicate(deps.state, contact.locationId, contact, settings.duplicateCheckFields, contact.id);
	if (!match) return;
	throw badRequest('This location does not allow duplicated contacts.', {
		meta: { contactName: fullName(match.contact), contactId: match.contact.id, matchingField: match.field },
	});
}

function applyInput(deps: GhlDeps, contact: Contact, input: Record<string, unknown>): Changes {
	const messages: string[] = [];
	const before = { tags: contact.tags.join('\u0000'), dnd: JSON.stringify([contact.dnd, contact.dndSettings]) };
	for (const field of TEXT_FIELDS) if (typeof input[field] === 'string') contact[field] = (input[field] as string) || undefined;
	if (typeof input.name === 'string' && input.firstName === undefined && input.lastName === undefined) {
		Object.assign(contact, splitName(input.name));
	}
	if (typeof input.email === 'string') contact.email = input.email.trim() || undefined;
	if (typeof input.phone === 'string') contact.phone = normalizePhone(input.phone) || undefined;
	if (Array.isArray(input.tags)) {
		contact.tags = normalizeTags(input.tags as string[]);
		deps.state.ensureTags(contact.locationId, contact.tags);
	}
	if (typeof input.dnd === 'boolean') contact.dnd = input.dnd;
	if (input.dndSettings !== undefined) contact.dndSettings = dndSettings(input.dndSettings, messages);
	if (isPlainObject(input.inboundDndSettings)) contact.inboundDndSettings = input.inboundDndSettings as Contact['inboundDndSettings'];
	if (input.dateOfBirth === null || input.dateOfBirth === '') contact.dateOfBirth = null;
	else if (input.dateOfBirth !== undefined) {
		const dob = typeof input.dateOfBirth === 'string' ? parseDateOfBirth(input.dateOfBirth) : undefined;
		if (dob) contact.dateOfBirth = dob;
		else messages.push('dateOfBirth must be a valid date (YYYY-MM-DD, MM/DD/YYYY, ...)');
	}
	if (Array.isArray(input.customFields)) {
		messages.push(...applyCustomFields(deps.state, contact.locationId, contact.customFields, input.customFields));
	}
	if (messages.length) throw unprocessable(messages);
	return {
		tags: before.tags !== contact.tags.join('\u0000'),
		dnd: before.dnd !== JSON.stringify([contact.dnd, contact.dndSettings]),
	};
}

function dndSettings(value: unknown, messages: string[]): Record<string, DndSetting> | undefined {
	if (!isPlainObject(value)) {
		messages.push('dndSettings must be an object');
		return undefined;
	}
	const out: Record<string, DndSetting> = {};
	for (const [channel, setting] of Object.entries(value)) {
		if (!DND_CHANNELS.includes(channel)) messages.push(`dndSettings.property ${channel} should not exist`);
		else if (!isPlainObject(setting) || !DND_STATUSES.includes(String(setting.status))) {
			messages.push(`dndSettings.${channel}.status must be one of the following values: ${DND_STATUSES.join(', ')}`);
		} else out[channel] = setting as unknown as DndSetting;
	}
	return out;
}
