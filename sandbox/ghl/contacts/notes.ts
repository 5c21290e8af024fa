import { noteEvent } from '../events/payloads';
import type { GhlDeps } from '../http/deps';
import type { RouteAdder } from '../http/guard';
import type { Note } from '../model';
import { registerChildRoutes, type ChildResource } from './child-routes';
import { CREATE_NOTE, UPDATE_NOTE } from './dtos';


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

const notes: ChildResource<Note> = {
	plural: 'notes',
	singular: 'note',
	param: 'id',
	label: 'Note',
	store: (deps) => deps.state.notes,
	createDto: CREATE_NOTE,
	updateDto: UPDATE_NOTE,
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
