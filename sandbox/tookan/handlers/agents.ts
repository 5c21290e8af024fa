/** Agent ("fleet") endpoints: create, edit, block, delete, lists, profile, location, tags. */
import { AGENT_STATUS, agentStatus, agentView, busyFleetIds, findAgent, hasTags, splitTags } from '../agents';
import { ok, type Env, type Handlers } from '../env';
import { invalid } from '../errors';
import { distanceMetres, pointOf } from '../geo';
import type { Params } from '../params';
import { nextId } from '../store';
import { ACTIVE, OPEN } from '../statuses';
import { liveTasks } from '../tasks/lifecycle';
import { taskLite } from '../tasks/view';
import { parseDay, parseTimezone } from '../time';
import type { Agent } from '../types';

const TRANSPORT_TYPES = [1, 2, 3, 4, 5, 6];
const FLEET_TYPES = [1, 2];

function oneOf(p: Params, name: string, allowed: number[]): number | undefined {
	const v = p.optInt(name);
	if (v !== undefined && !allowed.includes(v)) throw invalid(`Invalid ${name}`);
	return v;
}

/** Validate every add/edit field the request carries, then write them onto `agent`. */
function applyAgentFields(agent: Agent, p: Params, env: Env): void {
	const team = p.optInt('team_id');
	if (team !== undefined && !env.state.teams.has(team)) throw invalid(`Invalid team_id: ${team}`);
	const merchant = p.optInt('merchant_id');
	if (merchant !== undefined && !env.state.merchants.has(merchant)) throw invalid(`Invalid merchant_id: ${merchant}`);
	const timezone = p.has('timezone') ? parseTimezone(p.raw.timezone) : agent.timezone;
	if (timezone === null) throw invalid('Invalid timezone');
	const transport = oneOf(p, 'transport_type', TRANSPORT_TYPES);
	const fleetType = oneOf(p, 'fleet_type', FLEET_TYPES);
	for (const key of ['username', 'first_name', 'last_name', 'email', 'phone', 'transport_desc', 'license', 'color'] as const) {
		if (p.has(key)) agent[key] = p.str(key);
	}
	agent.timezone = timezone;
	if (team !== undefined) agent.team_id = team;
	if (merchant !== undefined) agent.merchant_id = merchant;
	if (transport !== undefined) agent.transport_type = transport;
	if (fleetType !== undefined) agent.fleet_type = fleetType;
	if (p.has('rule_id')) agent.rule_id = p.optInt('rule_id') ?? null;
}

export function blankAgent(fleetId: number, teamId: number, at: number): Agent {
	return {
		fleet_id: fleetId,
		username: '',
		first_name: '',
		last_name: '',
		email: '',
		phone: '',
		team_id: teamId,
		tags: '',
		timezone: 0,
		fleet_type: 1,
		transport_type: 1,
		transport_desc: '',
		license: '',
		color: '',
		rule_id: null,
		merchant_id: null,
		on_duty: 1,
		is_blocked: 0,
		block_reason: '',
		unblock_on_date: '',
		latitude: '',
		longitude: '',
		location_at: at,
		battery_level: 100,
		total_rating: 0,
		total_rated_tasks: 0,
		createdAt: at,
	};
}

function agentList(env: Env, keep: (a: Agent, status: number) => boolean) {
	const busy = busyFleetIds(env.state);
	return [...env.state.agents.values()].filter((a) => keep(a, agentStatus(a, busy))).map((a) => agentView(a, busy));
}

