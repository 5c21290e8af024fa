/** Agents ("fleets"): lookups, the derived `status` (0 available, 1 offline, 2 busy) and the list shape. */
import { notFound } from './errors';
import type { State } from './store';
import { ACTIVE } from './statuses';
import { formatLocal } from './time';
import type { Agent } from './types';

export const AGENT_STATUS = { AVAILABLE: 0, OFFLINE: 1, BUSY: 2 } as const;

export function findAgent(state: State, fleetId: number): Agent {
	const agent = state.agents.get(fleetId);
	if (!agent) throw notFound(`Agent not found: ${fleetId}`);
	return agent;
}

export const agentName = (a: Agent): string => [a.first_name, a.last_name].filter(Boolean).join(' ');

/** Agents that have a started or arrived task right now. */
export function busyFleetIds(state: State): Set<number> {
	const busy = new Set<number>();
	for (const t of state.tasks.values()) {
		if (t.fleet_id !== null && ACTIVE.includes(t.job_status)) busy.add(t.fleet_id);
	}
	return busy;
}

export function agentStatus(agent: Agent, busy: Set<number>): number {
	if (agent.is_blocked || !agent.on_duty) return AGENT_STATUS.OFFLINE;
	return busy.has(agent.fleet_id) ? AGENT_STATUS.BUSY : AGENT_STATUS.AVAILABLE;
}

export function agentView(agent: Agent, busy: Set<number>): Record<string, unknown> {
	return {
		fleet_id: agent.fleet_id,
		username: agent.username,
		name: agentName(agent),
		first_name: agent.first_name,
		last_name: agent.last_name,
		login_id: agent.username,
		email: agent.email,
		phone: agent.phone,
		team_id: agent.team_id,
		tags: agent.tags,
		status: agentStatus(agent, busy),
		is_available: agent.on_duty,
		is_active: agent.is_blocked ? 0 : 1,
		is_blocked: agent.is_blocked,
		registration_status: 1,
		fleet_type: agent.fleet_type,
		block_reason: agent.block_reason,
		transport_type: agent.transport_type,
		transport_desc: agent.transport_desc,
		license: agent.license,
		color: agent.color,
		latitude: agent.latitude,
		longitude: agent.longitude,
		location_update_datetime: formatLocal(agent.location_at, agent.timezone),
		battery_level: agent.battery_level,
		has_gps_accuracy: 1,
		device_type: 0,
		total_rating: agent.total_rating,
		total_rated_tasks: agent.total_rated_tasks,
		timezone: String(agent.timezone),
		merchant_id: agent.merchant_id,
		fleet_image: '',
		fleet_thumb_image: '',
	};
}

/** Tag filter of get_all_fleets: with `anyTag` an agent needs one of the tags, otherwise all of them. */
export function hasTags(agent: Agent, wanted: string[], anyTag: boolean): boolean {
	if (wanted.length === 0) return true;
	const own = new Set(splitTags(agent.tags));
	return anyTag ? wanted.some((t) => own.has(t)) : wanted.every((t) => own.has(t));
}

export const splitTags = (csv: string): string[] =>
	csv
		.split(',')
		.map((t) => t.trim())
		.filter((t) => t !== '');

/** Record an on/off-duty change in the duty log (used by the admin helper and by blocking). */
export function setDuty(state: State, agent: Agent, onDuty: 0 | 1, at: number): void {
	if (agent.on_duty === onDuty) return;
	agent.on_duty = onDuty;
	state.dutyLogs.push({ fleet_id: agent.fleet_id, on_duty: onDuty, at });
}
