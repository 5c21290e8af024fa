import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { N8nInstance } from '../../scripts/harness';
import { CONNECTION_ENV } from './connection';
import { INSTANCE_KEY } from './global-setup';

export default async function globalTeardown(): Promise<void> {
	const n8n = (globalThis as Record<string, unknown>)[INSTANCE_KEY] as N8nInstance | undefined;
	await n8n?.stop();
	const file = process.env[CONNECTION_ENV];
	if (file) rmSync(dirname(file), { recursive: true, force: true });
}
