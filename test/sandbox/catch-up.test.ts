/**
 * The catch-up triggers against the sandbox (stand-in n8n context, real HTTP): the Tookan Catch-Up Trigger
 * lists the tasks around the window, reads their history and starts one execution per status change made in
 * it, shaped like Tookan's webhook for it, for every status a task can be set to; the GHL Catch-Up Trigger
 * finds the contacts added or changed in the window and its execution phase fetches each one whole (a
 * contact deleted since passes nothing on). The real-n8n proof is test/e2e/outage-drill.test.ts.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData, IRun, ITriggerFunctions, NodeExecutionHint } from 'n8n-workflow';

import { GhTriggerl } from '../../package/nodes/GhTriggerl/GhTriggerl.node';
import { TTriggerookan } from '../../package/nodes/TTriggerookan/TTriggerookan.node';
import { GHL_DEFAULTS } from '../../sandbox/ghl/defaults';
import { createSandbox, type Sandbox } from '../../sandbox/server';
import { createTookanOrder } from '../../scripts/templates/events';
import { createGhlContact, ghlApi, tookanApi, tookanOf, updateGhlContact } from '../../scripts/templates/sandbox-api';
import { markExercised } from '../helpers/exercised';
import { fakeContext, type Parameters } from '../helpers/n8n-context';

let sandbox: Sandbox;

beforeAll(async () => {
	sandbox = await createSandbox({ faults: 'none', seed: { ghl: { contacts: 3 }, tookan: { tasks: 0, agents: 3 } } });
});
afterAll(async () => await sandbox.close());

function credentials() {
	const tookan = tookanOf(sandbox).config();
	return {
		tookanApi: { apiKey: tookan.apiKey, baseUrl: sandbox.tookanBaseUrl, userId: String(tookan.userId), sharedSecret: tookan.sharedSecret },
		ghlPrivateIntegrationApi: { accessToken: GHL_DEFAULTS.pit, locationId: GHL_DEFAULTS.locationIds[0], baseUrl: sandbox.ghlBaseUrl },
	};
}

/** A trigger context as n8n gives one at activation: the workflow's static data, emit() recording what it starts. */
function triggerContext(parameters: Parameters, receivedAt: number) {
	const { fn } = fakeContext({ parameters, credentials: credentials() });
	const globalData: IDataObject = { webhookReceivedAt: receivedAt };
	const nodeData: IDataObject = {};
	const started: INodeExecutionData[] = [];
	const trigger = Object.assign(Object.create(fn) as object, {
		getMode: () => 'trigger',
		getActivationMode: () => 'init',
		getWorkflowStaticData: (type: string) => (type === 'global' ? globalData : nodeData),
		emit: (data: INodeExecutionData[][], _response: unknown, done?: { resolve: (run: IRun) => void }) => {
			started.push(...data[0]);
			done?.resolve({} as IRun);
		},
		helpers: {
			...fn.helpers,
			createDeferredPromise: () => {
				let resolve!: (run: IRun) => void;
				const promise = new Promise<IRun>((res) => (resolve = res));
				return { promise, resolve, reject: () => undefined };
			},
		},
	}) as unknown as ITriggerFunctions;
	return { trigger, started, nodeData };
}

async function until(check: () => boolean, ms = 10_000): Promise<void> {
	const deadline = Date.now() + ms;
	while (!check()) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((resolve) => setTimeout(resolve, 20));
	}
}

