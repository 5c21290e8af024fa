/**
 * The workflows the real-n8n benchmarks run, built with the templates' builder: N items made in n8n (a Set
 * node with a list and Split Out, no Code node, so everything runs in the n8n process), then one request per
 * item through our GHL node or through n8n's HTTP Request node doing the same request.
 */
import type { WorkflowJson } from '../../harness';
import { Flow } from '../../templates/flow';
import { core, expr, ghlWithToken, set } from '../../templates/nodes';

export const UPSERT_NODE = 'Upsert';

/** The email of item `n` in a run labelled `label`: unique per item, so every upsert creates one contact. */
export const benchEmail = (label: string, n: number | string) => `${label}-${n}@bench.example.com`;
const emailExpression = (label: string, batch = "''") => expr(`'${label}-' + ${batch} + $json.n + '@bench.example.com'`);

type Source = { kind: 'manual'; items: number } | { kind: 'webhook'; path: string };

/** Trigger → Make items → One item each; returns the flow and the name of its last node. */
function items(name: string, source: Source): { flow: Flow; last: string } {
	const flow = new Flow(name, name.toLowerCase().replace(/[^a-z0-9]+/g, '-'));
	const trigger =
		source.kind === 'manual'
			? flow.add(core('Start', [0, 0], 'manualTrigger', 1, {}))
			: flow.add(core('Start', [0, 0], 'webhook', 2, { httpMethod: 'POST', path: source.path, responseMode: 'onReceived', options: {} }, true));
	const count = source.kind === 'manual' ? String(source.items) : 'Number($json.body.items)';
	const make = flow.add(set('Make items', [1, 0], [['n', expr(`Array.from({ length: ${count} }, (_, i) => i)`), 'array']]));
	const split = flow.add(core('One item each', [2, 0], 'splitOut', 1, { fieldToSplitOut: 'n', options: {} }));
	flow.chain(trigger, make, split);
	return { flow, last: split };
}

/** `items` items and nothing else: what both request workflows have in common. */
export function baselineWorkflow(count: number): WorkflowJson {
	return items(`bench baseline ${count}`, { kind: 'manual', items: count }).flow.json();
}

/**
 * Contact › Create or Update per item through the GHL node (its defaults: 50 in parallel), with the
 * GHL credential named `credential` (default: the first one).
 */
export function oursWorkflow(label: string, source: Source, credential?: string): WorkflowJson {
	const batch = source.kind === 'webhook' ? "$('Start').first().json.body.batch + '-'" : "''";
	const { flow, last } = items(`bench ours ${label}`, source);
	const node = ghlWithToken(UPSERT_NODE, [3, 0], 'contact', 'upsert', {
		email: emailExpression(label, batch),
		additionalFields: { firstName: expr("'Bench' + $json.n"), tags: 'bench' },
		simplify: false,
	}, { onError: 'continueRegularOutput' });
	const upsert = flow.add(credential ? { ...node, credentials: { ghlPrivateIntegrationApi: { id: credential, name: credential } } } : node);
	flow.link(last, upsert);
	return flow.json();
}

/** The same request per item through n8n's HTTP Request node (header auth, JSON body, its defaults). */
export function httpRequestWorkflow(label: string, count: number, ghlBaseUrl: string, locationId: string): WorkflowJson {
	const { flow, last } = items(`bench http ${label}`, { kind: 'manual', items: count });
	const body = `JSON.stringify({ locationId: '${locationId}', email: '${label}-' + $json.n + '@bench.example.com', firstName: 'Bench' + $json.n, tags: ['bench'] })`;
	const node = core(UPSERT_NODE, [3, 0], 'httpRequest', 4.2, {
		method: 'POST',
		url: `${ghlBaseUrl}/contacts/upsert`,
		authentication: 'genericCredentialType',
		genericAuthType: 'httpHeaderAuth',
		sendHeaders: true,
		headerParameters: { parameters: [{ name: 'Version', value: '2021-07-28' }, { name: 'Accept', value: 'application/json' }] },
		sendBody: true,
		specifyBody: 'json',
		jsonBody: expr(body),
		options: {},
	});
	const upsert = flow.add({ ...node, credentials: { httpHeaderAuth: { id: 'header-auth', name: 'GHL header auth' } }, onError: 'continueRegularOutput' });
	flow.link(last, upsert);
	return flow.json();
}
