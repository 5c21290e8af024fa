import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IPollFunctions,
	ITriggerFunctions,
	IWebhookFunctions,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, sleep } from 'n8n-workflow';

import type { BuiltRequest } from '../types';
import { budgetFor, readRateHeaders, type BudgetLimits, type RateBudget, type Ticket } from './budget';
import { gateFor } from './refresh';
import { bodyObject, fromError, fromResponse, type Attempt } from './response';

/** Any n8n context that may send authenticated requests (actions, dropdowns, triggers). */
export type ApiFunctions =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IPollFunctions
	| ITriggerFunctions
	| IHookFunctions
	| IWebhookFunctions;

/** How one attempt is authenticated and addressed; produced by the service adapter for every attempt. */
export interface Prepared {
	credentialType: string;
	options: IHttpRequestOptions;
	/** Rate-limit bucket (GHL: app + location). */
	budgetKey: string;
	/** OAuth2 credentials go through the single-refresher gate. */
	oauth: boolean;
	/** Identifies the credential for the refresh gate. */
	refreshKey: string;
	/** Sign with these values instead of the node's stored credential (agency location tokens). */
	credentialsDecrypted?: ICredentialsDecrypted;
}

export type Outcome = { ok: true; data: IDataObject } | { ok: false; message: string; description?: string };

export interface ServiceAdapter {
	/** "GHL", "Tookan": used in messages. */
	label: string;
	/** Burst limits assumed until the server says otherwise; undefined = no client-side budget. */
	limits?: BudgetLimits;
	prepare(fn: ApiFunctions, request: BuiltRequest): Promise<Prepared>;
	/** Reads a 2xx body; a service whose errors arrive as 200 (Tookan) reports them here. */
	unwrap(body: IDataObject, request: BuiltRequest): Outcome;
	/** A message a person can act on, for a failed attempt. */
	explain(attempt: Attempt, request: BuiltRequest): { message: string; description?: string };
	/** Whether this 401 means an expired access token (a refresh can fix it). */
	isExpiredToken(attempt: Attempt): boolean;
	/** Whether the refresh this attempt included was refused for good (revoked or spent refresh token). */
	isRefreshRefused?(attempt: Attempt): boolean;
	/** Called when a token used for an attempt was refused (e.g. drop a cached agency location token). */
	onAuthRejected?(request: BuiltRequest): void;
}

export interface SendSettings {
	/** Retries for 5xx, resets and timeouts. */
	retries: number;
	/** Attempts allowed for 429 answers (each waits for the rate window). */
	rateLimitRetries: number;
	timeoutMs: number;
}

const MAX_AUTH_ROUNDS = 3;

export const DEFAULT_SETTINGS: SendSettings = { retries: 5, rateLimitRetries: 30, timeoutMs: 30_000 };

function backoff(attempt: number, capMs = 10_000): number {
	const base = Math.min(capMs, 300 * 2 ** attempt);
	return Math.round(base / 2 + Math.random() * (base / 2));
}

/**
 * How long a refused request waits before it queues for the budget again: a few of the window's slots,
 * doubling with each refusal, never more than one window, with jitter so retries do not arrive together.
 */
function rateLimitWait(budget: RateBudget | undefined, refusals: number): number {
	if (!budget) return Math.max(backoff(refusals - 1), 250);
	const base = Math.min(budget.intervalMs, budget.slotMs * 2 ** Math.min(refusals, 10));
	return Math.round(base / 2 + Math.random() * (base / 2));
}

function isTransient(attempt: Attempt): boolean {
	if (attempt.status === undefined) return attempt.code !== undefined;
	return attempt.status >= 500 || attempt.status === 408;
}

/** A failure where the request may have been applied (the answer was lost). */
function isAmbiguous(attempt: Attempt): boolean {
	return isTransient(attempt) && attempt.code !== 'ECONNREFUSED';
}

const TIMEOUT_CODES = ['ETIMEDOUT', 'ECONNABORTED', 'ESOCKETTIMEDOUT'];

/**
 * How long to wait before looking for the record a lost attempt may have created. When our own timeout gave
 * up, the request may still be on its way (queued in a busy server or proxy) and land after a quick look
 * found nothing; giving it as long again as it already had makes such a late write visible to the look.
 */
function recoveryWait(attempt: Attempt, failures: number, timeoutMs: number): number {
	const timedOut = attempt.status === undefined && TIMEOUT_CODES.includes(attempt.code ?? '');
	return Math.max(backoff(failures), timedOut ? timeoutMs : 0);
}

function apiError(
	fn: ApiFunctions,
	request: BuiltRequest,
	attempt: Attempt,
	explained: { message: string; description?: string },
): NodeApiError {
	const body = bodyObject(attempt.body);
	return new NodeApiError(fn.getNode(), (Object.keys(body).length ? body : { message: explained.message }) as JsonObject, {
		message: explained.message,
		description: explained.description,
		httpCode: attempt.status !== undefined ? String(attempt.status) : attempt.code,
		itemIndex: request.itemIndex,
	});
}

