/** Fields several GHL resources share: the record locators and the dropdowns. */
import * as f from '../../shared/fields';
import type { Field, Operation } from '../../shared/types';

export const READ = ['contacts.readonly'];
export const WRITE = ['contacts.write'];

/** GHL app pages: …/location/<locationId>/contacts/detail/<contactId> (also on white-label domains). */
const CONTACT_URL = 'https?://[^/]+/(?:v2/)?location/[^/]+/contacts/detail/([A-Za-z0-9_-]+)';
const BUSINESS_URL = 'https?://[^/]+/(?:v2/)?location/[^/]+/(?:contacts/)?businesses?/(?:detail/)?([A-Za-z0-9_-]+)';
const TASK_URL = 'https?://[^/]+/.*(?:tasks/|[?&]taskId=)([A-Za-z0-9_-]+)';
const NOTE_URL = 'https?://[^/]+/.*(?:notes/|[?&]noteId=)([A-Za-z0-9_-]+)';

export const contactId = (o: { required?: boolean } = { required: true }): Field =>
	f.locator('contactId', 'Contact', {
		in: 'path',
		required: o.required,
		search: 'searchContacts',
		urlPattern: CONTACT_URL,
		urlPlaceholder: 'e.g. https://app.gohighlevel.com/v2/location/ve9EPM428h8vShlRW1KT/contacts/detail/pGcb8MXEa3Pk2Kv1pJ4w',
		description: 'The contact to work on',
	});

export const businessId = (o: { in?: 'path' | 'body'; key?: string } = { in: 'path' }): Field =>
	f.locator('businessId', 'Business', {
		in: o.in,
		key: o.key,
		required: true,
		search: 'searchBusinesses',
		urlPattern: BUSINESS_URL,
		urlPlaceholder: 'e.g. https://app.gohighlevel.com/v2/location/ve9EPM428h8vShlRW1KT/businesses/detail/63b7ec34ea409a9a8bd2a4ff',
	});

export const taskId: Field = f.locator('taskId', 'Task', {
	in: 'path',
	required: true,
	search: 'searchTasks',
	urlPattern: TASK_URL,
	urlPlaceholder: 'e.g. https://app.gohighlevel.com/v2/location/ve9EPM428h8vShlRW1KT/tasks?taskId=hxHGVRb1YJUscrCB8eXK',
	description: 'A task of the contact above',
});

export const noteId: Field = f.locator('noteId', 'Note', {
	in: 'path',
	key: 'id',
	required: true,
	search: 'searchNotes',
	urlPattern: NOTE_URL,
	urlPlaceholder: 'e.g. https://app.gohighlevel.com/v2/location/ve9EPM428h8vShlRW1KT/contacts/detail/pGcb8MXEa3Pk2Kv1pJ4w?noteId=GCs5KuzPqTls7vWclkEV',
	description: 'A note of the contact above',
});

export const assignedTo = (key = 'assignedTo', label = 'Assigned To'): Field =>
	f.dynamic(key, label, 'getUsers', { in: 'body', description: 'The user the record is assigned to' });

/** GHL wants `locationId` in the body or query of location-scoped calls; the service fills it in. */
export const locationInBody: Operation['context'] = [{ in: 'body', key: 'locationId', from: 'locationId' }];
export const locationInQuery: Operation['context'] = [{ in: 'query', key: 'locationId', from: 'locationId' }];

/** GHL's delete/update responses spell it "succeded". */
export const SUCCEEDED = 'succeded';
