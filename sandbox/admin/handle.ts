import type { SandboxContext, Service, ServiceModule } from '../core/context';
import type { FaultPlanner } from '../core/faults/plan';
import { resolveFaultConfig, type FaultConfig } from '../core/faults/profiles';
import { clone, deepMerge } from '../core/merge';
import type { SeedRequest } from '../core/options';
import type { RequestLog } from '../core/request-log';
import type { WebhookHub } from '../core/webhooks/sender';
import type { PublicKeys } from '../core/webhooks/signing';
import type { WebhookTargetInput } from '../core/webhooks/targets';
import type { CreateLocationRequest, CreatePitRequest, IssueTokensRequest } from '../ghl/admin';
import { GHL_DEFAULTS } from '../ghl/defaults';
import type { FireEventRequest } from '../ghl/events/on-demand';
import type { GhlService } from '../ghl/index';
import type { CollectionFilter, GhlCollection } from '../ghl/snapshot';

export interface SandboxUrls {
	url: string;
	ghlBaseUrl: string;
	tookanBaseUrl: string;
	authorizeUrl: string;
	tokenUrl: string;
}

/** A Tookan module as the core sees it: the contract plus whatever helpers it adds. */
export type TookanHandle = ServiceModule & {
	setTaskStatus?(jobId: number, status: number): unknown;
	config?(): { apiKey?: string };
	faultReply?(status: number): { body: unknown; headers?: Record<string, string> };
};

export interface SandboxParts {
	ctx: SandboxContext;
	ghl: GhlService;
	tookan?: TookanHandle;
	hub: WebhookHub;
	planner: FaultPlanner;
	requests: RequestLog;
	keys: PublicKeys;
	urls: SandboxUrls;
	initial: { config: Record<string, unknown>; faults: FaultConfig; seed?: SeedRequest };
}

export class AdminError extends Error {}

/** Everything the admin API does, callable in-process (`sandbox.admin.*`) and over HTTP (`/_admin/*`). */
export class SandboxAdmin {
	constructor(private readonly parts: SandboxParts) {}

	/** URLs, fixed credentials and public keys of this sandbox (what the CLI prints). */
	info() {
		const { urls, ghl, keys } = this.parts;
		const tookan = this.parts.tookan;
		const tookanConfig = tookan?.config?.() ?? (this.parts.ctx.config.tookan as { apiKey?: string } | undefined);
		return {
			...urls,
			ghl: {
				companyId: [...ghl.state.companies.keys()][0],
				locationIds: [...ghl.state.locations.keys()],
				clientId: [...ghl.state.clients.values()][0]?.clientId,
				clientSecret: [...ghl.state.clients.values()][0]?.clientSecret,
				pit: GHL_DEFAULTS.pit,
			},
			tookan: tookan ? { apiKey: tookanConfig?.apiKey } : null,
			keys,
		};
	}

	/** Back to the state at start: data, config, faults, webhook targets, request log, rate limits. */
	reset(): void {
		const { ctx, ghl, tookan, hub, planner, requests, initial } = this.parts;
		for (const key of Object.keys(ctx.config)) Reflect.deleteProperty(ctx.config, key);
		Object.assign(ctx.config, clone(initial.config));
		planner.configure(clone(initial.faults));
		hub.cancelPending();
		hub.targets.clear();
		hub.clearDeliveries();
		requests.clear();
		ghl.reset();
		tookan?.reset();
		if (initial.seed) this.seed(initial.seed);
	}

	seed(spec: SeedRequest) {
		const { ghl, tookan } = this.parts;
		if (spec.tookan !== undefined && !tookan) throw new AdminError('the Tookan module is not mounted');
		return {
			...(spec.ghl ? { ghl: this.guard(() => ghl.seed(spec.ghl!)) } : {}),
			...(spec.tookan !== undefined ? { tookan: this.guard(() => tookan!.seed(spec.tookan)) } : {}),
		};
	}

	state(service: Service): Record<string, unknown> {
		if (service === 'ghl') return this.parts.ghl.snapshot();
		if (!this.parts.tookan) throw new AdminError('the Tookan module is not mounted');
		return this.parts.tookan.snapshot();
	}

	ghlRecords(collection: GhlCollection, filter: CollectionFilter = {}): unknown[] {
		return this.parts.ghl.read(collection, filter);
	}

	config(): Record<string, unknown> {
		return clone(this.parts.ctx.config);
	}

	updateConfig(patch: Record<string, unknown>): Record<string, unknown> {
		deepMerge(this.parts.ctx.config, patch);
		return this.config();
	}

	faults(): FaultConfig {
		return this.parts.planner.current();
	}

	setFaults(input: string | FaultConfig): FaultConfig {
		this.parts.planner.configure(this.guard(() => resolveFaultConfig(input)));
		return this.faults();
	}

	addWebhook(input: WebhookTargetInput) {
		return this.guard(() => this.parts.hub.targets.add(input));
	}

	webhooks() {
		return this.parts.hub.targets.list();
	}

	removeWebhook(id: string): boolean {
		return this.parts.hub.targets.remove(id);
	}

	clearWebhooks(): void {
		this.parts.hub.targets.clear();
	}

	deliveries() {
		return this.parts.hub.deliveries();
	}

	/** Resolves once every queued webhook delivery (and 429 retry) has been attempted. */
	drainWebhooks(): Promise<void> {
		return this.parts.hub.drain();
	}

	fireGhlEvent(input: FireEventRequest): Record<string, unknown> {
		return this.guard(() => this.parts.ghl.fireEvent(input));
	}

	setTookanTaskStatus(jobId: number, status: number): unknown {
		const setTaskStatus = this.parts.tookan?.setTaskStatus;
		if (!setTaskStatus) throw new AdminError('the Tookan module offers no setTaskStatus');
		return this.guard(() => setTaskStatus.call(this.parts.tookan, jobId, status));
	}

	expireTokens(filter: { locationId?: string } = {}) {
		return this.parts.ghl.admin.expireTokens(filter);
	}

	revokeRefreshTokens(filter: { locationId?: string } = {}) {
		return this.parts.ghl.admin.revokeRefreshTokens(filter);
	}

	createLocation(input: CreateLocationRequest = {}) {
		return this.guard(() => this.parts.ghl.admin.createLocation(input));
	}

	createPit(input: CreatePitRequest = {}) {
		return this.guard(() => this.parts.ghl.admin.createPit(input));
	}

	issueTokens(input: IssueTokensRequest = {}) {
		return this.guard(() => this.parts.ghl.admin.issueTokens(input));
	}

	requests(filter: { service?: string; since?: number; limit?: number } = {}) {
		return { count: this.parts.requests.count(), requests: this.parts.requests.list(filter) };
	}

	/** How many service requests reached the sandbox since start / the last clear. */
	requestCount(): number {
		return this.parts.requests.count();
	}

	clearRequests(): void {
		this.parts.requests.clear();
	}

	keys(): PublicKeys {
		return this.parts.keys;
	}

	private guard<T>(run: () => T): T {
		try {
			return run();
		} catch (error) {
			if (error instanceof AdminError) throw error;
			throw new AdminError((error as Error).message);
		}
	}
}
