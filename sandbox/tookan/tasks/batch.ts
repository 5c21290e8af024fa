/**
 * create_multiple_tasks (and each body of create_mission_task): the common fields once, then arrays of
 * `pickups[]`, `deliveries[]` or `appointments[]` whose items carry `address`, `latitude`, `longitude`,
 * `time` (appointments: `start_time`, `end_time`), `name`, `phone`, `email`, `order_id`,
 * `job_description`, `template_name`, `template_data[]`, `ref_images[]`. The tasks of one
 * pickup + delivery batch share one `pickup_delivery_relationship`.
 */
import type { Env } from '../env';
import { missing } from '../errors';
import { Params } from '../params';
import type { Task } from '../types';
import { insertTask } from './insert';
import {
	appointmentTask,
	commonOf,
	deliveryTask,
	ITEM_FIELDS,
	kindOf,
	localTime,
	pickupTask,
	readSide,
	relationshipToken,
	type Common,
} from './layout';

export interface Batch {
	pickups: Task[];
	deliveries: Task[];
	appointments: Task[];
}

function items(p: Params, name: string): Params[] {
	return p.objects(name).map((raw, i) => new Params(raw, `${p.prefix}${name}[${i}].`));
}

function perItem(common: Common, item: Params): Common {
	return {
		...common,
		order_id: item.str('order_id', common.order_id),
		job_description: item.str('job_description', common.job_description),
	};
}

export function createBatch(p: Params, env: Env): Batch {
	const kind = kindOf(p);
	const common = commonOf(p, env, kind);
	const tz = common.timezone;
	const plan: Record<keyof Batch, Task[]> = { pickups: [], deliveries: [], appointments: [] };
	if (kind === 'appointment' || kind === 'field_workforce') {
		for (const item of items(p, 'appointments')) {
			const start = localTime(item, 'start_time', tz);
			plan.appointments.push(appointmentTask(perItem(common, item), readSide(item, ITEM_FIELDS), start, localTime(item, 'end_time', tz)));
		}
		if (plan.appointments.length === 0) throw missing(`${p.prefix}appointments`);
	} else {
		if (kind !== 'delivery') {
			for (const item of items(p, 'pickups')) plan.pickups.push(pickupTask(perItem(common, item), readSide(item, ITEM_FIELDS), localTime(item, 'time', tz)));
			if (plan.pickups.length === 0) throw missing(`${p.prefix}pickups`);
		}
		if (kind !== 'pickup') {
			for (const item of items(p, 'deliveries')) plan.deliveries.push(deliveryTask(perItem(common, item), readSide(item, ITEM_FIELDS), localTime(item, 'time', tz)));
			if (plan.deliveries.length === 0) throw missing(`${p.prefix}deliveries`);
		}
	}
	const token = kind === 'pickup_delivery' ? relationshipToken(env) : '';
	const insert = (list: Task[]): Task[] =>
		list.map((draft) => {
			draft.pickup_delivery_relationship = token;
			return insertTask(env, draft);
		});
	return { pickups: insert(plan.pickups), deliveries: insert(plan.deliveries), appointments: insert(plan.appointments) };
}
