/**
 * The demo behind `npm start`: the sandbox with seed data and real n8n with this package installed, the
 * workflows/ templates imported with sandbox credentials and published, then sample events fired (a contact
 * created in GHL, a Tookan task moving through its statuses, a Tookan order, a form submission) and what
 * happened printed, with where to look. Runs until Ctrl-C.
 * `--once`: the same, then exits with a summary; non-zero when a check or an execution failed.
 */
import type { Sandbox } from '../../sandbox/server';
import { createSandbox } from '../../sandbox/server';
import { runDemoScenario, type Step } from '../templates/demo-scenario';
import { installTemplates, type InstalledTemplates } from '../templates/install';
import { PACKAGE_NAME } from './paths';
import { packPackage } from './pack';
import { freePort, isPortFree } from './ports';
import { startN8n, type N8nInstance } from './start';

const DEFAULT_PORT = 5678;
const DEFAULT_SANDBOX_PORT = 5680;

const say = (...lines: string[]) => process.stdout.write(`${lines.join('\n')}\n`);

/** The usual port when it is free (bookmarks keep working), any free port otherwise. */
async function portOr(wanted: number): Promise<number> {
	return (await isPortFree(wanted)) ? wanted : freePort();
}

function startSandbox(port: number): Promise<Sandbox> {
	return createSandbox({
		port,
		faults: 'none',
		seed: { ghl: { contacts: 25, businesses: 3, tasksPerContact: 1 }, tookan: { tasks: 40, agents: 8 } },
		config: { webhooks: { retryDelayMs: 1000 } },
	});
}

async function smokeCheck(n8n: N8nInstance): Promise<void> {
	const ours = (await n8n.listNodeTypes()).map((t) => t.name).filter((name) => name.startsWith(`${PACKAGE_NAME}.`));
	if (ours.length === 0) throw new Error(`n8n lists no ${PACKAGE_NAME} nodes`);
	say(`  nodes:     ${ours.map((name) => name.slice(PACKAGE_NAME.length + 1)).join(', ')}`);
}

function printStep(step: Step): void {
	say(`\n- ${step.title}`, ...step.checks.map((c) => `    ${c.ok ? 'ok  ' : 'FAIL'} ${c.text}`));
}

/** Executions per template by status; the count of failed ones. */
async function printExecutions(n8n: N8nInstance, installed: InstalledTemplates): Promise<number> {
	say('\nExecutions:');
	let failed = 0;
	for (const [slug, id] of Object.entries(installed.ids)) {
		const statuses = (await n8n.executions({ workflowId: id })).map((e) => e.status);
		const counts = [...new Set(statuses)].map((s) => `${statuses.filter((x) => x === s).length} ${s}`);
		failed += statuses.filter((s) => s !== 'success').length;
		say(`  ${slug.padEnd(22)} ${counts.join(', ') || 'none'}   ${n8n.url}workflow/${id}`);
	}
	return failed;
}

async function main(once: boolean): Promise<void> {
	const sandbox = await startSandbox(await portOr(Number(process.env.SANDBOX_PORT ?? DEFAULT_SANDBOX_PORT)));
	let n8n: N8nInstance | undefined;
	const shutdown = async () => {
		await n8n?.stop();
		await sandbox.close();
	};
	try {
		n8n = await startN8n({ packageTarball: await packPackage(), port: await portOr(Number(process.env.GHL_TOOKAN_DEMO_PORT ?? DEFAULT_PORT)) });
		say('', `n8n ${n8n.version} with ${PACKAGE_NAME} is running`, `  editor:    ${n8n.url}`, `  login:     ${n8n.email} / ${n8n.password}`);
		await smokeCheck(n8n);
		const installed = await installTemplates(n8n, sandbox, { label: '' });
		say(`  templates: ${Object.keys(installed.ids).length} imported from workflows/ and published, with sandbox credentials`);
		say('\nSample events:');
		const steps = await runDemoScenario(n8n, sandbox, installed, printStep);
		const failedExecutions = await printExecutions(n8n, installed);
		const failedChecks = steps.flatMap((s) => s.checks).filter((c) => !c.ok).length;
		say(
			'\nWhere to look:',
			`  n8n editor:      ${n8n.url}  (login ${n8n.email} / ${n8n.password})`,
			`  ops dashboard:   ${installed.urls.dashboard}`,
			`  n8n form:        ${installed.urls.form}`,
			`  sandbox state:   ${sandbox.url}/_admin/state/ghl  and  ${sandbox.url}/_admin/state/tookan`,
			`  sandbox info:    ${sandbox.url}/_admin/info`,
			`  n8n log:         ${n8n.logFile}`,
		);
		const ok = failedChecks === 0 && failedExecutions === 0;
		say('', ok ? `Summary: all ${steps.length} sample flows worked.` : `Summary: ${failedChecks} checks and ${failedExecutions} executions failed.`);
		if (once) {
			await shutdown();
			process.exit(ok ? 0 : 1);
		}
		say('Ctrl-C stops everything.');
		await new Promise<void>((resolve) => {
			process.once('SIGINT', resolve);
			process.once('SIGTERM', resolve);
		});
		await shutdown();
	} catch (error) {
		await shutdown();
		throw error;
	}
}

main(process.argv.includes('--once')).catch((error: unknown) => {
	process.stderr.write(`demo failed: ${error instanceof Error ? error.message : String(error)}\n`);
	process.exit(1);
});
