/** The records the Tookan stand-in keeps. Times are UTC epoch ms; `null` means "not set". */

export interface MetaItem {
	label: string;
	data: string;
}

/**
 * One field of a custom field template as the account defines it in Tookan's dashboard (no API lists or
 * changes them). `data_type` in Tookan's words ("Text", "Number", "Dropdown", ...); `dropdown` holds the
 * options of a Dropdown.
 */
export interface TemplateField {
	label: string;
	display_name?: string;
	data_type: string;
	required?: 0 | 1;
	app_side?: '0' | '1' | '2';
	dropdown?: string[];
}

export interface HistoryItem {
	id: number;
	job_id: number;
	fleet_id: number | null;
	fleet_name: string | null;
	latitude: string | null;
	longitude: string | null;
	type: string;
	description: string;
	label_description: string;
	at: number;
}

export interface Task {
	job_id: number;
	job_hash: string;
	job_token: string;
	order_id: string;
	job_description: string;
	job_type: number;
	job_status: number;
	layout_type: number;
	has_pickup: 0 | 1;
	has_delivery: 0 | 1;
	team_id: number | null;
	fleet_id: number | null;
	customer_id: number | null;
	merchant_id: number | null;
	auto_assignment: 0 | 1;
	geofence: 0 | 1;
	tags: string;
	ride_type: number;
	timezone: number;
	pickup_delivery_relationship: string;
	job_pickup_name: string;
	job_pickup_phone: string;
	job_pickup_email: string;
	job_pickup_address: string;
	job_pickup_latitude: string;
	job_pickup_longitude: string;
	customer_username: string;
	customer_phone: string;
	customer_email: string;
	job_address: string;
	job_latitude: string;
	job_longitude: string;
	custom_field_template: string;
	meta_data: MetaItem[];
	/** The template's fields as they were when the task got it (null: no template the account defines). */
	template_fields: TemplateField[] | null;
	ref_images: string[];
	pickupAt: number | null;
	deliveryAt: number | null;
	createdAt: number;
	acknowledgedAt: number | null;
	startedAt: number | null;
	arrivedAt: number | null;
	completedAt: number | null;
	otp: string;
	history: HistoryItem[];
}

export interface Customer {
	customer_id: number;
	customer_username: string;
	customer_phone: string;
	customer_email: string;
	customer_address: string;
	customer_latitude: string;
	customer_longitude: string;
	user_type: number;
	createdAt: number;
}

export interface Agent {
	fleet_id: number;
	username: string;
	first_name: string;
	last_name: string;
	email: string;
	phone: string;
	team_id: number;
	tags: string;
	timezone: number;
	fleet_type: number;
	transport_type: number;
	transport_desc: string;
	license: string;
	color: string;
	rule_id: number | null;
	merchant_id: number | null;
	on_duty: 0 | 1;
	is_blocked: 0 | 1;
	block_reason: string;
	unblock_on_date: string;
	latitude: string;
	longitude: string;
	location_at: number;
	battery_level: number;
	total_rating: number;
	total_rated_tasks: number;
	createdAt: number;
}

export interface Team {
	team_id: number;
	team_name: string;
	battery_usage: number;
	address: string;
	latitude: string;
	longitude: string;
	tags: string;
}

export interface Manager {
	dispatcher_id: number;
	email: string;
	first_name: string;
	last_name: string;
	phone: string;
	timezone: number;
	task_access: 0 | 1;
	add_driver_access: 0 | 1;
	dispatcher_teams: number[];
}

export interface Merchant {
	merchant_id: number;
	email: string;
	first_name: string;
	last_name: string;
	name: string;
	company_name: string;
	company_address: string;
	phone: string;
	timezone: number;
	commission_percentage: number;
	is_blocked: 0 | 1;
	createdAt: number;
}

export interface Point {
	latitude: number;
	longitude: number;
}

export interface Region {
	region_id: number;
	region_name: string;
	region_description: string;
	region_data: Point[];
	team_ids: number[];
	fleet_ids: number[];
}

export interface Mission {
	mission_id: number;
	mission_name: string;
	dispatched_status: number;
	start_date: string;
	end_date: string;
	job_ids: number[];
	createdAt: number;
}

export interface WalletTransaction {
	transaction_id: number;
	fleet_id: number;
	amount: number;
	transaction_type: number;
	wallet_type: number;
	description: string;
	balance: number;
	at: number;
}

export interface Notification {
	fleet_id: number;
	message: string;
	at: number;
}

export interface DutyLog {
	fleet_id: number;
	on_duty: 0 | 1;
	at: number;
}

export interface Account {
	phone: string;
	email: string;
	password: string;
	registered: { user_id: number; email: string; first_name: string; company_name: string }[];
}
