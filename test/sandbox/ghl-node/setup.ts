/** Runs the GHL node (stand-in n8n context, real HTTP) against an in-process sandbox. */
import type { ICredentialDataDecryptedObject, INodeExecutionData } from 'n8n-workflow';

import { Ghl } from '../../../package/nodes/Ghl/Ghl.node';
import { GHL_DEFAULTS } from '../../../sandbox/ghl/defaults';
import { createSandbox, type Sandbox, type SandboxOptions } from '../../../sandbox/server';
import { runNode, type Parameters, type SentRequest } from '../../helpers/n8n-context';

export const LOC1 = GHL_DEFAULTS.locationIds[0];
export const LOC2 = GHL_DEFAULTS.locationIds[1];
export const rl = (value: string) => ({ __rl: true, mode: 'id', value });

export interface RunOptions {
	items?: number;
	continueOnFail?: boolean;
	credentials?: Record<string, ICredentialDataDecryptedObject>;
	/** The workflow's time zone (n8n's getTimezone()). */
	timeZone?: string;
	/** The GHL node's type version (default 1). */
	typeVersion?: number;
}

export interface GhlEnv {
	sandbox: Sandbox;
	pit(): ICredentialDataDecryptedObject;
	run(
		parameters: Parameters | ((i: number) => Parameters),
		options?: RunOptions,
	): Promise<{ output: INodeExecutionData[]; requests: SentRequest[] }>;
	/** Runs one item and returns its JSON output (throws what the node throws). */
	one(parameters: Parameters): Promise<Record<string, unknown>>;
}

/** A sandbox per test file with a generous rate limit (rate limiting has its own tests), reset before each test. */
export function useGhl(options: SandboxOptions = {}): GhlEnv {
	const env = {} as GhlEnv;
	beforeAll(async () => {
		env.sandbox = await createSandbox({
			tookan: false,
			...options,
			config: { ghl: { rateLimit: { max: 100_000, intervalMs: 10_000, daily: 10_000_000, retryAfter: false } }, ...options.config },
		});
	});
	afterAll(async () => await env.sandbox.close());
	beforeEach(() => env.sandbox.admin.reset());
	env.pit = () => ({ accessToken: GHL_DEFAULTS.pit, locationId: LOC1, baseUrl: env.sandbox.ghlBaseUrl });
	env.run = async (parameters, o = {}) => {
		const base = { authentication: 'privateIntegrationToken' };
		return await runNode(new Ghl(), {
			parameters: typeof parameters === 'function' ? (i) => ({ ...base, ...parameters(i) }) : { ...base, ...parameters },
			items: Array.from({ length: o.items ?? 1 }, (_, i) => ({ i })),
			continueOnFail: o.continueOnFail,
			credentials: o.credentials ?? { ghlPrivateIntegrationApi: env.pit() },
			timeZone: o.timeZone,
			typeVersion: o.typeVersion,
		});
	};
	env.one = async (parameters) => {
		const { output } = await env.run(parameters);
		expect(output).toHaveLength(1);
		return output[0].json as Record<string, unknown>;
	};
	return env;
}

/** Records of one sandbox collection, for assertions against the stand-in's state. */
export function records(sandbox: Sandbox, collection: string, filter: Record<string, string> = {}) {
	return sandbox.admin.ghlRecords(collection as never, filter) as Array<Record<string, unknown>>;
}
