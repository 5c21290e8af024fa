/**
 * One node run per catalogue endpoint: the resource, operation and parameters a user would set. Deletes
 * and other destructive calls act on the world's spare records, and run last in their resource.
 */
import type { IDataObject } from 'n8n-workflow';

import { byId } from './testbed';
import type { World } from './world';

export interface Case {
	/** The endpoint the run must call. */
	path: string;
	resource: string;
	operation: string;
	params: (w: World) => IDataObject;
}

const c = (path: string, resource: string, operation: string, params: (w: World) => IDataObject = () => ({})): Case => ({
	path,
	resource,
	operation,
	params,
});

const deliveryTask = {
	taskType: 'delivery',
	customer_address: '7 Lake View',
	deliveryTime: '2025-03-11T13:00:00Z',
	timeZone: 'Asia/Kolkata',
};

export const TASK_CASES: Case[] = [
	c('create_task', 'task', 'create', () => ({ ...deliveryTask, additionalFields: { order_id: 'ORD-C1' } })),
	c('create_multiple_tasks', 'task', 'createMany', () => ({
		taskType: 'delivery',
		deliveries: { delivery: [{ address: '1 Road', time: '2025-03-11 10:00' }, { address: '2 Road', time: '2025-03-11 11:00' }] },
		timeZone: 'Asia/Kolkata',
	})),
	c('create_task_for_form_user', 'task', 'createForFormUser', () => deliveryTask),
	c('get_job_details', 'task', 'get', (w) => ({ job_ids: `${w.jobId}, ${w.assignedJobId}` })),
	c('get_job_details_by_order_id', 'task', 'getByOrderId', () => ({ order_ids: 'ORD-W1' })),
	c('get_task_details', 'task', 'getLegacy', (w) => ({ job_id: w.jobId })),
	c('get_task_details_by_order_id', 'task', 'getByOrderIdLegacy', () => ({ order_id: 'ORD-W1' })),
	c('get_all_tasks', 'task', 'getAll', () => ({ job_type: 1, start_date: '2025-03-01', end_date: '2025-03-31', returnAll: true })),
	c('get_all_deleted_tasks', 'task', 'getDeleted', () => ({ filters: { start_date: '2025-03-01', end_date: '2025-03-31' } })),
	c('get_related_tasks', 'task', 'getRelated', (w) => ({ pickup_delivery_relationship: w.pair.token })),
	c('user_task_stats', 'task', 'getStats', () => ({ filters: { job_type: 1 } })),
	c('get_job_and_fleet_details', 'task', 'getWithAgents', () => ({ filters: { date: '2025-03-10' } })),
	c('get_route_details_for_date', 'task', 'getRoute', () => ({ date: '2025-03-10' })),
	c('get_fare_estimate', 'task', 'getFareEstimate', () => ({
		job_pickup_latitude: 28.61,
		job_pickup_longitude: 77.2,
		latitude: 28.65,
		longitude: 77.25,
	})),
	c('edit_task', 'task', 'update', (w) => ({ job_id: w.jobId, updateFields: { job_description: 'Fragile' } })),
	c('edit_multiple_tasks', 'task', 'updateMany', (w) => ({
		deliveries: { delivery: [{ job_id: w.jobId, address: '9 New Road' }] },
	})),
	c('update_task_status', 'task', 'updateStatus', (w) => ({ job_id: w.pair.delivery, job_status: 7 })),
	c('start_task', 'task', 'start', (w) => ({ job_id: w.assignedJobId })),
	c('change_job_date', 'task', 'changeDate', (w) => ({ job_id: w.assignedJobId, date: '2025-03-12' })),
	c('import_bulk_tasks_csv', 'task', 'importCsv', () => ({
		csv: 'customer_address,job_delivery_datetime\n3 Hill Road,2025-03-11 09:00:00',
		additionalParameters: { timezone: -330, layout_type: 0, has_pickup: 0, has_delivery: 1 },
	})),
	c('assign_task', 'task', 'assign', (w) => ({ job_id: w.pair.pickup, options: { team_id: w.teamId } })),
	c('assign_fleet_to_task', 'task', 'assignAgent', (w) => ({ job_id: w.pair.pickup, fleet_id: w.fleetId, team_id: w.teamId })),
	c('assign_fleet_to_related_tasks', 'task', 'assignRelated', (w) => ({
		pickup_delivery_relationship: w.pair.token,
		options: { fleet_id: w.fleetId, notify: true },
	})),
	c('re_autoassign_task', 'task', 'reAutoAssign', (w) => ({ job_id: w.jobId })),
	c('reassign_open_tasks', 'task', 'reassignOpen', (w) => ({ fleet_id: w.spareFleetId, job_ids: String(w.pair.delivery) })),
	c('cancel_task', 'task', 'cancel', (w) => ({ job_id: w.spareJobId })),
	c('delete_task', 'task', 'delete', (w) => ({ job_id: w.spareJobId })),
];

