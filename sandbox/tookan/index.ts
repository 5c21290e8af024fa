/**
 * The Tookan v2 stand-in. The core registers it under the prefix `/tookan/v2`; every endpoint of the
 * catalogue is served there, with state, and task status changes send Tookan-style webhooks through
 * `ctx.webhooks.send('tookan', templateKey, payload)`. Settings live in `ctx.config.tookan` (see config.ts).
 */
import type { FastifyInstance } from 'fastify';
import type { RegisterService, SandboxContext, ServiceModule } from '../core/context';
import { agentView, busyFleetIds, findAgent, setDuty } from './agents';
import { CATALOGUE } from './catalogue';
import { tookanConfig, type TookanConfig } from './config';
import { customerView } from './customers';
import { makeEnv, type Handlers } from './env';
import { accountHandlers } from './handlers/account';
import { agentActivityHandlers } from './handlers/agent-activity';
import { agentHandlers } from './handlers/agents';
import { customerHandlers } from './handlers/customers';
import { merchantHandlers } from './handlers/merchants';
import { missionHandlers } from './handlers/missions';
import { regionHandlers } from './handlers/regions';
import { taskReportHandlers } from './handlers/task-reports';
import { taskStatusHandlers } from './handlers/task-status';
import { taskHandlers } from './handlers/tasks';
import { teamHandlers } from './handlers/teams';
import { registerRoutes } from './routes';
import { seedTookan, type SeedResult, type TookanSeed } from './seed';
import { emptyState, type State } from './store';
import { JOB, SETTABLE } from './statuses';
import { changeStatus } from './tasks/lifecycle';
import { taskDetails } from './tasks/view';
import { emitTask } from './tasks/webhook';

export type { TookanConfig } from './config';
export type { TookanSeed, SeedResult } from './seed';
export { CATALOGUE } from './catalogue';

export const HANDLERS: Handlers = {
	...taskHandlers,
	...taskStatusHandlers,
	...taskReportHandlers,
	...customerHandlers,
	...agentHandlers,
	...agentActivityHandlers,
	...teamHandlers,
	...merchantHandlers,
	...regionHandlers,
	...missionHandlers,
	...accountHandlers,
};

/** The module handle: the core's reset/seed/snapshot plus admin helpers for tests and the demo. */
export interface TookanModule extends ServiceModule<TookanSeed> {
	seed(spec: TookanSeed): SeedResult;
	/** Move a task to a status (0-4, 6-10) as the agent app would; fires the webhook. Returns the task. */
	setTaskStatus(jobId: number, status: number): Record<string, unknown>;
	/** Send the webhook for a task's current status again (or under another template key). */
	emitTaskEvent(jobId: number, templateKey?: string): void;
	/** Put an agent on or off duty (offline agents have `status` 1 in get_all_fleets). */
	setAgentDuty(fleetId: number, onDuty: boolean): void;
	/** Move an agent (as the agent app's location updates would). */
	setAgentLocation(fleetId: number, latitude: number, longitude: number): void;
	/** The live settings (`ctx.config.tookan`, completed with defaults). */
	config(): TookanConfig;
}

function snapshotOf(state: State, config: TookanConfig): Record<string, unknown> {
	const busy = busyFleetIds(state);
	const { phone, email, registered } = state.account;
	const rest = {
		customers: [...state.customers.values()].map(customerView),
		agents: [...state.agents.values()].map((a) => ({ ...agentView(a, busy), unblock_on_date: a.unblock_on_date })),
		teams: [...state.teams.values()],
		managers: [...state.managers.values()],
		merchants: [...state.merchants.values()],
		regions: [...state.regions.values()],
		missions: [...state.missions.values()],
		wallet: state.wallet,
		notifications: state.notifications,
		dutyLogs: state.dutyLogs,
		account: { phone, email, registered },
	};
	// task views are built fresh; the rest shares objects with the state, so it is copied
	const tasks = [...state.tasks.values()].map((t) => taskDetails(t, state, config, { history: true, additionalInfo: true }));
	return { tasks, ...(JSON.parse(JSON.stringify(rest)) as Record<string, unknown>) };
}

export function createTookan(app: FastifyInstance, ctx: SandboxContext): TookanModule {
	let state = emptyState();
	const env = makeEnv(ctx, () => state);
	tookanConfig(ctx);
	registerRoutes(app, CATALOGUE, HANDLERS, env);
	const task = (jobId: number) => {
		const t = state.tasks.get(jobId);
		if (!t) throw new Error(`Tookan sandbox: no task ${jobId}`);
		return t;
	};
	return {
		reset: () => {
			state = emptyState();
		},
		seed: (spec) => seedTookan(env, spec ?? {}),
		snapshot: () => snapshotOf(state, env.config()),
		setTaskStatus: (jobId, status) => {
			if (!(SETTABLE as readonly number[]).includes(status) && status !== JOB.DELETED) {
				throw new Error(`Tookan sandbox: status ${status} cannot be set`);
			}
			const t = task(jobId);
			changeStatus(env, t, status);
			return taskDetails(t, state, env.config(), { history: true });
		},
		emitTaskEvent: (jobId, templateKey) => emitTask(env, task(jobId), templateKey),
		setAgentDuty: (fleetId, onDuty) => setDuty(state, findAgent(state, fleetId), onDuty ? 1 : 0, env.now()),
		setAgentLocation: (fleetId, latitude, longitude) => {
			const agent = findAgent(state, fleetId);
			agent.latitude = latitude.toFixed(6);
			agent.longitude = longitude.toFixed(6);
			agent.location_at = env.now();
		},
		config: () => env.config(),
	};
}

export const registerTookan: RegisterService<TookanSeed> = createTookan;
