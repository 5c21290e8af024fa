/** What every handler works with: the state, the live settings, the clock and the webhook sender. */
import type { SandboxContext } from '../core/context';
import { tookanConfig, type TookanConfig } from './config';
import type { Params } from './params';
import type { State } from './store';

export interface Env {
	readonly state: State;
	readonly ctx: SandboxContext;
	config(): TookanConfig;
	now(): number;
}

export function makeEnv(ctx: SandboxContext, state: () => State): Env {
	return {
		get state() {
			return state();
		},
		ctx,
		config: () => tookanConfig(ctx),
		now: () => ctx.now(),
	};
}

/** What a handler returns: `data`, an optional success `message`, and keys placed next to `data`. */
export interface Reply {
	data: unknown;
	message?: string;
	top?: Record<string, unknown>;
}

export type Handler = (p: Params, env: Env) => Reply;

export type Handlers = Record<string, Handler>;

export const ok = (data: unknown, message?: string): Reply => ({ data, message });
