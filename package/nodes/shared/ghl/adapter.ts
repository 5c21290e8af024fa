import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { plainRequest } from '../request';
import type { Attempt } from '../transport/response';
import { bodyObject } from '../transport/response';
import { send, type ApiFunctions, type Prepared, type ServiceAdapter } from '../transport/send';
import type { BuiltRequest } from '../types';
import { GHL_API_VERSION, OAUTH2, PIT, type GhlContext } from './context';
import { forgetLocationToken, locationToken } from './locationToken';

function messageOf(attempt: Attempt): string {
	const body = bodyObject(attempt.body);
	const message = body.message ?? body.error_description ?? body.error ?? '';
	return Array.isArray(message) ? message.join('; ') : String(message);
}

/** GHL (through n8n's refresh) refused the refresh token: revoked, expired or already spent. */
function refreshRefused(attempt: Attempt): boolean {
	const thrown = String((attempt.error as Error | undefined)?.message ?? '');
	return /invalid[_ ]grant|reconnect|refresh token (has been|was|is) (revoked|expired|invalid|used)/i.test(`${messageOf(attempt)} ${thrown}`);
}

function tokenKey(context: GhlContext): string {
	return `${context.credentialId}:${context.locationId}`;
}

function form(body: IDataObject | undefined): string {
	return Object.entries(body ?? {})
		.map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`)
		.join('&');
}

/** The id a 404 is about: the last path parameter, named after its placeholder. */
function missingRecord(request: BuiltRequest): string {
	const entries = Object.entries(request.pathParams);
	if (!entries.length) return 'The requested record';
	const [name, value] = entries[entries.length - 1];
	const what = name === 'id' ? 'note' : name.replace(/Id$/, '');
	return `The ${what} "${value}"`;
}

/** When the daily budget resets: `x-ratelimit-daily-reset` when GHL sends it, else `Retry-After`, else midnight UTC. */
function dailyReset(attempt: Attempt): Date | undefined {
	const reset = attempt.headers['x-ratelimit-daily-reset'];
	if (reset) {
		const n = Number(reset);
		const date = Number.isFinite(n) ? new Date(n < 1e12 ? n * 1000 : n) : new Date(reset);
		if (!Number.isNaN(date.getTime())) return date;
	}
	const seconds = Number(attempt.headers['retry-after']);
	if (Number.isFinite(seconds) && seconds > 0) return new Date(Math.floor((Date.now() + seconds * 1000) / 1000) * 1000);
	return undefined;
}

function describeDaily(attempt: Attempt): string {
	const reset = dailyReset(attempt);
	const when = reset ? `at ${reset.toISOString()}` : 'at midnight UTC';
	const limit = attempt.headers['x-ratelimit-limit-daily'] ?? '200,000';
	return `GHL's daily request limit (${limit} for this app and location) is used up. It resets ${when}; the node stopped retrying.`;
}

