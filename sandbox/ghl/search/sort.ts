import { isPlainObject } from '../../core/merge';
import type { Contact } from '../model';
import type { GhlState } from '../state';
import { lowerCaseNames } from '../contacts/names';

export interface SortSpec {
	field: string;
	direction: 'asc' | 'desc';
}

type SortValue = string | number | boolean | null;

const SORT_FIELDS: Record<string, (c: Contact, s: GhlState) => SortValue> = {
	firstNameLowerCase: (c) => lowerCaseNames(c).firstNameLowerCase ?? null,
	lastNameLowerCase: (c) => lowerCaseNames(c).lastNameLowerCase ?? null,
	businessName: (c, s) => (c.businessId ? s.businesses.get(c.businessId)?.name.toLowerCase() ?? null : null),
	dateAdded: (c) => isoMs(c.dateAdded),
	dateUpdated: (c) => isoMs(c.dateUpdated),
	email: (c) => c.email?.toLowerCase() ?? null,
	dnd: (c) => c.dnd,
	source: (c) => c.source?.toLowerCase() ?? null,
};

const parsed = new Map<string, number>();

/** Date.parse with a memo: sorting 10,000 contacts per search page would otherwise parse 10,000 dates each time. */
export function isoMs(iso: string): number {
	let ms = parsed.get(iso);
	if (ms === undefined) {
		if (parsed.size > 500_000) parsed.clear();
		ms = Date.parse(iso);
		parsed.set(iso, ms);
	}
	return ms;
}

export const DEFAULT_SORT: SortSpec[] = [{ field: 'dateAdded', direction: 'desc' }];
const MAX_SORTS = 2;

/** `sort: [{field, direction}]`, at most two ("You can combine 2 sort at once"); default dateAdded desc. */
export function parseSort(sort: unknown[] | undefined, messages: string[]): SortSpec[] {
	if (!sort || sort.length === 0) return DEFAULT_SORT;
	if (sort.length > MAX_SORTS) messages.push(`sort must contain no more than ${MAX_SORTS} elements`);
	return sort.slice(0, MAX_SORTS).flatMap((item, i) => {
		if (!isPlainObject(item) || typeof item.field !== 'string' || !(item.field in SORT_FIELDS)) {
			messages.push(`sort[${i}].field must be one of the following values: ${Object.keys(SORT_FIELDS).join(', ')}`);
			return [];
		}
		if (item.direction !== 'asc' && item.direction !== 'desc') {
			messages.push(`sort[${i}].direction must be one of the following values: asc, desc`);
			return [];
		}
		return [{ field: item.field, direction: item.direction }];
	});
}

/** The sort values plus the id as tie-breaker: what each search document returns as `searchAfter`. */
export function sortKey(contact: Contact, specs: SortSpec[], state: GhlState): SortValue[] {
	return [...specs.map((s) => SORT_FIELDS[s.field](contact, state)), contact.id];
}

/** Orders keys per the specs; missing values sort last in both directions, the id ascending breaks ties. */
export function compareKeys(a: readonly unknown[], b: readonly unknown[], specs: SortSpec[]): number {
	for (let i = 0; i < specs.length; i++) {
		const order = compareValues(a[i], b[i]);
		if (order === 0) continue;
		if (a[i] === null || b[i] === null) return order;
		return specs[i].direction === 'desc' ? -order : order;
	}
	return compareValues(a[specs.length], b[specs.length]);
}

function compareValues(a: unknown, b: unknown): number {
	if (a === b) return 0;
	if (a === null || a === undefined) return 1;
	if (b === null || b === undefined) return -1;
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	if (typeof a === 'boolean' && typeof b === 'boolean') return a ? 1 : -1;
	return String(a) < String(b) ? -1 : 1;
}
