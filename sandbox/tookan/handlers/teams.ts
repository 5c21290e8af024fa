/** Team and manager (dispatcher) endpoints. */
import { agentView, busyFleetIds, splitTags } from '../agents';
import { ok, type Env, type Handlers } from '../env';
import { invalid, notFound } from '../errors';
import type { Params } from '../params';
import { nextId } from '../store';
import { parseTimezone } from '../time';
import type { Team } from '../types';

const BATTERY_USAGE = [0, 1, 2];

function findTeam(env: Env, teamId: number): Team {
	const team = env.state.teams.get(teamId);
	if (!team) throw notFound(`Team not found: ${teamId}`);
	return team;
}

function applyTeamFields(team: Team, p: Params): void {
	const battery = p.optInt('battery_usage');
	if (battery !== undefined && !BATTERY_USAGE.includes(battery)) throw invalid('Invalid battery_usage');
	if (p.has('team_name')) team.team_name = p.str('team_name');
	if (battery !== undefined) team.battery_usage = battery;
	if (p.has('address')) team.address = p.str('address');
	if (p.has('latitude')) team.latitude = p.str('latitude');
	if (p.has('longitude')) team.longitude = p.str('longitude');
	if (p.has('tags')) team.tags = splitTags(p.str('tags')).join(',');
}

const teamView = (t: Team) => ({ ...t });

export const teamHandlers: Handlers = {
	create_team: (p, env) => {
		const team: Team = { team_id: 0, team_name: '', battery_usage: 1, address: '', latitude: '', longitude: '', tags: '' };
		applyTeamFields(team, p);
		team.team_id = nextId(env.state, 'team');
		env.state.teams.set(team.team_id, team);
		return ok({ team_id: team.team_id }, 'Team created successfully.');
	},

	update_team: (p, env) => {
		const team = findTeam(env, p.int('team_id'));
		applyTeamFields(team, p);
		return ok(teamView(team), 'Team updated successfully.');
	},

	delete_team: (p, env) => {
		const team = findTeam(env, p.int('team_id'));
		if ([...env.state.agents.values()].some((a) => a.team_id === team.team_id)) {
			throw invalid('The team still has agents; move or delete them first');
		}
		env.state.teams.delete(team.team_id);
		return ok({ team_id: team.team_id }, 'Team deleted successfully.');
	},

	view_all_team_only: (_p, env) => ok([...env.state.teams.values()].map(teamView)),

	view_teams: (_p, env) => {
		const busy = busyFleetIds(env.state);
		const agents = [...env.state.agents.values()];
		return ok(
			[...env.state.teams.values()].map((t) => ({
				...teamView(t),
				fleets: agents.filter((a) => a.team_id === t.team_id).map((a) => agentView(a, busy)),
			})),
		);
	},

	add_manager: (p, env) => {
		const email = p.needStr('email');
		if ([...env.state.managers.values()].some((m) => m.email === email)) throw invalid('Email already exists');
		const timezone = parseTimezone(p.need('timezone'));
		if (timezone === null) throw invalid('Invalid timezone');
		const teams = p.needInts('dispatcher_teams');
		const unknown = teams.find((id) => !env.state.teams.has(id));
		if (unknown !== undefined) throw invalid(`Invalid team in dispatcher_teams: ${unknown}`);
		const manager = {
			dispatcher_id: nextId(env.state, 'dispatcher'),
			email,
			first_name: p.needStr('first_name'),
			last_name: p.str('last_name'),
			phone: p.needStr('phone'),
			timezone,
			task_access: p.flag('task_access'),
			add_driver_access: p.flag('add_driver_access'),
			dispatcher_teams: teams,
		};
		env.state.managers.set(manager.dispatcher_id, manager);
		return ok({ dispatcher_id: manager.dispatcher_id }, 'Manager added successfully.');
	},

	view_all_manager: (_p, env) =>
		ok([...env.state.managers.values()].map((m) => ({ ...m, timezone: String(m.timezone), dispatcher_teams: m.dispatcher_teams.join(',') }))),

	delete_manager: (p, env) => {
		const id = p.int('dispatcher_id');
		if (!env.state.managers.delete(id)) throw notFound(`Manager not found: ${id}`);
		return ok({ dispatcher_id: id }, 'Manager deleted successfully.');
	},
};
