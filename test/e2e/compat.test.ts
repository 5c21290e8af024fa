/**
 * Compatibility: the packed package installs and works on both n8n release lines. On the shared instance
 * (the newest 2.x this registry installs) and on a fresh n8n 1.x: every node and credential of the package is
 * listed, template 1 runs end to end (a signed GHL contact event creates the Tookan customer), and template 2's
 * GHL entry gets its token from n8n (generated into its GHL Workflow Webhook credential) and accepts the URL its
 * panel shows.
 */
import { randomUUID } from 'node:crypto';

import { COMPAT_N8N_VERSIONS, packPackage, PACKAGE_NAME, startN8n, type N8n } from '../../scripts/harness';
import { settle } from '../../scripts/templates/events';
import { installTemplates, uninstallTemplates } from '../../scripts/templates/install';
import { ADA } from '../../scripts/templates/samples';
import { createGhlContact, tookanOf } from '../../scripts/templates/sandbox-api';
import { createSandbox } from '../../sandbox/server';
import { declaredCredentials, declaredNodes } from './declared-types';
import { getN8n } from './n8n';

const N8N_1X = COMPAT_N8N_VERSIONS.find((v) => v.startsWith('1.')) ?? '1.123.81';

async function smoke(n8n: N8n): Promise<void> {
	const nodeTypes = new Set((await n8n.listNodeTypes()).map((t) => t.name));
	const credentialTypes = new Set((await n8n.listCredentialTypes()).map((t) => t.name));
	expect(declaredNodes().filter((node) => !nodeTypes.has(`${PACKAGE_NAME}.${node.name}`))).toEqual([]);
	expect(declaredCredentials().filter((c) => !credentialTypes.has(c.name))).toEqual([]);

	const sandbox = await createSandbox({ faults: 'none', config: { webhooks: { retryDelayMs: 20 } } });
	try {
		const installed = await installTemplates(n8n, sandbox, {
			only: ['ghl-contact-to-tookan', 'form-to-ghl-contact'],
			label: randomUUID().slice(0, 8),
		});
		try {
			await createGhlContact(sandbox, ADA);
			await settle(n8n, sandbox, Object.values(installed.ids));
			const executions = await n8n.executions({ workflowId: installed.ids['ghl-contact-to-tookan'] });
			expect(executions.map((e) => e.status)).toEqual(['success']);
			const customers = (tookanOf(sandbox).snapshot() as { customers: Array<Record<string, unknown>> }).customers;
			expect(customers.filter((c) => c.customer_phone === ADA.phone)).toEqual([
				expect.objectContaining({ customer_username: 'Ada Lovelace', customer_email: ADA.email }),
			]);
			// the URL the panel shows (installTemplates reads it as the editor does): n8n generated the token
			const ghlForm = String(installed.urls.ghlForm);
			expect(ghlForm).toMatch(/\?token=[0-9a-f]{64}$/);
			const post = (url: string) =>
				fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ first_name: 'Compat', email: 'compat@example.com' }) });
			expect((await post(ghlForm.replace(/token=.*/, `token=${'0'.repeat(64)}`))).status).toBe(401);
			expect((await post(ghlForm)).status).toBe(200);
			await n8n.waitForExecutions(String(installed.ids['form-to-ghl-contact']), 1, 90_000);
		} finally {
			await uninstallTemplates(n8n, installed);
		}
	} finally {
		await sandbox.close();
	}
}

describe('compatibility', () => {
	it(`works on the shared n8n ${getN8n().version}`, async () => {
		await smoke(getN8n());
	});

	it(`works on n8n ${N8N_1X}`, async () => {
		const n8n = await startN8n({ version: N8N_1X, packageTarball: await packPackage() });
		try {
			expect(n8n.version.startsWith('1.')).toBe(true);
			await smoke(n8n);
		} finally {
			await n8n.stop();
		}
	}, 600_000);
});
