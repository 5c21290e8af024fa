/** Customer endpoints. Tasks also create customers implicitly from their customer fields. */
import { addCustomer, customerView, findCustomer } from '../customers';
import { ok, type Handlers } from '../env';
import { invalid } from '../errors';
import { paged } from '../paging';
import type { Params } from '../params';
import { liveTasks } from '../tasks/lifecycle';

/** Customers are `user_type` 0; other values are refused. */
function checkUserType(p: Params): void {
	if (p.has('user_type') && p.int('user_type') !== 0) throw invalid('Invalid user_type: customers are user_type 0');
}

export const customerHandlers: Handlers = {
	'customer/add': (p, env) => {
		checkUserType(p);
		const c = addCustomer(
			env.state,
			{
				name: p.needStr('name'),
				phone: p.needStr('phone'),
				email: p.str('email'),
				address: p.str('address'),
				latitude: p.str('latitude'),
				longitude: p.str('longitude'),
			},
			env.now(),
		);
		return ok({ customer_id: c.customer_id, ...customerView(c) }, 'Customer added successfully.');
	},

	'customer/edit': (p, env) => {
		checkUserType(p);
		const c = findCustomer(env.state, p.int('customer_id'));
		if (p.has('name')) c.customer_username = p.str('name');
		if (p.has('phone')) c.customer_phone = p.str('phone');
		if (p.has('email')) c.customer_email = p.str('email');
		if (p.has('address')) c.customer_address = p.str('address');
		if (p.has('latitude')) c.customer_latitude = p.str('latitude');
		if (p.has('longitude')) c.customer_longitude = p.str('longitude');
		return ok(customerView(c), 'Customer updated successfully.');
	},

	get_all_customers: (p, env) => {
		const name = (p.str('customer_username') || p.str('Customer_username')).toLowerCase();
		const phone = p.str('customer_phone') || p.str('Customer_phone');
		const id = p.optInt('vendor_id');
		const list = [...env.state.customers.values()].filter(
			(c) =>
				(!name || c.customer_username.toLowerCase().includes(name)) &&
				(!phone || c.customer_phone === phone) &&
				(id === undefined || c.customer_id === id),
		);
		return paged(list, p, env.config(), customerView);
	},

	view_customer_profile: (p, env) => {
		const c = findCustomer(env.state, p.int('customer_id'));
		const jobs = [...liveTasks(env.state)].filter((t) => t.customer_id === c.customer_id).map((t) => t.job_id);
		return ok({ cust_details: [customerView(c)], job_ids: jobs, total_tasks: jobs.length });
	},

	find_customer_with_phone: (p, env) => {
		const phone = p.needStr('customer_phone');
		return ok([...env.state.customers.values()].filter((c) => c.customer_phone === phone).map(customerView));
	},

	find_customer_with_name: (p, env) => {
		const name = p.needStr('customer_name').toLowerCase();
		return ok([...env.state.customers.values()].filter((c) => c.customer_username.toLowerCase().includes(name)).map(customerView));
	},

	delete_customer: (p, env) => {
		const c = findCustomer(env.state, p.int('customer_id'));
		env.state.customers.delete(c.customer_id);
		return ok({ customer_id: c.customer_id }, 'Customer deleted successfully.');
	},
};
