/**
 * Tookan's numeric codes with the names people use for them (reference/tookan.md §2). Shared by the action
 * node (options, Simplify) and the trigger (status filters).
 */
import type { INodePropertyOptions } from 'n8n-workflow';

export type CodeNames = Readonly<Record<number, string>>;

/** `job_status`. 5 is not used by Tookan. */
export const JOB_STATUS: CodeNames = {
	0: 'Assigned',
	1: 'Started',
	2: 'Successful',
	3: 'Failed',
	4: 'Arrived (In Progress)',
	6: 'Unassigned',
	7: 'Accepted (Acknowledged)',
	8: 'Declined',
	9: 'Cancelled',
	10: 'Deleted',
};

/** The statuses `update_task_status` may set (10 "Deleted" is done with Delete Task). */
export const SETTABLE_JOB_STATUS = [0, 1, 2, 3, 4, 6, 7, 8, 9];

/** `job_type` of a task. */
export const JOB_TYPE: CodeNames = {
	0: 'Pickup',
	1: 'Delivery',
	2: 'Appointment',
	3: 'Field Workforce',
};

/** Agent `status` in agent lists. */
export const AGENT_STATUS: CodeNames = { 0: 'Available', 1: 'Offline', 2: 'Busy' };

export const TRANSPORT_TYPE: CodeNames = {
	1: 'Car',
	2: 'Motorcycle',
	3: 'Bicycle',
	4: 'Scooter',
	5: 'Foot',
	6: 'Truck',
};

/** Team `battery_usage`: the location accuracy / battery trade-off of the agent app. */
export const BATTERY_USAGE: CodeNames = { 0: 'Low', 1: 'Medium', 2: 'High' };

export const FLEET_TYPE: CodeNames = { 1: 'Captive', 2: 'Freelancer' };

export interface Layout {
	name: string;
	layout_type: number;
	has_pickup: number;
	has_delivery: number;
}

/** What kind of task to create, and the three flags Tookan wants for it. */
export const TASK_TYPES: Readonly<Record<string, Layout>> = {
	pickup: { name: 'Pickup', layout_type: 0, has_pickup: 1, has_delivery: 0 },
	delivery: { name: 'Delivery', layout_type: 0, has_pickup: 0, has_delivery: 1 },
	pickupAndDelivery: { name: 'Pickup and Delivery', layout_type: 0, has_pickup: 1, has_delivery: 1 },
	appointment: { name: 'Appointment', layout_type: 1, has_pickup: 0, has_delivery: 0 },
	fieldWorkforce: { name: 'Field Workforce', layout_type: 2, has_pickup: 0, has_delivery: 0 },
};

/** n8n options for a code table (value = the numeric code), optionally limited to some codes. */
export function codeOptions(codes: CodeNames, only?: number[]): INodePropertyOptions[] {
	return Object.entries(codes)
		.filter(([code]) => !only || only.includes(Number(code)))
		.map(([code, name]) => ({ name, value: Number(code) }));
}

/** The name of a code as Tookan sends it (number or numeric string); undefined when unknown. */
export function codeName(codes: CodeNames, code: unknown): string | undefined {
	if (code === undefined || code === null || code === '') return undefined;
	return codes[Number(code)];
}
