/**
 * "Put the contact in its company's GHL business": find the business whose name matches the contact's
 * company name (case and spacing ignored), create it when there is none, then link the contact with the
 * bulk business link. Templates 1 and 2 share it.
 */
import type { Cell, Flow } from './flow';
import { byId, code, expr, ghl, ifNode, set } from './nodes';
import { personOf } from './person';

/** The Code node reads the contact from here (the name is fixed in code/match-business.js). */
const CONTACT = 'The contact and its company';

/**
 * Adds the business steps from `from`, whose person (contactId, companyName) is in `personNode`, at `at`
 * (two rows, six columns). Error outputs go to `onFailure`.
 */
export function addBusinessLink(flow: Flow, from: string, personNode: string, at: Cell, onFailure: string): void {
	const [x, y] = at;
	const hasCompany = flow.add(ifNode('Has a company name?', [x, y], `!!${personOf(personNode, 'companyName')}`));
	flow.add(
		set(CONTACT, [x + 1, y], [
			['contactId', expr(personOf(personNode, 'contactId'))],
			['companyName', expr(personOf(personNode, 'companyName'))],
		]),
	);
	const list = flow.add(
		ghl('Get the GHL businesses', [x + 2, y], 'business', 'getAll', { returnAll: true }, {
			executeOnce: true,
			alwaysOutputData: true,
			onError: 'continueErrorOutput',
		}),
	);
	const match = flow.add(code('Match the business by company name', [x + 3, y], 'match-business.js'));
	const exists = flow.add(ifNode('Does the business exist?', [x + 4, y], '!!$json.businessId'));
	const create = flow.add(
		ghl('Create the GHL business', [x + 4, y + 1], 'business', 'create', { name: expr('$json.companyName') }, { onError: 'continueErrorOutput' }),
	);
	const link = flow.add(
		ghl(
			'Link the contact to the business',
			[x + 5, y],
			'business',
			'linkContacts',
			{ businessId: byId(expr('$json.businessId || $json.id')), ids: expr(`$('${CONTACT}').first().json.contactId`) },
			{ onError: 'continueErrorOutput' },
		),
	);
	flow.link(from, hasCompany).chain(hasCompany, CONTACT, list, match, exists, link);
	flow.link(exists, create, 1).link(create, link);
	for (const node of [list, create, link]) flow.link(node, onFailure, 1);
}
