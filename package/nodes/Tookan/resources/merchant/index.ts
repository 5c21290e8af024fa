/**
 * Merchants (marketplace accounts). No source confirms these endpoints' parameters; the fields are those
 * client code sends, and Additional Parameters (JSON) covers the rest.
 */
import * as f from '../../../shared/fields';
import { SETTABLE_JOB_STATUS } from '../../../shared/tookan';
import type { Resource } from '../../../shared/types';
import { agent, email, flag, id, json, jobStatus, number, password, phone, team, text, timeZone, timezoneMinutes } from '../fields';
import { op, recoverFromList } from '../operation';
import { localTimes } from '../times';

const merchantId = id('merchant_id', 'Merchant ID', { required: true });

const profile = [
	text('first_name', 'First Name'),
	text('last_name', 'Last Name'),
	text('name', 'Display Name'),
	text('company_name', 'Company Name'),
	text('company_address', 'Company Address'),
	phone('phone', 'Phone'),
	number('commission_percentage', 'Commission (%)', { min: 0, max: 100 }),
	flag('geofence', 'Geofence', 'Whether the merchant works within geofences'),
	json('merchant_permission', 'Permissions (JSON)', 'object', {
		description: 'e.g. {"view_task": 1, "add_task": 1, "view_agent": 1}',
	}),
	timeZone(),
	timezoneMinutes(),
];

const signUp = op({
	value: 'create',
	name: 'Create',
	action: 'Create a merchant',
	description: 'Sign up a merchant',
	path: 'merchant/sign_up',
	fields: [
		email('email', 'Email', { required: true }),
		password('password', 'Password', { required: true }),
		f.collection('additionalFields', 'Additional Fields', profile),
	],
	userId: 'optional',
	unconfirmed: true,
	prepare: localTimes({ timezone: 'whenChosen' }),
	recover: recoverFromList('merchant/get_merchant', 'email'),
});

const getMerchants = op({
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many merchants',
	description: 'List the merchants',
	path: 'merchant/get_merchant',
	userId: 'optional',
	list: true,
	readOnly: true,
	unconfirmed: true,
});

const editMerchant = op({
	value: 'update',
	name: 'Update',
	action: 'Update a merchant',
	description: 'Change the profile of a merchant',
	path: 'merchant/edit_merchant',
	fields: [merchantId, f.collection('updateFields', 'Update Fields', [email('email', 'Email'), ...profile])],
	idempotent: true,
	unconfirmed: true,
	prepare: localTimes({ timezone: 'whenChosen' }),
});

const blockMerchant = op({
	value: 'block',
	name: 'Block or Unblock',
	action: 'Block or unblock a merchant',
	description: 'Block or unblock a merchant',
	path: 'merchant/block_merchant',
	fields: [merchantId, flag('is_blocked', 'Blocked', 'Whether the merchant is blocked (off unblocks)', { default: true })],
	idempotent: true,
	unconfirmed: true,
});

const deleteMerchant = op({
	value: 'delete',
	name: 'Delete',
	action: 'Delete a merchant',
	description: 'Delete a merchant',
	path: 'merchant/delete',
	fields: [merchantId],
	unconfirmed: true,
	deletes: 'merchant_id',
});

const assignToTask = op({
	value: 'assignToTask',
	name: 'Assign to Task',
	action: 'Assign a merchant to a task',
	description: 'Make a task belong to a merchant, optionally assigning an agent',
	path: 'merchant/assign_merchant_to_task',
	fields: [
		merchantId,
		id('job_id', 'Task ID', { required: true }),
		f.collection('options', 'Options', [team(), agent(), jobStatus('job_status', 'Status', { only: SETTABLE_JOB_STATUS })], {
			placeholder: 'Add Option',
		}),
	],
	userId: 'optional',
	unconfirmed: true,
});

const getTeams = op({
	value: 'getTeams',
	name: 'Get Teams',
	action: 'Get the teams of a merchant',
	description: 'List the teams a merchant works with',
	path: 'merchant/get_merchant_teams',
	fields: [merchantId, flag('get_team_flag', 'Full Team Details', 'Whether to return every team field')],
	list: true,
	readOnly: true,
	unconfirmed: true,
});

const getData = op({
	value: 'getData',
	name: 'Get Data',
	action: 'Get merchant data',
	description: 'Get the merchants of the account (GET endpoint; needs the User ID in the credential)',
	path: 'merchant/get_merchant_data',
	method: 'GET',
	userId: 'required',
	list: true,
	unconfirmed: true,
});

const report = op({
	value: 'getReport',
	name: 'Get Report',
	action: 'Get a merchant report',
	description: 'Task counts per merchant (GET endpoint; needs the User ID in the credential)',
	path: 'merchant/report',
	method: 'GET',
	fields: [f.collection('filters', 'Filters', [id('merchant_id', 'Merchant ID', { in: 'query' })], { placeholder: 'Add Filter' })],
	userId: 'required',
	list: true,
	unconfirmed: true,
});

export const merchant: Resource = {
	value: 'merchant',
	name: 'Merchant',
	description: 'Marketplace accounts',
	operations: [getMerchants, signUp, editMerchant, blockMerchant, deleteMerchant, assignToTask, getTeams, getData, report],
};
