import type { KeyObject } from 'crypto';
import type { IDataObject, INode } from 'n8n-workflow';

import { fingerprint } from '../shared/trigger/secret';
import { GHL_ED25519_PUBLIC_KEY, GHL_RSA_PUBLIC_KEY } from './keys';
import { MIN_TOKEN_LENGTH, TOKEN_SOURCE } from './properties';
import { ed25519Key, rsaKey, type VerificationKeys } from './signature';
import { WORKFLOW_WEBHOOK_CREDENTIAL } from './token';

/** What the trigger reads its parameters through (webhook and lifecycle contexts both offer it). */
export interface ParameterReader {
	getNodeParameter(name: string, fallback?: unknown): unknown;
	getNode(): INode;
}

/** A setting that cannot work; the message reads after the setting's name. */
export class SettingsError extends Error {
	constructor(
		readonly setting: string,
		reason: string,
	) {
		super(`"${setting}" ${reason}`);
		this.name = 'SettingsError';
	}
}

export interface AppSettings {
	events: string[];
	locations: string[];
	appId: string;
	keys: VerificationKeys;
	/** 0 = no timestamp window. */
	maxAgeMs: number;
	/** Identifies these settings without revealing anything (for the registration record). */
	fingerprint: string;
}

function list(value: unknown): string[] {
	return String(value ?? '')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean);
}

/** Runs `step`; a failure becomes a SettingsError for `setting` (thrown outside the catch block). */
function checked<T>(setting: string, step: () => T): T {
	let failure: Error | undefined;
	let result: T | undefined;
	try {
		result = step();
	} catch (error) {
		failure = error as Error;
	}
	if (failure) throw new SettingsError(setting, failure.message);
	return result as T;
}

/** Reads settings without throwing: the settings, or the SettingsError explaining why they cannot work. */
export function attempt<T>(read: () => T): T | SettingsError {
	let failure: unknown;
	let result: T | undefined;
	try {
		result = read();
	} catch (error) {
		failure = error;
	}
	if (failure instanceof SettingsError) return failure;
	if (failure !== undefined) throw failure;
	return result as T;
}

interface ParsedKey {
	key: KeyObject;
	/** The key's SPKI DER in base64 (what the fingerprint covers: the key, not how it was pasted). */
	spki: string;
}

/**
 * Public keys already parsed, by their text. Every delivery reads the trigger's settings, and parsing a key
 * (and exporting it for the fingerprint) cost about as much as checking the signature itself; public keys
 * are no secret, so this process keeps the few it has seen (at most PARSED_KEYS, the oldest forgotten).
 */
const parsedKeys = new Map<string, ParsedKey>();
const PARSED_KEYS = 32;

function parsedKey(kind: 'ed25519' | 'rsa', text: string): ParsedKey {
	const id = `${kind}\n${text}`;
	let parsed = parsedKeys.get(id);
	if (!parsed) {
		const key = kind === 'ed25519' ? ed25519Key(text) : rsaKey(text);
		parsed = { key, spki: key.export({ format: 'der', type: 'spki' }).toString('base64') };
		if (parsedKeys.size >= PARSED_KEYS) parsedKeys.delete(parsedKeys.keys().next().value as string);
		parsedKeys.set(id, parsed);
	}
	return parsed;
}

export function readAppSettings(fn: ParameterReader): AppSettings {
	const events = (fn.getNodeParameter('events', []) as string[]) ?? [];
	if (!events.length) throw new SettingsError('Events', 'needs at least one event');
	const options = (fn.getNodeParameter('options', {}) ?? {}) as IDataObject;
	const publicKey = String(options.publicKey ?? '').trim() || GHL_ED25519_PUBLIC_KEY;
	const current = checked('Public Key', () => parsedKey('ed25519', publicKey));
	const previousKey = String(options.previousPublicKey ?? '').trim();
	const previous = previousKey ? checked('Previous Public Key', () => parsedKey('ed25519', previousKey)) : undefined;
	const legacyKey = String(options.legacyPublicKey ?? '').trim() || GHL_RSA_PUBLIC_KEY;
	const legacy = options.acceptLegacyRsa === true ? checked('Legacy RSA Public Key', () => parsedKey('rsa', legacyKey)) : undefined;
	const keys: VerificationKeys = { ed25519: current.key };
	if (previous) keys.previousEd25519 = previous.key;
	if (legacy) keys.rsa = legacy.key;
	const minutes = Number(options.maxAgeMinutes ?? 0);
	const settings = {
		events,
		locations: list(fn.getNodeParameter('locationIds', '')),
		appId: String(options.appId ?? '').trim(),
		maxAgeMs: Number.isFinite(minutes) && minutes > 0 ? minutes * 60_000 : 0,
	};
	const exported = [current, previous, legacy].map((k) => k?.spki);
	return { ...settings, keys, fingerprint: fingerprint(JSON.stringify({ ...settings, exported })) };
}

export type TokenSource = (typeof TOKEN_SOURCE)[keyof typeof TOKEN_SOURCE];

export interface AutomationSettings {
	/** Where tokens are accepted from: the credential (always in type version 2), the parameter, or both. */
	source: TokenSource;
	/** The type version 1 Secret Token parameter, when it counts. */
	parameterToken?: string;
	fingerprint: string;
}

function tokenSourceOf(fn: ParameterReader): TokenSource {
	if (fn.getNode().typeVersion >= 2) return TOKEN_SOURCE.credential;
	const source = fn.getNodeParameter('tokenSource', TOKEN_SOURCE.parameter);
	return source === TOKEN_SOURCE.both || source === TOKEN_SOURCE.credential ? source : TOKEN_SOURCE.parameter;
}

export function readAutomationSettings(fn: ParameterReader): AutomationSettings {
	const source = tokenSourceOf(fn);
	const credentialId = source === TOKEN_SOURCE.parameter ? '' : (fn.getNode().credentials?.[WORKFLOW_WEBHOOK_CREDENTIAL]?.id ?? '');
	if (source !== TOKEN_SOURCE.parameter && !credentialId) {
		throw new SettingsError('GHL Workflow Webhook credential', 'is not chosen');
	}
	if (source === TOKEN_SOURCE.credential) return { source, fingerprint: fingerprint(`credential:${credentialId}`) };
	const token = String(fn.getNodeParameter('secretToken', '') ?? '').trim();
	if (token.length < MIN_TOKEN_LENGTH) {
		throw new SettingsError('Secret Token', `must have at least ${MIN_TOKEN_LENGTH} characters`);
	}
	return { source, parameterToken: token, fingerprint: fingerprint(`${source}:${credentialId}:${fingerprint(token)}`) };
}
