import { createRandom, pick, randomInt, type Random } from '../core/random';
import { GHL_DEFAULTS } from './defaults';
import type { Appointment, Business, Contact, Note, Task } from './model';
import type { GhlState } from './state';

/** `POST /_admin/seed {ghl: GhlSeedSpec}`: bulk data for one location, deterministic for a given `seed`. */
export interface GhlSeedSpec {
	locationId?: string;
	contacts?: number;
	businesses?: number;
	tasksPerContact?: number;
	notesPerContact?: number;
	appointmentsPerContact?: number;
	/** Link every contact to one of the seeded businesses (default true when businesses > 0). */
	linkBusinesses?: boolean;
	seed?: number;
}

export interface GhlSeedResult {
	locationId: string;
	contacts: number;
	businesses: number;
	tasks: number;
	notes: number;
	appointments: number;
	/** The first few contact ids created (handy in tests). */
	sampleContactIds: string[];
	businessIds: string[];
}

const FIRST = ['Ada', 'Ben', 'Cleo', 'Dan', 'Eve', 'Finn', 'Gia', 'Hal', 'Ivy', 'Jon', 'Kim', 'Leo', 'Mia', 'Ned', 'Oli', 'Pia'];
const LAST = ['Smith', 'Jones', 'Brown', 'Garcia', 'Miller', 'Davis', 'Lopez', 'Wilson', 'Moore', 'Taylor', 'Clark', 'Young'];
const CITIES = ['Austin', 'Denver', 'Boston', 'Seattle', 'Miami', 'Chicago'];
const SOURCES = ['website', 'facebook', 'referral', 'import', 'phone call'];
const TAGS = ['vip', 'lead', 'customer', 'newsletter'];
const DAY = 86_400_000;

export function seedGhl(state: GhlState, spec: GhlSeedSpec): GhlSeedResult {
	const locationId = spec.locationId ?? GHL_DEFAULTS.locationIds[0];
	if (!state.locations.has(locationId)) throw new Error(`unknown location ${locationId}`);
	const random = createRandom(spec.seed ?? 42);
	const now = state.now();
	const businesses = Array.from({ length: spec.businesses ?? 0 }, (_, i) => seedBusiness(state, locationId, i, now));
	const link = spec.linkBusinesses ?? businesses.length > 0;
	const result: GhlSeedResult = { locationId, contacts: 0, businesses: businesses.length, tasks: 0, notes: 0, appointments: 0, sampleContactIds: [], businessIds: businesses.map((b) => b.id) };
	const offset = state.contacts.size;
	for (let i = 0; i < (spec.contacts ?? 0); i++) {
		const contact = seedContact(state, random, locationId, offset + i, now);
		if (link && businesses.length) contact.businessId = businesses[i % businesses.length].id;
		state.contacts.add(contact);
		if (result.sampleContactIds.length < 10) result.sampleContactIds.push(contact.id);
		result.contacts++;
		for (let t = 0; t < (spec.tasksPerContact ?? 0); t++, result.tasks++) state.tasks.add(seedTask(state, random, contact, t, now));
		for (let n = 0; n < (spec.notesPerContact ?? 0); n++, result.notes++) state.notes.add(seedNote(state, contact, n));
		for (let a = 0; a < (spec.appointmentsPerContact ?? 0); a++, result.appointments++) {
			state.appointments.add(seedAppointment(state, random, contact, a, now));
		}
	}
	state.ensureTags(locationId, TAGS);
	return result;
}

function seedContact(state: GhlState, random: Random, locationId: string, n: number, now: number): Contact {
	const firstName = pick(random, FIRST);
	const lastName = pick(random, LAST);
	const added = new Date(now - randomInt(random, 1, 365 * DAY)).toISOString();
	const tags = TAGS.filter(() => random() < 0.3);
	return {
		id: state.newId(),
		locationId,
		firstName,
		lastName,
		email: `${firstName}.${lastName}.${n}@example.com`.toLowerCase(),
		phone: `+1555${String(1_000_000 + n).padStart(7, '0').slice(-7)}`,
		companyName: random() < 0.5 ? `${lastName} & Co` : undefined,
		city: pick(random, CITIES),
		country: 'US',
		source: pick(random, SOURCES),
		timezone: 'America/Chicago',
		assignedTo: random() < 0.5 ? pick(random, GHL_DEFAULTS.userIds) : undefined,
		dnd: random() < 0.05,
		type: 'lead',
		tags,
		customFields: {},
		followers: [],
		campaigns: [],
		workflows: [],
		dateAdded: added,
		dateUpdated: added,
	};
}

function seedBusiness(state: GhlState, locationId: string, i: number, now: number): Business {
	const at = new Date(now - (i + 1) * DAY).toISOString();
	const business: Business = {
		id: state.newHexId(),
		locationId,
		name: `${pick(state.random, LAST)} Holdings ${i + 1}`,
		email: `office${i + 1}@business.example`,
		phone: `+1555200${String(i).padStart(4, '0').slice(-4)}`,
		city: pick(state.random, CITIES),
		country: 'US',
		createdBy: { source: 'SEED' },
		updatedBy: { source: 'SEED' },
		createdAt: at,
		updatedAt: at,
	};
	state.businesses.set(business.id, business);
	return business;
}

function seedTask(state: GhlState, random: Random, contact: Contact, t: number, now: number): Task {
	return {
		id: state.newId(),
		contactId: contact.id,
		title: `Follow up #${t + 1} with ${contact.firstName}`,
		body: 'Call back about the quote',
		assignedTo: pick(random, GHL_DEFAULTS.userIds),
		dueDate: new Date(now + randomInt(random, 1, 30) * DAY).toISOString(),
		completed: random() < 0.3,
		dateAdded: contact.dateAdded,
	};
}

function seedNote(state: GhlState, contact: Contact, n: number): Note {
	return { id: state.newId(), contactId: contact.id, body: `Seeded note ${n + 1}`, userId: GHL_DEFAULTS.userIds[0], dateAdded: contact.dateAdded };
}

function seedAppointment(state: GhlState, random: Random, contact: Contact, a: number, now: number): Appointment {
	const start = now + randomInt(random, 1, 60) * DAY;
	return {
		id: state.newId(),
		contactId: contact.id,
		locationId: contact.locationId,
		calendarId: 'SbxCalendar000000001',
		title: `Appointment ${a + 1} with ${contact.firstName}`,
		status: 'booked',
		appointmentStatus: 'confirmed',
		assignedUserId: pick(random, GHL_DEFAULTS.userIds),
		notes: '',
		address: 'https://meet.example/sandbox',
		startTime: new Date(start).toISOString(),
		endTime: new Date(start + 1_800_000).toISOString(),
		dateAdded: contact.dateAdded,
		dateUpdated: contact.dateAdded,
	};
}
