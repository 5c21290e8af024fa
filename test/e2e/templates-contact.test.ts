/**
 * Template 1 (workflows/ghl-contact-to-tookan.json) in real n8n against the sandbox: signed GHL contact
 * events create or edit the Tookan customer, turn open GHL tasks into Tookan tasks (GHL task id = Order ID)
 * and link the contact to its company's business; replays and repeated events create nothing new; a task
 * Tookan refuses is recorded on the contact.
 */
import { createGhlContact, createGhlTask, ghlApi, LOCATION, updateGhlContact } from '../../scripts/templates/sandbox-api';
import { FAILURE_TAG } from '../../scripts/templates/failures';
import { ADA } from '../../scripts/templates/samples';
import { replayGhlEvent } from './templates/replay';
import { contactByEmail, ghl, statuses, tookan, useTemplates, type Json } from './templates/world';

const world = useTemplates(['ghl-contact-to-tookan']);
const T1 = 'ghl-contact-to-tookan';

const customersWithPhone = (phone: string) => tookan(world).customers.filter((c) => c.customer_phone === phone);
const tasksWithOrder = (orderId: string) => tookan(world).tasks.filter((t) => t.order_id === orderId);
const businessesNamed = (name: string) => ghl(world, 'businesses').filter((b) => String(b.name).toLowerCase() === name.toLowerCase());

/** The instant a Tookan local time (`YYYY-MM-DD HH:mm:ss`, timezone = UTC − local in minutes) stands for. */
const instant = (local: unknown, timezone: unknown) => Date.parse(`${String(local).replace(' ', 'T')}Z`) + Number(timezone) * 60_000;

let ada: Json & { id: string };
let openTask: Json & { id: string };

it('creates the Tookan customer and links the contact to the existing business of its company', async () => {
	// the business exists already, spelled differently: it is matched, not created again
	await ghlApi(world.sandbox, 'POST', '/businesses/', { locationId: LOCATION, name: '  analytical   ENGINES ' });
	const [business] = businessesNamed('  analytical   ENGINES ');

	ada = await createGhlContact(world.sandbox, ADA);
	await world.settle();

	expect(await statuses(world, T1)).toEqual(['success']);
	expect(customersWithPhone(ADA.phone)).toEqual([
		expect.objectContaining({
			customer_username: 'Ada Lovelace',
			customer_email: ADA.email,
			customer_address: '12 Market St, Springfield, IL 62701, US',
		}),
	]);
	expect(ghl(world, 'businesses').filter((b) => /analytical/i.test(String(b.name)))).toHaveLength(1);
	expect(ghl(world, 'contacts', { id: ada.id })[0].businessId).toBe(business.id);
});

it('turns the open GHL tasks into Tookan deliveries with the GHL task id as Order ID, and edits the customer', async () => {
	const due = new Date(Date.now() + 2 * 86_400_000);
	due.setUTCSeconds(0, 0);
	openTask = await createGhlTask(world.sandbox, ada.id, 'Deliver the parcel', due.toISOString());
	const doneTask = await createGhlTask(world.sandbox, ada.id, 'Old errand', due.toISOString());
	await ghlApi(world.sandbox, 'PUT', `/contacts/${ada.id}/tasks/${doneTask.id}/completed`, { completed: true });

	await updateGhlContact(world.sandbox, ada.id, { city: 'Shelbyville' });
	await world.settle();

	expect(await statuses(world, T1)).toEqual(['success', 'success']);
	const [task] = tasksWithOrder(openTask.id);
	expect(task).toMatchObject({
		job_type: 1,
		job_description: 'Deliver the parcel - Created in GHL',
		job_address: '12 Market St, Shelbyville, IL 62701, US',
		customer_username: 'Ada Lovelace',
		customer_email: ADA.email,
		customer_phone: ADA.phone,
	});
	expect(instant(task.job_delivery_datetime, task.timezone)).toBe(due.getTime());
	expect(tasksWithOrder(doneTask.id)).toEqual([]);
	expect(customersWithPhone(ADA.phone)).toEqual([expect.objectContaining({ customer_address: '12 Market St, Shelbyville, IL 62701, US' })]);
});

it('creates nothing new for a replayed delivery or a repeated event', async () => {
	const counts = () => ({
		customers: tookan(world).customers.length,
		tasks: tookan(world).tasks.length,
		businesses: ghl(world, 'businesses').length,
	});
	const before = counts();

	const event = world.sandbox.admin.fireGhlEvent({ type: 'ContactUpdate', id: ada.id });
	await world.settle();
	const replay = await replayGhlEvent(world.url('contactEvents'), event);
	await world.settle();

	expect(replay).toEqual({ status: 200, body: { received: true, started: false, reason: 'duplicate delivery' } });
	expect(await statuses(world, T1)).toEqual(['success', 'success', 'success']);
	expect(counts()).toEqual(before);
	expect(tasksWithOrder(openTask.id)).toHaveLength(1);
	expect(customersWithPhone(ADA.phone)).toHaveLength(1);
});

it('finds the customer by name and email after a phone change and edits it instead of adding one', async () => {
	const customerId = customersWithPhone(ADA.phone)[0].customer_id;
	await updateGhlContact(world.sandbox, ada.id, { phone: '+14155550199' });
	await world.settle();

	const matching = tookan(world).customers.filter((c) => c.customer_email === ADA.email);
	expect(matching).toEqual([expect.objectContaining({ customer_id: customerId, customer_phone: '+14155550199' })]);
});

it('creates the business of a new company, skips a contact without phone, and records what Tookan refused', async () => {
	const noPhone = await createGhlContact(world.sandbox, { firstName: 'Nophone', lastName: 'Person', email: 'nophone@example.com', phone: '', companyName: 'Fresh Co' });
	await world.settle();
	expect(businessesNamed('Fresh Co')).toHaveLength(1);
	expect(ghl(world, 'contacts', { id: noPhone.id })[0].businessId).toBe(businessesNamed('Fresh Co')[0].id);
	expect(tookan(world).customers.filter((c) => c.customer_email === 'nophone@example.com')).toEqual([]);

	// no address: the Tookan delivery cannot be created; the failure lands on the contact
	const noAddress = await createGhlContact(world.sandbox, { firstName: 'Noaddress', lastName: 'Person', email: 'noaddress@example.com', phone: '+14155550177' });
	await world.settle();
	const task = await createGhlTask(world.sandbox, noAddress.id, 'Bring the form', new Date(Date.now() + 86_400_000).toISOString());
	await updateGhlContact(world.sandbox, noAddress.id, { lastName: 'Addressless' });
	await world.settle();

	expect(tasksWithOrder(task.id)).toEqual([]);
	const [flagged] = contactByEmail(world, 'noaddress@example.com');
	expect(flagged.tags).toEqual([FAILURE_TAG]);
	expect(ghl(world, 'notes', { contactId: noAddress.id }).map((n) => n.body)).toEqual([
		'n8n could not sync this contact to Tookan: "Create the Tookan task" failed: "Customer Address" is required for a Delivery task [item 0]',
	]);
	expect((await statuses(world, T1)).every((s) => s === 'success')).toBe(true);
});
