/**
 * Missions (batched, multi-day dispatch); UNCONFIRMED detail. Each item of `create_task_body[]` is a
 * create_multiple_tasks body (common fields + pickups[] / deliveries[] / appointments[]).
 */
import { ok, type Handlers } from '../env';
import { notFound } from '../errors';
import { Params } from '../params';
import { nextId } from '../store';
import { JOB } from '../statuses';
import { createBatch } from '../tasks/batch';
import { changeStatus } from '../tasks/lifecycle';
import { dayString, isoUtc } from '../time';

export const missionHandlers: Handlers = {
	create_mission_task: (p, env) => {
		const name = p.needStr('mission_name');
		const start = p.has('start_date') ? dayString(p.day('start_date')) : '';
		const end = p.has('end_date') ? dayString(p.day('end_date')) : start;
		const bodies = p.objects('create_task_body').map((raw, i) => new Params(raw, `create_task_body[${i}].`));
		const jobIds = bodies.flatMap((body) => {
			const batch = createBatch(body, env);
			return [...batch.pickups, ...batch.deliveries, ...batch.appointments].map((t) => t.job_id);
		});
		const mission = {
			mission_id: nextId(env.state, 'mission'),
			mission_name: name,
			dispatched_status: p.optInt('dispatched_status') ?? 0,
			start_date: start,
			end_date: end,
			job_ids: jobIds,
			createdAt: env.now(),
		};
		env.state.missions.set(mission.mission_id, mission);
		return ok({ mission_id: mission.mission_id, job_ids: jobIds }, 'Mission created successfully.');
	},

	get_mission_list: (p, env) => {
		const from = p.has('start_date') ? dayString(p.day('start_date')) : '';
		const to = p.has('end_date') ? dayString(p.day('end_date')) : '9999-12-31';
		const list = [...env.state.missions.values()].filter((m) => !m.start_date || (m.end_date >= from && m.start_date <= to));
		return ok(list.map(({ createdAt, ...m }) => ({ ...m, creation_datetime: isoUtc(createdAt) })));
	},

	/** Deleting a mission deletes its remaining tasks too (each fires its DELETED webhook). */
	delete_mission: (p, env) => {
		const id = p.int('mission_id');
		const mission = env.state.missions.get(id);
		if (!mission) throw notFound(`Mission not found: ${id}`);
		for (const jobId of mission.job_ids) {
			const t = env.state.tasks.get(jobId);
			if (t && t.job_status !== JOB.DELETED) changeStatus(env, t, JOB.DELETED);
		}
		env.state.missions.delete(id);
		return ok({ mission_id: id }, 'Mission deleted successfully.');
	},
};
