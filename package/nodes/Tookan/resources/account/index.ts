/** The Tookan account: user details, the webhook shared secret and a few profile calls. */
import * as f from '../../../shared/fields';
import type { Resource } from '../../../shared/types';
import { email, password, phone, text } from '../fields';
import { op } from '../operation';

const getDetails = op({
	value: 'get',
	name: 'Get',
	action: 'Get the account details',
	description: 'Get the details of the account the API key belongs to (including its user ID)',
	path: 'get_user_details',
	readOnly: true,
});

const setSharedSecret = op({
	value: 'setSharedSecret',
	name: 'Set Webhook Shared Secret',
	action: 'Set the webhook shared secret',
	description: 'Set the secret Tookan sends with every webhook (tookan_shared_secret)',
	path: 'set_tookan_shared_secret_key',
	fields: [password('tookan_shared_secret', 'Shared Secret', { required: true, description: 'Use the same value in the Tookan credential' })],
	idempotent: true,
});

const editPhone = op({
	value: 'updatePhone',
	name: 'Update Phone',
	action: 'Update the account phone',
	description: 'Change the phone number of the account',
	path: 'edit_phone',
	fields: [phone('phone', 'Phone', { required: true })],
	idempotent: true,
	unconfirmed: true,
});

const changePassword = op({
	value: 'changePassword',
	name: 'Change Password',
	action: 'Change the account password',
	description: 'Change the password of the account',
	path: 'users_change_password',
	fields: [
		password('current_password', 'Current Password', { required: true }),
		password('new_password', 'New Password', { required: true }),
	],
	unconfirmed: true,
});

const checkEmail = op({
	value: 'checkEmail',
	name: 'Check Email',
	action: 'Check whether an email is taken',
	description: 'Check whether an email address is already used by a Tookan user',
	path: 'check_email_exists',
	fields: [email('email', 'Email', { required: true })],
	readOnly: true,
	unconfirmed: true,
});

const registerUser = op({
	value: 'registerUser',
	name: 'Register User',
	action: 'Register a new user',
	description: 'Register a new Tookan user',
	path: 'register_new_user',
	fields: [
		email('email', 'Email', { required: true }),
		password('password', 'Password', { required: true }),
		f.collection('additionalFields', 'Additional Fields', [text('first_name', 'First Name'), text('company_name', 'Company Name')]),
	],
	unconfirmed: true,
});

export const account: Resource = {
	value: 'account',
	name: 'Account',
	operations: [getDetails, setSharedSecret, editPhone, changePassword, checkEmail, registerUser],
};
