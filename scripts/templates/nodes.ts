/**
 * Node constructors for the templates: this package's nodes (with their credentials referenced by type and
 * a placeholder id) and the n8n core nodes the templates use, with the parameter shapes n8n 2.x stores.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { PACKAGE_NAME } from '../harness/paths';
import { columnsOf, type Mode } from '../../package/nodes/GhlContacts/resources/contact/mapper';
import { stableId, type Cell, type NodeOptions, type NodeSpec } from './flow';

/**
 * Credential references in templates: the type is what matters (n8n's editor fills in the newest credential
 * of that type on import); ids and names are placeholders. GHL: the Marketplace App OAuth2 credential, for
 * every template, since template 1's webhooks need the app anyway (one GHL credential serves all five).
 */
export const GHL_CREDENTIAL = { ghlOAuth2Api: { id: 'ghl-credential', name: 'GHL Marketplace App' } };
const GHL_TOKEN_CREDENTIAL = { ghlPrivateIntegrationApi: { id: 'ghl-credential', name: 'GHL Private Integration' } };
export const TOOKAN_CREDENTIAL = { tookanApi: { id: 'tookan-credential', name: 'Tookan' } };
/** The GHL Trigger's workflow-webhook token: n8n generates it in the credential, so the template holds none. */
export const WORKFLOW_WEBHOOK_CREDENTIAL = { ghlWorkflowWebhookApi: { id: 'ghl-workflow-webhook-credential', name: 'GHL Workflow Webhook' } };

const ours = (name: string) => `${PACKAGE_NAME}.${name}`;

/** A resource locator value set by ID (an expression or a literal). */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });

/** `={{ expr }}`: an n8n expression. */
export const expr = (code: string) => `={{ ${code} }}`;

type Action = (
	name: string,
	at: Cell,
	resource: string,
	operation: string,
	parameters: Record<string, unknown>,
	options?: NodeOptions,
) => NodeSpec;

/** An action node of this package: resource + operation + parameters, with its credential. */
function action(node: string, credentials: NodeOptions['credentials'], fixed: Record<string, unknown> = {}): Action {
	return (name, at, resource, operation, parameters, options = {}) => ({
		name,
		type: ours(node),
		// the GHL node takes contact fields through its field mapper from version 2 on
		typeVersion: 'columns' in parameters ? 2 : 1,
		at,
		parameters: { ...fixed, resource, operation, ...parameters },
		credentials,
		...options,
	});
}

/**
 * Contact fields through the GHL node's field mapper ("Map Each Column Manually"): column ID → value. The schema
 * holds the standard columns so the panel shows them before it has loaded the location's custom fields.
 */
export function contactColumns(mode: Mode, value: Record<string, unknown>, matchingColumns: string[] = []): Record<string, unknown> {
	return {
		columns: { mappingMode: 'defineBelow', value, matchingColumns, schema: columnsOf(mode, []), attemptToConvertTypes: false, convertFieldsToString: false },
	};
}

/** The GHL node with the Marketplace App OAuth2 credential (pick a Private Integration Token in the editor instead). */
export const ghl = action('ghl', GHL_CREDENTIAL, { authentication: 'oAuth2' });
/** The GHL node with a Private Integration Token (the benchmarks). */
export const ghlWithToken = action('ghl', GHL_TOKEN_CREDENTIAL, { authentication: 'privateIntegrationToken' });
export const tookan = action('tookan', TOOKAN_CREDENTIAL);

export function ghlTrigger(name: string, at: Cell, parameters: Record<string, unknown>): NodeSpec {
	const credentials = parameters.source === 'automation' ? { credentials: WORKFLOW_WEBHOOK_CREDENTIAL } : {};
	return { name, type: ours('ghlTrigger'), typeVersion: 2, at, parameters, ...credentials, webhook: true };
}

export function tookanTrigger(name: string, at: Cell, parameters: Record<string, unknown>): NodeSpec {
	return { name, type: ours('tookanTrigger'), typeVersion: 2, at, parameters, credentials: TOOKAN_CREDENTIAL, webhook: true };
}

/** GHL Catch-Up Trigger (next to a GHL Trigger), with the templates' GHL credential. */
export function ghlCatchUp(name: string, at: Cell, parameters: Record<string, unknown>): NodeSpec {
	return {
		name,
		type: ours('ghTriggerl'),
		typeVersion: 1,
		at,
		parameters: { authentication: 'oAuth2', ...parameters },
		credentials: GHL_CREDENTIAL,
	};
}

