import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import type { BudgetLimits } from '../transport/budget';
import type { Attempt } from '../transport/response';
import { bodyObject } from '../transport/response';
import type { Prepared, ServiceAdapter } from '../transport/send';
import type { BuiltRequest } from '../types';
import { TOOKAN_CREDENTIAL, type TookanContext } from './context';
import { isEmptyResult, recordsOf, STATUS } from './envelope';

/**
 * Tookan documents no rate limit and sends no rate headers. Real sync code spaces its calls 100-2000 ms
 * apart and the research recommends about 200 ms between calls in bulk loops, so one API key gets at most
 * 5 requests per second from this process (bursts of 5, then evenly spread). If Tookan ever answers 429
 * the budget shrinks further on its own (and grows back as requests succeed).
 */
export const TOOKAN_LIMITS: BudgetLimits = { max: 5, intervalMs: 1000 };

/** The rate-budget bucket of a credential (exported so tests and benchmarks can look at it). */
export const budgetKeyOf = (credentialId: string) => `tookan:${credentialId}`;

function where(request: BuiltRequest): string {
	return `${request.method} /${request.path}`;
}

/** What a non-200 body status means, in words a person can act on. */
function describeStatus(status: number, said: string, request: BuiltRequest): { message: string; description: string } {
	const at = `Tookan answered status ${status}${said ? ` ("${said}")` : ''} to ${where(request)}.`;
	switch (status) {
		case STATUS.INVALID_KEY:
			return {
				message: 'The Tookan API key is invalid',
				description: `${at} Check the API key of the Tookan credential: in the Tookan dashboard, Settings › API Keys (a V2 key).`,
			};
		case STATUS.PARAMETER_MISSING:
			return {
				message: `Tookan says a parameter is missing${said ? `: ${said}` : ''}`,
				description: /user_id/i.test(said)
					? `${at} Set the User ID in the Tookan credential (your account ID from the dashboard).`
					: `${at} Fill in the parameter it names.`,
			};
		case STATUS.REFUSED:
			return { message: `Tookan refused the request: ${said || 'no reason given'}`, description: at };
		case STATUS.FAILED:
			return {
				message: `Tookan could not carry out the request: ${said || 'execution error'}`,
				description: `${at} This usually means the record does not exist (check the ID).`,
			};
		default:
			return { message: `Tookan answered with status ${status}${said ? `: ${said}` : ''}`, description: at };
	}
}

export const tookanAdapter: ServiceAdapter = {
	label: 'Tookan',
	limits: TOOKAN_LIMITS,

	async prepare(_fn, request): Promise<Prepared> {
		const context = request.context as TookanContext;
		const options: IHttpRequestOptions = {
			method: request.method,
			baseURL: context.baseUrl,
			url: `/${request.path}`,
			headers: { Accept: 'application/json' },
			json: true,
		};
		if (request.method === 'GET') {
			options.qs = { ...(request.body ?? {}), ...request.query };
		} else {
			options.body = request.body ?? {};
			if (Object.keys(request.query).length) options.qs = request.query;
		}
		const key = budgetKeyOf(context.credentialId);
		return { credentialType: TOOKAN_CREDENTIAL, options, budgetKey: key, oauth: false, refreshKey: key };
	},

	unwrap(body, request) {
		const list = request.options.list === true;
		const status = Number(body.status);
		if (status === STATUS.OK) return { ok: true, data: recordsOf(body, list) };
		const said = typeof body.message === 'string' ? body.message.trim() : '';
		if (list && isEmptyResult(said)) return { ok: true, data: recordsOf({ data: [] }, true) };
		if (!Number.isFinite(status) || body.status === undefined) {
			return {
				ok: false,
				message: 'Tookan answered without a status',
				description: `${where(request)} answered ${said ? `"${said.slice(0, 200)}"` : 'an empty or non-JSON body'}.`,
			};
		}
		return { ok: false, ...describeStatus(status, said, request) };
	},

	isExpiredToken() {
		return false;
	},

	explain(attempt: Attempt, request) {
		const body = bodyObject(attempt.body);
		const said = typeof body.message === 'string' ? body.message : '';
		if (body.status !== undefined && Number(body.status) !== STATUS.OK) {
			return describeStatus(Number(body.status), said, request);
		}
		const detail = `Tookan answered ${attempt.status ?? attempt.code}${said ? `: ${said}` : ''} (${where(request)}).`;
		if (attempt.status === undefined) {
			return {
				message: `Tookan could not be reached (${attempt.code ?? 'no response'})`,
				description: `${detail} The request was retried with backoff before giving up; check the API Base URL of the credential.`,
			};
		}
		if (attempt.status === 429) {
			return {
				message: 'Tookan kept answering "too many requests" after repeated waits',
				description: `${detail} Lower Request Options › Max Parallel Requests or spread the work over time.`,
			};
		}
		if (attempt.status === 401 || attempt.status === 403) {
			return { message: 'Tookan did not accept the credential', description: `${detail} Check the API key.` };
		}
		if (attempt.status === 404) {
			return {
				message: `Tookan has no endpoint "${request.path}"`,
				description: `${detail} Check the API Base URL of the credential (it should end in /v2).`,
			};
		}
		return { message: `Tookan answered with an error (HTTP ${attempt.status})`, description: detail };
	},
};

/** The records of an unwrapped answer. */
export function records(body: IDataObject): IDataObject[] {
	return Array.isArray(body.data) ? (body.data as IDataObject[]) : [];
}
