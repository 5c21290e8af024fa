/** The GHL sandbox's stored records (internal shapes; the API views live next to the routes). */

export type UserType = 'Location' | 'Company';

export interface Company {
	id: string;
	name: string;
}

export interface Location {
	id: string;
	companyId: string;
	name: string;
	email: string;
	phone: string;
	address: string;
	city: string;
	state: string;
	country: string;
	postalCode: string;
	website: string;
	timezone: string;
	dateAdded: string;
}

export interface User {
	id: string;
	companyId: string;
	locationIds: string[];
	firstName: string;
	lastName: string;
	email: string;
	phone: string;
	role: 'admin' | 'user';
}

export type CustomFieldType =
	| 'TEXT'
	| 'LARGE_TEXT'
	| 'NUMERICAL'
	| 'PHONE'
	| 'MONETORY'
	| 'CHECKBOX'
	| 'SINGLE_OPTIONS'
	| 'MULTIPLE_OPTIONS'
	| 'RADIO'
	| 'DATE'
	| 'TEXTBOX_LIST'
	| 'FILE_UPLOAD';

export interface CustomFieldDefinition {
	id: string;
	locationId: string;
	name: string;
	/** e.g. `contact.favourite_colour` */
	fieldKey: string;
	dataType: CustomFieldType;
	placeholder: string;
	position: number;
	picklistOptions?: string[];
}

export interface LocationTag {
	id: string;
	locationId: string;
	name: string;
}

export interface Campaign {
	id: string;
	locationId: string;
	name: string;
	status: 'draft' | 'published';
}

export interface Workflow {
	id: string;
	locationId: string;
	name: string;
	status: 'draft' | 'published';
	version: number;
	createdAt: string;
	updatedAt: string;
}

export interface DndSetting {
	status: 'active' | 'inactive' | 'permanent';
	message?: string;
	code?: string;
}

export interface Contact {
	id: string;
	locationId: string;
	firstName?: string;
	lastName?: string;
	name?: string;
	email?: string;
	phone?: string;
	gender?: string;
	companyName?: string;
	address1?: string;
	city?: string;
	state?: string;
	postalCode?: string;
	country?: string;
	website?: string;
	timezone?: string;
	source?: string;
	assignedTo?: string;
	dateOfBirth?: string | null;
	dnd: boolean;
	dndSettings?: Record<string, DndSetting>;
	inboundDndSettings?: { all: { status: 'active' | 'inactive'; message?: string } };
	type: 'lead' | 'customer';
	tags: string[];
	/** custom field id -> value */
	customFields: Record<string, unknown>;
	followers: string[];
	campaigns: string[];
	workflows: string[];
	businessId?: string | null;
	dateAdded: string;
	dateUpdated: string;
}

export interface Task {
	id: string;
	contactId: string;
	title: string;
	body?: string;
	assignedTo?: string;
	dueDate: string;
	completed: boolean;
	dateAdded: string;
}

export interface Note {
	id: string;
	contactId: string;
	body: string;
	userId?: string;
	title?: string;
	color?: string;
	pinned?: boolean;
	dateAdded: string;
}

export interface Appointment {
	id: string;
	contactId: string;
	locationId: string;
	calendarId: string;
	title: string;
	status: string;
	appointmentStatus: 'confirmed' | 'cancelled' | 'showed' | 'noshow' | 'invalid';
	assignedUserId: string;
	notes: string;
	address: string;
	startTime: string;
	endTime: string;
	dateAdded: string;
	dateUpdated: string;
}

export interface Business {
	id: string;
	locationId: string;
	name: string;
	phone?: string;
	email?: string;
	website?: string;
	address?: string;
	city?: string;
	description?: string;
	state?: string;
	postalCode?: string;
	country?: string;
	createdBy: Record<string, unknown>;
	updatedBy: Record<string, unknown>;
	createdAt: string;
	updatedAt: string;
}

/** A Marketplace app as the token endpoint and the consent page know it. */
export interface OAuthClient {
	clientId: string;
	clientSecret: string;
	/** The part of clientId before the first '-' (what webhooks carry as appId). */
	appId: string;
	name: string;
	scopes: string[];
	/** Empty = any redirect URI is accepted. */
	redirectUris: string[];
	/** Locations the app is installed on (the consent page installs it). */
	installedLocationIds: string[];
}
