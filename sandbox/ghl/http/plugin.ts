import type { FastifyError, FastifyInstance } from 'fastify';
import { GhlError } from './errors';

/**
 * Body parsing and error rendering for the GHL API scope: JSON (an empty body is allowed, e.g. DELETE with
 * Content-Type but no body), form-encoded (OAuth endpoints), GHL-shaped errors and 404s.
 */
export function configureGhlScope(app: FastifyInstance): void {
	app.removeContentTypeParser(['application/json']);
	app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
		const text = String(body);
		if (text.trim() === '') return done(null, undefined);
		try {
			done(null, JSON.parse(text));
		} catch (error) {
			done(new GhlError(400, { statusCode: 400, message: `Unexpected token in JSON body: ${(error as Error).message}` }), undefined);
		}
	});
	app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
		done(null, Object.fromEntries(new URLSearchParams(String(body))));
	});

	app.setErrorHandler((error: FastifyError | GhlError, _request, reply) => {
		if (error instanceof GhlError) return reply.code(error.status).headers(error.headers).send(error.body);
		const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
		const message = status === 500 ? 'Internal Server Error' : error.message;
		return reply.code(status).send({ statusCode: status, message });
	});

	app.setNotFoundHandler((request, reply) => {
		const path = request.url.split('?')[0].replace(/^\/ghl/, '');
		return reply.code(404).send({ statusCode: 404, message: `Cannot ${request.method} ${path}`, error: 'Not Found' });
	});
}
