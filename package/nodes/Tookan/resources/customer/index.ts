/** Customers: the people tasks are delivered to. Tookan also creates them from a task's customer fields. */
import type { IDataObject } from 'n8n-workflow';

import * as f from '../../../shared/fields';
import { customerPages } from '../../../shared/tookan';
import type { Resource } from '../../../shared/types';
import { coordinates, customerLocator, email, phone, text } from '../fields';
import { op, recoverBy, same } from '../operation';
import { noCustomFieldsNotice } from '../task/customFields';

/** Customers are Tookan users of type 0. */
const CUSTOMER = { user_type: 0 };

const details = [email('email', 'Email'), text('address', 'Address'), ...coordinates('latitude', 'longitude')];

/** Get: the profile answer is `{ cust_details: [customer], ... }`; Simplify gives the customer itself. */
function simplifyProfile(record: IDataObject): IDataObject {
	const { cust_details: list, ...rest } = record;
	const first = Array.isArray(list) && list.length ? (list[0] as IDataObject) : {};
	return { ...first, ...rest };
}

const createCustomer = op({
	value: 'create',
	name: 'Create',
	action: 'Create a customer',
	description: 'Add a customer',
	path: 'customer/add',
	body: CUSTOMER,
	fields: [
		text('name', 'Name', { required: true }),
		phone('phone', 'Phone', { required: true }),
		f.collection('additionalFields', 'Additional Fields', details),
		noCustomFieldsNotice('customers'),
	],
	recover: recoverBy(
		'find_customer_with_phone',
		(request) => ({ customer_phone: request.body?.phone }),
		(customer, request) => same(customer.customer_username ?? customer.name, request.body?.name),
	),
});

const updateCustomer = op({
	value: 'update',
	name: 'Update',
	action: 'Update a customer',
	description: 'Change the name, phone, email or address of a customer',
	path: 'customer/edit',
	body: CUSTOMER,
	fields: [
		customerLocator(),
		f.collection('updateFields', 'Update Fields', [text('name', 'Name'), phone('phone', 'Phone'), ...details]),
		noCustomFieldsNotice('customers'),
	],
	idempotent: true,
});

const getCustomer = op({
	value: 'get',
	name: 'Get',
	action: 'Get a customer',
	description: 'Get the profile of a customer and the IDs of their tasks',
	path: 'view_customer_profile',
	fields: [customerLocator()],
	readOnly: true,
	simplify: simplifyProfile,
});

const getManyCustomers = op({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many customers',
	description: 'List customers page by page',
	path: 'get_all_customers',
	fields: [
		...f.returnAllAndLimit(),
		f.collection('filters', 'Filters', [
			text('customer_username', 'Name', { description: 'Part of the name' }),
			phone('customer_phone', 'Phone'),
		], { placeholder: 'Add Filter' }),
	],
	list: true,
	readOnly: true,
	paginate: customerPages,
});

const findByPhone = op({
	value: 'findByPhone',
	name: 'Find by Phone',
	action: 'Find customers by phone',
	description: 'Find the customers with this phone number',
	path: 'find_customer_with_phone',
	fields: [phone('customer_phone', 'Phone', { required: true })],
	list: true,
	readOnly: true,
});

const findByName = op({
	value: 'findByName',
	name: 'Find by Name',
	action: 'Find customers by name',
	description: 'Find the customers whose name matches',
	path: 'find_customer_with_name',
	fields: [text('customer_name', 'Name', { required: true })],
	list: true,
	readOnly: true,
});

const deleteCustomer = op({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a customer',
	description: 'Delete a customer',
	path: 'delete_customer',
	fields: [customerLocator()],
	deletes: 'customer_id',
});

export const customer: Resource = {
	value: 'customer',
	name: 'Customer',
	operations: [createCustomer, updateCustomer, getCustomer, getManyCustomers, findByPhone, findByName, deleteCustomer],
};
