/** Customers: lookups, the response shape, and the implicit creation from a task's customer fields. */
import { notFound } from './errors';
import { nextId, type State } from './store';
import { isoUtc } from './time';
import type { Customer } from './types';

/** A person at a place: a customer, or one side (pickup / delivery) of a task. */
export interface CustomerFields {
	name: string;
	phone: string;
	email: string;
	address: string;
	latitude: string;
	longitude: string;
}

export function findCustomer(state: State, customerId: number): Customer {
	const customer = state.customers.get(customerId);
	if (!customer) throw notFound(`Customer not found: ${customerId}`);
	return customer;
}

export function addCustomer(state: State, f: CustomerFields, at: number): Customer {
	const customer: Customer = {
		customer_id: nextId(state, 'customer'),
		customer_username: f.name,
		customer_phone: f.phone,
		customer_email: f.email,
		customer_address: f.address,
		customer_latitude: f.latitude,
		customer_longitude: f.longitude,
		user_type: 0,
		createdAt: at,
	};
	state.customers.set(customer.customer_id, customer);
	return customer;
}

/**
 * The customer a task belongs to: an existing one with the same phone (or, without a phone, the same
 * email), else a new one. Returns null when the task names nobody.
 */
export function ensureCustomer(state: State, f: CustomerFields, at: number): Customer | null {
	if (!f.phone && !f.email && !f.name) return null;
	for (const c of state.customers.values()) {
		if (f.phone ? c.customer_phone === f.phone : f.email !== '' && c.customer_email === f.email) return c;
	}
	return addCustomer(state, f, at);
}

export function customerView(c: Customer): Record<string, unknown> {
	return {
		customer_id: c.customer_id,
		vendor_id: c.customer_id,
		customer_username: c.customer_username,
		customer_phone: c.customer_phone,
		customer_email: c.customer_email,
		customer_address: c.customer_address,
		customer_latitude: c.customer_latitude,
		customer_longitude: c.customer_longitude,
		user_type: c.user_type,
		creation_datetime: isoUtc(c.createdAt),
	};
}
