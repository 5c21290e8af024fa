/**
 * Template 2: a form submission becomes a GHL contact (created or updated, never duplicated) in the business
 * of its company. Two entry points feed the same path: the "Webhook" action of a GHL workflow that runs
 * after a GHL form is submitted, and n8n's own Form Trigger.
 */
import { addBusinessLink } from './business';
import { addFailurePath } from './failures';
import { Flow } from './flow';
import { contactColumns, core, expr, ghl, ghlTrigger, noOp, set } from './nodes';
import { personNode, personOf, type PersonPart } from './person';

const SUBMITTED = 'The submitted person';
const SAVED = 'The saved contact';

/** The n8n form: label → person part. Labels are what the form shows and the keys of its output. */
export const FORM_FIELDS: Array<{ label: string; part: PersonPart; type?: 'email'; required?: boolean; placeholder?: string }> = [
	{ label: 'First name', part: 'firstName', required: true },
	{ label: 'Last name', part: 'lastName' },
	{ label: 'Email', part: 'email', type: 'email', required: true },
	{ label: 'Phone', part: 'phone', placeholder: '+14155550123' },
	{ label: 'Company', part: 'companyName' },
	{ label: 'Street address', part: 'address1' },
	{ label: 'City', part: 'city' },
	{ label: 'State', part: 'state' },
	{ label: 'Postal code', part: 'postalCode' },
	{ label: 'Country', part: 'country', placeholder: 'Two letters, e.g. US' },
];

export function formToGhlContact(): Flow {
	const flow = new Flow('Form submission → GHL contact and business', 'form-to-ghl-contact');
	const submitted = (part: PersonPart | 'source') => expr(personOf(SUBMITTED, part));

	flow.explain(
		`Two ways in, one way through:
- **GHL form**: a GHL workflow (trigger *Form Submitted*) calls this workflow with its **Webhook** action.
- **n8n form**: the n8n Form Trigger serves a form of its own.

Both are mapped to the same person (name, email, phone, address — as template 1 maps the Tookan customer), then the GHL contact is **created or updated** (GHL's duplicate rules match email/phone, so a second submission updates the same contact) and linked to the GHL business of its company (created when missing). Failures are recorded on the contact (\`sync-failed\` tag + note) or stop the execution when no contact exists yet.`,
		`1. Create a **GHL Marketplace App** credential (GHL Marketplace App OAuth2 API) (n8n fills it into the GHL nodes on import). Without a Marketplace app, create a **GHL Private Integration Token** credential and pick it in each GHL node's Credential field.
2. For GHL forms: give the GHL entry a **GHL Workflow Webhook** credential (nothing to type: n8n generates its token), publish, and paste the URL its panel shows into the **Webhook** action of a GHL workflow triggered by *Form Submitted*.
3. For the n8n form: share the Form Trigger's Production URL. Disable the entry you do not use.`,
	);

	const ghlEntry = flow.add(ghlTrigger('On GHL form submitted (workflow webhook)', [0, 0], { source: 'automation' }));
	const formEntry = flow.add(
		core(
			'On n8n form submitted',
			[0, 1],
			'formTrigger',
			2.2,
			{
				formTitle: 'Contact us',
				formDescription: 'Tell us who you are and where to deliver; we will get back to you.',
				formFields: {
					values: FORM_FIELDS.map((field) => ({
						fieldLabel: field.label,
						...(field.type ? { fieldType: field.type } : {}),
						...(field.placeholder ? { placeholder: field.placeholder } : {}),
						...(field.required ? { requiredField: true } : {}),
					})),
				},
				responseMode: 'onReceived',
				options: {},
			},
			true,
		),
	);
	const fromGhl = Object.fromEntries(
		(['contactId', 'firstName', 'lastName', 'name', 'email', 'phone', 'companyName', 'address1', 'city', 'state', 'postalCode', 'country'] as const).map(
			(part) => [part, `$json.contact.${part === 'contactId' ? 'id' : part}`],
		),
	);
	// GHL already keeps the source of its form contacts; n8n form contacts get one
	flow.add(personNode('Map the GHL form submission', [1, 0], fromGhl, [['source', '']]));
	flow.add(
		personNode('Map the n8n form answers', [1, 1], Object.fromEntries(FORM_FIELDS.map((f) => [f.part, `$json['${f.label}']`])), [
			['source', 'n8n form'],
		]),
	);
	flow.add(noOp(SUBMITTED, [2, 0]));
	flow.chain(ghlEntry, 'Map the GHL form submission', SUBMITTED).chain(formEntry, 'Map the n8n form answers', SUBMITTED);

	const failure = addFailurePath(
		flow,
		[5, 3],
		'save this form submission as a GHL contact',
		`$('${SAVED}').isExecuted ? $('${SAVED}').first().json.contactId : $('${SUBMITTED}').first().json.contactId`,
	);
	const fields = Object.fromEntries(
		(['email', 'phone', 'firstName', 'lastName', 'companyName', 'address1', 'city', 'state', 'postalCode', 'country', 'source'] as const).map(
			(part) => [part, submitted(part)],
		),
	);
	const upsert = flow.add(
		ghl('Create or update the GHL contact', [3, 0], 'contact', 'upsert', contactColumns('upsert', fields, ['email', 'phone']), {
			onError: 'continueErrorOutput',
		}),
	);
	flow.add(set(SAVED, [4, 0], [['contactId', expr('$json.id')], ['companyName', submitted('companyName')], ['name', submitted('name')]]));
	flow.chain(SUBMITTED, upsert, SAVED).link(upsert, failure, 1);
	addBusinessLink(flow, SAVED, SAVED, [5, 0], failure);
	return flow;
}
