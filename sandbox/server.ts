import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import { registerAdminRoutes } from './admin/routes';
import { SandboxAdmin, type SandboxUrls, type TookanHandle } from './admin/handle';
import type { RegisterService, SandboxContext, Service } from './core/context';
import { installFaultHooks } from './core/faults/hooks';
import { describeFault, FaultPlanner } from './core/faults/plan';
import { resolveFaultConfig } from './core/faults/profiles';
import { clone, deepMerge } from './core/merge';
import { DEFAULT_WEBHOOK_SETTINGS, type SandboxOptions } from './core/options';
import { RequestLog, type RequestLogEntry } from './core/request-log';
import { WebhookHub, type WebhookSettings } from './core/webhooks/sender';
import { WebhookSigner } from './core/webhooks/signing';
import { createGhlService, type GhlService } from './ghl/index';

export type { SandboxOptions } from './core/options';
export type { SandboxAdmin } from './admin/handle';

export interface Sandbox extends SandboxUrls {
	admin: SandboxAdmin;
	ghl: GhlService;
	/** The Tookan module handle, when sandbox/tookan is present. */
	tookan?: TookanHandle;
	close(): Promise<void>;
}

declare module 'fastify' {
	interface FastifyRequest {
		sandboxLog: RequestLogEntry | null;
	}
}

const PREFIX = { ghl: '/ghl', marketplace: '/ghl-marketplace', tookan: '/tookan/v2', admin: '/_admin' };

/** Starts the GHL + Tookan stand-in on one port (loopback, free port by default). */
export async function createSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const now = options.now ?? Date.now;
	const config: Record<string, unknown> = {
		webhooks: { ...DEFAULT_WEBHOOK_SETTINGS, ...options.config?.webhooks },
		...(options.config?.tookan ? { tookan: clone(options.config.tookan) } : {}),
	};
	const signer = new WebhookSigner(options.keys ?? keysFromEnv());
	const hub = new WebhookHub(signer, () => config.webhooks as WebhookSettings, now);
	const ctx: SandboxContext = { config, webhooks: hub, now };
	const ghl = createGhlService(ctx);
	if (options.config?.ghl) deepMerge(config.ghl as Record<string, unknown>, options.config.ghl);
	const planner = new FaultPlanner();
	const initialFaults = resolveFaultConfig(options.faults);
	planner.configure(clone(initialFaults));
	const requests = new RequestLog(now);

	const app = Fastify({ logger: options.logger ?? false, forceCloseConnections: true, routerOptions: { ignoreTrailingSlash: true } });
	let tookan: TookanHandle | undefined;
	installRequestLog(app, requests);
	installFaultHooks(app, {
		planner,
		serviceOf,
		faultReply: (service, status, rateLimitHeaders) =>
			service === 'ghl' ? ghl.faultReply(status, rateLimitHeaders) : (tookan?.faultReply?.(status) ?? tookanFaultReply(status)),
		onPlanned: (request, plan) => {
			if (request.sandboxLog) request.sandboxLog.fault = describeFault(plan);
		},
	});
	await app.register(async (scope) => ghl.registerApi(scope), { prefix: PREFIX.ghl });
	await app.register(async (scope) => ghl.registerMarketplace(scope), { prefix: PREFIX.marketplace });
	const registerTookan = options.tookan === false ? undefined : await loadTookan();
	if (registerTookan) {
		await app.register(
			async (scope) => {
				tookan = (await registerTookan(scope, ctx)) as TookanHandle;
			},
			{ prefix: PREFIX.tookan },
		);
	}

	const urls: SandboxUrls = { url: '', ghlBaseUrl: '', tookanBaseUrl: '', authorizeUrl: '', tokenUrl: '' };
	const initial = { config: {}, faults: initialFaults, seed: options.seed };
	const admin = new SandboxAdmin({
		ctx,
		ghl,
		get tookan() {
			return tookan;
		},
		hub,
		planner,
		requests,
		keys: signer.publicKeys(),
		urls,
		initial,
	});
	await app.register(async (scope) => registerAdminRoutes(scope, admin), { prefix: PREFIX.admin });

	const address = await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
	Object.assign(urls, urlsFor(address));
	tookan?.config?.();
	initial.config = clone(config);
	if (options.seed) admin.seed(options.seed);

	return {
		...urls,
		admin,
		ghl,
		get tookan() {
			return tookan;
		},
		async close() {
			hub.close();
			await app.close();
		},
	};
}

function serviceOf(url: string): Service | undefined {
	if (url.startsWith(`${PREFIX.ghl}/`)) return 'ghl';
	if (url.startsWith(`${PREFIX.tookan}/`)) return 'tookan';
	return undefined;
}

function installRequestLog(app: FastifyInstance, requests: RequestLog): void {
	app.decorateRequest('sandboxLog', null);
	app.addHook('onRequest', async (request) => {
		const service = serviceOf(request.url) ?? (request.url.startsWith(`${PREFIX.marketplace}/`) ? 'marketplace' : undefined);
		if (service) request.sandboxLog = requests.start(request.method, request.url, service);
	});
	app.addHook('onResponse', async (request, reply) => {
		if (!request.sandboxLog) return;
		request.sandboxLog.status = reply.statusCode;
		request.sandboxLog.durationMs = Math.round(reply.elapsedTime);
	});
}

function urlsFor(address: string): SandboxUrls {
	const url = address.replace('0.0.0.0', '127.0.0.1').replace('[::]', '[::1]');
	return {
		url,
		ghlBaseUrl: `${url}${PREFIX.ghl}`,
		tookanBaseUrl: `${url}${PREFIX.tookan}`,
		authorizeUrl: `${url}${PREFIX.marketplace}/v2/oauth/chooselocation`,
		tokenUrl: `${url}${PREFIX.ghl}/oauth/token`,
	};
}

function tookanFaultReply(status: number) {
	return { body: { message: status === 429 ? 'Too many requests' : 'Internal server error', status, data: {} } };
}

/** The Tookan module is built separately; mount it when present, start without it otherwise. */
async function loadTookan(): Promise<RegisterService | undefined> {
	if (!existsSync(join(__dirname, 'tookan', 'index.ts')) && !existsSync(join(__dirname, 'tookan', 'index.js'))) return undefined;
	const specifier = './tookan/index';
	try {
		const mod = (await import(specifier)) as { registerTookan?: RegisterService };
		return mod.registerTookan;
	} catch (error) {
		process.stderr.write(`sandbox: Tookan module not mounted: ${(error as Error).message}\n`);
		return undefined;
	}
}

function keysFromEnv() {
	return {
		ed25519PrivateKeyPem: process.env.SANDBOX_ED25519_PRIVATE_KEY || undefined,
		rsaPrivateKeyPem: process.env.SANDBOX_RSA_PRIVATE_KEY || undefined,
	};
}
