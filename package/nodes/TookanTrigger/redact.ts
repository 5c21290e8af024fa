import type { IDataObject } from 'n8n-workflow';

/**
 * Field names that hold credentials. Tookan puts the account's `tookan_shared_secret` and an
 * `access_token` into every webhook; neither may reach the workflow's data (executions are stored and shown).
 */
const SECRET_NAME = /secret|api_?key|access_?token|refresh_?token|auth_?token|password|private_?key/i;

export function isSecretField(name: string): boolean {
	return SECRET_NAME.test(name);
}

/** A copy without any secret-looking field, at any depth. */
export function withoutSecrets<T>(value: T): T {
	if (Array.isArray(value)) return value.map((v) => withoutSecrets(v)) as T;
	if (!value || typeof value !== 'object') return value;
	const clean: IDataObject = {};
	for (const [key, v] of Object.entries(value as IDataObject)) {
		if (!isSecretField(key)) clean[key] = withoutSecrets(v);
	}
	return clean as T;
}
