/**
 * Tookan task webhooks: the full task object (same keys as get_job_details, with its history) plus the
 * notification extras: `template_key`, `job_state`, `task_state`, `task_status`, agent and vehicle fields,
 * `custom_fields[]` (plural here), display-formatted times, the account's `tookan_shared_secret` and an
 * `access_token` (a fake secret, because the real service sends one).
 */
import type { Env } from '../env';
import { STATUS_INFO } from '../statuses';
import { formatDisplay } from '../time';
import type { Task } from '../types';
import { customFields, jobTime, taskDetails, trackingLink } from './view';

export function webhookPayload(env: Env, t: Task, templateKey: string): Record<string, unknown> {
	const config = env.config();
	const agent = t.fleet_id === null ? undefined : env.state.agents.get(t.fleet_id);
	const status = STATUS_INFO[t.job_status];
	const spentSeconds = t.startedAt !== null && t.completedAt !== null ? Math.round((t.completedAt - t.startedAt) / 1000) : 0;
	return {
		...taskDetails(t, env.state, config, { history: true }),
		template_key: templateKey,
		webhook_type: 0,
		format: 'application/json',
		is_internal: 0,
		job_state: status.jobState,
		task_state: status.taskState,
		task_status: t.job_status,
		fleet_email: agent?.email ?? '',
		transport_type: agent ? String(agent.transport_type) : '',
		transport_desc: agent?.transport_desc ?? '',
		license: agent?.license ?? '',
		fleet_vehicle_type: agent?.transport_type ?? 0,
		fleet_vehicle_color: agent?.color ?? '',
		fleet_vehicle_description: agent?.transport_desc ?? '',
		external_fleet_id: '',
		custom_fields: customFields(t),
		full_tracking_link: trackingLink(t, config),
		acknowledged_datetime_formatted: formatDisplay(t.acknowledgedAt, t.timezone),
		started_datetime_formatted: formatDisplay(t.startedAt, t.timezone),
		arrived_datetime_formatted: formatDisplay(t.arrivedAt, t.timezone),
		completed_datetime_formatted: formatDisplay(t.completedAt, t.timezone),
		job_time_formatted: formatDisplay(jobTime(t), t.timezone),
		job_pickup_datetime_formatted: formatDisplay(t.pickupAt, t.timezone),
		job_delivery_datetime_formatted: formatDisplay(t.deliveryAt, t.timezone),
		total_distance: '0.00 Km',
		distance_in: 'Km',
		total_time_spent_at_task_till_completion: `${spentSeconds} seconds`,
		timestamp_diff: spentSeconds,
		promo_used: 0,
		domain: 'tookan.sandbox.test',
		agent_workflow: t.layout_type,
		job_vertical: 0,
		tookan_shared_secret: config.sharedSecret,
		access_token: config.accessToken,
	};
}

/** Send the webhook for `t` under `templateKey` (defaults to the template of its current status). */
export function emitTask(env: Env, t: Task, templateKey = STATUS_INFO[t.job_status].templateKey): void {
	env.ctx.webhooks.send('tookan', templateKey, webhookPayload(env, t, templateKey));
}
