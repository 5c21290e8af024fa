import { noteEvent } from '../events/payloads';
import type { GhlDeps } from '../http/deps';
import type { RouteAdder } from '../http/guard';
import type { Note } from '../model';
import { registerChildRoutes, type ChildResource } from './child-routes';
import { CREATE_NOTE, UPDATE_NOTE } from './dtos';

const FIELDS = ['body', 'userId', 'title', 'color', 'pinned'] as const;

const noteView = (n: Note) => ({
	id: n.id,
	body: n.body,
	userId: n.userId,
	dateAdded: n.dateAdded,
	contactId: n.contactId,
	title: n.title,
	color: n.color,
	pinned: n.pinned ?? false,
});

function apply(note: Note, body: Record<string, unknown>): void {
	for (const field of FIELDS) if (body[field] !== undefined) Object.assign(note, { [field]: body[field] });
}

const notes: ChildResource<Note> = {
	plural: 'notes',
	singular: 'note',
	param: 'id',
	label: 'Note',
	store: (deps) => deps.state.notes,
	createDto: CREATE_NOTE,
	updateDto: UPDATE_NOTE,
	create(deps, contact, body) {
		const note = { id: deps.state.newId(), contactId: contact.id, dateAdded: deps.state.isoNow() } as Note;
		apply(note, body);
		return note;
	},
	update: apply,
	view: noteView,
	emit(deps, contact, before, after) {
		const type = !before ? 'NoteCreate' : after ? 'NoteUpdate' : 'NoteDelete';
		deps.events.emit(type, contact.locationId, noteEvent((after ?? before)!));
	},
};

/** Contacts ops 18-22. */
export function registerNoteRoutes(route: RouteAdder, deps: GhlDeps): void {
	registerChildRoutes(route, deps, notes);
}
