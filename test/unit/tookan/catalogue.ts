/**
 * The Tookan endpoint catalogue as facts for the tests (from reference/tookan.md §3 and the project's
 * endpoint list): every path, its method, and the fields a request must carry. Written independently of
 * the node's operation tables so the tests compare two sources.
 */
export interface CatalogueEntry {
	path: string;
	method: 'GET' | 'POST';
	required: string[];
}

const LAYOUT = 'timezone has_pickup has_delivery layout_type';

/** `path: required fields` (space separated); GET endpoints are marked with a leading `GET `. */
const TABLE: Record<string, string> = {
	create_task: LAYOUT,
	create_multiple_tasks: LAYOUT,
	get_job_details: 'job_ids',
	get_job_details_by_order_id: 'order_ids',
	get_task_details: 'job_id user_id',
	get_task_details_by_order_id: 'order_id user_id',
	get_all_tasks: 'job_type start_date end_date',
	edit_task: 'job_id',
	edit_multiple_tasks: '',
	delete_task: 'job_id',
	update_task_status: 'job_id job_status',
	assign_task: 'job_id',
	assign_fleet_to_task: 'job_id fleet_id team_id',
	assign_fleet_to_related_tasks: 'pickup_delivery_relationship',
	re_autoassign_task: 'job_id',
	reassign_open_tasks: 'fleet_id job_ids',
	user_task_stats: '',
	get_job_and_fleet_details: '',
	start_task: '',
	cancel_task: '',
	get_related_tasks: '',
	get_all_deleted_tasks: '',
	change_job_date: '',
	import_bulk_tasks_csv: '',
	create_task_for_form_user: '',
	get_route_details_for_date: '',
	get_fare_estimate: '',
	'customer/add': 'user_type name phone',
	'customer/edit': 'customer_id',
	get_all_customers: '',
	view_customer_profile: 'customer_id',
	find_customer_with_phone: 'customer_phone',
	find_customer_with_name: 'customer_name',
	delete_customer: 'customer_id',
	add_agent: 'username phone first_name team_id timezone',
	edit_agent: 'fleet_id',
	delete_fleet_account: 'fleet_id',
	block_and_unblock_agent: 'fleet_id block_status',
	get_all_fleets: '',
	get_available_agents: '',
	view_fleet_profile: 'fleet_id',
	get_fleet_location: 'fleet_id',
	update_fleet_tags: 'fleet_id tags',
	get_fleet_tags: '',
	get_agent_duty_logs: '',
	send_notification: 'fleet_ids message',
	get_fleets_availability: '',
	get_fleets_monthly_availability: '',
	fleet_activity_timeline: '',
	fleet_ratings_and_reviews: '',
	get_fleets_near_customer: '',
	get_fleet_stripe_details: 'fleet_id',
	'fleet/wallet/create_transaction': '',
	'fleet/wallet/read_transaction_history': '',
	create_team: 'team_name',
	update_team: 'team_id',
	delete_team: 'team_id',
	view_all_team_only: '',
	view_teams: '',
	add_manager: 'email password first_name phone timezone task_access add_driver_access dispatcher_teams',
	view_all_manager: '',
	delete_manager: 'dispatcher_id',
	'merchant/sign_up': 'email password',
	'merchant/get_merchant': '',
	'merchant/edit_merchant': 'merchant_id',
	'merchant/block_merchant': 'merchant_id is_blocked',
	'merchant/delete': 'merchant_id',
	'merchant/assign_merchant_to_task': 'merchant_id job_id',
	'merchant/get_merchant_teams': 'merchant_id',
	'merchant/get_merchant_data': 'GET user_id',
	'merchant/report': 'GET user_id',
	add_region: 'region_name region_data',
	edit_region: 'region_id',
	view_regions: '',
	view_regions_only: 'region_id',
	remove_region_for_agent: 'region_id fleet_id',
	remove_region: 'region_id',
	find_region_from_points: '',
	create_mission_task: 'mission_name create_task_body',
	get_mission_list: '',
	delete_mission: 'mission_id',
	get_user_details: '',
	set_tookan_shared_secret_key: 'tookan_shared_secret',
	edit_phone: '',
	users_change_password: '',
	check_email_exists: '',
	register_new_user: '',
};

export const CATALOGUE: CatalogueEntry[] = Object.entries(TABLE).map(([path, spec]) => {
	const words = spec.split(' ').filter(Boolean);
	const get = words[0] === 'GET';
	return { path, method: get ? 'GET' : 'POST', required: get ? words.slice(1) : words };
});
