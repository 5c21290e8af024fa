/**
 * The Tookan node against the in-process sandbox: starts the sandbox on a free loopback port, runs the node
 * with the stand-in n8n context (real HTTP, the credential's own `authenticate`), and records what it sent.
 */
import type { ICredentialDataDecryptedObject, IDataObject, INodeExecutionData } from 'n8n-workflow';

import { budgetFor } from '../../../package/nodes/shared/transport/budget';
import { budgetKeyOf, TOOKAN_LIMITS } from '../../../package/nodes/shared/tookan';
import { Tookan } from '../../../package/nodes/Tookan/Tookan.node';
import { createSandbox, type Sandbox } from '../../../sandbox/server';
import type { TookanModule } from '../../../sandbox/tookan/index';
import { executeNode, fakeContext, type FakeContext, type ParameterSource, type SentRequest } from '../../helpers/n8n-context';

/** 2025-03-10 06:00 UTC (11:30 in India): the sandbox clock. */
export const NOW = Date.UTC(2025, 2, 10, 6, 0, 0);

/** The credential id the stand-in context gives `tookanApi`; its rate budget is lifted for fast tests. */
const CREDENTIAL_ID = 'cred-tookanApi';

export interface Sent {
	method: string;
	/** Endpoint path after `/v2/`, e.g. `customer/add`. */
	path: string;
	/** The JSON body, or the query for GET requests. */
	params: IDataObject;
}

export interface RunResult {
	output: INodeExecutionData[];
	sent: Sent[];
}

export interface RunOptions {
	items?: IDataObject[];
	continueOnFail?: boolean;
	credentials?: ICredentialDataDecryptedObject;
	/** The workflow's time zone (n8n's getTimezone()); absent: the context has none. */
	timeZone?: string;
	/** The node's type version (default 1). */
	typeVersion?: number;
}

export interface Testbed {
	sandbox: Sandbox;
	module: TookanModule;
	credentials: ICredentialDataDecryptedObject;
	/** Runs the Tookan node; items default to one empty item. */
	run(parameters: ParameterSource, options?: RunOptions): Promise<RunResult>;
	/** Runs the node and returns what it threw (if anything) together with what it sent. */
	attempt(parameters: ParameterSource, options?: RunOptions): Promise<RunResult & { error?: Error }>;
	/** A stand-in n8n context with this sandbox's credential (for dropdown and search methods). */
	context(parameters?: ParameterSource, options?: RunOptions): FakeContext;
	/** Calls the sandbox directly (test setup); throws unless the body status is 200. */
	call(path: string, body?: IDataObject): Promise<IDataObject>;
	close(): Promise<void>;
}

export function toSent(request: SentRequest): Sent {
	const url = new URL(request.url);
	const path = url.pathname.replace(/^.*\/v2\//, '');
	const params: IDataObject =
		request.method === 'GET' ? Object.fromEntries(url.searchParams.entries()) : ((request.body ?? {}) as IDataObject);
	return { method: request.method, path, params };
}

/** What a request carried, without the API key (safe to print). */
export function withoutKey(params: IDataObject): IDataObject {
	return Object.fromEntries(Object.entries(params).filter(([key]) => key !== 'api_key'));
}

export function liftRateBudget(): void {
	const budget = budgetFor(budgetKeyOf(CREDENTIAL_ID), TOOKAN_LIMITS);
	budget.ceiling = 10_000;
	budget.limit = 10_000;
}

export async function startTestbed(options: { pageSize?: number; realClock?: boolean } = {}): Promise<Testbed> {
	const sandbox = await createSandbox({ now: options.realClock ? Date.now : () => NOW });
	const module = sandbox.tookan as unknown as TookanModule;
	if (options.pageSize) module.config().pageSize = options.pageSize;
	const config = module.config();
	const credentials: ICredentialDataDecryptedObject = {
		apiKey: config.apiKey,
		baseUrl: sandbox.tookanBaseUrl,
		userId: String(config.userId),
		sharedSecret: '',
	};
	liftRateBudget();
	const node = new Tookan();
	const contextFor = (parameters: ParameterSource, o: RunOptions = {}): FakeContext => {
		const context = fakeContext({
			parameters,
			items: o.items,
			continueOnFail: o.continueOnFail,
			credentials: { tookanApi: o.credentials ?? credentials },
			timeZone: o.timeZone,
			typeVersion: o.typeVersion,
		});
		return context;
	};
	const attempt = async (parameters: ParameterSource, o: RunOptions = {}) => {
		const { fn, requests } = contextFor(parameters, o);
		try {
			return { output: await executeNode(node, fn), sent: requests.map(toSent) };
		} catch (error) {
			return { output: [], sent: requests.map(toSent), error: error as Error };
		}
	};
	return {
		sandbox,
		module,
		credentials,
		attempt,
		context: (parameters = {}, o = {}) => contextFor(parameters, o),
		async run(parameters, o = {}) {
			const result = await attempt(parameters, o);
			if (result.error) throw result.error;
			return result;
		},
		async call(path, body = {}) {
			const response = await fetch(`${sandbox.tookanBaseUrl}/${path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ api_key: config.apiKey, ...body }),
			});
			const envelope = (await response.json()) as IDataObject;
			if (envelope.status !== 200) throw new Error(`${path}: status ${String(envelope.status)} ${String(envelope.message)}`);
			return envelope;
		},
		async close() {
			await sandbox.close();
		},
	};
}

/** A resource locator value as n8n stores it ("By ID"). */
export const byId = (value: unknown) => ({ __rl: true, mode: 'id', value: String(value) });
