import type { Service } from '../context';
import { createRandom, type Random } from '../random';
import { RATE_KEYS, type FaultConfig, type FaultPhase, type RateKey } from './profiles';

export type FaultAction =
	| { kind: 'status'; status: number; phase: FaultPhase; rateLimitHeaders?: boolean }
	| { kind: 'reset'; phase: FaultPhase }
	| { kind: 'timeout'; phase: FaultPhase; ms: number }
	| { kind: 'slow'; ms: number };

export interface FaultPlan {
	latencyMs: number;
	action?: FaultAction;
	source: 'header' | 'profile';
}

const FIVE_XX = [500, 502, 503];
const DEFAULT_SLOW_MS = 1500;

export class FaultHeaderError extends Error {}

/** Decides, per request, which fault (if any) to inject: the `x-sandbox-fault` header first, then the profile dice. */
export class FaultPlanner {
	private config: FaultConfig = { profile: 'none' };
	private random: Random = createRandom(1);

	configure(config: FaultConfig): void {
		this.config = config;
		this.random = createRandom(config.seed ?? Date.now());
	}

	current(): FaultConfig {
		return structuredClone(this.config);
	}

	plan(service: Service, header: string | undefined): FaultPlan | null {
		if (header) return parseFaultHeader(header, this.config);
		if (this.config.services && !this.config.services.includes(service)) return null;
		const latencyMs = this.latency();
		const action = this.rollAction();
		return latencyMs > 0 || action ? { latencyMs, action, source: 'profile' } : null;
	}

	private latency(): number {
		const { latency, latencyMs } = this.config;
		if (latency) return Math.round(latency.min + this.random() * (latency.max - latency.min));
		return latencyMs ?? 0;
	}

	private rollAction(): FaultAction | undefined {
		const rates = this.config.rates ?? {};
		const roll = this.random();
		let cumulative = 0;
		for (const key of RATE_KEYS) {
			cumulative += rates[key] ?? 0;
			if (roll < cumulative) return this.actionFor(key);
		}
		return undefined;
	}

	private actionFor(key: RateKey): FaultAction {
		const configured = this.config.phase ?? 'before';
		const phase: FaultPhase = configured === 'mixed' ? (this.random() < 0.5 ? 'before' : 'after') : configured;
		// a rate limiter refuses before the request is handled: a 429 never follows a write
		if (key === '429') return { kind: 'status', status: 429, phase: 'before', rateLimitHeaders: this.config.rateLimitHeaders !== false };
		if (key === 'reset') return { kind: 'reset', phase };
		if (key === 'timeout') return { kind: 'timeout', phase, ms: this.config.timeoutMs ?? 0 };
		if (key === 'slow') return { kind: 'slow', ms: this.config.slowBodyMs ?? DEFAULT_SLOW_MS };
		const status = key === '5xx' ? FIVE_XX[Math.floor(this.random() * FIVE_XX.length)] : Number(key);
		return { kind: 'status', status, phase };
	}
}

/**
 * `x-sandbox-fault` syntax: comma-separated faults, each `<kind>[;phase=after][;ms=N]`, where kind is
 * an HTTP status (429, 500, 503, ...), `5xx`, `reset`, `timeout`, `slow` or `latency` (needs ms).
 * Examples: `429`, `500;phase=after`, `reset;phase=after`, `latency;ms=300, timeout`, `slow;ms=2000`.
 */
export function parseFaultHeader(header: string, config: FaultConfig = {}): FaultPlan {
	const plan: FaultPlan = { latencyMs: 0, source: 'header' };
	for (const part of header.split(',').map((p) => p.trim()).filter(Boolean)) {
		const [kind, ...options] = part.split(';').map((p) => p.trim().toLowerCase());
		const opts = Object.fromEntries(options.map((o) => o.split('=').map((s) => s.trim())));
		const phase = opts.phase ?? 'before';
		if (phase !== 'before' && phase !== 'after') throw new FaultHeaderError(`invalid phase "${phase}"`);
		const ms = opts.ms === undefined ? undefined : Number(opts.ms);
		if (ms !== undefined && !(ms >= 0)) throw new FaultHeaderError(`invalid ms "${opts.ms}"`);
		if (kind === 'latency') plan.latencyMs = ms ?? 250;
		else if (kind === 'reset') plan.action = { kind: 'reset', phase };
		else if (kind === 'timeout') plan.action = { kind: 'timeout', phase, ms: ms ?? config.timeoutMs ?? 0 };
		else if (kind === 'slow') plan.action = { kind: 'slow', ms: ms ?? config.slowBodyMs ?? DEFAULT_SLOW_MS };
		else if (kind === '5xx') plan.action = { kind: 'status', status: 500, phase };
		else if (/^[45]\d\d$/.test(kind)) plan.action = { kind: 'status', status: Number(kind), phase };
		else throw new FaultHeaderError(`unknown fault "${kind}"`);
	}
	return plan;
}

export function describeFault(plan: FaultPlan): string {
	const parts: string[] = [];
	if (plan.latencyMs) parts.push(`latency ${plan.latencyMs}ms`);
	const a = plan.action;
	if (a) parts.push(a.kind === 'status' ? `${a.status} ${a.phase}` : a.kind === 'slow' ? 'slow body' : `${a.kind} ${a.phase}`);
	return parts.join(', ');
}
