/**
 * Agent activity endpoints (duty logs, notifications, availability, timeline, ratings, nearby agents,
 * Stripe details, wallet). Their parameters come from client code only; behaviour is kept minimal.
 */
import { agentName, agentView, busyFleetIds, findAgent } from '../agents';
import { findCustomer } from '../customers';
import { ok, type Env, type Handlers } from '../env';
import { invalid } from '../errors';
import { distanceMetres, pointOf } from '../geo';
import type { Params } from '../params';
import { nextId } from '../store';
import { DAY_MS, dayString, formatLocal, isoUtc, localDay } from '../time';
import type { Agent } from '../types';

/** Wallet transaction types: 1 credit, 2 debit (UNCONFIRMED value set). */
const CREDIT = 1;
const DEBIT = 2;

function balanceOf(env: Env, fleetId: number, walletType: number): number {
	const last = env.state.wallet.filter((w) => w.fleet_id === fleetId && w.wallet_type === walletType).at(-1);
	return last?.balance ?? 0;
}

/** The `start_date`..`end_date` days as `YYYY-MM-DD` strings (default: the 7 days from today). */
function days(p: Params, env: Env): string[] {
	const start = p.optDay('start_date') ?? Math.floor(env.now() / DAY_MS) * DAY_MS;
	const end = p.optDay('end_date') ?? start + 6 * DAY_MS;
	if (end < start || end - start > 62 * DAY_MS) throw invalid('Invalid date range');
	const list: string[] = [];
	for (let d = start; d <= end; d += DAY_MS) list.push(dayString(d));
	return list;
}

const isAvailable = (a: Agent): boolean => a.is_blocked === 0;

export const agentActivityHandlers: Handlers = {
	get_agent_duty_logs: (p, env) => {
		const day = p.has('date') ? dayString(p.day('date')) : undefined;
		const teams = new Set(p.ints('team_ids'));
		const logs = env.state.dutyLogs.filter((log) => {
			const agent = env.state.agents.get(log.fleet_id);
			return agent && (teams.size === 0 || teams.has(agent.team_id)) && (!day || localDay(log.at, agent.timezone) === day);
		});
		return ok(
			logs.map((log) => {
				const agent = env.state.agents.get(log.fleet_id)!;
				return { fleet_id: log.fleet_id, fleet_name: agentName(agent), team_id: agent.team_id, on_duty: log.on_duty, datetime: formatLocal(log.at, agent.timezone) };
			}),
		);
	},

	send_notification: (p, env) => {
		const agents = p.needInts('fleet_ids').map((id) => findAgent(env.state, id));
		const message = p.needStr('message');
		for (const a of agents) env.state.notifications.push({ fleet_id: a.fleet_id, message, at: env.now() });
		return ok({ fleet_ids: agents.map((a) => a.fleet_id) }, 'Notification sent successfully.');
	},

	get_fleets_availability: (p, env) => {
		const limit = p.optInt('limit') ?? Infinity;
		const busy = busyFleetIds(env.state);
		const list = [...env.state.agents.values()].slice(0, limit);
		return ok(list.map((a) => ({ fleet_id: a.fleet_id, fleet_name: agentName(a), is_available: isAvailable(a) ? 1 : 0, status: agentView(a, busy).status })));
	},

	get_fleets_monthly_availability: (p, env) => {
		const agent = findAgent(env.state, p.int('fleet_id'));
		return ok(days(p, env).map((date) => ({ fleet_id: agent.fleet_id, date, is_available: isAvailable(agent) ? 1 : 0, slots: [{ start_time: '00:00', end_time: '23:59' }] })));
	},

	fleet_activity_timeline: (p, env) => {
		const agent = findAgent(env.state, p.int('fleet_id'));
		const day = p.has('date') ? dayString(p.day('date')) : localDay(env.now(), agent.timezone);
		const events = [...env.state.tasks.values()]
			.flatMap((t) => t.history.filter((h) => h.fleet_id === agent.fleet_id))
			.filter((h) => localDay(h.at, agent.timezone) === day)
			.sort((a, b) => a.at - b.at);
		return ok(events.map((h) => ({ job_id: h.job_id, type: h.type, description: h.description, label: h.label_description, datetime: formatLocal(h.at, agent.timezone) })));
	},

	fleet_ratings_and_reviews: (p, env) => {
		const ids = p.ints('fleet_ids');
		const agents = ids.length ? ids.map((id) => findAgent(env.state, id)) : [...env.state.agents.values()];
		return ok(agents.map((a) => ({ fleet_id: a.fleet_id, fleet_name: agentName(a), total_rating: a.total_rating, total_rated_tasks: a.total_rated_tasks, reviews: [] })));
	},

	get_fleets_near_customer: (p, env) => {
		const customer = findCustomer(env.state, p.int('customer_id'));
		const from = pointOf(customer.customer_latitude, customer.customer_longitude);
		if (!from) throw invalid('The customer has no saved location');
		const radius = p.optNum('radius_in_metres') ?? 5000;
		const busy = busyFleetIds(env.state);
		const near = [...env.state.agents.values()].flatMap((a) => {
			const at = pointOf(a.latitude, a.longitude);
			const distance = at ? distanceMetres(from, at) : Infinity;
			return distance <= radius ? [{ ...agentView(a, busy), distance: Math.round(distance) }] : [];
		});
		return ok(near.sort((a, b) => a.distance - b.distance));
	},

	get_fleet_stripe_details: (p, env) => {
		const agent = findAgent(env.state, p.int('fleet_id'));
		return ok({ fleet_id: agent.fleet_id, stripe_account_id: null, is_stripe_connected: 0 });
	},

	'fleet/wallet/create_transaction': (p, env) => {
		const agent = findAgent(env.state, p.int('fleet_id'));
		const amount = p.num('amount');
		const type = p.optInt('transaction_type') ?? CREDIT;
		if (amount <= 0 || (type !== CREDIT && type !== DEBIT)) throw invalid('Invalid amount or transaction_type');
		const walletType = p.optInt('wallet_type') ?? 1;
		const balance = balanceOf(env, agent.fleet_id, walletType) + (type === CREDIT ? amount : -amount);
		const tx = { transaction_id: nextId(env.state, 'transaction'), fleet_id: agent.fleet_id, amount, transaction_type: type, wallet_type: walletType, description: p.str('description'), balance, at: env.now() };
		env.state.wallet.push(tx);
		return ok({ transaction_id: tx.transaction_id, balance }, 'Transaction created successfully.');
	},

	'fleet/wallet/read_transaction_history': (p, env) => {
		const agent = findAgent(env.state, p.int('fleet_id'));
		const walletType = p.optInt('wallet_type');
		const from = p.optDay('start_date') ?? -Infinity;
		const to = (p.optDay('end_date') ?? Infinity) + DAY_MS;
		const list = env.state.wallet.filter(
			(w) => w.fleet_id === agent.fleet_id && (walletType === undefined || w.wallet_type === walletType) && w.at >= from && w.at < to,
		);
		return ok({ balance: balanceOf(env, agent.fleet_id, walletType ?? 1), transactions: list.map(({ at, ...w }) => ({ ...w, creation_datetime: isoUtc(at) })) });
	},
};
