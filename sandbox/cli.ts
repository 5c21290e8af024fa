/**
 * `npm run sandbox`: starts the GHL + Tookan stand-in on 127.0.0.1:5680 with seed data and prints its URLs,
 * the sandbox credentials and the webhook public key. Every flag has an environment equivalent:
 *
 *   --port N              SANDBOX_PORT            (default 5680; 0 = any free port)
 *   --host H              SANDBOX_HOST            (default 127.0.0.1; only this flag opens the sandbox beyond loopback)
 *   --seed-contacts N     SANDBOX_SEED_CONTACTS   (default 25 GHL contacts in location 1)
 *   --seed-businesses N   SANDBOX_SEED_BUSINESSES (default 3)
 *   --seed-tasks N        SANDBOX_SEED_TASKS      (default 40 Tookan tasks)
 *   --faults PROFILE      SANDBOX_FAULTS          (none | slow | flaky | storm | ratelimit)
 *   --fault-seed N        SANDBOX_FAULT_SEED      (deterministic fault dice)
 *   --token-ttl SECONDS   SANDBOX_TOKEN_TTL       (GHL access-token lifetime, default 86399)
 *   --webhook-retry-ms N  SANDBOX_WEBHOOK_RETRY_MS (delay before re-delivering after a 429, default 600000)
 */
import { parseArgs } from 'node:util';
import { createSandbox, type Sandbox } from './server';

const FLAGS = {
	port: ['SANDBOX_PORT', '5680'],
	host: ['SANDBOX_HOST', '127.0.0.1'],
	'seed-contacts': ['SANDBOX_SEED_CONTACTS', '25'],
	'seed-businesses': ['SANDBOX_SEED_BUSINESSES', '3'],
	'seed-tasks': ['SANDBOX_SEED_TASKS', '40'],
	faults: ['SANDBOX_FAULTS', 'none'],
	'fault-seed': ['SANDBOX_FAULT_SEED', ''],
	'token-ttl': ['SANDBOX_TOKEN_TTL', ''],
	'webhook-retry-ms': ['SANDBOX_WEBHOOK_RETRY_MS', ''],
} as const;
type Flag = keyof typeof FLAGS;

function settings(): Record<Flag, string> {
	const { values } = parseArgs({
		options: Object.fromEntries(Object.keys(FLAGS).map((k) => [k, { type: 'string' as const }])),
		strict: true,
	});
	const out = {} as Record<Flag, string>;
	for (const [flag, [env, fallback]] of Object.entries(FLAGS) as Array<[Flag, readonly [string, string]]>) {
		out[flag] = (values[flag] as string | undefined) ?? process.env[env] ?? fallback;
	}
	return out;
}

const optionalNumber = (value: string) => (value === '' ? undefined : Number(value));

async function main(): Promise<void> {
	const s = settings();
	const faultSeed = optionalNumber(s['fault-seed']);
	const tokenTtl = optionalNumber(s['token-ttl']);
	const retryDelay = optionalNumber(s['webhook-retry-ms']);
	const sandbox = await createSandbox({
		host: s.host,
		port: Number(s.port),
		faults: faultSeed === undefined ? s.faults : { profile: s.faults, seed: faultSeed },
		config: {
			...(tokenTtl === undefined ? {} : { ghl: { accessTokenTtlSeconds: tokenTtl } }),
			...(retryDelay === undefined ? {} : { webhooks: { retryDelayMs: retryDelay } }),
		},
		seed: {
			ghl: { contacts: Number(s['seed-contacts']), businesses: Number(s['seed-businesses']), tasksPerContact: 1, notesPerContact: 1, appointmentsPerContact: 1 },
			tookan: { tasks: Number(s['seed-tasks']) },
		},
	});
	process.stdout.write(banner(sandbox, s.faults));
	const stop = () => void sandbox.close().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

function banner(sandbox: Sandbox, faults: string): string {
	const info = sandbox.admin.info();
	const lines = [
		'Sandbox (GHL + Tookan stand-in) — sandbox-only test credentials, nothing here works against the real services',
		'',
		`  GHL API base URL     ${info.ghlBaseUrl}`,
		`  GHL authorize URL    ${info.authorizeUrl}`,
		`  GHL token URL        ${info.tokenUrl}`,
		`  Tookan API base URL  ${info.tookanBaseUrl}`,
		`  Admin API            ${info.url}/_admin`,
		'',
		`  GHL company (agency) ${info.ghl.companyId}`,
		`  GHL locations        ${info.ghl.locationIds.join(', ')}`,
		`  GHL PIT (location 1) ${info.ghl.pit}`,
		`  OAuth client id      ${info.ghl.clientId}`,
		`  OAuth client secret  ${info.ghl.clientSecret}`,
		`  Tookan api_key       ${info.tookan?.apiKey ?? '(Tookan module not mounted)'}`,
		`  Faults               ${faults}`,
		'',
		'  GHL webhook Ed25519 public key (x-ghl-signature):',
		info.keys.ed25519PublicKeyPem.trim(),
		'',
	];
	return `${lines.join('\n')}\n`;
}

main().catch((error: Error) => {
	process.stderr.write(`sandbox: ${error.message}\n`);
	process.exit(1);
});