async function attemptOnce(
	fn: ApiFunctions,
	prepared: Prepared,
	allowRefresh: boolean,
	timeoutMs: number,
): Promise<Attempt> {
	const options: IHttpRequestOptions = {
		...prepared.options,
		returnFullResponse: true,
		timeout: prepared.options.timeout ?? timeoutMs,
	};
	const extra = {
		...(prepared.oauth ? { oauth2: { skipTokenRefresh: !allowRefresh } } : {}),
		...(prepared.credentialsDecrypted ? { credentialsDecrypted: prepared.credentialsDecrypted } : {}),
	};
	try {
		const helpers = fn.helpers as IExecuteFunctions['helpers'];
		const response = (await helpers.httpRequestWithAuthentication.call(
			fn as IExecuteFunctions,
			prepared.credentialType,
			options,
			extra,
		)) as IDataObject;
		return fromResponse(response);
	} catch (error) {
		return fromError(error);
	}
}

/**
 * Sends one request with the service's authentication, inside the rate budget, retrying what is safe to
 * retry: 429 (after the window), 5xx, resets and timeouts (with exponential backoff and jitter). A request
 * that is not idempotent is retried after an ambiguous failure only when `request.recover` confirms it was
 * not applied (or returns the record it created).
 */
export async function send(
	fn: ApiFunctions,
	adapter: ServiceAdapter,
	request: BuiltRequest,
	settings: SendSettings = DEFAULT_SETTINGS,
): Promise<IDataObject> {
	let transientFailures = 0;
	/** 429s met while no request of the bucket got through: only these count towards giving up. */
	let rateLimited = 0;
	let refusals = 0;
	let progress = -1;
	/** Tokens can expire again between a refresh and the re-send; a few refresh rounds are normal. */
	let authRounds = 0;
	for (;;) {
		const prepared = await adapter.prepare(fn, request);
		const gate = prepared.oauth ? gateFor(prepared.refreshKey) : undefined;
		const budget = adapter.limits ? budgetFor(prepared.budgetKey, adapter.limits) : undefined;
		await gate?.idle();
		let ticket: Ticket | undefined = await budget?.acquire();
		let attempt = await attemptOnce(fn, prepared, false, settings.timeoutMs);
		let dailySpent = budget?.observe(attempt.status, readRateHeaders(attempt.headers), ticket) ?? false;

		if (attempt.status === 401 && adapter.isExpiredToken(attempt) && authRounds < MAX_AUTH_ROUNDS) {
			authRounds++;
			adapter.onAuthRejected?.(request);
			if (gate) {
				const outcome = await gate.run(async () => {
					ticket = await budget?.acquire();
					return await attemptOnce(fn, prepared, true, settings.timeoutMs);
				});
				if (!outcome.ran) {
					// Another request refreshed meanwhile. If GHL refused that refresh, only reconnecting helps: this
					// request fails with the same answer instead of spending its own rounds on 401s, so a revoked
					// connection reads the same whichever request meets it first.
					const refused = outcome.result && adapter.isRefreshRefused?.(outcome.result);
					if (!refused) continue;
					throw apiError(fn, request, outcome.result as Attempt, adapter.explain(outcome.result as Attempt, request));
				}
				attempt = outcome.result;
				dailySpent = budget?.observe(attempt.status, readRateHeaders(attempt.headers), ticket) ?? false;
				if (attempt.status === 401 && adapter.isExpiredToken(attempt) && authRounds < MAX_AUTH_ROUNDS) continue;
			} else if (prepared.credentialsDecrypted) {
				continue;
			}
		}

		if (attempt.status !== undefined && attempt.status < 300) {
			const outcome = adapter.unwrap(bodyObject(attempt.body), request);
			if (outcome.ok) return outcome.data;
			throw apiError(fn, request, attempt, outcome);
		}

		if (attempt.status === 429) {
			// A refusal while other requests of the bucket get through (another process took the slot) is
			// this request's turn coming later, not a failure; the budget has already adjusted its share.
			if (!budget || progress < 0 || budget.succeeded === progress) rateLimited++;
			progress = budget?.succeeded ?? -1;
			refusals++;
			if (dailySpent || rateLimited > settings.rateLimitRetries || refusals > settings.rateLimitRetries * 10) {
				throw apiError(fn, request, attempt, adapter.explain(attempt, request));
			}
			await sleep(rateLimitWait(budget, refusals));
			continue;
		}

		if (isTransient(attempt) && transientFailures < settings.retries) {
			if (!request.idempotent && isAmbiguous(attempt)) {
				if (!request.recover) {
					const explained = adapter.explain(attempt, request);
					throw apiError(fn, request, attempt, {
						message: explained.message,
						description: `${explained.description ?? ''} The answer was lost, so this request (which is not safe to repeat) was not sent again: check whether it was applied before re-running the item.`.trim(),
					});
				}
				await sleep(recoveryWait(attempt, transientFailures, prepared.options.timeout ?? settings.timeoutMs));
				transientFailures++;
				const existing = await request.recover();
				if (existing) return existing;
				continue;
			}
			await sleep(backoff(transientFailures));
			transientFailures++;
			continue;
		}

		throw apiError(fn, request, attempt, adapter.explain(attempt, request));
	}
}
