/**
 * Template 2 (workflows/form-to-ghl-contact.json) in real n8n against the sandbox: the n8n form and a GHL
 * workflow's Webhook action both save the person as one GHL contact with the mapped fields, in the business
 * of its company; submitting again updates the same contact.
 */
import { FORM_FIELDS } from '../../scripts/templates/form-to-ghl-contact';
import { submitForm } from '../../scripts/templates/events';
import { ALAN } from '../../scripts/templates/samples';
import { LOCATION } from '../../scripts/templates/sandbox-api';
import { contactByEmail, ghl, statuses, useTemplates } from './templates/world';

const world = useTemplates(['form-to-ghl-contact']);
const T2 = 'form-to-ghl-contact';

/** The form's answers in the order of its fields. */
const answers = (person: Record<string, string>) => FORM_FIELDS.map((field) => person[field.part] ?? '');

it('saves an n8n form submission as a GHL contact with the mapped fields, in a new business of its company', async () => {
	const page = await submitForm(world.url('form'), answers({ ...ALAN, email: 'Alan@Example.com', phone: '+44 1908 640404' }));
	expect(page.status).toBe(200);
	await world.settle();

	expect(await statuses(world, T2)).toEqual(['success']);
	const [contact] = contactByEmail(world, 'alan@example.com');
	expect(contact).toMatchObject({
		firstName: 'Alan',
		lastName: 'Turing',
		phone: '+441908640404',
		address1: '1 Park Rd',
		city: 'Bletchley',
		state: 'Bucks',
		postalCode: 'MK3 6EB',
		country: 'GB',
		source: 'n8n form',
	});
	const [business] = ghl(world, 'businesses').filter((b) => b.name === 'Bletchley Park Ltd');
	expect(contact.businessId).toBe(business.id);
});

it('updates the same contact when the person submits again, and creates no second business', async () => {
	await submitForm(world.url('form'), answers({ ...ALAN, city: 'Milton Keynes' }));
	await world.settle();

	expect(await statuses(world, T2)).toEqual(['success', 'success']);
	expect(contactByEmail(world, 'alan@example.com')).toEqual([expect.objectContaining({ city: 'Milton Keynes' })]);
	expect(ghl(world, 'businesses').filter((b) => b.name === 'Bletchley Park Ltd')).toHaveLength(1);
});

it('takes the same path for a GHL form (workflow Webhook action) and accepts only its token', async () => {
	const existing = ghl(world, 'contacts')[0];
	const body = {
		contact_id: existing.id,
		first_name: 'Grace',
		last_name: 'Hopper',
		email: existing.email,
		phone: existing.phone,
		company_name: 'Navy Yard',
		address1: '1 Navy Way',
		city: 'Arlington',
		country: 'US',
		location: { id: LOCATION },
	};
	const post = (url: string) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	expect((await post(world.url('ghlForm').replace(/token=.*/, 'token=not-the-right-token-123'))).status).toBe(401);
	expect((await post(world.url('ghlForm'))).status).toBe(200);
	await world.settle();

	expect(await statuses(world, T2)).toEqual(['success', 'success', 'success']);
	const contacts = ghl(world, 'contacts').filter((c) => c.email === existing.email);
	expect(contacts).toEqual([
		expect.objectContaining({ id: existing.id, firstName: 'Grace', lastName: 'Hopper', address1: '1 Navy Way', city: 'Arlington', source: existing.source }),
	]);
	const [business] = ghl(world, 'businesses').filter((b) => b.name === 'Navy Yard');
	expect(contacts[0].businessId).toBe(business.id);
});
