/**
 * Tookan half of the fault storm: customer creates (recovered by phone), delivery task creates with an
 * order id (recovered by order id), task edits and customer edits through the Tookan node.
 */
import type { IDataObject } from 'n8n-workflow';

import { countBy, type Batch, type StormState } from './batch';

const views = new WeakMap<
	StormState,
	{ customersByPhone: Map<string, number>; tasksByOrder: Map<string, number>; task: Map<number, IDataObject>; customer: Map<number, IDataObject>; phoneOwner: Map<string, IDataObject> }
>();

function view(state: StormState) {
	let v = views.get(state);
	if (!v) {
		v = {
			customersByPhone: countBy(state.tookanCustomers, (c) => c.customer_phone),
			tasksByOrder: countBy(state.tookanTasks, (t) => t.order_id),
			task: new Map(state.tookanTasks.map((t) => [Number(t.job_id), t])),
			customer: new Map(state.tookanCustomers.map((c) => [Number(c.customer_id), c])),
			phoneOwner: new Map(state.tookanCustomers.map((c) => [String(c.customer_phone), c])),
		};
		views.set(state, v);
	}
	return v;
}

const customerPhone = (i: number) => `+9170${String(i).padStart(8, '0')}`;
const taskPhone = (i: number) => `+9180${String(i).padStart(8, '0')}`;
const orderId = (i: number) => `storm-${i}`;

export interface TookanTargets {
	/** Seeded delivery/appointment task ids (a pickup task keeps its pickup place) and customer ids the edit batches work on. */
	jobIds: number[];
	customerIds: number[];
}

/** 5,000 Tookan operations: 1,500 customer creates, 2,000 task creates, 1,000 task edits, 500 customer edits. */
export function tookanBatches(targets: TookanTargets, requestOptions: IDataObject): Batch[] {
	return [
		{
			service: 'Tookan',
			name: 'customer create',
			count: 1500,
			parameters: (i) => ({ resource: 'customer', operation: 'create', name: `Storm Customer ${i}`, phone: customerPhone(i), requestOptions }),
			applied: (state, i) => view(state).phoneOwner.get(customerPhone(i))?.customer_username === `Storm Customer ${i}`,
			copies: (state, i) => view(state).customersByPhone.get(customerPhone(i)) ?? 0,
		},
		{
			service: 'Tookan',
			name: 'task create',
			count: 2000,
			parameters: (i) => ({
				resource: 'task',
				operation: 'create',
				taskType: 'delivery',
				customer_address: `${i} Storm Street, Kolkata`,
				deliveryTime: '2030-06-01T12:30:00Z',
				timeZone: 'Asia/Kolkata',
				customerDetails: { customer_username: `Storm Task ${i}`, customer_phone: taskPhone(i) },
				additionalFields: { order_id: orderId(i) },
				requestOptions,
			}),
			applied: (state, i) => (view(state).tasksByOrder.get(orderId(i)) ?? 0) > 0,
			copies: (state, i) => view(state).tasksByOrder.get(orderId(i)) ?? 0,
		},
		{
			service: 'Tookan',
			name: 'task update',
			count: 1000,
			parameters: (i) => ({
				resource: 'task',
				operation: 'update',
				job_id: String(targets.jobIds[i]),
				updateFields: { customer_address: `${i} Updated Road, Kolkata` },
				requestOptions,
			}),
			applied: (state, i) => view(state).task.get(targets.jobIds[i])?.job_address === `${i} Updated Road, Kolkata`,
		},
		{
			service: 'Tookan',
			name: 'customer update',
			count: 500,
			parameters: (i) => ({
				resource: 'customer',
				operation: 'update',
				customer_id: { __rl: true, mode: 'id', value: String(targets.customerIds[i]) },
				updateFields: { name: `Renamed Customer ${i}` },
				requestOptions,
			}),
			applied: (state, i) => view(state).customer.get(targets.customerIds[i])?.customer_username === `Renamed Customer ${i}`,
		},
	];
}
