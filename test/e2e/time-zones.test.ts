/**
 * The date and time contract (README › Dates and times) in real n8n, under the time-zone settings people run
 * n8n with. One n8n per setting (started with that environment, stopped before the next starts), two Manual
 * Trigger workflows in each: one in the instance's zone, one with its own Timezone setting. Each workflow
 * runs every case once; the requests are checked at the sandbox, whose Tookan reads task times with the
 * task's `timezone` as Tookan does (a wrong instant shows as a wrong task time).
 *
 * Cases: a date of birth from the date picker (date only, and the older date-and-time value), from a Luxon
 * expression, from a string with an offset and in GHL's MM/DD/YYYY arrives unchanged; a picked due date-time
 * is the right instant; a Tookan date range from the picker, from `$today`…`$today.plus({days: 1})` and from
 * an evening Luxon value in New York covers the days meant; Tookan jobs in winter and summer get the offset
 * of their own date, and a pickup-and-delivery pair across the zone's DST change keeps both instants; task
 * and agent outputs carry ISO instants beside Tookan's local strings (Simplify keeps them and the custom
 * field values); a Return All over 30 contacts sends one search request.
 *
 * Expected values are computed here with Intl (not with the package's own time module).
 */
import { randomUUID } from 'node:crypto';

import { nodeOutput, packPackage, PACKAGE_NAME, startN8n, type Execution, type N8nInstance, type WorkflowJson } from '../../scripts/harness';
import { GHL_DEFAULTS } from '../../sandbox/ghl/defaults';
import { createSandbox, type Sandbox } from '../../sandbox/server';
import type { TookanModule } from '../../sandbox/tookan/index';

interface Setting {
	name: string;
	/** The n8n process's environment: host clock zone and n8n's instance zone. */
	env: Record<string, string>;
	/** The zone n8n's getTimezone() gives a workflow without its own Timezone setting. */
	instanceZone: string;
	/** The own Timezone setting of the second workflow. */
	ownZone: string;
}

const SETTINGS: Setting[] = [
	{
		name: 'host TZ and GENERIC_TIMEZONE east of UTC',
		env: { TZ: 'Australia/Sydney', GENERIC_TIMEZONE: 'Australia/Sydney' },
		instanceZone: 'Australia/Sydney',
		ownZone: 'America/Los_Angeles',
	},
	{
		name: 'only GENERIC_TIMEZONE set (host clock in UTC)',
		env: { TZ: 'UTC', GENERIC_TIMEZONE: 'Australia/Sydney' },
		instanceZone: 'Australia/Sydney',
		ownZone: 'Asia/Kolkata',
	},
	{
		name: 'a zone west of UTC (host clock east of it)',
		env: { TZ: 'Asia/Tokyo', GENERIC_TIMEZONE: 'America/New_York' },
		instanceZone: 'America/New_York',
		ownZone: 'Pacific/Auckland',
	},
	{
		name: 'a half-hour zone with daylight saving (host clock in another half-hour zone)',
		env: { TZ: 'Asia/Kolkata', GENERIC_TIMEZONE: 'Australia/Adelaide' },
		instanceZone: 'Australia/Adelaide',
		ownZone: 'America/St_Johns',
	},
];

const GHL = `${PACKAGE_NAME}.ghl`;
const TOOKAN = `${PACKAGE_NAME}.tookan`;
const LOCATION = GHL_DEFAULTS.locationIds[0];
const MINUTE = 60_000;
const DAY = 86_400_000;

/* ---- expected values, from Intl ---- */

