/**
 * Runs the GHL node in this process with the stand-in n8n context of the tests (real HTTP to the
 * sandbox, the Private Integration Token credential applied the way n8n applies it).
 */
import { join } from 'node:path';
import type { INodeExecutionData } from 'n8n-workflow';

import { PACKAGE_ROOT } from '../../harness/paths';
import type * as GhlModule from '../../../package/nodes/Ghl/Ghl.node';
import { GHL_DEFAULTS } from '../../../sandbox/ghl/defaults';
import { runNode, type Parameters } from '../../../test/helpers/n8n-context';

/**
 * Loaded by its full file name: under tsx, `Ghl.node` would resolve to the codex file `Ghl.node.json`
 * next to it.
 */
async function loadNode(): Promise<typeof GhlModule> {
	return (await import(join(PACKAGE_ROOT, 'nodes', 'Ghl', 'Ghl.node.ts'))) as typeof GhlModule;
}

export interface NodeRun {
	output: INodeExecutionData[];
	seconds: number;
	failed: number;
}

export async function runGhlContacts(
	ghlBaseUrl: string,
	items: number,
	parameters: (itemIndex: number) => Parameters,
): Promise<NodeRun> {
	const { Ghl } = await loadNode();
	const started = process.hrtime.bigint();
	const { output } = await runNode(new Ghl(), {
		parameters: (i) => ({ authentication: 'privateIntegrationToken', ...parameters(i) }),
		items: Array.from({ length: items }, (_, i) => ({ i })),
		continueOnFail: true,
		credentials: {
			ghlPrivateIntegrationApi: { accessToken: GHL_DEFAULTS.pit, locationId: GHL_DEFAULTS.locationIds[0], baseUrl: ghlBaseUrl },
		},
	});
	const seconds = Number(process.hrtime.bigint() - started) / 1e9;
	return { output, seconds, failed: output.filter((item) => item.json.error !== undefined).length };
}

/** Parameters of one contact upsert (Create or Update) with a unique email per item. */
export function upsertParameters(prefix: string, extra: Parameters = {}): (itemIndex: number) => Parameters {
	return (i) => ({
		resource: 'contact',
		operation: 'upsert',
		email: `${prefix}-${i}@bench.example.com`,
		additionalFields: { firstName: `Bench${i}`, tags: 'bench' },
		simplify: true,
		...extra,
	});
}
