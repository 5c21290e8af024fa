/**
 * Task list filters: the `start_date`/`end_date` window (`YYYY-MM-DD`, matched against the task's own
 * date, at most `maxRangeDays` apart) and the optional filters of get_all_tasks and user_task_stats.
 */
import type { TookanConfig } from '../config';
import { invalid } from '../errors';
import type { Params } from '../params';
import { JOB_TYPES } from '../statuses';
import { DAY_MS, dayString } from '../time';
import type { Task } from '../types';
import { jobDay } from './view';

export interface Window {
	from: string;
	to: string;
}

/** The date window, or null when neither date is given and `required` is false. */
export function dateWindow(p: Params, config: TookanConfig, required: boolean): Window | null {
	if (!required && !p.has('start_date') && !p.has('end_date')) return null;
	const start = p.day('start_date');
	const end = p.day('end_date');
	if (end < start) throw invalid('end_date must not be before start_date');
	if ((end - start) / DAY_MS > config.maxRangeDays) {
		throw invalid(`The date range cannot be more than ${config.maxRangeDays} days`);
	}
	return { from: dayString(start), to: dayString(end) };
}

export function jobTypeOf(p: Params): number {
	const type = p.int('job_type');
	if (!(JOB_TYPES as readonly number[]).includes(type)) throw invalid('Invalid job_type');
	return type;
}

/** A predicate over tasks built from whichever filters the request carries. */
export function taskFilter(p: Params, window: Window | null, jobType?: number): (t: Task) => boolean {
	const statuses = p.ints('job_status');
	const jobIds = new Set(p.ints('job_id'));
	const orderIds = new Set(p.strs('order_id'));
	const customer = p.optInt('customer_id');
	const fleet = p.optInt('fleet_id');
	const team = p.optInt('team_id');
	const merchant = p.optInt('merchant_id');
	const name = p.str('customer_username').toLowerCase();
	const phone = p.str('customer_phone');
	return (t) => {
		if (jobType !== undefined && t.job_type !== jobType) return false;
		if (window) {
			const day = jobDay(t);
			if (day < window.from || day > window.to) return false;
		}
		if (statuses.length > 0 && !statuses.includes(t.job_status)) return false;
		if (jobIds.size > 0 && !jobIds.has(t.job_id)) return false;
		if (orderIds.size > 0 && !orderIds.has(t.order_id)) return false;
		if (customer !== undefined && t.customer_id !== customer) return false;
		if (fleet !== undefined && t.fleet_id !== fleet) return false;
		if (team !== undefined && t.team_id !== team) return false;
		if (merchant !== undefined && t.merchant_id !== merchant) return false;
		if (name && !t.customer_username.toLowerCase().includes(name)) return false;
		return !phone || t.customer_phone === phone;
	};
}
