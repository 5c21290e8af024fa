import type { FastifyError, FastifyInstance } from 'fastify';
import { isPlainObject } from '../core/merge';
import { GHL_COLLECTIONS, type GhlCollection } from '../ghl/snapshot';
import { AdminError, type SandboxAdmin } from './handle';

type Body = Record<string, unknown>;
type Query = Record<string, string | undefined>;

/** The admin API (JSON) under /_admin; every route maps to one SandboxAdmin method. */
export function registerAdminRoutes(app: FastifyInstance, admin: SandboxAdmin): void {
	app.setErrorHandler((error: FastifyError, _request, reply) => {
		const status = error instanceof AdminError ? 400 : (error.statusCode ?? 500);
		return reply.code(status).send({ error: error.message });
	});
	const body = (value: unknown): Body => (isPlainObject(value) ? value : {});
	const num = (value: string | undefined) => (value === undefined ? undefined : Number(value));

	app.get('/', async () => admin.info());
	app.get('/info', async () => admin.info());
	app.post('/reset', async () => {
		admin.reset();
		return { ok: true };
	});
	app.post('/seed', async (request) => admin.seed(body(request.body)));

	app.get('/state/ghl', async () => admin.state('ghl'));
	app.get('/state/tookan', async () => admin.state('tookan'));
	app.get<{ Params: { collection: string }; Querystring: Query }>('/state/ghl/:collection', async (request, reply) => {
		const { collection } = request.params;
		if (!(GHL_COLLECTIONS as readonly string[]).includes(collection)) {
			return reply.code(404).send({ error: `unknown collection ${collection} (known: ${GHL_COLLECTIONS.join(', ')})` });
		}
		const { locationId, contactId, id } = request.query;
		const items = admin.ghlRecords(collection as GhlCollection, { locationId, contactId, id });
		return { [collection]: items, count: items.length };
	});

	app.get('/config', async () => admin.config());
	app.put('/config', async (request) => admin.updateConfig(body(request.body)));

	app.get('/faults', async () => admin.faults());
	app.put('/faults', async (request) => {
		const input = typeof request.body === 'string' ? request.body : body(request.body);
		return admin.setFaults(input);
	});

	app.get('/webhooks', async () => ({ targets: admin.webhooks() }));
	app.post('/webhooks', async (request, reply) => reply.code(201).send(admin.addWebhook(body(request.body) as never)));
	app.delete('/webhooks', async () => {
		admin.clearWebhooks();
		return { ok: true };
	});
	app.delete<{ Params: { id: string } }>('/webhooks/:id', async (request, reply) =>
		admin.removeWebhook(request.params.id) ? { ok: true } : reply.code(404).send({ error: 'unknown webhook target' }),
	);
	app.get('/webhooks/deliveries', async () => ({ deliveries: admin.deliveries() }));
	app.post('/webhooks/drain', async () => {
		await admin.drainWebhooks();
		return { ok: true };
	});

	app.post('/events/ghl', async (request) => ({ event: admin.fireGhlEvent(body(request.body) as never) }));
	app.post('/events/tookan', async (request) => {
		const { jobId, status } = body(request.body);
		return { task: admin.setTookanTaskStatus(Number(jobId), Number(status)) };
	});

	app.post('/tokens', async (request) => admin.issueTokens(body(request.body)));
	app.post('/tokens/expire', async (request) => admin.expireTokens(body(request.body)));
	app.post('/tokens/revoke', async (request) => admin.revokeRefreshTokens(body(request.body)));
	app.post('/locations', async (request, reply) => reply.code(201).send(admin.createLocation(body(request.body))));
	app.post('/pits', async (request, reply) => reply.code(201).send(admin.createPit(body(request.body))));

	app.get<{ Querystring: Query }>('/requests', async (request) =>
		admin.requests({ service: request.query.service, since: num(request.query.since), limit: num(request.query.limit) }),
	);
	app.delete('/requests', async () => {
		admin.clearRequests();
		return { ok: true };
	});

	app.get('/keys', async () => admin.keys());
}