describe('Tookan Catch-Up Trigger', () => {
	it('starts one execution per status change made in the window, like the webhook for it, for every status', async () => {
			// Tookan lists tasks by their date: these are due tomorrow
		const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
		const order = (n: number) =>
			createTookanOrder(sandbox, { name: `Catch Up ${n}`, email: `c${n}@example.com`, phone: `+1415555090${n}`, address: `${n} Side St`, tags: '', deliverBy: `${tomorrow} 10:00:00` });
		const before = await order(0);
		const receivedAt = Date.now();
		await new Promise((resolve) => setTimeout(resolve, 5));
		const [agent] = tookanOf(sandbox).snapshot().agents as IDataObject[];
		const first = await order(1);
		const second = await order(2);
		const third = await order(3);
		await tookanApi(sandbox, 'assign_task', { job_id: first, fleet_id: Number(agent.fleet_id) });
		for (const status of [7, 1, 4, 2]) tookanOf(sandbox).setTaskStatus(first, status);
		await tookanApi(sandbox, 'assign_task', { job_id: second, fleet_id: Number(agent.fleet_id) });
		for (const status of [8, 6, 9]) tookanOf(sandbox).setTaskStatus(second, status);
		await tookanApi(sandbox, 'assign_task', { job_id: third, fleet_id: Number(agent.fleet_id) });
		for (const status of [1, 3]) tookanOf(sandbox).setTaskStatus(third, status);

		const { trigger, started, nodeData } = triggerContext({ statuses: [], jobTypes: [0, 1, 2, 3], options: { lookBackMinutes: 0 } }, receivedAt);
		await new TTriggerookan().trigger!.call(trigger);
		await until(() => started.length === 15);

		const byTask = (jobId: number) => started.filter((i) => i.json.job_id === jobId).map((i) => [i.json.job_status, i.json.template_key]);
		expect(byTask(before)).toEqual([]);
		expect(byTask(first)).toEqual([[6, 'REQUEST_RECEIVED'], [0, 'AGENT_ASSIGNED'], [7, 'AGENT_ACCEPTED'], [1, 'AGENT_STARTED'], [4, 'AGENT_ARRIVED'], [2, 'SUCCESSFUL']]);
		expect(byTask(second)).toEqual([[6, 'REQUEST_RECEIVED'], [0, 'AGENT_ASSIGNED'], [8, 'AGENT_DECLINED'], [6, 'UNASSIGNED'], [9, 'CANCELLED']]);
		expect(byTask(third)).toEqual([[6, 'REQUEST_RECEIVED'], [0, 'AGENT_ASSIGNED'], [1, 'AGENT_STARTED'], [3, 'FAILED']]);
		for (const item of started) markExercised(`tTriggerookan:event:${String(item.json.job_status)}`);

		// the last change of each task is its latest; its item is the task as the webhook showed it then
		const last = started.filter((i) => i.json.job_id === first).at(-1)!.json;
		expect(last).toMatchObject({ job_status: 2, job_state: 'Successful', task_state: 'SUCCESSFUL', fleet_name: String(agent.name ?? last.fleet_name), catch_up: { latest: true } });
		expect((last.task_history as IDataObject[]).at(-1)).toMatchObject({ description: 'Successful at' });
		expect(started.filter((i) => (i.json.catch_up as IDataObject).latest === true)).toHaveLength(3);
		expect(JSON.stringify(started)).not.toContain(tookanOf(sandbox).config().sharedSecret);
		expect(typeof nodeData.caughtUpTo).toBe('number');
	}, 30_000);
});

describe('GHL Catch-Up Trigger', () => {
	it('finds the contacts added or changed in the window and fetches each whole in its execution', async () => {
		const old = await createGhlContact(sandbox, { firstName: 'Old', lastName: 'Contact', email: 'old@example.com', phone: '+14155550801' });
		const receivedAt = Date.now();
		await new Promise((resolve) => setTimeout(resolve, 5));
		const added = await createGhlContact(sandbox, { firstName: 'New', lastName: 'Person', email: 'new@example.com', phone: '+14155550802', city: 'Springfield' });
		const changed = (await ghlApi<{ contacts: IDataObject[] }>(sandbox, 'GET', `/contacts/?locationId=${GHL_DEFAULTS.locationIds[0]}&limit=1`)).contacts[0];
		await updateGhlContact(sandbox, String(changed.id), { city: 'Shelbyville' });
		const gone = await createGhlContact(sandbox, { firstName: 'Soon', lastName: 'Gone', email: 'gone@example.com', phone: '+14155550803' });

		const parameters = { authentication: 'privateIntegrationToken', events: ['ContactCreate', 'ContactUpdate'], options: { lookBackMinutes: 0 } };
		const { trigger, started } = triggerContext(parameters, receivedAt);
		await new GhTriggerl().trigger!.call(trigger);
		await until(() => started.length === 3);
		expect(started.map((i) => [i.json.id, i.json.type])).toEqual(
			expect.arrayContaining([
				[added.id, 'ContactCreate'],
				[changed.id, 'ContactUpdate'],
				[gone.id, 'ContactCreate'],
			]),
		);
		expect(started.map((i) => i.json.id)).not.toContain(old.id);

		await ghlApi(sandbox, 'DELETE', `/contacts/${gone.id}`);
		const hints: NodeExecutionHint[] = [];
		const { fn } = fakeContext({ parameters, credentials: credentials(), mode: 'trigger' });
		const execution = Object.assign(Object.create(fn) as object, {
			getInputData: () => started,
			addExecutionHints: (...added: NodeExecutionHint[]) => hints.push(...added),
		}) as unknown as IExecuteFunctions;
		const [output] = await new GhTriggerl().execute!.call(execution);
		const byId = Object.fromEntries(output.map((item) => [item.json.id, item.json]));
		expect(byId[added.id as string]).toMatchObject({ type: 'ContactCreate', firstName: 'New', lastName: 'Person', city: 'Springfield', catchUp: { from: expect.any(String) } });
		expect(byId[changed.id as string]).toMatchObject({ type: 'ContactUpdate', city: 'Shelbyville' });
		expect(byId[gone.id as string]).toBeUndefined();
		expect(hints.map((h) => h.message)).toEqual([`Contact ${gone.id} was deleted since it changed; nothing to pass on`]);
		expect(byId[added.id as string].contactType).toBe('lead');
		for (const item of output) markExercised(`ghTriggerl:event:${String(item.json.type)}`);
	}, 30_000);
});
