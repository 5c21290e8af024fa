import { isPlainObject } from '../../core/merge';
import { GHL_DEFAULTS } from '../defaults';
import type { GhlDeps } from '../http/deps';
import type { Contact } from '../model';
import {
	appointmentEvent,
	associationEvent,
	campaignStatusEvent,
	contactEvent,
	installEvent,
	noteEvent,
	recordEvent,
	relationEvent,
	taskEvent,
} from './payloads';

/** The 25 catalogued event types (events.json); INSTALL/UNINSTALL are the `type` values of AppInstall/AppUninstall. */
export const GHL_EVENT_TYPES = [
	'ContactCreate',
	'ContactUpdate',
	'ContactDelete',
	'ContactTagUpdate',
	'ContactDndUpdate',
	'NoteCreate',
	'NoteUpdate',
	'NoteDelete',
	'TaskCreate',
	'TaskComplete',
	'TaskDelete',
	'INSTALL',
	'UNINSTALL',
	'AppointmentCreate',
	'AppointmentUpdate',
	'AppointmentDelete',
	'CampaignStatusUpdate',
	'RecordCreate',
	'RecordUpdate',
	'RecordDelete',
	'AssociationCreate',
	'AssociationUpdate',
	'AssociationDelete',
	'RelationCreate',
	'RelationDelete',
] as const;

const ALIASES: Record<string, string> = { AppInstall: 'INSTALL', AppUninstall: 'UNINSTALL' };

export interface FireEventRequest {
	type: string;
	locationId?: string;
	/** The record the event is about (contact, note, task, appointment, business, campaign); default: the first one. */
	id?: string;
	/** CampaignStatusUpdate / Relation*: the contact (default: the first contact of the location). */
	contactId?: string;
	/** CampaignStatusUpdate: the status to report (default "active"). */
	status?: string;
	/** Extra fields merged into the payload. */
	data?: Record<string, unknown>;
}

export class EventRequestError extends Error {}

/** Builds an event from the current state and sends it now (admin `POST /_admin/events/ghl`). */
export function fireEvent(deps: GhlDeps, input: FireEventRequest): Record<string, unknown> {
	const type = ALIASES[input.type] ?? input.type;
	if (!(GHL_EVENT_TYPES as readonly string[]).includes(type)) {
		throw new EventRequestError(`unknown event type "${input.type}" (known: ${GHL_EVENT_TYPES.join(', ')})`);
	}
	const locationId = input.locationId ?? GHL_DEFAULTS.locationIds[0];
	if (!deps.state.locations.has(locationId)) throw new EventRequestError(`unknown location ${locationId}`);
	const payload = { ...build(deps, type, locationId, input), ...(isPlainObject(input.data) ? input.data : {}) };
	return deps.events.emit(type, locationId, payload);
}

function build(deps: GhlDeps, type: string, locationId: string, input: FireEventRequest): Record<string, unknown> {
	const { state } = deps;
	const contact = () => pickContact(deps, locationId, type.startsWith('Contact') ? input.id : input.contactId);
	const children = <T extends { id: string; contactId: string }>(all: Iterable<T>, label: string) => {
		for (const record of all) {
			const owner = state.contacts.get(record.contactId);
			if (owner?.locationId === locationId && (!input.id || record.id === input.id)) return record;
		}
		throw new EventRequestError(`no ${label}${input.id ? ` ${input.id}` : ''} in location ${locationId}`);
	};
	if (type.startsWith('Contact')) return contactEvent(contact(), type === 'ContactDndUpdate');
	if (type.startsWith('Note')) return noteEvent(children(state.notes.all(), 'note'));
	if (type.startsWith('Task')) return taskEvent(children(state.tasks.all(), 'task'));
	if (type.startsWith('Appointment')) return appointmentEvent(children(state.appointments.all(), 'appointment'));
	if (type === 'UNINSTALL') return { appId: GHL_DEFAULTS.appId };
	if (type === 'INSTALL') {
		const location = state.locations.get(locationId)!;
		return installEvent(location, state.companies.get(location.companyId)?.name);
	}
	if (type === 'CampaignStatusUpdate') {
		const campaign = [...state.campaigns.values()].find((c) => c.locationId === locationId && (!input.id || c.id === input.id));
		if (!campaign) throw new EventRequestError(`no campaign${input.id ? ` ${input.id}` : ''} in location ${locationId}`);
		return campaignStatusEvent(contact(), campaign.id, input.status ?? 'active', state.isoNow());
	}
	if (type.startsWith('Record')) {
		const business = [...state.businesses.values()].find((b) => b.locationId === locationId && (!input.id || b.id === input.id));
		if (!business) throw new EventRequestError(`no business${input.id ? ` ${input.id}` : ''} in location ${locationId}`);
		return recordEvent(business, []);
	}
	if (type.startsWith('Association')) return associationEvent(input.id ?? state.newHexId(), type !== 'AssociationCreate');
	const linked = contact();
	const businessId = linked.businessId ?? [...state.businesses.values()].find((b) => b.locationId === locationId)?.id;
	if (!businessId) throw new EventRequestError(`no business to relate contact ${linked.id} to`);
	return relationEvent(input.id ?? state.newHexId(), linked, businessId, state.newHexId());
}

function pickContact(deps: GhlDeps, locationId: string, id: string | undefined): Contact {
	const contact = id ? deps.state.contacts.get(id) : deps.state.contacts.inLocation(locationId)[0];
	if (!contact || contact.locationId !== locationId) {
		throw new EventRequestError(`no contact${id ? ` ${id}` : ''} in location ${locationId}`);
	}
	return contact;
}
