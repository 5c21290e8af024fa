/**
 * Secret scans of a real n8n after the tests, counting every copy n8n keeps: every execution record with its
 * data and its snapshot of the workflow (public API, includeData: input and output items, error messages and
 * descriptions, workflowData), every workflow definition, every version in the workflows' history,
 * `n8n export:workflow --all`, and every line of the n8n log files the run wrote. No copy is exempt.
 *
 * Besides the run's fixed secrets (secrets.ts), the scans look for every secret the instance's credentials
 * hold (password fields, OAuth tokens) and the workflow-webhook tokens derived from them: a token n8n
 * generated must not appear anywhere either.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { GhlOAuth2Api } from '../../../package/credentials/GhlOAuth2Api.credentials';
import { GhlPrivateIntegrationApi } from '../../../package/credentials/GhlPrivateIntegrationApi.credentials';
import { GhlWorkflowWebhookApi } from '../../../package/credentials/GhlWorkflowWebhookApi.credentials';
import { TookanApi } from '../../../package/credentials/TookanApi.credentials';
import { credentialTokens, tokenNumberOf } from '../../../package/nodes/GhlTrigger/token';
import { exportCredentialsCli, exportWorkflowsCli, type N8n } from '../../../scripts/harness';
import { findSecrets, knownSecrets, scanValue, type Hit, type Secret } from './secrets';

/** Where the harness writes n8n's output (main, workers, compatibility releases). */
export const N8N_LOG_DIR = join(tmpdir(), 'ghl-tookan-n8n-logs');

export interface Scan {
	/** How many things were scanned (executions, lines). */
	scanned: number;
	hits: Hit[];
}

/** Password fields of this package's credentials and of n8n's OAuth2 base; other types: names that say secret. */
const PASSWORD_FIELDS = new Set(
	[new GhlOAuth2Api(), new GhlPrivateIntegrationApi(), new GhlWorkflowWebhookApi(), new TookanApi()]
		.flatMap((type) => type.properties)
		.filter((property) => property.typeOptions?.password)
		.map((property) => property.name)
		.concat(['clientSecret']),
);
const SECRET_NAME = /secret|token|password|api_?key|private_?key/i;
/** Shorter values are not looked for (a word like "all" is no secret and would match anywhere). */
const MIN_SECRET_LENGTH = 8;

/**
 * Every secret the instance's credentials hold (from `n8n export:credentials --all --decrypted`, kept in memory
 * only): password fields, OAuth access and refresh tokens, and for GHL Workflow Webhook credentials every
 * token derived from the Token Secret up to the current Token Number.
 */
export async function instanceSecrets(n8n: N8n): Promise<Secret[]> {
	const secrets: Secret[] = [];
	for (const credential of await exportCredentialsCli(n8n.connection)) {
		const add = (field: string, value: unknown) => {
			if (typeof value === 'string' && value.length >= MIN_SECRET_LENGTH && !value.startsWith('=')) {
				secrets.push({ label: `${credential.type}.${field} of credential ${credential.id}`, value });
			}
		};
		for (const [field, value] of Object.entries(credential.data ?? {})) {
			if (PASSWORD_FIELDS.has(field) || SECRET_NAME.test(field)) add(field, value);
		}
		const oauth = credential.data?.oauthTokenData as Record<string, unknown> | undefined;
		add('oauthTokenData.access_token', oauth?.access_token);
		add('oauthTokenData.refresh_token', oauth?.refresh_token);
		if (credential.type === 'ghlWorkflowWebhookApi') {
			const data = credential.data as ICredentialDataDecryptedObject;
			for (let number = tokenNumberOf(data); number >= 1; number--) {
				add(`token ${number}`, credentialTokens({ ...data, rotation: number }).current);
			}
		}
	}
	return secrets;
}

/** The run's fixed secrets and the instance's. */
export const allSecrets = (instance: Secret[]): Secret[] => [...knownSecrets(), ...instance];

export async function scanExecutions(n8n: N8n, secrets?: Secret[]): Promise<Scan> {
	const executions = await n8n.executions({ includeData: true });
	const hits = executions.flatMap((execution) => scanValue(execution, `n8n execution ${execution.id} (workflow ${execution.workflowId})`, secrets));
	return { scanned: executions.length, hits };
}

interface WorkflowPage {
	data: Array<{ id: string }>;
	nextCursor?: string | null;
}

/** Every workflow definition (public API, with nodes and their parameters). */
async function allWorkflows(n8n: N8n): Promise<Array<{ id: string }>> {
	const all: Array<{ id: string }> = [];
	let cursor: string | undefined;
	do {
		const page = await n8n.api<WorkflowPage>('GET', `/workflows?limit=250${cursor ? `&cursor=${cursor}` : ''}`);
		all.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return all;
}

export async function scanWorkflows(n8n: N8n, secrets?: Secret[]): Promise<Scan> {
	const workflows = await allWorkflows(n8n);
	return { scanned: workflows.length, hits: workflows.flatMap((workflow) => scanValue(workflow, `workflow ${workflow.id}`, secrets)) };
}

/** Every saved version of every workflow (n8n's workflow history). */
export async function scanHistory(n8n: N8n, secrets?: Secret[]): Promise<Scan> {
	let scanned = 0;
	const hits: Hit[] = [];
	for (const workflow of await allWorkflows(n8n)) {
		const versions = await n8n.rest<Array<{ versionId: string }>>('GET', `/workflow-history/workflow/${workflow.id}?take=1000`);
		for (const { versionId } of versions) {
			const version = await n8n.rest('GET', `/workflow-history/workflow/${workflow.id}/version/${versionId}`);
			scanned++;
			hits.push(...scanValue(version, `history version ${versionId} of workflow ${workflow.id}`, secrets));
		}
	}
	return { scanned, hits };
}

/** What `n8n export:workflow --all` writes (what a user shares or commits). */
export async function scanExport(n8n: N8n, secrets?: Secret[]): Promise<Scan> {
	const exported = await exportWorkflowsCli(n8n.connection);
	return { scanned: exported.length, hits: exported.flatMap((workflow) => scanValue(workflow, `n8n export:workflow --all, workflow ${String(workflow.id)}`, secrets)) };
}

/** The log files in the harness's log folder now. */
export function logFiles(dir = N8N_LOG_DIR): string[] {
	return existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith('.log')).map((name) => join(dir, name)) : [];
}

export function scanLogFiles(files: string[], secrets?: Secret[]): Scan {
	let scanned = 0;
	const hits: Hit[] = [];
	for (const file of files) {
		if (!existsSync(file)) continue;
		readFileSync(file, 'utf8')
			.split('\n')
			.forEach((line, i) => {
				scanned++;
				hits.push(...findSecrets(line, `${file}:${i + 1}`, secrets));
			});
	}
	return { scanned, hits };
}
