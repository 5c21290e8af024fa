/**
 * Tookan reports outcomes in the body `status` of a `{message, status, data}` envelope (HTTP stays 200).
 * Handlers throw a TookanError to answer with one of the error codes.
 */
export const STATUS = {
	OK: 200,
	PARAMETER_MISSING: 100,
	INVALID_KEY: 101,
	SHOW_ERROR_MESSAGE: 201,
	ERROR_IN_EXECUTION: 404,
} as const;

export type BodyStatus = (typeof STATUS)[keyof typeof STATUS];

export class TookanError extends Error {
	constructor(
		readonly status: BodyStatus,
		message: string,
		readonly data: unknown = {},
	) {
		super(message);
	}
}

export const missing = (name: string): TookanError =>
	new TookanError(STATUS.PARAMETER_MISSING, `Some parameter missing: ${name}`);

export const invalid = (message: string): TookanError => new TookanError(STATUS.SHOW_ERROR_MESSAGE, message);

export const notFound = (message: string): TookanError => new TookanError(STATUS.ERROR_IN_EXECUTION, message);
