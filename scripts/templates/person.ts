/**
 * One person shape every template maps to and from: the GHL contact, the Tookan customer and a form
 * submission all become `{contactId, firstName, lastName, name, email, phone, companyName, address1, city,
 * state, postalCode, country, address}` in one Set node, so names and addresses are written the same way
 * in both services (name = first + last, address = one line "street, city, state zip, country").
 */
import type { Cell, NodeOptions, NodeSpec } from './flow';
import { expr, set, type Assignment } from './nodes';

export const PERSON_PARTS = [
	'contactId',
	'firstName',
	'lastName',
	'name',
	'email',
	'phone',
	'companyName',
	'address1',
	'city',
	'state',
	'postalCode',
	'country',
] as const;

export type PersonPart = (typeof PERSON_PARTS)[number];

/** Where each part comes from: a JavaScript expression over the incoming item (missing parts are empty). */
export type PersonSource = Partial<Record<PersonPart, string>>;

const text = (source: string | undefined) => (source ? `String(${source} ?? '').trim()` : `''`);

/** The full name: first + last, else the name as given, else the email or phone (Tookan needs a name). */
function fullName(src: PersonSource): string {
	return `[${text(src.firstName)}, ${text(src.lastName)}].filter(Boolean).join(' ') || ${text(src.name)} || ${text(src.email)} || ${text(src.phone)}`;
}

/** One address line: "street, city, state zip, country" without empty parts. */
function addressLine(src: PersonSource): string {
	const region = `[${text(src.state)}, ${text(src.postalCode)}].filter(Boolean).join(' ')`;
	return `[${text(src.address1)}, ${text(src.city)}, ${region}, ${text(src.country)}].filter(Boolean).join(', ')`;
}

/** A Set node that outputs the person (plus `extra` fields) from `src`. */
export function personNode(name: string, at: Cell, src: PersonSource, extra: Assignment[] = [], options: NodeOptions = {}): NodeSpec {
	const parts: Assignment[] = PERSON_PARTS.map((part) => {
		if (part === 'name') return ['name', expr(fullName(src))];
		if (part === 'email') return ['email', expr(`${text(src.email)}.toLowerCase()`)];
		return [part, expr(text(src[part]))];
	});
	return set(name, at, [...parts, ['address', expr(addressLine(src))], ...extra], options);
}

/**
 * A person part from the node that mapped it. Each template handles one event per execution, so the
 * person is that node's first (only) item.
 */
export const personOf = (node: string, part: string) => `$('${node}').first().json.${part}`;
