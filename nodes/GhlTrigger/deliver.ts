import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { fetchRecords, withEnrichment } from './enrich';
import type { RecordKind } from './events';

/**
 * Starts one execution with `item`. With Enrich on, the sender gets its 200 first and the records are
 * fetched afterwards, so a slow API never delays the answer (GHL does not retry accepted deliveries).
 */
export async function startExecution(
	fn: IWebhookFunctions,
	item: IDataObject,
	fetch: Partial<Record<RecordKind, string>>,
	locationId: string | undefined,
): Promise<IWebhookResponseData> {
	if (fn.getNodeParameter('enrich', false) !== true) {
		return { workflowData: [fn.helpers.returnJsonArray([item])] };
	}
	fn.getResponseObject().status(200).json({ accepted: true, started: true });
	const enrichment = await fetchRecords(fn, fetch, item, locationId);
	return { noWebhookResponse: true, workflowData: [fn.helpers.returnJsonArray([withEnrichment(item, enrichment)])] };
}
