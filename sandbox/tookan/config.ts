/**
 * Runtime settings of the Tookan stand-in, kept in `ctx.config.tookan` so the admin API and tests can
 * change them between requests. Missing keys fall back to the defaults below on every request.
 *
 * - apiKey:          the only `api_key` accepted (anything else answers status 101)
 * - userId:          the account id (`user_id`), echoed in tasks and checked where Tookan wants it
 * - sharedSecret:    sent as `tookan_shared_secret` in every webhook; `set_tookan_shared_secret_key` changes it
 * - accessToken:     the fake account token sent as `access_token` in webhooks (real Tookan sends one)
 * - pageSize:        `records_per_page` of `get_all_tasks` and `get_all_customers` (fixed by the server)
 * - maxRangeDays:    the largest `end_date - start_date` (in days) `get_all_tasks` accepts
 * - maxJobIds:       the most ids `get_job_details` takes in one call
 * - trackingBaseUrl: prefix of the tracking links handed out for tasks
 * - templates:       the account's custom field templates by name, as defined in Tookan's dashboard
 */
import type { SandboxContext } from '../core/context';
import type { TemplateField } from './types';

export interface TookanConfig {
	apiKey: string;
	userId: number;
	sharedSecret: string;
	accessToken: string;
	pageSize: number;
	maxRangeDays: number;
	maxJobIds: number;
	trackingBaseUrl: string;
	templates: Record<string, TemplateField[]>;
}

/** The templates a fresh sandbox account has (one per side of a pickup and delivery). */
export const DEFAULT_TEMPLATES: Readonly<Record<string, TemplateField[]>> = {
	Delivery_Details: [
		{ label: 'Order_Value', display_name: 'Order Value', data_type: 'Number', required: 1, app_side: '0' },
		{ label: 'Gift_Note', display_name: 'Gift Note', data_type: 'Text', app_side: '0' },
		{ label: 'Delivery_Slot', display_name: 'Delivery Slot', data_type: 'Dropdown', app_side: '0', dropdown: ['Morning', 'Afternoon', 'Evening'] },
		{ label: 'Fragile', display_name: 'Fragile', data_type: 'Checkbox', app_side: '0' },
		{ label: 'Deliver_On', display_name: 'Deliver On', data_type: 'Date', app_side: '0' },
		{ label: 'Receiver_Email', display_name: 'Receiver Email', data_type: 'Email', app_side: '0' },
		{ label: 'Proof_Photo', display_name: 'Proof Photo', data_type: 'Image', app_side: '1' },
	],
	Pickup_Checks: [
		{ label: 'Seal_Number', display_name: 'Seal Number', data_type: 'Text', required: 1, app_side: '0' },
		{ label: 'Packages', display_name: 'Packages', data_type: 'Number', app_side: '0' },
	],
};

export const TOOKAN_DEFAULTS: Readonly<TookanConfig> = {
	apiKey: 'sandbox-tookan-api-key',
	userId: 1000001,
	sharedSecret: 'sandbox-tookan-shared-secret',
	accessToken: 'sandbox-tookan-access-token',
	pageSize: 50,
	maxRangeDays: 31,
	maxJobIds: 100,
	trackingBaseUrl: 'https://tracking.tookan.sandbox.test',
	templates: DEFAULT_TEMPLATES as Record<string, TemplateField[]>,
};

/** The live settings object, created with the defaults if absent and completed with them if partial. */
export function tookanConfig(ctx: SandboxContext): TookanConfig {
	const current = ctx.config.tookan;
	const live = (current && typeof current === 'object' ? current : {}) as Partial<TookanConfig>;
	for (const key of Object.keys(TOOKAN_DEFAULTS) as (keyof TookanConfig)[]) {
		if (live[key] === undefined) (live as Record<string, unknown>)[key] = TOOKAN_DEFAULTS[key];
	}
	ctx.config.tookan = live;
	return live as TookanConfig;
}
