import { GHL_DEFAULTS } from '../defaults';
import type { Appointment, Business, Contact, Location, Note, Task } from '../model';
import { addressFields, customFieldList } from '../contacts/views';
import { fullName } from '../contacts/names';

/** Event bodies built from the stored records, in the shapes of the webhook catalogue (events.json). */

export function contactEvent(contact: Contact, withDnd = false): Record<string, unknown> {
	return {
		id: contact.id,
		...addressFields(contact),
		companyName: contact.companyName,
		source: contact.source,
		dateAdded: contact.dateAdded,
		dateOfBirth: contact.dateOfBirth ?? undefined,
		dnd: contact.dnd,
		...(withDnd ? { dndSettings: contact.dndSettings ?? {} } : {}),
		email: contact.email,
		name: fullName(contact),
		firstName: contact.firstName,
		lastName: contact.lastName,
		phone: contact.phone,
		tags: [...contact.tags],
		attachments: [],
		assignedTo: contact.assignedTo,
		customFields: customFieldList(contact),
	};
}

export function noteEvent(note: Note): Record<string, unknown> {
	return { id: note.id, body: note.body, contactId: note.contactId, dateAdded: note.dateAdded };
}

export function taskEvent(task: Task): Record<string, unknown> {
	return {
		id: task.id,
		assignedTo: task.assignedTo,
		body: task.body,
		contactId: task.contactId,
		title: task.title,
		dateAdded: task.dateAdded,
		dueDate: task.dueDate,
	};
}

export function appointmentEvent(appointment: Appointment): Record<string, unknown> {
	const { id, address, title, calendarId, contactId, appointmentStatus, assignedUserId, notes } = appointment;
	return {
		appointment: {
			id,
			address,
			title,
			calendarId,
			contactId,
			groupId: calendarId,
			appointmentStatus,
			assignedUserId,
			users: [assignedUserId],
			notes,
			source: 'booking_widget',
			startTime: appointment.startTime,
			endTime: appointment.endTime,
			dateAdded: appointment.dateAdded,
			dateUpdated: appointment.dateUpdated,
		},
	};
}

export function campaignStatusEvent(contact: Contact, campaignId: string, status: string, now: string) {
	return { id: campaignId, contactId: contact.id, status, templateId: campaignId, replied: 'false', dateAdded: now };
}

export function recordEvent(business: Business, followers: string[]): Record<string, unknown> {
	const properties = (['name', 'email', 'phone', 'website', 'city'] as const)
		.filter((key) => business[key])
		.map((key) => ({ key, valueString: business[key] }));
	return { id: business.id, owners: [], followers, properties, timestamp: business.updatedAt };
}

export function associationEvent(id: string, withCardinality: boolean): Record<string, unknown> {
	return {
		id,
		associationType: 'SYSTEM_DEFINED',
		firstObjectKey: 'contact',
		firstObjectLabel: 'Contact',
		...(withCardinality ? { firstObjectToSecondObjectCardinality: 'MANY_TO_ONE' } : {}),
		secondObjectKey: 'business',
		secondObjectLabel: 'Business',
		...(withCardinality ? { secondObjectToFirstObjectCardinality: 'ONE_TO_MANY' } : {}),
		key: 'contact_business',
	};
}

export function relationEvent(id: string, contact: Contact, businessId: string, associationId: string) {
	return {
		id,
		firstObjectKey: 'contact',
		firstRecordId: contact.id,
		secondObjectKey: 'business',
		secondRecordId: businessId,
		associationId,
	};
}

/** AppInstall (`type: INSTALL`) for a location install. */
export function installEvent(location: Location, companyName: string | undefined): Record<string, unknown> {
	return {
		appId: GHL_DEFAULTS.appId,
		companyId: location.companyId,
		userId: GHL_DEFAULTS.userIds[0],
		planId: GHL_DEFAULTS.planId,
		trial: { onTrial: false },
		isWhitelabelCompany: false,
		whitelabelDetails: {},
		companyName,
	};
}