export const CUSTOMER_CASES: Case[] = [
	c('customer/add', 'customer', 'create', () => ({ name: 'Noor', phone: '+91 98000 00003', additionalFields: { email: 'noor@example.com' } })),
	c('customer/edit', 'customer', 'update', (w) => ({ customer_id: byId(w.customerId), updateFields: { address: 'Janpath' } })),
	c('view_customer_profile', 'customer', 'get', (w) => ({ customer_id: byId(w.customerId) })),
	c('get_all_customers', 'customer', 'getAll', () => ({ returnAll: true })),
	c('find_customer_with_phone', 'customer', 'findByPhone', () => ({ customer_phone: '+919800000001' })),
	c('find_customer_with_name', 'customer', 'findByName', () => ({ customer_name: 'Cara' })),
	c('delete_customer', 'customer', 'delete', (w) => ({ customer_id: byId(w.spareCustomerId) })),
];

export const AGENT_CASES: Case[] = [
	c('add_agent', 'agent', 'create', (w) => ({
		username: 'bo',
		phone: '+14155550003',
		first_name: 'Bo',
		team_id: w.teamId,
		timeZone: 'Asia/Kolkata',
	})),
	c('edit_agent', 'agent', 'update', (w) => ({ fleet_id: byId(w.fleetId), updateFields: { license: 'DL-1' } })),
	c('block_and_unblock_agent', 'agent', 'block', (w) => ({ fleet_id: byId(w.spareFleetId), block_status: 0 })),
	c('get_all_fleets', 'agent', 'getAll'),
	c('get_available_agents', 'agent', 'getAvailable', (w) => ({ filters: { team_id: w.teamId } })),
	c('view_fleet_profile', 'agent', 'get', (w) => ({ fleet_id: byId(w.fleetId) })),
	c('get_fleet_location', 'agent', 'getLocation', (w) => ({ fleet_id: byId(w.fleetId) })),
	c('update_fleet_tags', 'agent', 'updateTags', (w) => ({ fleet_id: byId(w.fleetId), tags: ['bike', 'cold'] })),
	c('get_fleet_tags', 'agent', 'getTags'),
	c('get_agent_duty_logs', 'agent', 'getDutyLogs', (w) => ({ filters: { team_ids: [w.teamId] } })),
	c('send_notification', 'agent', 'sendNotification', (w) => ({ fleet_ids: [w.fleetId], message: 'Shift starts at 9' })),
	c('get_fleets_availability', 'agent', 'getAvailability', () => ({ filters: { limit: 5 } })),
	c('get_fleets_monthly_availability', 'agent', 'getMonthlyAvailability', (w) => ({
		fleet_id: byId(w.fleetId),
		filters: { start_date: '2025-03-01', end_date: '2025-03-07' },
	})),
	c('fleet_activity_timeline', 'agent', 'getTimeline', (w) => ({ fleet_id: byId(w.fleetId), filters: { date: '2025-03-10' } })),
	c('fleet_ratings_and_reviews', 'agent', 'getRatings', (w) => ({ filters: { fleet_ids: [w.fleetId] } })),
	c('get_fleets_near_customer', 'agent', 'getNearCustomer', (w) => ({ customer_id: byId(w.customerId), radius_in_metres: 20000 })),
	c('get_fleet_stripe_details', 'agent', 'getStripeDetails', (w) => ({ fleet_id: byId(w.fleetId) })),
	c('fleet/wallet/create_transaction', 'agent', 'createWalletTransaction', (w) => ({
		fleet_id: byId(w.fleetId),
		amount: 25,
		transaction_type: 1,
	})),
	c('fleet/wallet/read_transaction_history', 'agent', 'getWalletTransactions', (w) => ({ fleet_id: byId(w.fleetId) })),
	c('delete_fleet_account', 'agent', 'delete', (w) => ({ fleet_id: byId(w.spareFleetId) })),
];