export const agentHandlers: Handlers = {
	add_agent: (p, env) => {
		const username = p.needStr('username');
		if ([...env.state.agents.values()].some((a) => a.username === username)) throw invalid('Username already exists');
		const agent = blankAgent(env.state.ids.fleet, p.int('team_id'), env.now());
		applyAgentFields(agent, p, env);
		env.state.agents.set(nextId(env.state, 'fleet'), agent);
		return ok({ fleet_id: agent.fleet_id, username: agent.username, team_id: agent.team_id }, 'Agent added successfully.');
	},

	edit_agent: (p, env) => {
		const agent = findAgent(env.state, p.int('fleet_id'));
		applyAgentFields(agent, p, env);
		return ok(agentView(agent, busyFleetIds(env.state)), 'Agent updated successfully.');
	},

	delete_fleet_account: (p, env) => {
		const agent = findAgent(env.state, p.int('fleet_id'));
		env.state.agents.delete(agent.fleet_id);
		return ok({ fleet_id: agent.fleet_id }, 'Agent deleted successfully.');
	},

	/** `block_status` 0 blocks (with `block_reason`, `unblock_on_date`), 1 unblocks (UNCONFIRMED semantics). */
	block_and_unblock_agent: (p, env) => {
		const block = oneOf(p, 'block_status', [0, 1]) === 0;
		const until = p.str('unblock_on_date');
		if (until && parseDay(until) === null) throw invalid('Invalid unblock_on_date, expected YYYY-MM-DD');
		const agents = p.needInts('fleet_id').map((id) => findAgent(env.state, id));
		for (const a of agents) {
			a.is_blocked = block ? 1 : 0;
			a.block_reason = block ? p.str('block_reason') : '';
			a.unblock_on_date = block ? until : '';
		}
		return ok({ fleet_ids: agents.map((a) => a.fleet_id), is_blocked: block ? 1 : 0 }, block ? 'Agent blocked.' : 'Agent unblocked.');
	},

	get_all_fleets: (p, env) => {
		const tags = splitTags(p.str('tags'));
		const anyTag = p.flag('include_any_tag') === 1;
		const name = p.str('name').toLowerCase();
		const ids = new Set(p.ints('fleet_ids'));
		const status = p.optInt('status');
		const fleetType = p.optInt('fleet_type');
		const merchant = p.optInt('merchant_id');
		const team = p.optInt('team_id');
		return ok(
			agentList(
				env,
				(a, s) =>
					hasTags(a, tags, anyTag) &&
					(!name || `${a.first_name} ${a.last_name} ${a.username}`.toLowerCase().includes(name)) &&
					(ids.size === 0 || ids.has(a.fleet_id)) &&
					(status === undefined || s === status) &&
					(fleetType === undefined || a.fleet_type === fleetType) &&
					(merchant === undefined || a.merchant_id === merchant) &&
					(team === undefined || a.team_id === team),
			),
		);
	},

	get_available_agents: (p, env) => {
		const team = p.optInt('team_id');
		const fleet = p.optInt('fleet_id');
		const tags = splitTags(p.str('tags'));
		const list = agentList(
			env,
			(a, s) =>
				s === AGENT_STATUS.AVAILABLE &&
				(team === undefined || a.team_id === team) &&
				(fleet === undefined || a.fleet_id === fleet) &&
				hasTags(a, tags, true),
		);
		const from = pointOf(p.raw.latitude, p.raw.longitude);
		if (!from) return ok(list);
		const withDistance = list.map((a) => {
			const at = pointOf(a.latitude, a.longitude);
			return { ...a, distance: at ? Math.round(distanceMetres(from, at)) : null };
		});
		return ok(withDistance.sort((a, b) => (a.distance ?? Infinity) - (b.distance ?? Infinity)));
	},

	view_fleet_profile: (p, env) => {
		const agent = findAgent(env.state, p.int('fleet_id'));
		const config = env.config();
		const current = [...liveTasks(env.state)].filter(
			(t) => t.fleet_id === agent.fleet_id && (OPEN.includes(t.job_status) || ACTIVE.includes(t.job_status)),
		);
		return ok({
			fleet_details: [agentView(agent, busyFleetIds(env.state))],
			tasks: current.map((t) => taskLite(t, env.state, config, false)),
		});
	},

	get_fleet_location: (p, env) => {
		const view = agentView(findAgent(env.state, p.int('fleet_id')), busyFleetIds(env.state));
		const { fleet_id, latitude, longitude, location_update_datetime, battery_level } = view;
		return ok([{ fleet_id, latitude, longitude, location_update_datetime, battery_level }]);
	},

	update_fleet_tags: (p, env) => {
		const agent = findAgent(env.state, p.int('fleet_id'));
		agent.tags = splitTags(p.needStr('tags')).join(',');
		return ok({ fleet_id: agent.fleet_id, tags: agent.tags }, 'Tags updated successfully.');
	},

	get_fleet_tags: (p, env) => {
		if (p.has('fleet_id')) {
			const agent = findAgent(env.state, p.int('fleet_id'));
			return ok({ fleet_id: agent.fleet_id, tags: agent.tags, tag_list: splitTags(agent.tags) });
		}
		const all = new Set([...env.state.agents.values()].flatMap((a) => splitTags(a.tags)));
		return ok([...all].sort());
	},
};
