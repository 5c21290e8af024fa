/**
 * The Tookan node in real n8n against the sandbox: a workflow creates a customer, a delivery task for that
 * customer and sets the task to Successful. The run must be green and the sandbox must hold the result.
 */
import { randomUUID } from 'node:crypto';

import { nodeOutput, PACKAGE_NAME, type WorkflowJson } from '../../scripts/harness';
import { createSandbox, type Sandbox } from '../../sandbox/server';
import type { TookanModule } from '../../sandbox/tookan/index';
import { getN8n } from './n8n';

const TOOKAN = `${PACKAGE_NAME}.tookan`;

let sandbox: Sandbox;
let tookanModule: TookanModule;

beforeAll(async () => {
	sandbox = await createSandbox();
	tookanModule = sandbox.tookan as unknown as TookanModule;
});

afterAll(async () => await sandbox.close());

function workflow(credentialName: string, orderId: string, phone: string): WorkflowJson {
	const tookan = (name: string, x: number, parameters: Record<string, unknown>) => ({
		name,
		type: TOOKAN,
		typeVersion: 1,
		position: [x, 0] as [number, number],
		parameters,
		credentials: { tookanApi: { id: 'template-placeholder', name: credentialName } },
	});
	return {
		name: `tookan e2e ${orderId}`,
		nodes: [
			{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} },
			tookan('Create Customer', 220, { resource: 'customer', operation: 'create', name: 'Priya Shah', phone }),
			tookan('Create Delivery', 440, {
				resource: 'task',
				operation: 'create',
				taskType: 'delivery',
				customer_address: '221 Park Street, Kolkata',
				deliveryTime: '2026-06-01T12:30:00Z',
				timeZone: 'Asia/Kolkata',
				customerDetails: {
					customer_username: '={{ $json.customer_username }}',
					customer_phone: '={{ $json.customer_phone }}',
				},
				additionalFields: { order_id: orderId },
			}),
			tookan('Mark Successful', 660, {
				resource: 'task',
				operation: 'updateStatus',
				job_id: '={{ $json.job_id }}',
				job_status: 2,
			}),
		],
		connections: {
			Start: { main: [[{ node: 'Create Customer', type: 'main', index: 0 }]] },
			'Create Customer': { main: [[{ node: 'Create Delivery', type: 'main', index: 0 }]] },
			'Create Delivery': { main: [[{ node: 'Mark Successful', type: 'main', index: 0 }]] },
		},
	};
}

it('creates a customer, a delivery task for them and marks it successful', async () => {
	const n8n = getN8n();
	const config = tookanModule.config();
	const credential = await n8n.createCredential({
		name: `Tookan sandbox ${randomUUID()}`,
		type: 'tookanApi',
		data: { apiKey: config.apiKey, baseUrl: sandbox.tookanBaseUrl, userId: String(config.userId), sharedSecret: '' },
	});
	const orderId = `E2E-${randomUUID().slice(0, 8)}`;
	const phone = '+919812345678';
	const id = await n8n.importWorkflow(workflow(credential.name, orderId, phone));

	const execution = await n8n.runWorkflow(id);
	expect(execution.status).toBe('success');

	const [customer] = nodeOutput(execution, 'Create Customer');
	expect(customer).toMatchObject({ customer_username: 'Priya Shah', customer_phone: phone });
	const [created] = nodeOutput(execution, 'Create Delivery');
	expect(created.job_id).toEqual(expect.any(Number));
	expect(nodeOutput(execution, 'Mark Successful')).toEqual([{ job_id: created.job_id, job_status: 2 }]);

	const state = tookanModule.snapshot() as { tasks: Array<Record<string, unknown>>; customers: Array<Record<string, unknown>> };
	const task = state.tasks.find((t) => t.order_id === orderId);
	expect(task).toMatchObject({ job_id: created.job_id, job_status: 2, customer_phone: phone });
	// 12:30 UTC is 18:00 in Kolkata (UTC+5:30): Tookan gets local time and -330.
	expect(task).toMatchObject({ job_delivery_datetime: '2026-06-01 18:00:00' });
	expect(String(task?.timezone)).toBe('-330');
	expect(state.customers.filter((c) => c.customer_phone === phone)).toHaveLength(1);
});
