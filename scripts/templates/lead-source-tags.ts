/**
 * Template 4: the lead source (a task custom field labelled "Lead Source") and the order tags of a Tookan
 * task become tags of the GHL contact; a customer GHL does not know yet becomes a contact with those tags.
 */
import { addFailurePath, firstKnown } from './failures';
import { Flow } from './flow';
import { byId, catchUpNote, contactColumns, expr, filter, ghl, ifNode, tookanCatchUp, tookanTrigger } from './nodes';
import { personNode, personOf } from './person';

const TRIGGER = 'On Tookan task event';
const PERSON = 'Map the customer, lead source and tags';
const CONTACT = 'Find the GHL contact';

/** The value of the task custom field whose label reads "lead source" (any case, space, _ or -). */
const LEAD_SOURCE = `String((($json.custom_fields || $json.custom_field || []).find((field) => /^lead[ _-]?source$/i.test(String(field.label || '').trim())) || {}).data || '').trim()`;

/** Order tags (Tookan's comma-separated `tags`) plus "lead source: <value>", trimmed, lower case, unique. */
const TAGS = `[...new Set([...String($json.tags || '').split(','), ${LEAD_SOURCE} ? 'lead source: ' + ${LEAD_SOURCE} : ''].map((tag) => tag.trim().toLowerCase()).filter(Boolean))]`;

export function leadSourceTags(): Flow {
	const flow = new Flow('Tookan lead source and order tags → GHL contact tags', 'lead-source-tags');
	const person = (part: string) => expr(personOf(PERSON, part));

	flow.explain(
		`For every Tookan task event:
1. The task's **order tags** (Tookan \`tags\`) and its **lead source** (custom field labelled *Lead Source*) become GHL tags: \`vip\`, \`lead source: facebook\` (lower case).
2. The GHL contact is found by the task customer's email/phone. Known contacts get the tags added (existing tags stay); unknown customers become a GHL contact with the tags, the lead source as contact source, and the same name/phone/address mapping as the other templates.
3. Adding a tag twice changes nothing, so replays and later status changes are harmless.

${catchUpNote('task events', ', for tasks dated from 7 days before to 31 days after it')}

Failures are recorded on the contact (\`sync-failed\` tag + note), or stop the execution when no contact was found.`,
		`1. Use the **GHL** and **Tookan** credentials of the other templates (Tookan with its Webhook Shared Secret).
2. In Tookan, add a custom field labelled **Lead Source** to your task template (optional) and paste the trigger's Production URL as a notification webhook.
3. Edit *${PERSON}* to change how tags are named.`,
	);

	const trigger = flow.add(tookanTrigger(TRIGGER, [0, 0], { statuses: [], templateKeys: '', enrich: false }));
	const catchUp = flow.add(tookanCatchUp('Catch up on task events missed while n8n was down', [0, 1], { statuses: [], jobTypes: [0, 1, 2, 3] }));
	flow.add(
		personNode(
			PERSON,
			[1, 0],
			{ name: '$json.customer_username', email: '$json.customer_email', phone: '$json.customer_phone', address1: '$json.job_address' },
			[
				['leadSource', expr(LEAD_SOURCE)],
				['tags', expr(TAGS), 'array'],
			],
		),
	);
	const wanted = flow.add(filter('Has tags and a customer?', [2, 0], '$json.tags.length > 0 && !!($json.email || $json.phone)'));
	const find = flow.add(
		ghl(CONTACT, [3, 0], 'contact', 'findDuplicate', { email: expr('$json.email'), phone: expr('$json.phone') }, { onError: 'continueErrorOutput' }),
	);
	const known = flow.add(ifNode('Is it a GHL contact?', [4, 0], '$json.found === true'));
	const add = flow.add(
		ghl('Add the tags to the contact', [5, 0], 'tag', 'add', { contactId: byId(expr('$json.id')), tags: person('tags') }, {
			onError: 'continueErrorOutput',
		}),
	);
	const create = flow.add(
		ghl('Create the GHL contact with the tags', [5, 1], 'contact', 'create', contactColumns('add', {
			email: person('email'),
			phone: person('phone'),
			name: person('name'),
			address1: person('address1'),
			source: expr(`${personOf(PERSON, 'leadSource')} || 'Tookan'`),
			tags: person('tags'),
		}), { onError: 'continueErrorOutput' }),
	);
	flow.chain(trigger, PERSON, wanted, find, known, add).link(known, create, 1).link(catchUp, PERSON);

	const failure = addFailurePath(flow, [3, 3], 'apply the Tookan lead source and tags in GHL', firstKnown([CONTACT, 'id']));
	for (const node of [find, add, create]) flow.link(node, failure, 1);
	return flow;
}
