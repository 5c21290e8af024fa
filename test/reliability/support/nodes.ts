/**
 * The action nodes with the stand-in n8n context against an in-process sandbox, with the run's canary
 * credentials (Tookan API key) and the sandbox tenant's PIT.
 */
import type { ICredentialDataDecryptedObject, INodeExecutionData, INodeType } from 'n8n-workflow';

import { Ghl } from '../../../package/nodes/Ghl/Ghl.node';
import { Tookan } from '../../../package/nodes/Tookan/Tookan.node';
import { GHL_DEFAULTS } from '../../../sandbox/ghl/defaults';
import type { Sandbox } from '../../../sandbox/server';
import { runNode, type ParameterSource, type SentRequest } from '../../helpers/n8n-context';
import { liftRateBudget } from '../../unit/tookan/testbed';
import { CANARY } from './secrets';

export const LOCATION = GHL_DEFAULTS.locationIds[0];

export type Service = 'GHL' | 'Tookan';

/** Sandbox config with the canary Tookan secrets (merge into createSandbox's `config.tookan`). */
export const TOOKAN_CANARY_CONFIG = {
	apiKey: CANARY.tookanApiKey,
	sharedSecret: CANARY.tookanSharedSecret,
	accessToken: CANARY.tookanAccessToken,
};

/** Where the credentials point: a sandbox, or any server with the same two base URLs. */
export type ApiUrls = Pick<Sandbox, 'ghlBaseUrl' | 'tookanBaseUrl'>;

export function credentialsFor(service: Service, sandbox: ApiUrls): Record<string, ICredentialDataDecryptedObject> {
	if (service === 'GHL') {
		return { ghlPrivateIntegrationApi: { accessToken: GHL_DEFAULTS.pit, locationId: LOCATION, baseUrl: sandbox.ghlBaseUrl } };
	}
	liftRateBudget();
	return { tookanApi: { apiKey: CANARY.tookanApiKey, baseUrl: sandbox.tookanBaseUrl, userId: '1000001', sharedSecret: CANARY.tookanSharedSecret } };
}

export function nodeFor(service: Service): INodeType {
	return service === 'GHL' ? new Ghl() : new Tookan();
}

export interface NodeRun {
	output: INodeExecutionData[];
	requests: SentRequest[];
	error?: Error;
}

/** Runs one node over `items` items; a thrown error is returned, not thrown. */
export async function runService(
	service: Service,
	sandbox: ApiUrls,
	parameters: ParameterSource,
	options: { items?: number; continueOnFail?: boolean } = {},
): Promise<NodeRun> {
	const base = service === 'GHL' ? { authentication: 'privateIntegrationToken' } : {};
	const params: ParameterSource =
		typeof parameters === 'function' ? (i) => ({ ...base, ...parameters(i) }) : { ...base, ...parameters };
	const requests: SentRequest[] = [];
	try {
		const result = await runNode(nodeFor(service), {
			parameters: params,
			items: Array.from({ length: options.items ?? 1 }, (_, i) => ({ i })),
			continueOnFail: options.continueOnFail,
			credentials: credentialsFor(service, sandbox),
			onRequest: (r) => requests.push(r),
		});
		return { output: result.output, requests };
	} catch (error) {
		return { output: [], requests, error: error as Error };
	}
}
