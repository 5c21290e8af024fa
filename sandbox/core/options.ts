import type { FaultConfig } from './faults/profiles';
import type { DeepPartial } from './merge';
import type { WebhookSettings } from './webhooks/sender';
import type { SigningKeyPems } from './webhooks/signing';
import type { GhlConfig } from '../ghl/config';
import type { GhlSeedSpec } from '../ghl/seed';

export interface SeedRequest {
	ghl?: GhlSeedSpec;
	/** Passed through to the Tookan module's seed(). */
	tookan?: unknown;
}

export interface SandboxOptions {
	/** Default 127.0.0.1. The sandbox never listens beyond loopback unless told so here. */
	host?: string;
	/** Default 0: a free port. */
	port?: number;
	/** Clock (ms since epoch) for token expiry, rate-limit windows and timestamps; default Date.now. */
	now?: () => number;
	/** A fault profile name (none, slow, flaky, storm, ratelimit) or a fault config. */
	faults?: string | FaultConfig;
	/** Initial runtime configuration (what PUT /_admin/config changes later). */
	config?: {
		ghl?: DeepPartial<GhlConfig>;
		tookan?: Record<string, unknown>;
		webhooks?: Partial<WebhookSettings>;
	};
	/** Webhook signing keys (PEM); default: the committed sandbox-only keys. */
	keys?: SigningKeyPems;
	/** Seed data loaded at start (and again by every reset). */
	seed?: SeedRequest;
	/** Fastify request logging to stdout (default off). */
	logger?: boolean;
	/** Mount the Tookan module when sandbox/tookan exists (default true). */
	tookan?: boolean;
}

/** GHL retries a webhook only after a 429, about every 10 minutes, 6 times. Tests shorten the delay. */
export const DEFAULT_WEBHOOK_SETTINGS: WebhookSettings = {
	retryDelayMs: 600_000,
	retryJitterMs: 0,
	maxRetries: 6,
	timeoutMs: 10_000,
};
