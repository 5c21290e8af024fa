/**
 * The Tookan v2 endpoints the sandbox serves: path, method, and the fields a request must carry.
 *
 * `required` is what the project's research lists as required for the endpoint (a request without one
 * of them gets body status 100). `assumed` is what the sandbox itself needs to act on an endpoint whose
 * parameters nobody has confirmed (e.g. `start_task` needs a `job_id`); a request without one of those
 * also gets status 100. `confidence` says how sure the research is about the endpoint.
 */
export type Group = 'task' | 'customer' | 'agent' | 'team' | 'manager' | 'merchant' | 'geofence' | 'mission' | 'account';
export type Confidence = 'DOC' | 'OBS' | '3P' | 'UNCONFIRMED';

export interface Endpoint {
	group: Group;
	path: string;
	method: 'GET' | 'POST';
	required: readonly string[];
	assumed: readonly string[];
	confidence: Confidence;
}

const words = (s: string): string[] => (s ? s.split(' ') : []);

function post(group: Group, path: string, required: string, confidence: Confidence, assumed = ''): Endpoint {
	return { group, path, method: 'POST', required: words(required), assumed: words(assumed), confidence };
}

function get(group: Group, path: string, required: string, confidence: Confidence): Endpoint {
	return { group, path, method: 'GET', required: words(required), assumed: [], confidence };
}

const LAYOUT = 'timezone has_pickup has_delivery layout_type';