/** Minutes east of UTC of `zone` at `ms`. */
function offsetOf(zone: string, ms: number): number {
	const name =
		new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
			.formatToParts(new Date(ms))
			.find((part) => part.type === 'timeZoneName')?.value ?? 'GMT';
	const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
	return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

/** The instant of a wall-clock `YYYY-MM-DDTHH:mm` in `zone` (times used here are never in a DST gap). */
function wallIn(zone: string, text: string): number {
	const naive = Date.parse(`${text}:00Z`);
	const guess = naive - offsetOf(zone, naive) * MINUTE;
	return naive - offsetOf(zone, guess) * MINUTE;
}

const dayText = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (day: string, n: number) => dayText(Date.parse(`${day}T00:00:00Z`) + n * DAY);
const todayIn = (zone: string) =>
	new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** The first local date of 2027 on which `zone`'s offset changes (undefined: no DST). */
function dstChangeDay(zone: string): string | undefined {
	for (let ms = Date.UTC(2027, 0, 1, 12); ms < Date.UTC(2028, 0, 1); ms += DAY) {
		if (offsetOf(zone, ms) !== offsetOf(zone, ms + DAY)) return dayText(ms + DAY);
	}
	return undefined;
}

/** The instant a Tookan task time stands for: local `YYYY-MM-DD HH:mm:ss` + `timezone` (UTC − local, minutes). */
const tookanInstant = (local: unknown, timezone: unknown) => Date.parse(`${String(local).replace(' ', 'T')}Z`) + Number(timezone) * MINUTE;

/* ---- the workflow ---- */

interface Plan {
	label: string;
	zone: string;
	dst: { pickup: string; delivery: string };
}

function planFor(label: string, zone: string): Plan {
	const change = dstChangeDay(zone) ?? '2027-06-02';
	return { label, zone, dst: { pickup: `${addDays(change, -1)}T20:00`, delivery: `${addDays(change, 1)}T10:00` } };
}

function workflow(plan: Plan, ownZone: string | undefined): WorkflowJson {
	const { label } = plan;
	const nodes: WorkflowJson['nodes'] = [{ name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, position: [0, 0], parameters: {} }];
	const node = (name: string, type: string, parameters: Record<string, unknown>) =>
		nodes.push({
			name,
			type,
			typeVersion: 1,
			position: [nodes.length * 200, 0],
			executeOnce: true,
			alwaysOutputData: true,
			parameters,
			credentials: type === GHL ? { ghlPrivateIntegrationApi: { name: 'tz GHL' } } : { tookanApi: { name: 'tz Tookan' } },
		});
	const contact = (name: string, dateOfBirth: string) =>
		node(name, GHL, {
			authentication: 'privateIntegrationToken',
			resource: 'contact',
			operation: 'create',
			email: `${label}-${name.toLowerCase().replace(/\W+/g, '-')}@example.com`,
			duplicateHandling: 'create',
			additionalFields: { dateOfBirth },
			simplify: true,
		});
	contact('DOB picker', '1988-03-14');
	contact('DOB old picker', '1988-03-14T00:00:00');
	contact('DOB Luxon', "={{ DateTime.fromISO('1988-03-14') }}");
	contact('DOB offset string', '1985-06-30T00:00:00+10:00');
	contact('DOB MM/DD/YYYY', '03/14/1988');
	node('Due picked', GHL, {
		authentication: 'privateIntegrationToken',
		resource: 'task',
		operation: 'create',
		contactId: { __rl: true, mode: 'id', value: "={{ $('DOB picker').first().json.id }}" },
		title: `${label} call back`,
		dueDate: '2026-12-10T15:00:00',
	});
	node('Contacts Return All', GHL, { authentication: 'privateIntegrationToken', resource: 'contact', operation: 'getAll', returnAll: true, simplify: true });
	const range = (name: string, start: string, end: string) =>
		node(name, TOOKAN, { resource: 'task', operation: 'getAll', job_type: 1, start_date: start, end_date: end, returnAll: true, simplify: true });
	range('Range picker', '2027-03-20', '2027-03-21');
	range('Range old picker', '2027-03-20T00:00:00', '2027-03-21T00:00:00');
	range('Range today', '={{ $today }}', '={{ $today.plus({days: 1}) }}');
	range(
		'Range New York evening',
		"={{ DateTime.fromISO('2027-03-20T21:00', { zone: 'America/New_York' }) }}",
		"={{ DateTime.fromISO('2027-03-21T21:00', { zone: 'America/New_York' }) }}",
	);
	const delivery = (name: string, deliveryTime: string, extra: Record<string, unknown> = {}) =>
		node(name, TOOKAN, {
			resource: 'task',
			operation: 'create',
			taskType: 'delivery',
			customer_address: '4 Elm Road',
			deliveryTime,
			additionalFields: { order_id: `${label}-${name}` },
			...extra,
		});
	delivery('Winter job', '2027-01-15T10:00:00', {
		customerDetails: { custom_field_template: 'Order_Details', meta_data: { field: [{ label: 'Order_Value', data: '12.50' }] } },
	});
	delivery('Summer job', '2027-07-15T10:00:00');
	node('Pair across DST', TOOKAN, {
		resource: 'task',
		operation: 'create',
		taskType: 'pickupAndDelivery',
		job_pickup_address: '12 Market Street',
		pickupTime: `${plan.dst.pickup}:00`,
		customer_address: '4 Elm Road',
		deliveryTime: `${plan.dst.delivery}:00`,
		additionalFields: { order_id: `${label}-pair` },
	});
	node('Get tasks', TOOKAN, {
		resource: 'task',
		operation: 'get',
		job_ids: "={{ $('Pair across DST').first().json.pickup_job_id }},{{ $('Pair across DST').first().json.delivery_job_id }},{{ $('Winter job').first().json.job_id }}",
		simplify: true,
	});
	node('Agents', TOOKAN, { resource: 'agent', operation: 'getAll', simplify: true });
	const connections: WorkflowJson['connections'] = {};
	nodes.slice(0, -1).forEach((n, i) => (connections[n.name] = { main: [[{ node: nodes[i + 1].name, type: 'main', index: 0 }]] }));
	return { name: `time zones ${label}`, nodes, connections, settings: ownZone ? { timezone: ownZone } : {} };
}

/* ---- the sandbox ---- */

let sandbox: Sandbox;
let tookanApiKey: string;
let tarball: string;
const timings: string[] = [];

async function tookanCall(path: string, body: Record<string, unknown>): Promise<Record<string, unknown>> {
	const response = await fetch(`${sandbox.tookanBaseUrl}/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ api_key: tookanApiKey, ...body }),
	});
	const answer = (await response.json()) as Record<string, unknown>;
	if (answer.status !== 200) throw new Error(`${path}: ${JSON.stringify(answer)}`);
	return answer;
}

/** A delivery task at 12:00 on `day` in `zone`, created directly in the sandbox. */
async function taskOn(zone: string, day: string, orderId: string): Promise<void> {
	const at = wallIn(zone, `${day}T12:00`);
	await tookanCall('create_task', {
		order_id: orderId,
		timezone: -offsetOf(zone, at),
		has_pickup: 0,
		has_delivery: 1,
		layout_type: 0,
		customer_address: '1 Test Lane',
		job_delivery_datetime: `${day} 12:00:00`,
	});
}

const tookanTasks = () => (sandbox.tookan as unknown as TookanModule).snapshot().tasks as Array<Record<string, unknown>>;
const ghlRecords = (collection: 'contacts' | 'tasks', filter: Record<string, string> = {}) =>
	sandbox.admin.ghlRecords(collection, { locationId: LOCATION, ...filter }) as Array<Record<string, unknown>>;
const orderIds = (execution: Execution, node: string, label: string) =>
	nodeOutput(execution, node)
		.map((task) => String(task.order_id ?? ''))
		.filter((id) => id.startsWith(`${label}-`))
		.sort();

beforeAll(async () => {
	const started = Date.now();
	sandbox = await createSandbox({ faults: 'none', seed: { ghl: { contacts: 40 }, tookan: { agents: 2, tasks: 0 } } });
	tookanApiKey = String((sandbox.tookan as unknown as TookanModule).config().apiKey);
	tarball = await packPackage();
	timings.push(`sandbox and package: ${((Date.now() - started) / 1000).toFixed(1)} s`);
});

afterAll(async () => {
	await sandbox?.close();
	process.stderr.write(`\n[time zones] ${timings.join('; ')}\n`);
});

/** Runs the workflow in `zone` (its own setting or the instance's) and checks every case at the sandbox. */
async function runAndCheck(n8n: N8nInstance, zone: string, ownZone: string | undefined): Promise<void> {
	const label = `tz${randomUUID().slice(0, 6)}`;
	const plan = planFor(label, zone);
	// tasks on the days around the ranges, each at noon in the workflow's zone
	const today = todayIn(zone);
	for (const day of ['2027-03-19', '2027-03-20', '2027-03-21', '2027-03-22']) await taskOn(zone, day, `${label}-range-${day}`);
	for (const n of [-1, 0, 1, 2]) await taskOn(zone, addDays(today, n), `${label}-today${n >= 0 ? '+' : ''}${n}`);

	const id = await n8n.importWorkflow(workflow(plan, ownZone));
	sandbox.admin.clearRequests();
	const execution = await n8n.runWorkflow(id, 120_000);
	const searches = sandbox.admin.requests({ service: 'ghl' }).requests.filter((r) => r.path.endsWith('/contacts/search')).length;
	const failure = execution.data?.resultData.error;
	expect({ status: execution.status, failed: failure ? `${execution.data?.resultData.lastNodeExecuted}: ${failure.message}` : undefined }).toEqual({
		status: 'success',
		failed: undefined,
	});

	// dates of birth: the calendar date, whatever the zone
	const dob = (node: string) => ghlRecords('contacts', { id: String(nodeOutput(execution, node)[0].id) })[0].dateOfBirth;
	expect({
		picker: dob('DOB picker'),
		oldPicker: dob('DOB old picker'),
		luxon: dob('DOB Luxon'),
		offsetString: dob('DOB offset string'),
		usFormat: dob('DOB MM/DD/YYYY'),
	}).toEqual({
		picker: '1988-03-14T00:00:00.000Z',
		oldPicker: '1988-03-14T00:00:00.000Z',
		luxon: '1988-03-14T00:00:00.000Z',
		offsetString: '1985-06-30T00:00:00.000Z',
		usFormat: '1988-03-14T00:00:00.000Z',
	});
	expect(nodeOutput(execution, 'DOB Luxon')[0].dateOfBirth).toBe('1988-03-14');

	// a picked due date-time: 15:00 in the workflow's zone
	const [task] = ghlRecords('tasks', { contactId: String(nodeOutput(execution, 'DOB picker')[0].id) });
	expect(new Date(String(task.dueDate)).toISOString()).toBe(new Date(wallIn(zone, '2026-12-10T15:00')).toISOString());

	// Return All over 40+ contacts: one search request
	expect(nodeOutput(execution, 'Contacts Return All').length).toBeGreaterThan(30);
	expect(searches).toBe(1);

	// Tookan date ranges cover the days meant
	const meant = [`${label}-range-2027-03-20`, `${label}-range-2027-03-21`];
	expect(orderIds(execution, 'Range picker', label)).toEqual(meant);
	expect(orderIds(execution, 'Range old picker', label)).toEqual(meant);
	expect(orderIds(execution, 'Range New York evening', label)).toEqual(meant);
	const todays = orderIds(execution, 'Range today', label);
	if (todayIn(zone) === today) expect(todays).toEqual([`${label}-today+0`, `${label}-today+1`]);
	else expect([[`${label}-today+0`, `${label}-today+1`], [`${label}-today+1`, `${label}-today+2`]]).toContainEqual(todays); // midnight passed

	// jobs in winter and summer: the offset of their own date, the instant meant
	const byOrder = (orderId: string) => tookanTasks().filter((t) => t.order_id === orderId);
	for (const [name, wall] of [
		['Winter job', '2027-01-15T10:00'],
		['Summer job', '2027-07-15T10:00'],
	]) {
		const [job] = byOrder(`${label}-${name}`);
		const at = wallIn(zone, wall);
		expect({ job: name, timezone: Number(job.timezone), at: tookanInstant(job.job_delivery_datetime, job.timezone) }).toEqual({
			job: name,
			timezone: -offsetOf(zone, at),
			at,
		});
	}

	// pickup and delivery across the DST change: one offset (the pickup's), both instants kept
	const pair = byOrder(`${label}-pair`);
	const pickupAt = wallIn(zone, plan.dst.pickup);
	const deliveryAt = wallIn(zone, plan.dst.delivery);
	const pickupTask = pair.find((t) => Number(t.job_type) === 0) as Record<string, unknown>;
	const deliveryTask = pair.find((t) => Number(t.job_type) === 1) as Record<string, unknown>;
	expect({
		pickup: tookanInstant(pickupTask.job_pickup_datetime, pickupTask.timezone),
		delivery: tookanInstant(deliveryTask.job_delivery_datetime, deliveryTask.timezone),
		timezones: [Number(pickupTask.timezone), Number(deliveryTask.timezone)],
	}).toEqual({ pickup: pickupAt, delivery: deliveryAt, timezones: [-offsetOf(zone, pickupAt), -offsetOf(zone, pickupAt)] });

	// outputs: ISO instants with offsets beside Tookan's local strings; Simplify keeps job_time_utc and custom fields
	const [pickupOut, deliveryOut, winterOut] = nodeOutput(execution, 'Get tasks');
	expect(Date.parse(String(pickupOut.job_pickup_datetime_iso))).toBe(pickupAt);
	expect(Date.parse(String(deliveryOut.job_delivery_datetime_iso))).toBe(deliveryAt);
	expect(Date.parse(String(deliveryOut.job_time_iso))).toBe(deliveryAt);
	expect(Date.parse(String(deliveryOut.job_time_utc))).toBe(deliveryAt);
	expect(String(deliveryOut.job_delivery_datetime_iso)).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}([+-]\d{2}:\d{2}|Z)$/);
	expect(String(deliveryOut.job_delivery_datetime_iso).slice(0, 19)).toBe(String(deliveryOut.job_delivery_datetime).replace(' ', 'T'));
	expect(winterOut.custom_fields).toEqual({ Order_Value: '12.50' });
	const agents = nodeOutput(execution, 'Agents').filter((agent) => !String(agent.location_update_datetime).startsWith('0000'));
	expect(agents.length).toBeGreaterThan(0);
	for (const agent of agents) {
		expect(Date.parse(String(agent.location_update_datetime_iso))).toBe(tookanInstant(agent.location_update_datetime, agent.timezone));
	}
}

describe.each(SETTINGS)('n8n with $name', (setting) => {
	let n8n: N8nInstance;
	let since = 0;

	beforeAll(async () => {
		since = Date.now();
		n8n = await startN8n({ packageTarball: tarball, env: setting.env });
		timings.push(`${setting.env.GENERIC_TIMEZONE} start ${((Date.now() - since) / 1000).toFixed(1)} s`);
		await n8n.createCredential({
			name: 'tz GHL',
			type: 'ghlPrivateIntegrationApi',
			data: { accessToken: GHL_DEFAULTS.pit, locationId: LOCATION, baseUrl: sandbox.ghlBaseUrl },
		});
		await n8n.createCredential({
			name: 'tz Tookan',
			type: 'tookanApi',
			data: { apiKey: tookanApiKey, baseUrl: sandbox.tookanBaseUrl, userId: '', sharedSecret: '' },
		});
	}, 240_000);

	afterAll(async () => {
		await n8n?.stop();
		timings.push(`${setting.env.GENERIC_TIMEZONE} total ${((Date.now() - since) / 1000).toFixed(1)} s`);
	});

	it(`a workflow in the instance's zone (${setting.instanceZone})`, async () => {
		await runAndCheck(n8n, setting.instanceZone, undefined);
	}, 240_000);

	it(`a workflow with its own Timezone setting (${setting.ownZone})`, async () => {
		await runAndCheck(n8n, setting.ownZone, setting.ownZone);
	}, 240_000);
});
