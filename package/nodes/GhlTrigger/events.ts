/**
 * The GHL webhook events this trigger understands, as data: the `type` value GHL sends, how the editor
 * names it, and which records "Enrich" fetches afterwards (and from which payload field their IDs come).
 * Deleted records are not fetched (they are gone); app, custom-object and association events carry no
 * record the Contacts API can return.
 */
export type RecordKind = 'contact' | 'note' | 'task' | 'appointment';

export interface GhlEvent {
	/** The payload's `type`. */
	type: string;
	name: string;
	description: string;
	group: 'Contact' | 'Note' | 'Task' | 'Appointment' | 'Campaign' | 'App' | 'Record' | 'Association' | 'Relation';
	/** Records to fetch for Enrich: kind → dotted path of the ID in the payload. */
	fetch: Partial<Record<RecordKind, string>>;
}

const contactEvent = (type: string, name: string, description: string, fetch = true): GhlEvent => ({
	type,
	name,
	description,
	group: 'Contact',
	fetch: fetch ? { contact: 'id' } : {},
});

const childEvent = (
	group: 'Note' | 'Task',
	type: string,
	name: string,
	description: string,
	fetch: boolean,
): GhlEvent => ({
	type,
	name,
	description,
	group,
	fetch: fetch ? { [group.toLowerCase()]: 'id', contact: 'contactId' } : { contact: 'contactId' },
});

const appointmentEvent = (type: string, name: string, description: string, fetch: boolean): GhlEvent => ({
	type,
	name,
	description,
	group: 'Appointment',
	fetch: fetch
		? { appointment: 'appointment.id', contact: 'appointment.contactId' }
		: { contact: 'appointment.contactId' },
});

const plain = (group: GhlEvent['group'], type: string, name: string, description: string): GhlEvent => ({
	type,
	name,
	description,
	group,
	fetch: {},
});

export const GHL_EVENTS: readonly GhlEvent[] = [
	contactEvent('ContactCreate', 'Contact Created', 'A contact was added to the sub-account'),
	contactEvent('ContactUpdate', 'Contact Updated', 'Some fields of a contact changed'),
	contactEvent('ContactDelete', 'Contact Deleted', 'A contact was removed (the payload is its last state)', false),
	contactEvent('ContactTagUpdate', 'Contact Tags Changed', "A contact's tags changed (the payload has the full tag list)"),
	contactEvent('ContactDndUpdate', 'Contact DND Changed', "A contact's do-not-disturb settings changed"),
	childEvent('Note', 'NoteCreate', 'Note Created', 'A note was added to a contact', true),
	childEvent('Note', 'NoteUpdate', 'Note Updated', "A contact's note was edited", true),
	childEvent('Note', 'NoteDelete', 'Note Deleted', "A contact's note was removed", false),
	childEvent('Task', 'TaskCreate', 'Task Created', 'A task was created (some payloads lack the contact ID)', true),
	childEvent('Task', 'TaskComplete', 'Task Completed', 'A task was marked as completed', true),
	childEvent('Task', 'TaskDelete', 'Task Deleted', 'A task was removed', false),
	appointmentEvent('AppointmentCreate', 'Appointment Created', 'An appointment was booked', true),
	appointmentEvent('AppointmentUpdate', 'Appointment Updated', 'An appointment changed (time, status, attendees)', true),
	appointmentEvent('AppointmentDelete', 'Appointment Deleted', 'An appointment was removed', false),
	{
		type: 'CampaignStatusUpdate',
		name: 'Campaign Status Changed',
		description: "A contact's status in a campaign changed",
		group: 'Campaign',
		fetch: { contact: 'contactId' },
	},
	plain('App', 'INSTALL', 'App Installed', 'The Marketplace app was installed on a sub-account or agency'),
	plain('App', 'UNINSTALL', 'App Uninstalled', 'The Marketplace app was uninstalled'),
	plain('Record', 'RecordCreate', 'Record Created', 'A custom-object record or business was created'),
	plain('Record', 'RecordUpdate', 'Record Updated', 'A custom-object record or business was updated'),
	plain('Record', 'RecordDelete', 'Record Deleted', 'A custom-object record or business was deleted'),
	plain('Association', 'AssociationCreate', 'Association Created', 'A new kind of link between objects was defined'),
	plain('Association', 'AssociationUpdate', 'Association Updated', 'A kind of link between objects was changed'),
	plain('Association', 'AssociationDelete', 'Association Deleted', 'A kind of link between objects was removed'),
	plain('Relation', 'RelationCreate', 'Relation Created', 'Two records were linked (e.g. a contact to a business)'),
	plain('Relation', 'RelationDelete', 'Relation Deleted', 'A link between two records was removed'),
];

/** Selecting this value listens to every event, including types added to GHL later. */
export const ANY_EVENT = '*';

export function findEvent(type: unknown): GhlEvent | undefined {
	return typeof type === 'string' ? GHL_EVENTS.find((e) => e.type === type) : undefined;
}