/** Tookan Catch-Up Trigger (next to a Tookan Trigger). */
export function tookanCatchUp(name: string, at: Cell, parameters: Record<string, unknown>): NodeSpec {
	return { name, type: ours('tTriggerookan'), typeVersion: 1, at, parameters, credentials: TOOKAN_CREDENTIAL };
}

/**
 * The two sentences every template with a catch-up trigger says about it (the README says the same): why it
 * is there and how long an outage it covers. `changes` names what is caught up, `extent` adds a limit.
 */
export function catchUpNote(changes: string, extent = ''): string {
	return `**Catch-up**: GHL re-sends a webhook only after a 429 answer and Tookan never does, so ${changes} made while n8n is stopped, restarting or the workflow is unpublished would never arrive; the catch-up trigger looks for them each time the workflow becomes active and sends each through the same steps once. It covers an outage of any length, from a few minutes before the last webhook n8n took until n8n was back${extent}.`;
}

/** One field of a Set node: its name, value (literal or `={{ }}`) and type. */
export type Assignment = [name: string, value: unknown, type?: 'string' | 'number' | 'boolean' | 'array' | 'object'];

/** Set ("Edit Fields") node that outputs only the given fields. */
export function set(name: string, at: Cell, fields: Assignment[], options: NodeOptions & { keepOthers?: boolean } = {}): NodeSpec {
	const { keepOthers, ...rest } = options;
	return {
		name,
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		at,
		parameters: {
			mode: 'manual',
			assignments: {
				assignments: fields.map(([field, value, type]) => ({
					id: stableId(name, field),
					name: field,
					value,
					type: type ?? 'string',
				})),
			},
			includeOtherFields: keepOthers === true,
			options: {},
		},
		...rest,
	};
}

/** Where Code node sources live: `module.exports = function name($, $input) { ... };` per file. */
export const CODE_DIR = join(__dirname, 'code');

const WRAPPER = /^module\.exports = function \w+\(\$, \$input\) \{$/;

/**
 * The JavaScript of a Code node: the body of the function in scripts/templates/code/<file> (unit tests call
 * that function with stand-ins for n8n's `$` and `$input`), after the file's leading comment.
 */
export function codeFile(file: string): string {
	const lines = readFileSync(join(CODE_DIR, file), 'utf8').trimEnd().split('\n');
	const start = lines.findIndex((line) => WRAPPER.test(line));
	if (start < 0 || lines[lines.length - 1] !== '};') throw new Error(`${file}: expected module.exports = function name($, $input) { ... };`);
	const comment = lines.slice(0, start).filter((line) => !line.includes('The Code node runs the body'));
	const body = lines.slice(start + 1, -1).map((line) => line.replace(/^\t/, ''));
	return [...comment, ...body].join('\n');
}

/** Code node (once for all items) running scripts/templates/code/<file>. */
export function code(name: string, at: Cell, file: string, options: NodeOptions = {}): NodeSpec {
	return {
		name,
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		at,
		parameters: { mode: 'runOnceForAllItems', jsCode: codeFile(file) },
		...options,
	};
}

/** An If or Filter node testing one JavaScript expression (true → output 0 / kept). */
function conditionNode(type: 'if' | 'filter') {
	return (name: string, at: Cell, test: string, options: NodeOptions = {}): NodeSpec => ({
		name,
		type: `n8n-nodes-base.${type}`,
		typeVersion: 2.2,
		at,
		parameters: {
			conditions: {
				options: { caseSensitive: true, leftValue: '', typeValidation: 'loose', version: 2 },
				conditions: [
					{
						id: stableId(name, test),
						leftValue: expr(test),
						rightValue: '',
						operator: { type: 'boolean', operation: 'true', singleValue: true },
					},
				],
				combinator: 'and',
			},
			looseTypeValidation: true,
			options: {},
		},
		...options,
	});
}

/** If node: output 0 when `test` (a JavaScript expression) is true, output 1 otherwise. */
export const ifNode = conditionNode('if');

/** Filter node: keeps the items for which `test` is true. */
export const filter = conditionNode('filter');

/** An n8n core node (`n8n-nodes-base.<type>`); `webhook` gives it a webhookId (triggers, webhooks). */
export function core(name: string, at: Cell, type: string, typeVersion: number, parameters: Record<string, unknown>, webhook = false): NodeSpec {
	return { name, type: `n8n-nodes-base.${type}`, typeVersion, at, parameters, webhook };
}

export function noOp(name: string, at: Cell): NodeSpec {
	return core(name, at, 'noOp', 1, {});
}

export function stopAndError(name: string, at: Cell, message: string): NodeSpec {
	return core(name, at, 'stopAndError', 1, { errorMessage: message });
}
