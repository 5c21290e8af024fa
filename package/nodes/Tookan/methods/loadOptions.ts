/** Dropdowns: teams, agents, tags (from Tookan) and time zones (from the runtime). */
import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { callTookan, records, timeZoneNames } from '../../shared/tookan';

export function agentName(agent: IDataObject): string {
	const full = [agent.first_name, agent.last_name].filter((part) => part).join(' ');
	return String(agent.name || full || agent.username || agent.fleet_id);
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

export async function getTeams(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const teams = records(await callTookan(this, 'view_all_team_only'));
	return teams.map((team) => ({ name: String(team.team_name ?? team.team_id), value: Number(team.team_id) })).sort(byName);
}

export async function getAgents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const agents = records(await callTookan(this, 'get_all_fleets'));
	return agents.map((agent) => ({ name: agentName(agent), value: Number(agent.fleet_id) })).sort(byName);
}

/** Every agent tag of the account (`get_fleet_tags` without an agent), plus team tags. */
export async function getTags(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const [tags, teams] = await Promise.all([
		callTookan(this, 'get_fleet_tags'),
		callTookan(this, 'view_all_team_only'),
	]);
	const names = new Set<string>();
	const add = (value: unknown) =>
		String(value ?? '')
			.split(',')
			.map((tag) => tag.trim())
			.filter((tag) => tag)
			.forEach((tag) => names.add(tag));
	for (const record of records(tags)) add(record.value ?? record.tags);
	for (const team of records(teams)) add(team.tags);
	return [...names].map((tag) => ({ name: tag, value: tag })).sort(byName);
}

export async function getTimeZones(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const zones = timeZoneNames().map((zone) => ({ name: zone.replace(/_/g, ' '), value: zone }));
	// the field's default "" (the workflow's time zone) must be an option, or the editor flags it
	return [{ name: "Workflow's Time Zone", value: '' }, ...zones];
}
