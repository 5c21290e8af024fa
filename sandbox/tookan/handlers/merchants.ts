/**
 * Merchant (marketplace) endpoints. Parameter sets are UNCONFIRMED beyond what client code sends.
 * `merchant/get_merchant_data` and `merchant/report` are GET endpoints with `api_key` in the query.
 */
import { findAgent } from '../agents';
import { ok, type Env, type Handlers } from '../env';
import { invalid, notFound } from '../errors';
import type { Params } from '../params';
import { nextId } from '../store';
import { STATUS_INFO } from '../statuses';
import { assignAgent, findTask, liveTasks } from '../tasks/lifecycle';
import { isoUtc, parseTimezone } from '../time';
import type { Merchant } from '../types';

function findMerchant(env: Env, merchantId: number): Merchant {
	const m = env.state.merchants.get(merchantId);
	if (!m) throw notFound(`Merchant not found: ${merchantId}`);
	return m;
}

/** The phone arrives either flat or as `phone_directory: {phone, country_code}`. */
function phoneOf(p: Params): string | undefined {
	const dir = p.raw.phone_directory;
	if (dir && typeof dir === 'object') {
		const { phone = '', country_code = '' } = dir as Record<string, unknown>;
		return `${country_code}${phone}`;
	}
	return p.has('phone') ? p.str('phone') : undefined;
}

function applyMerchantFields(m: Merchant, p: Params): void {
	const timezone = p.has('timezone') ? parseTimezone(p.raw.timezone) : m.timezone;
	if (timezone === null) throw invalid('Invalid timezone');
	const commission = p.optNum('commission_percentage');
	if (commission !== undefined && (commission < 0 || commission > 100)) throw invalid('Invalid commission_percentage');
	for (const key of ['email', 'first_name', 'last_name', 'name', 'company_name', 'company_address'] as const) {
		if (p.has(key)) m[key] = p.str(key);
	}
	m.timezone = timezone;
	m.phone = phoneOf(p) ?? m.phone;
	if (commission !== undefined) m.commission_percentage = commission;
}

function merchantView(m: Merchant, env: Env): Record<string, unknown> {
	const tasks = [...liveTasks(env.state)].filter((t) => t.merchant_id === m.merchant_id).length;
	const agents = [...env.state.agents.values()].filter((a) => a.merchant_id === m.merchant_id).length;
	const { createdAt, ...fields } = m;
	return { ...fields, timezone: String(m.timezone), creation_datetime: isoUtc(createdAt), task_count: tasks, agent_count: agents };
}

export const merchantHandlers: Handlers = {
	'merchant/sign_up': (p, env) => {
		const email = p.needStr('email');
		if ([...env.state.merchants.values()].some((m) => m.email === email)) throw invalid('Email already exists');
		const m: Merchant = {
			merchant_id: 0, email, first_name: '', last_name: '', name: '', company_name: '', company_address: '',
			phone: '', timezone: 0, commission_percentage: 0, is_blocked: 0, createdAt: env.now(),
		};
		applyMerchantFields(m, p);
		m.merchant_id = nextId(env.state, 'merchant');
		env.state.merchants.set(m.merchant_id, m);
		return ok({ merchant_id: m.merchant_id }, 'Merchant signed up successfully.');
	},

	'merchant/get_merchant': (_p, env) => ok([...env.state.merchants.values()].map((m) => merchantView(m, env))),

	'merchant/edit_merchant': (p, env) => {
		const m = findMerchant(env, p.int('merchant_id'));
		applyMerchantFields(m, p);
		return ok(merchantView(m, env), 'Merchant updated successfully.');
	},

	'merchant/block_merchant': (p, env) => {
		const m = findMerchant(env, p.int('merchant_id'));
		m.is_blocked = p.flag('is_blocked');
		return ok({ merchant_id: m.merchant_id, is_blocked: m.is_blocked });
	},

	'merchant/delete': (p, env) => {
		const m = findMerchant(env, p.int('merchant_id'));
		env.state.merchants.delete(m.merchant_id);
		return ok({ merchant_id: m.merchant_id }, 'Merchant deleted successfully.');
	},

	'merchant/assign_merchant_to_task': (p, env) => {
		const m = findMerchant(env, p.int('merchant_id'));
		const t = findTask(env.state, p.int('job_id'));
		t.merchant_id = m.merchant_id;
		if (p.has('fleet_id')) assignAgent(env, t, findAgent(env.state, p.int('fleet_id')), p.optInt('job_status'), p.optInt('team_id'));
		return ok({ job_id: t.job_id, merchant_id: m.merchant_id });
	},

	'merchant/get_merchant_teams': (p, env) => {
		const m = findMerchant(env, p.int('merchant_id'));
		const teamIds = new Set([...env.state.agents.values()].filter((a) => a.merchant_id === m.merchant_id).map((a) => a.team_id));
		const teams = [...env.state.teams.values()].filter((t) => teamIds.has(t.team_id));
		return ok(p.flag('get_team_flag') ? teams : teams.map((t) => ({ team_id: t.team_id, team_name: t.team_name })));
	},

	'merchant/get_merchant_data': (_p, env) => ok([...env.state.merchants.values()].map((m) => merchantView(m, env))),

	'merchant/report': (p, env) => {
		const only = p.optInt('merchant_id');
		const merchants = only === undefined ? [...env.state.merchants.values()] : [findMerchant(env, only)];
		return ok(
			merchants.map((m) => {
				const counts: Record<string, number> = {};
				for (const t of liveTasks(env.state)) {
					if (t.merchant_id === m.merchant_id) counts[STATUS_INFO[t.job_status].label] = (counts[STATUS_INFO[t.job_status].label] ?? 0) + 1;
				}
				return { merchant_id: m.merchant_id, name: m.name, task_counts: counts };
			}),
		);
	},
};
