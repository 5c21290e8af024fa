import type { Service } from '../context';
import { isPlainObject } from '../merge';

/** Rate keys: an HTTP status ('429', '500', '502', '503', '504'), '5xx' (one of 500/502/503), 'reset', 'timeout', 'slow'. */
export const RATE_KEYS = ['429', '5xx', '500', '502', '503', '504', 'reset', 'timeout', 'slow'] as const;
export type RateKey = (typeof RATE_KEYS)[number];

export type FaultPhase = 'before' | 'after';

export interface FaultConfig {
	/** The named profile this configuration started from (informational). */
	profile?: string;
	/** Fixed latency added to every request. */
	latencyMs?: number;
	/** Random latency in [min, max] ms (overrides latencyMs). */
	latency?: { min: number; max: number };
	/** Probability (0..1) of each fault per request. */
	rates?: Partial<Record<RateKey, number>>;
	/** `before`: rejected, no state change; `after`: the handler ran, then the response is lost; `mixed`: half each. */
	phase?: FaultPhase | 'mixed';
	/** Seed for the fault dice; the same seed gives the same sequence of faults. */
	seed?: number;
	/** Services the profile applies to (default: all). Header faults always apply. */
	services?: Service[];
	/** How long a slow body takes to arrive (default 1500 ms). */
	slowBodyMs?: number;
	/** A timeout hangs until the client gives up; with timeoutMs > 0 the socket is dropped after that long. */
	timeoutMs?: number;
	/**
	 * Whether injected 429s carry GHL's rate-limit headers saying the window is full (default true). The storm
	 * and flaky profiles turn it off: their 429s are random refusals, not a full window.
	 */
	rateLimitHeaders?: boolean;
}

export const FAULT_PROFILES: Record<string, FaultConfig> = {
	none: {},
	slow: { latencyMs: 250 },
	flaky: { latency: { min: 0, max: 50 }, rates: { '5xx': 0.05, reset: 0.02, '429': 0.03 }, rateLimitHeaders: false },
	storm: { rates: { '429': 0.1, '5xx': 0.05, reset: 0.02, timeout: 0.01 }, rateLimitHeaders: false },
	ratelimit: { rates: { '429': 0.3 } },
};

/** A profile name, or a config (optionally `{profile: name, ...overrides}`), as one normalised config. */
export function resolveFaultConfig(input: string | FaultConfig | undefined): FaultConfig {
	if (input === undefined || input === '') return { profile: 'none' };
	if (typeof input === 'string') return fromProfile(input, {});
	if (!isPlainObject(input)) throw new Error('faults must be a profile name or an object');
	const config = input as FaultConfig;
	return config.profile ? fromProfile(config.profile, config) : validate({ ...config });
}

function fromProfile(name: string, overrides: FaultConfig): FaultConfig {
	const base = FAULT_PROFILES[name];
	if (!base) throw new Error(`unknown fault profile "${name}" (known: ${Object.keys(FAULT_PROFILES).join(', ')})`);
	return validate({ ...structuredClone(base), ...overrides, profile: name });
}

function validate(config: FaultConfig): FaultConfig {
	for (const [key, rate] of Object.entries(config.rates ?? {})) {
		if (!(RATE_KEYS as readonly string[]).includes(key)) throw new Error(`unknown fault rate "${key}"`);
		if (typeof rate !== 'number' || rate < 0 || rate > 1) throw new Error(`fault rate "${key}" must be within 0..1`);
	}
	const total = Object.values(config.rates ?? {}).reduce((sum, rate) => sum + (rate ?? 0), 0);
	if (total > 1) throw new Error('fault rates add up to more than 1');
	if (config.phase && !['before', 'after', 'mixed'].includes(config.phase)) throw new Error('phase must be before, after or mixed');
	if (config.latency && !(config.latency.min >= 0 && config.latency.max >= config.latency.min)) {
		throw new Error('latency must be {min, max} with 0 <= min <= max');
	}
	return config;
}
