/** GHL's error bodies (common-schemas.json DTOs and the messages GHL is known to send). */
export class GhlError extends Error {
	constructor(
		readonly status: number,
		readonly body: Record<string, unknown>,
		readonly headers: Record<string, string> = {},
	) {
		super(typeof body.message === 'string' ? body.message : JSON.stringify(body.message));
	}
}

export const badRequest = (message: string, extra: Record<string, unknown> = {}) =>
	new GhlError(400, { statusCode: 400, message, ...extra });

export const unauthorized = (message: string) =>
	new GhlError(401, { statusCode: 401, message, error: 'Unauthorized' });

export const forbidden = (message = 'The token does not have access to this location.') =>
	new GhlError(403, { statusCode: 403, message });

export const notFound = (message: string) => new GhlError(404, { statusCode: 404, message });

export const unprocessable = (messages: string[]) =>
	new GhlError(422, { statusCode: 422, message: messages, error: 'Unprocessable Entity' });

export const tooManyRequests = () => new GhlError(429, { statusCode: 429, message: 'Too many requests' });

export const MESSAGES = {
	versionMissing: 'version header was not found',
	invalidToken: 'Invalid token: access token is invalid',
	expired: 'Invalid JWT',
	scope: 'The token is not authorized for this scope.',
	userTypeMismatch: "Token's user type mismatch!",
	authClass: 'This authClass type is not allowed to access this scope. Please reach out to the Platform team to get it added.',
	location: 'The token does not have access to this location.',
};
