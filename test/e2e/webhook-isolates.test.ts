/**
 * What a delivery costs n8n's expression engine, read from n8n's own metrics (N8N_METRICS=true,
 * `n8n_expression_pool_acquired_total`), on an instance of its own:
 *
 * - with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true, no delivery takes an isolate: GHL Trigger v2 app events, the
 *   workflow webhook whose token comes from its credential (read in the webhook phase), Tookan Trigger v2 (its
 *   shared secret read from its credential), webhook phase and execution alike;
 * - under n8n's defaults, where every credential read takes one (n8n resolves the credential's expressions in a
 *   fresh context), the credential triggers take no more than the app trigger plus one per credential read, and
 *   they read their credential at most once per FRESH_MS (package/nodes/shared/trigger/secret.ts).
 */
import { packPackage, startN8n, type N8nInstance } from '../../scripts/harness';
import { FRESH_MS } from '../../package/nodes/shared/trigger/secret';
import { allKinds, publishKind, RECEIVED, send, type PublishedKind } from './trigger-kinds';

const DELIVERIES = 20;

async function acquired(n8n: N8nInstance): Promise<number> {
	const text = await (await fetch(`${n8n.connection.url}metrics`)).text();
	const line = text.split('\n').find((l) => l.startsWith('n8n_expression_pool_acquired_total'));
	return Number(line?.split(' ').pop() ?? NaN);
}

/** Isolates taken and seconds spent for DELIVERIES new deliveries of each kind (one kind at a time). */
async function measure(lazy: boolean): Promise<Record<string, { isolates: number; seconds: number }>> {
	const env: Record<string, string> = { N8N_METRICS: 'true', N8N_LOG_LEVEL: 'warn', N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: String(lazy) };
	const n8n = await startN8n({ packageTarball: await packPackage(), env });
	try {
		const kinds: PublishedKind[] = [];
		for (const kind of allKinds(n8n)) kinds.push(await publishKind(n8n, kind));
		const result: Record<string, { isolates: number; seconds: number }> = {};
		for (const kind of kinds) {
			const before = await acquired(n8n);
			const started = Date.now();
			for (let i = 0; i < DELIVERIES; i++) expect(await send(n8n.webhookUrl, kind, `iso-${lazy}-${i}`)).toEqual({ status: 200, body: RECEIVED });
			await n8n.waitForExecutions(kind.workflowId, DELIVERIES, 90_000);
			result[kind.name] = { isolates: (await acquired(n8n)) - before, seconds: (Date.now() - started) / 1000 };
		}
		process.stdout.write(`[webhook-isolates] lazy=${lazy}: ${JSON.stringify(result)}\n`);
		return result;
	} finally {
		await n8n.stop();
	}
}

it('with lazy acquisition no delivery takes an expression isolate, credential triggers included', async () => {
	const measured = await measure(true);
	expect(Object.values(measured).map((m) => m.isolates)).toEqual([0, 0, 0]);
}, 300_000);

it("under n8n's defaults a credential trigger takes one isolate more per credential read, at most one read per FRESH_MS", async () => {
	const measured = await measure(false);
	const app = measured['GHL Trigger v2 (app)'].isolates;
	expect(app).toBeGreaterThan(0);
	for (const name of ['GHL Trigger v2 (workflow webhook)', 'Tookan Trigger v2']) {
		const { isolates, seconds } = measured[name];
		const reads = Math.ceil((seconds * 1000) / FRESH_MS) + 1;
		expect([name, isolates - app <= reads]).toEqual([name, true]);
	}
}, 300_000);
