/**
 * Task reports and the task endpoints nobody has confirmed parameters for. The unconfirmed ones get a
 * plausible minimal behaviour on the same state (see the `assumed` fields in the catalogue).
 */
import { agentName, agentView, busyFleetIds } from '../agents';
import { readCsv } from '../csv';
import { ok, type Env, type Handlers } from '../env';
import { invalid, notFound } from '../errors';
import { distanceMetres, pointOf } from '../geo';
import { Params } from '../params';
import { JOB, SETTABLE, STATUS_INFO } from '../statuses';
import { createFromParams } from '../tasks/create';
import { setTimes } from '../tasks/edit';
import { findTask, liveTasks } from '../tasks/lifecycle';
import { dateWindow, jobTypeOf, taskFilter } from '../tasks/query';
import { jobDay, jobTime, taskDetails, taskLite } from '../tasks/view';
import { dayString, formatLocal, parseDay } from '../time';
import type { Task } from '../types';
import { taskHandlers } from './tasks';

const BASE_FARE = 2.5;
const FARE_PER_KM = 1.2;

const details = (tasks: Task[], env: Env) => tasks.map((t) => taskDetails(t, env.state, env.config(), { history: true }));

/** The requested `date`, or today (UTC) when absent. */
function dayOf(p: Params, env: Env): string {
	return p.has('date') ? dayString(p.day('date')) : dayString(env.now());
}

export const taskReportHandlers: Handlers = {
	user_task_stats: (p, env) => {
		const jobType = p.has('job_type') ? jobTypeOf(p) : undefined;
		const keep = taskFilter(p, dateWindow(p, env.config(), false), jobType);
		const counts = new Map<number, number>();
		for (const t of liveTasks(env.state)) if (keep(t)) counts.set(t.job_status, (counts.get(t.job_status) ?? 0) + 1);
		const wanted = p.has('job_status') ? p.ints('job_status') : [...SETTABLE];
		return ok(wanted.map((s) => ({ job_status: s, job_status_value: STATUS_INFO[s]?.label ?? '', job_count: counts.get(s) ?? 0 })));
	},

	get_job_and_fleet_details: (p, env) => {
		const config = env.config();
		const day = dayOf(p, env);
		const keep = taskFilter(p, { from: day, to: day });
		const search = p.str('search_string').toLowerCase();
		const tasks = [...liveTasks(env.state)].filter(
			(t) => keep(t) && (!search || `${t.job_id} ${t.order_id} ${t.customer_username} ${t.job_address}`.toLowerCase().includes(search)),
		);
		const busy = busyFleetIds(env.state);
		const team = p.optInt('team_id');
		const fleets = p.flag('ignore_fleets')
			? []
			: [...env.state.agents.values()].filter((a) => team === undefined || a.team_id === team).map((a) => agentView(a, busy));
		return ok({ tasks: tasks.map((t) => taskLite(t, env.state, config, false)), fleets });
	},

	get_related_tasks: (p, env) => {
		const token = p.needStr('pickup_delivery_relationship');
		const tasks = [...liveTasks(env.state)].filter((t) => t.pickup_delivery_relationship === token);
		if (tasks.length === 0) throw notFound('No related tasks found');
		return ok(details(tasks, env));
	},

	get_all_deleted_tasks: (p, env) => {
		const keep = taskFilter(p, dateWindow(p, env.config(), false));
		return ok(details([...env.state.tasks.values()].filter((t) => t.job_status === JOB.DELETED && keep(t)), env));
	},

	change_job_date: (p, env) => {
		const t = findTask(env.state, p.int('job_id'));
		const shift = p.day('date') - parseDay(jobDay(t))!;
		setTimes(t, t.pickupAt === null ? undefined : t.pickupAt + shift, t.deliveryAt === null ? undefined : t.deliveryAt + shift);
		return ok({ job_id: t.job_id, job_time: formatLocal(jobTime(t), t.timezone) }, 'The task date has been changed.');
	},

	/** `csv`: a header row of create_task field names, one task per row; other body fields are row defaults. */
	import_bulk_tasks_csv: (p, env) => {
		const { csv, ...defaults } = p.raw;
		const rows = readCsv(String(csv));
		if (rows.length === 0) throw invalid('The csv has no task rows');
		const rowParams = rows.map((row, i) => new Params({ ...defaults, ...row }, `row ${i + 1}: `));
		const created = rowParams.flatMap((row) => createFromParams(row, env));
		return ok({ job_ids: created.map((t) => t.job_id), count: created.length }, 'Tasks imported.');
	},

	create_task_for_form_user: taskHandlers.create_task,

	get_route_details_for_date: (p, env) => {
		const day = dayOf(p, env);
		const fleet = p.optInt('fleet_id');
		const routes = [...env.state.agents.values()]
			.filter((a) => fleet === undefined || a.fleet_id === fleet)
			.map((agent) => {
				const stops = [...liveTasks(env.state)]
					.filter((t) => t.fleet_id === agent.fleet_id && jobDay(t) === day)
					.sort((a, b) => jobTime(a) - jobTime(b));
				const route = stops.map((t) => ({
					job_id: t.job_id,
					job_type: t.job_type,
					job_status: t.job_status,
					job_address: t.job_address,
					job_latitude: t.job_latitude,
					job_longitude: t.job_longitude,
					job_time: formatLocal(jobTime(t), t.timezone),
				}));
				return { fleet_id: agent.fleet_id, fleet_name: agentName(agent), date: day, route };
			})
			.filter((r) => fleet !== undefined || r.route.length > 0);
		return ok(routes);
	},

	get_fare_estimate: (p) => {
		const from = pointOf(p.num('job_pickup_latitude'), p.num('job_pickup_longitude'))!;
		const to = pointOf(p.num('latitude'), p.num('longitude'))!;
		const km = distanceMetres(from, to) / 1000;
		const fare = Math.round((BASE_FARE + km * FARE_PER_KM) * 100) / 100;
		return ok({ distance_in_km: Math.round(km * 100) / 100, base_fare: BASE_FARE, per_km_fare: FARE_PER_KM, estimated_fare: fare });
	},
};