export const ghlAdapter: ServiceAdapter = {
	label: 'GHL',
	limits: { max: 100, intervalMs: 10_000 },

	async prepare(fn: ApiFunctions, request: BuiltRequest): Promise<Prepared> {
		const context = request.context as GhlContext;
		const headers: IDataObject = {
			Accept: 'application/json',
			Version: String(request.options.version ?? GHL_API_VERSION),
		};
		const options: IHttpRequestOptions = {
			method: request.method,
			baseURL: context.baseUrl,
			url: request.path,
			qs: request.query,
			headers,
			json: true,
		};
		if (request.options.form) {
			headers['Content-Type'] = 'application/x-www-form-urlencoded';
			options.body = form(request.body);
			options.json = false;
		} else if (request.body !== undefined) {
			options.body = request.body;
		}
		const bucket = `${context.credentialId}:${context.locationId || context.companyId || 'company'}`;
		if (context.credentialType === PIT) {
			return { credentialType: PIT, options, budgetKey: `pit:${bucket}`, oauth: false, refreshKey: bucket };
		}
		const agencyOnLocation = context.userType === 'Company' && context.locationId && !request.options.agency;
		if (!agencyOnLocation) {
			return { credentialType: OAUTH2, options, budgetKey: `app:${bucket}`, oauth: true, refreshKey: context.credentialId };
		}
		const token = await locationToken(tokenKey(context), async () => {
			const mint = plainRequest(request, 'POST', '/oauth/locationToken', {
				body: { companyId: context.companyId, locationId: context.locationId },
				idempotent: true,
			});
			mint.options = { form: true, agency: true };
			return await send(fn, ghlAdapter, mint);
		});
		return {
			credentialType: PIT,
			options,
			budgetKey: `app:${bucket}`,
			oauth: false,
			refreshKey: bucket,
			credentialsDecrypted: {
				id: `location-token:${bucket}`,
				name: 'GHL location token',
				type: PIT,
				data: { accessToken: token, locationId: context.locationId, baseUrl: context.baseUrl },
			},
		};
	},

	unwrap(body) {
		return { ok: true, data: body };
	},

	isExpiredToken(attempt) {
		if (attempt.status !== 401) return false;
		return !/scope|version header|user type|authclass|not authorized/i.test(messageOf(attempt));
	},

	isRefreshRefused: refreshRefused,

	onAuthRejected(request) {
		const context = request.context as GhlContext;
		if (context.userType === 'Company') forgetLocationToken(tokenKey(context));
	},

	explain(attempt, request) {
		const context = request.context as GhlContext;
		const where = context.locationId ? `location ${context.locationId}` : `agency ${context.companyId || '(unknown)'}`;
		const said = messageOf(attempt);
		const scopes = (request.options.scopes as string[] | undefined) ?? [];
		const detail = `GHL answered ${attempt.status ?? attempt.code}${said ? `: ${said}` : ''} (${request.method} ${request.path}, ${where}).`;
		if (refreshRefused(attempt)) {
			return {
				message: 'The GHL connection must be reconnected: its refresh token was refused (invalid_grant)',
				description: `${detail} The token was revoked or already used. Open the credential and connect it again; nothing was retried.`,
			};
		}
		switch (attempt.status) {
			case 401:
				if (/scope|not authorized/i.test(said)) {
					return {
						message: `The GHL connection is missing a permission${scopes.length ? `: it needs the scope ${scopes.join(' or ')}` : ''}`,
						description: `${detail} Add the scope to the Marketplace app (or the Private Integration Token) and reconnect the credential.`,
					};
				}
				if (/user type/i.test(said)) {
					return {
						message: 'This GHL call needs a sub-account (location) token',
						description: `${detail} Use a sub-account connection, or set Request Options › Location ID so the agency token is exchanged for a location token.`,
					};
				}
				return {
					message: 'GHL did not accept the credential',
					description: `${detail} The token may be revoked or expired beyond refresh: reconnect the credential.`,
				};
			case 403:
				return {
					message: `The GHL connection has no access to ${where}`,
					description: `${detail} Check the location the credential was installed on, or Request Options › Location ID.`,
				};
			case 404:
				return { message: `${missingRecord(request)} was not found in ${where}`, description: detail };
			case 400:
			case 422:
				return { message: `GHL did not accept the data: ${said || 'invalid request'}`, description: detail };
			case 429:
				if (attempt.headers['x-ratelimit-daily-remaining'] === '0') {
					return { message: describeDaily(attempt), description: detail };
				}
				return {
					message: 'GHL kept answering "too many requests" after repeated waits',
					description: `${detail} Lower Request Options › Max Parallel Requests or spread the work over time.`,
				};
			default:
				if (attempt.status === undefined) {
					return {
						message: `GHL could not be reached (${attempt.code ?? 'no response'})`,
						description: `${detail} The request was retried with backoff before giving up.`,
					};
				}
				return { message: `GHL answered with an error (${attempt.status})`, description: detail };
		}
	},
};
