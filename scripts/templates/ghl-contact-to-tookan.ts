/**
 * Template 1: a GHL contact (created or updated) becomes a Tookan customer, its open GHL tasks become Tookan
 * tasks, and the contact is linked to the GHL business of its company. Contacts changed while n8n could not
 * receive the webhook come from the catch-up trigger, through the same steps.
 */
import { addBusinessLink } from './business';
import { addFailurePath } from './failures';
import { Flow } from './flow';
import { byId, catchUpNote, code, expr, filter, ghl, ghlCatchUp, ghlTrigger, ifNode, noOp, tookan } from './nodes';
import { personNode, personOf } from './person';

const PERSON = 'Map the contact';
const PICK = 'Pick the existing customer';
const OPEN_TASKS = 'Keep the open GHL tasks';

export function ghlContactToTookan(): Flow {
	const flow = new Flow('GHL contact → Tookan customer, tasks and business', 'ghl-contact-to-tookan');
	const person = (part: string) => expr(personOf(PERSON, part));

	flow.explain(
		`When a contact is created or updated in HighLevel:
1. **Tookan customer**: looked up by phone (then by name + email); edited when found, created otherwise — never duplicated.
2. **Open GHL tasks → Tookan tasks**: each open task becomes a Tookan delivery to the contact's address, due at the task's due date. The GHL task id is the Tookan **Order ID**; tasks already in Tookan are skipped, so a re-run creates nothing new. Template 3 uses this link.
3. **Business**: the contact is linked to the GHL business named like its company (created when missing).

${catchUpNote('contacts created or changed')}

A step that fails for one item sends it to the failure path: the contact gets the \`sync-failed\` tag and a timeline note with the reason.`,
		`1. Create a **GHL Marketplace App** credential (GHL Marketplace App OAuth2 API) for the app whose webhooks start this workflow, and a **Tookan** credential; n8n fills them into the nodes on import.
2. Publish, then paste the trigger's Production URL into your Marketplace app (Webhooks) and subscribe to **ContactCreate** and **ContactUpdate**. The catch-up trigger uses the same GHL credential and needs nothing else.
3. Tookan needs a phone number for a customer and an address for a delivery: contacts without a phone are skipped; tasks of contacts without an address are reported on the contact.`,
	);

	const trigger = flow.add(ghlTrigger('On GHL contact created or updated', [0, 0], { source: 'app', events: ['ContactCreate', 'ContactUpdate'] }));
	const catchUp = flow.add(ghlCatchUp('Catch up on contacts missed while n8n was down', [0, 1], { events: ['ContactCreate', 'ContactUpdate'] }));
	flow.add(
		personNode(PERSON, [1, 0], {
			contactId: '$json.id',
			firstName: '$json.firstName',
			lastName: '$json.lastName',
			name: '$json.name',
			email: '$json.email',
			phone: '$json.phone',
			companyName: '$json.companyName',
			address1: '$json.address1',
			city: '$json.city',
			state: '$json.state',
			postalCode: '$json.postalCode',
			country: '$json.country',
		}),
	);
	const failure = addFailurePath(flow, [9, 4], 'sync this contact to Tookan', `$('${PERSON}').first().json.contactId`);

	// Tookan customer: find (phone, then name + email), then edit or create
	const hasPhone = flow.add(ifNode('Has a phone?', [2, 0], '!!$json.phone'));
	const skip = flow.add(noOp('Skip: Tookan needs a phone', [3, 1]));
	const byPhone = flow.add(
		tookan('Find the Tookan customer by phone', [3, 0], 'customer', 'findByPhone', { customer_phone: person('phone') }, {
			alwaysOutputData: true,
			executeOnce: true,
			onError: 'continueErrorOutput',
		}),
	);
	const byName = flow.add(
		tookan('Find Tookan customers by name', [4, 0], 'customer', 'findByName', { customer_name: person('name') }, {
			alwaysOutputData: true,
			executeOnce: true,
			onError: 'continueErrorOutput',
		}),
	);
	const pick = flow.add(code(PICK, [5, 0], 'pick-customer.js'));
	const exists = flow.add(ifNode('Is the customer in Tookan?', [6, 0], '!!$json.customerId'));
	const customerFields = { email: expr('$json.email'), address: expr('$json.address') };
	const update = flow.add(
		tookan('Update the Tookan customer', [7, 0], 'customer', 'update', {
			customer_id: byId(expr('$json.customerId')),
			updateFields: { name: expr('$json.name'), phone: expr('$json.phone'), ...customerFields },
		}, { onError: 'continueErrorOutput' }),
	);
	const create = flow.add(
		tookan('Create the Tookan customer', [7, 1], 'customer', 'create', {
			name: expr('$json.name'),
			phone: expr('$json.phone'),
			additionalFields: customerFields,
		}, { onError: 'continueErrorOutput' }),
	);
	flow.chain(trigger, PERSON, hasPhone, byPhone, byName, pick, exists, update).link(catchUp, PERSON);
	flow.link(hasPhone, skip, 1).link(exists, create, 1);

	// open GHL tasks → Tookan tasks (order id = GHL task id, looked up first)
	const tasks = flow.add(
		ghl('Get the GHL tasks of the contact', [8, 0], 'task', 'getAll', { contactId: byId(person('contactId')), returnAll: true }, {
			executeOnce: true,
			onError: 'continueErrorOutput',
		}),
	);
	flow.add(filter(OPEN_TASKS, [9, 0], '!!$json.id && $json.completed !== true'));
	const lookup = flow.add(
		tookan('Find Tookan tasks by GHL task id', [10, 0], 'task', 'getByOrderId', {
			order_ids: expr(`$('${OPEN_TASKS}').all().map((item) => item.json.id)`),
		}, { executeOnce: true, alwaysOutputData: true, onError: 'continueErrorOutput' }),
	);
	const fresh = flow.add(code('Only tasks not yet in Tookan', [11, 0], 'new-tasks.js'));
	const createTask = flow.add(
		tookan('Create the Tookan task', [12, 0], 'task', 'create', {
			taskType: 'delivery',
			customer_address: person('address'),
			deliveryTime: expr('$json.dueDate'),
			customerDetails: {
				customer_username: person('name'),
				customer_phone: person('phone'),
				customer_email: person('email'),
			},
			additionalFields: {
				order_id: expr('$json.id'),
				job_description: expr(`[$json.title, $json.body].filter(Boolean).join(' - ')`),
			},
		}, { onError: 'continueErrorOutput' }),
	);
	flow.link(update, tasks).link(create, tasks).chain(tasks, OPEN_TASKS, lookup, fresh, createTask);

	// the business of the contact's company (independent of Tookan)
	addBusinessLink(flow, PERSON, PERSON, [2, 2], failure);

	for (const node of [byPhone, byName, update, create, tasks, lookup, createTask]) flow.link(node, failure, 1);
	return flow;
}
