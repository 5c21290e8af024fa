/**
 * The environment a harness-started n8n runs with: isolated (own user folder and ports, loopback only),
 * quiet (no diagnostics, version checks, templates, banners) and reproducible (fixed encryption key).
 */
import { dirname } from 'node:path';

/** Fixed so credentials stay decryptable across runs and the cached user-folder template stays valid. */
export const ENCRYPTION_KEY = 'ghl-tookan-harness-local-only';

export interface N8nEnvOptions {
	version: string;
	nodeBin: string;
	userFolder: string;
	port: number;
	brokerPort: number;
	extra?: Record<string, string>;
}

export function majorVersion(version: string): number {
	return Number(version.split('.')[0]);
}

/**
 * Inherited variables that would change how n8n behaves are dropped (N8N_*, DB_*, npm_*, NODE_OPTIONS …).
 * NODE_ENV matters: jest sets it to `test`, and n8n then exits at once without a word.
 */
function inheritedEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|WEBHOOK_URL$|GENERIC_TIMEZONE$|npm_|JEST_|NODE_ENV$|NODE_OPTIONS$|NODE_PATH$)/.test(key)) continue;
		env[key] = value;
	}
	return env;
}

export function n8nEnv(options: N8nEnvOptions): NodeJS.ProcessEnv {
	const base = `http://127.0.0.1:${options.port}/`;
	const env: NodeJS.ProcessEnv = {
		...inheritedEnv(),
		PATH: `${dirname(options.nodeBin)}:${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: options.userFolder,
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: base,
		N8N_WEBHOOK_URL: base,
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_LOG_OUTPUT: 'console',
		N8N_LOG_LEVEL: 'info',
		N8N_GIT_NODE_DISABLE_BARE_REPOS: 'true',
	};
	// 2.x only: the MCP server registry refresh calls api.n8n.io at startup (unknown module names crash 1.x).
	if (majorVersion(options.version) >= 2) env.N8N_DISABLED_MODULES = 'mcp-registry';
	else env.WEBHOOK_URL = base; // 1.x name (2.x warns it is deprecated)
	return { ...env, ...options.extra };
}
