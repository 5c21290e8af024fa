import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { start } from '../shared/trigger/respond';
import { fetchRecords, withEnrichment } from './enrich';
import type { RecordKind } from './events';
import { NO_CONNECTION } from './properties';

/** Starts the execution for an accepted delivery; with Enrich on, the records are fetched after the answer. */
export async function startExecution(
	fn: IWebhookFunctions,
	item: IDataObject,
	fetch: Partial<Record<RecordKind, string>>,
	locationId: string | undefined,
): Promise<IWebhookResponseData> {
	const connected = fn.getNodeParameter('authentication', NO_CONNECTION) !== NO_CONNECTION;
	if (!connected || fn.getNodeParameter('enrich', false) !== true) return await start(fn, item);
	return await start(fn, item, async (event) => withEnrichment(event, await fetchRecords(fn, fetch, event, locationId)));
}