export const ORGANISATION_CASES: Case[] = [
	c('create_team', 'team', 'create', () => ({ team_name: 'Night Shift', additionalFields: { battery_usage: 2 } })),
	c('update_team', 'team', 'update', (w) => ({ team_id: byId(w.teamId), updateFields: { address: 'Sector 5' } })),
	c('view_all_team_only', 'team', 'getAll'),
	c('view_teams', 'team', 'getAllWithAgents'),
	c('delete_team', 'team', 'delete', (w) => ({ team_id: byId(w.emptyTeamId) })),
	c('add_manager', 'manager', 'create', (w) => ({
		email: 'lead@example.com',
		password: 'secret1',
		first_name: 'Lee',
		phone: '+14155550010',
		dispatcher_teams: [w.teamId],
		task_access: true,
		add_driver_access: false,
	})),
	c('view_all_manager', 'manager', 'getAll'),
	c('delete_manager', 'manager', 'delete', (w) => ({ dispatcher_id: w.managerId })),
	c('merchant/sign_up', 'merchant', 'create', () => ({ email: 'new@example.com', password: 'secret1' })),
	c('merchant/get_merchant', 'merchant', 'getAll'),
	c('merchant/edit_merchant', 'merchant', 'update', (w) => ({ merchant_id: w.merchantId, updateFields: { company_name: 'Shop Ltd' } })),
	c('merchant/block_merchant', 'merchant', 'block', (w) => ({ merchant_id: w.spareMerchantId, is_blocked: true })),
	c('merchant/assign_merchant_to_task', 'merchant', 'assignToTask', (w) => ({ merchant_id: w.merchantId, job_id: w.jobId })),
	c('merchant/get_merchant_teams', 'merchant', 'getTeams', (w) => ({ merchant_id: w.merchantId })),
	c('merchant/get_merchant_data', 'merchant', 'getData'),
	c('merchant/report', 'merchant', 'getReport', (w) => ({ filters: { merchant_id: w.merchantId } })),
	c('merchant/delete', 'merchant', 'delete', (w) => ({ merchant_id: w.spareMerchantId })),
	c('add_region', 'geofence', 'create', () => ({
		region_name: 'Noida',
		region_data: '[[28.5,77.3],[28.5,77.4],[28.6,77.4]]',
	})),
	c('edit_region', 'geofence', 'update', (w) => ({ region_id: w.regionId, updateFields: { region_description: 'Central' } })),
	c('view_regions', 'geofence', 'getAll'),
	c('view_regions_only', 'geofence', 'get', (w) => ({ region_id: w.regionId })),
	c('find_region_from_points', 'geofence', 'findByPoint', () => ({ latitude: 28.6, longitude: 77.2 })),
	c('remove_region_for_agent', 'geofence', 'removeAgent', (w) => ({ region_id: w.regionId, fleet_id: w.fleetId })),
	c('remove_region', 'geofence', 'delete', (w) => ({ region_id: w.spareRegionId })),
	c('create_mission_task', 'mission', 'create', () => ({
		mission_name: 'Week 12',
		create_task_body: JSON.stringify([
			{ timezone: -330, layout_type: 0, has_pickup: 0, has_delivery: 1, deliveries: [{ address: '5 Road', time: '2025-03-19 10:00:00' }] },
		]),
	})),
	c('get_mission_list', 'mission', 'getAll'),
	c('delete_mission', 'mission', 'delete', (w) => ({ mission_id: w.missionId })),
	c('get_user_details', 'account', 'get'),
	c('set_tookan_shared_secret_key', 'account', 'setSharedSecret', () => ({ tookan_shared_secret: 'example-shared-secret' })),
	c('edit_phone', 'account', 'updatePhone', () => ({ phone: '+14155550100' })),
	c('users_change_password', 'account', 'changePassword', () => ({ current_password: 'sandbox', new_password: 'sandbox2' })),
	c('check_email_exists', 'account', 'checkEmail', () => ({ email: 'owner@tookan.sandbox.test' })),
	c('register_new_user', 'account', 'registerUser', () => ({ email: 'someone@example.com', password: 'secret12' })),
];

export const ALL_CASES: Case[] = [...TASK_CASES, ...CUSTOMER_CASES, ...AGENT_CASES, ...ORGANISATION_CASES];
