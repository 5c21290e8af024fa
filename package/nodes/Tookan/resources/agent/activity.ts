/** Agent activity: duty logs, availability, timeline, ratings, notifications, nearby agents, wallet. */
import * as f from '../../../shared/fields';
import {
	agentLocator,
	agents,
	choice,
	customerLocator,
	day,
	number,
	teams,
	text,
	time,
	timeZone,
	timezoneMinutes,
} from '../fields';
import { op } from '../operation';
import { localTimes } from '../times';

const range = [day('start_date', 'Start Date'), day('end_date', 'End Date')];
const walletType = number('wallet_type', 'Wallet Type', { integer: true, description: 'Which wallet of the agent' });

const dutyLogs = op({
	value: 'getDutyLogs',
	name: 'Get Duty Logs',
	action: 'Get agent duty logs',
	description: 'Get when agents went on and off duty',
	path: 'get_agent_duty_logs',
	fields: [f.collection('filters', 'Filters', [day('date', 'Date'), teams('team_ids', 'Teams')], { placeholder: 'Add Filter' })],
	list: true,
	readOnly: true,
});

const notify = op({
	value: 'sendNotification',
	name: 'Send Notification',
	action: 'Send a notification to agents',
	description: 'Send a push message to logged-in agents',
	path: 'send_notification',
	fields: [agents('fleet_ids', 'Agents', { required: true }), text('message', 'Message', { required: true })],
});

const availability = op({
	value: 'getAvailability',
	name: 'Get Availability',
	action: 'Get agent availability',
	description: 'Get which agents are available at a time',
	path: 'get_fleets_availability',
	fields: [
		f.collection('filters', 'Filters', [
			time('local_date_time', 'Date and Time', { description: "The moment to check, read in the workflow's time zone" }),
			number('limit', 'Max Agents', { integer: true, min: 1 }),
		], { placeholder: 'Add Filter' }),
	],
	list: true,
	readOnly: true,
	prepare: localTimes({ keys: ['local_date_time'], timezone: 'never' }),
});

const monthlyAvailability = op({
	value: 'getMonthlyAvailability',
	name: 'Get Monthly Availability',
	action: 'Get the monthly availability of an agent',
	description: 'Get the availability of an agent day by day',
	path: 'get_fleets_monthly_availability',
	fields: [agentLocator(), f.collection('filters', 'Filters', range, { placeholder: 'Add Filter' })],
	list: true,
	readOnly: true,
});

const timeline = op({
	value: 'getTimeline',
	name: 'Get Activity Timeline',
	action: 'Get the activity timeline of an agent',
	description: 'Get what an agent did on a day',
	path: 'fleet_activity_timeline',
	fields: [
		agentLocator(),
		f.collection('filters', 'Filters', [
			day('date', 'Date'),
			text('start_time', 'From Time', { placeholder: 'e.g. 08:00' }),
			text('end_time', 'To Time', { placeholder: 'e.g. 18:00' }),
			timeZone(),
			timezoneMinutes(),
		], { placeholder: 'Add Filter' }),
	],
	list: true,
	readOnly: true,
	prepare: localTimes({ timezone: 'whenChosen' }),
});

const ratings = op({
	value: 'getRatings',
	name: 'Get Ratings',
	action: 'Get agent ratings and reviews',
	description: 'Get the ratings and reviews of agents',
	path: 'fleet_ratings_and_reviews',
	fields: [f.collection('filters', 'Filters', [agents('fleet_ids', 'Agents')], { placeholder: 'Add Filter' })],
	list: true,
	readOnly: true,
});

const nearCustomer = op({
	value: 'getNearCustomer',
	name: 'Get Near Customer',
	action: 'Get agents near a customer',
	description: "Get the agents within a radius of a customer's saved location",
	path: 'get_fleets_near_customer',
	fields: [customerLocator(), number('radius_in_metres', 'Radius (Metres)', { min: 1, default: 5000 })],
	list: true,
	readOnly: true,
});

const stripe = op({
	value: 'getStripeDetails',
	name: 'Get Stripe Details',
	action: 'Get the Stripe details of an agent',
	description: 'Get the Stripe payout account of an agent',
	path: 'get_fleet_stripe_details',
	fields: [agentLocator()],
	readOnly: true,
});

const walletTransaction = op({
	value: 'createWalletTransaction',
	name: 'Create Wallet Transaction',
	action: 'Create a wallet transaction for an agent',
	description: "Credit or debit an agent's wallet (never repeated automatically)",
	path: 'fleet/wallet/create_transaction',
	fields: [
		agentLocator(),
		number('amount', 'Amount', { required: true, min: 0 }),
		choice(
			'transaction_type',
			'Transaction Type',
			[
				{ name: 'Credit', value: 1 },
				{ name: 'Debit', value: 2 },
			],
			{ default: 1, description: 'Value set unconfirmed: 1 credit, 2 debit as seen in client code' },
		),
		f.collection('additionalFields', 'Additional Fields', [walletType, text('description', 'Description')]),
	],
});

const walletHistory = op({
	value: 'getWalletTransactions',
	name: 'Get Wallet Transactions',
	action: 'Get the wallet transactions of an agent',
	description: "Get the transaction history of an agent's wallet",
	path: 'fleet/wallet/read_transaction_history',
	fields: [agentLocator(), f.collection('filters', 'Filters', [walletType, ...range], { placeholder: 'Add Filter' })],
	list: true,
	readOnly: true,
});

export const activityOperations = [
	dutyLogs,
	notify,
	availability,
	monthlyAvailability,
	timeline,
	ratings,
	nearCustomer,
	stripe,
	walletTransaction,
	walletHistory,
];
