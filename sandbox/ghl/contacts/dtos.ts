import type { Dto, FieldRule } from '../http/validate';

/** Request DTOs of contacts.json, as validation rules. */

const str: FieldRule = { type: 'string' };
const strings: FieldRule = { type: 'array', items: 'string' };

const CONTACT_COMMON: Dto = {
	firstName: str,
	lastName: str,
	name: str,
	email: { type: 'string', email: true },
	phone: str,
	address1: str,
	city: str,
	state: str,
	postalCode: str,
	website: str,
	timezone: str,
	dnd: { type: 'boolean' },
	dndSettings: { type: 'object' },
	inboundDndSettings: { type: 'object' },
	tags: strings,
	customFields: { type: 'array', items: 'object' },
	source: str,
	dateOfBirth: { type: 'any', nullable: true },
	country: str,
	assignedTo: str,
};

export const CREATE_CONTACT: Dto = {
	...CONTACT_COMMON,
	locationId: { type: 'string', required: true },
	gender: str,
	companyName: str,
};

/** UpdateContactDto has no locationId, gender or companyName. */
export const UPDATE_CONTACT: Dto = CONTACT_COMMON;

export const UPSERT_CONTACT: Dto = { ...CREATE_CONTACT, createNewIfDuplicateAllowed: { type: 'boolean' } };

export const CREATE_TASK: Dto = {
	title: { type: 'string', required: true },
	body: str,
	dueDate: { type: 'string', required: true },
	completed: { type: 'boolean', required: true },
	assignedTo: str,
};

export const UPDATE_TASK: Dto = {
	title: str,
	body: str,
	dueDate: str,
	completed: { type: 'boolean' },
	assignedTo: str,
};

export const TASK_COMPLETED: Dto = { completed: { type: 'boolean', required: true } };

export const CREATE_NOTE: Dto = {
	userId: str,
	body: { type: 'string', required: true },
	title: str,
	color: str,
	pinned: { type: 'boolean' },
};

export const UPDATE_NOTE: Dto = { ...CREATE_NOTE, body: str };

export const TAGS: Dto = { tags: { type: 'array', items: 'string', required: true } };

export const FOLLOWERS: Dto = { followers: { type: 'array', items: 'string', required: true } };

export const WORKFLOW: Dto = { eventStartTime: str };

export const CAMPAIGN: Dto = {};

export const BULK_TAGS: Dto = {
	contacts: { type: 'array', items: 'string', required: true },
	tags: { type: 'array', items: 'string', required: true },
	locationId: { type: 'string', required: true },
	removeAllTags: { type: 'boolean' },
};

export const BULK_BUSINESS: Dto = {
	locationId: { type: 'string', required: true },
	ids: { type: 'array', items: 'string', required: true, maxLength: 50 },
	businessId: { type: 'string', required: true, nullable: true },
};

export const SEARCH: Dto = {
	locationId: { type: 'string', required: true },
	page: { type: 'number', min: 1 },
	pageLimit: { type: 'number', required: true, min: 1, max: 500 },
	searchAfter: { type: 'array' },
	filters: { type: 'array', items: 'object' },
	sort: { type: 'array', items: 'object' },
	query: { type: 'string', maxLength: 75 },
};
