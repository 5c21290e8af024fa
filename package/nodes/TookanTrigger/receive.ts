import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { callTookan, records, TOOKAN_CREDENTIAL, withInstants } from '../shared/tookan';
import { claimDelivery } from '../shared/trigger/deliveries';
import { accept, delivered, DUPLICATE, refuse, reject, skip } from '../shared/trigger/respond';
import { verifyWithCredential, withVerifiedWith, type Secrets } from '../shared/trigger/secret';
import { notWanted, readFilters } from './filters';
import { withoutSecrets } from './redact';

export const SECRET_FIELD = 'tookan_shared_secret';

/** The shared secrets a delivery may carry: the credential's, and the previous one while it is being changed. */
export function sharedSecrets(credentials: ICredentialDataDecryptedObject): Secrets {
	const text = (value: unknown) => (typeof value === 'string' ? value : '');
	return { current: text(credentials.sharedSecret), previous: text(credentials.previousSharedSecret) };
}

/** Adds the task as the API returns it (with history); a failed lookup is reported, the event is kept. */
async function withTaskDetails(fn: IExecuteFunctions, item: IDataObject): Promise<IDataObject> {
	const jobId = Number(item.job_id);
	if (!Number.isFinite(jobId)) return { ...item, enriched: {}, enrichmentErrors: ['task: the event has no job_id'] };
	try {
		const answer = await callTookan(fn, 'get_job_details', { job_ids: [jobId], include_task_history: 1 });
		const task = records(answer)[0];
		if (!task) return { ...item, enriched: {}, enrichmentErrors: [`task: Tookan returned no task ${jobId}`] };
		return { ...item, enriched: { task: withoutSecrets(task) } };
	} catch (error) {
		return { ...item, enriched: {}, enrichmentErrors: [`task: ${(error as Error).message}`] };
	}
}

/**
 * A Tookan delivery: the body's `tookan_shared_secret` must equal the credential's secret, or its previous one
 * while it is being changed (timing-safe; the credential is read as secret.ts describes), before anything else
 * is read. Secrets are removed from the output (which says which secret matched while two are accepted); filtered-out
 * events and exact duplicates (the same body without its secrets) are acknowledged without starting the workflow.
 */
export async function receiveTookan(fn: IWebhookFunctions): Promise<IWebhookResponseData> {
	const { body } = await delivered(fn);
	const given = body[SECRET_FIELD];
	let verified;
	try {
		verified = await verifyWithCredential(fn, TOOKAN_CREDENTIAL, sharedSecrets, given);
	} catch {
		return refuse(fn, 'the Tookan credential could not be read');
	}
	if (!verified.configured) return refuse(fn, 'the Tookan credential has no Webhook Shared Secret');
	if (!verified.matched) {
		return reject(fn, 401, given === undefined || given === '' ? 'the shared secret is missing' : 'the shared secret is wrong');
	}
	const item = withInstants(withoutSecrets(body));
	const unwanted = notWanted(readFilters(fn.getNodeParameter('statuses', []), fn.getNodeParameter('templateKeys', '')), item);
	if (unwanted) return skip(unwanted);
	// the key is the event itself, whichever secret it came with
	const claim = claimDelivery(fn, JSON.stringify(item));
	return claim.first ? accept(fn, withVerifiedWith(item, verified.matched, verified.rotating), claim.hashed) : skip(DUPLICATE);
}

/** Fetch Task Details, in the execution phase (never delaying the answer; in a worker in queue mode). */
export async function fetchTaskDetails(fn: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	if (fn.getNodeParameter('enrich', 0, false) !== true) return items;
	return await Promise.all(items.map(async (item) => ({ ...item, json: await withTaskDetails(fn, item.json) })));
}