export const CATALOGUE: readonly Endpoint[] = [
	post('task', 'create_task', LAYOUT, 'DOC'),
	post('task', 'create_multiple_tasks', LAYOUT, 'DOC'),
	post('task', 'get_job_details', 'job_ids', 'DOC'),
	post('task', 'get_job_details_by_order_id', 'order_ids', 'DOC'),
	post('task', 'get_task_details', 'job_id user_id', 'OBS'),
	post('task', 'get_task_details_by_order_id', 'order_id user_id', 'OBS'),
	post('task', 'get_all_tasks', 'job_type start_date end_date', 'DOC'),
	post('task', 'edit_task', 'job_id', 'DOC'),
	post('task', 'edit_multiple_tasks', '', 'DOC'),
	post('task', 'delete_task', 'job_id', 'DOC'),
	post('task', 'update_task_status', 'job_id job_status', 'DOC'),
	post('task', 'assign_task', 'job_id', 'DOC'),
	post('task', 'assign_fleet_to_task', 'job_id fleet_id team_id', 'DOC'),
	post('task', 'assign_fleet_to_related_tasks', 'pickup_delivery_relationship', 'DOC'),
	post('task', 're_autoassign_task', 'job_id', 'DOC'),
	post('task', 'reassign_open_tasks', 'fleet_id job_ids', 'DOC'),
	post('task', 'user_task_stats', '', 'OBS'),
	post('task', 'get_job_and_fleet_details', '', 'OBS'),
	post('task', 'start_task', '', 'UNCONFIRMED', 'job_id'),
	post('task', 'cancel_task', '', 'UNCONFIRMED', 'job_id'),
	post('task', 'get_related_tasks', '', 'UNCONFIRMED', 'pickup_delivery_relationship'),
	post('task', 'get_all_deleted_tasks', '', 'UNCONFIRMED'),
	post('task', 'change_job_date', '', 'UNCONFIRMED', 'job_id date'),
	post('task', 'import_bulk_tasks_csv', '', 'UNCONFIRMED', 'csv'),
	post('task', 'create_task_for_form_user', '', 'UNCONFIRMED', LAYOUT),
	post('task', 'get_route_details_for_date', '', 'UNCONFIRMED', 'date'),
	post('task', 'get_fare_estimate', '', 'UNCONFIRMED', 'job_pickup_latitude job_pickup_longitude latitude longitude'),

	post('customer', 'customer/add', 'user_type name phone', 'OBS'),
	post('customer', 'customer/edit', 'customer_id', 'OBS'),
	post('customer', 'get_all_customers', '', 'OBS'),
	post('customer', 'view_customer_profile', 'customer_id', 'OBS'),
	post('customer', 'find_customer_with_phone', 'customer_phone', 'OBS'),
	post('customer', 'find_customer_with_name', 'customer_name', 'OBS'),
	post('customer', 'delete_customer', 'customer_id', 'OBS'),

	post('agent', 'add_agent', 'username phone first_name team_id timezone', 'DOC'),
	post('agent', 'edit_agent', 'fleet_id', 'DOC'),
	post('agent', 'delete_fleet_account', 'fleet_id', 'DOC'),
	post('agent', 'block_and_unblock_agent', 'fleet_id block_status', 'DOC'),
	post('agent', 'get_all_fleets', '', 'DOC'),
	post('agent', 'get_available_agents', '', '3P'),
	post('agent', 'view_fleet_profile', 'fleet_id', 'OBS'),
	post('agent', 'get_fleet_location', 'fleet_id', 'OBS'),
	post('agent', 'update_fleet_tags', 'fleet_id tags', 'OBS'),
	post('agent', 'get_fleet_tags', '', 'OBS'),
	post('agent', 'get_agent_duty_logs', '', 'OBS'),
	post('agent', 'send_notification', 'fleet_ids message', 'OBS'),
	post('agent', 'get_fleets_availability', '', 'OBS'),
	post('agent', 'get_fleets_monthly_availability', '', 'OBS', 'fleet_id'),
	post('agent', 'fleet_activity_timeline', '', 'OBS', 'fleet_id'),
	post('agent', 'fleet_ratings_and_reviews', '', 'OBS'),
	post('agent', 'get_fleets_near_customer', '', 'OBS', 'customer_id'),
	post('agent', 'get_fleet_stripe_details', 'fleet_id', 'OBS'),
	post('agent', 'fleet/wallet/create_transaction', '', 'OBS', 'fleet_id amount'),
	post('agent', 'fleet/wallet/read_transaction_history', '', 'OBS', 'fleet_id'),

	post('team', 'create_team', 'team_name', 'DOC'),
	post('team', 'update_team', 'team_id', 'OBS'),
	post('team', 'delete_team', 'team_id', 'OBS'),
	post('team', 'view_all_team_only', '', 'DOC'),
	post('team', 'view_teams', '', '3P'),

	post('manager', 'add_manager', 'email password first_name phone timezone task_access add_driver_access dispatcher_teams', '3P'),
	post('manager', 'view_all_manager', '', 'OBS'),
	post('manager', 'delete_manager', 'dispatcher_id', 'OBS'),

	post('merchant', 'merchant/sign_up', 'email password', 'UNCONFIRMED'),
	post('merchant', 'merchant/get_merchant', '', 'UNCONFIRMED'),
	post('merchant', 'merchant/edit_merchant', 'merchant_id', 'UNCONFIRMED'),
	post('merchant', 'merchant/block_merchant', 'merchant_id is_blocked', 'UNCONFIRMED'),
	post('merchant', 'merchant/delete', 'merchant_id', 'UNCONFIRMED'),
	post('merchant', 'merchant/assign_merchant_to_task', 'merchant_id job_id', 'UNCONFIRMED'),
	post('merchant', 'merchant/get_merchant_teams', 'merchant_id', 'UNCONFIRMED'),
	get('merchant', 'merchant/get_merchant_data', 'user_id', 'UNCONFIRMED'),
	get('merchant', 'merchant/report', 'user_id', 'UNCONFIRMED'),

	post('geofence', 'add_region', 'region_name region_data', 'UNCONFIRMED'),
	post('geofence', 'edit_region', 'region_id', 'UNCONFIRMED'),
	post('geofence', 'view_regions', '', 'UNCONFIRMED'),
	post('geofence', 'view_regions_only', 'region_id', 'UNCONFIRMED'),
	post('geofence', 'remove_region_for_agent', 'region_id fleet_id', 'UNCONFIRMED'),
	post('geofence', 'remove_region', 'region_id', 'UNCONFIRMED'),
	post('geofence', 'find_region_from_points', '', 'UNCONFIRMED', 'latitude longitude'),

	post('mission', 'create_mission_task', 'mission_name create_task_body', 'UNCONFIRMED'),
	post('mission', 'get_mission_list', '', 'UNCONFIRMED'),
	post('mission', 'delete_mission', 'mission_id', 'UNCONFIRMED'),

	post('account', 'get_user_details', '', '3P'),
	post('account', 'set_tookan_shared_secret_key', 'tookan_shared_secret', 'OBS'),
	post('account', 'edit_phone', '', 'UNCONFIRMED', 'phone'),
	post('account', 'users_change_password', '', 'UNCONFIRMED', 'current_password new_password'),
	post('account', 'check_email_exists', '', 'UNCONFIRMED', 'email'),
	post('account', 'register_new_user', '', 'UNCONFIRMED', 'email password'),
];
