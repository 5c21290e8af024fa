/** Sample people the demo and the template tests send through the templates (sandbox data only). */
import type { NewContact } from './sandbox-api';

/** A GHL contact with a company and a full address. */
export const ADA: NewContact & { companyName: string; phone: string } = {
	firstName: 'Ada',
	lastName: 'Lovelace',
	email: 'ada@example.com',
	phone: '+14155550101',
	companyName: 'Analytical Engines',
	address1: '12 Market St',
	city: 'Springfield',
	state: 'IL',
	postalCode: '62701',
	country: 'US',
};

/** A Tookan customer GHL does not know yet. */
export const GRACE = { name: 'Grace Hopper', email: 'grace@example.com', phone: '+14155550102', address: '1 Navy Way, Arlington' };

/** Someone filling in the form (keys are the person parts of the form's fields). */
export const ALAN: Record<string, string> = {
	firstName: 'Alan',
	lastName: 'Turing',
	email: 'alan@example.com',
	phone: '+441908640404',
	companyName: 'Bletchley Park Ltd',
	address1: '1 Park Rd',
	city: 'Bletchley',
	state: 'Bucks',
	postalCode: 'MK3 6EB',
	country: 'GB',
};
