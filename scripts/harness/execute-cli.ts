/**
 * `n8n execute --id` against a running instance's user folder: a second n8n process runs the
 * workflow in `cli` mode and prints the run. Slower than `runWorkflow` (it boots n8n and loads every
 * node first); kept as the fallback for instances without the internal run endpoint.
 */
import { runCommand } from './command';
import { freePort } from './ports';
import type { N8nInstance } from './start';

export interface CliRun {
	code: number;
	/** The `--rawOutput` JSON n8n printed, when it printed any. */
	output: unknown;
	stdout: string;
	stderr: string;
}

function lastJson(stdout: string): unknown {
	const start = stdout.indexOf('{');
	if (start < 0) return undefined;
	try {
		return JSON.parse(stdout.slice(start));
	} catch {
		return undefined;
	}
}

export async function executeWorkflowCli(instance: N8nInstance, id: string): Promise<CliRun> {
	const env = { ...instance.env, N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
	const result = await runCommand(
		instance.install.node.bin,
		[instance.install.bin, 'execute', `--id=${id}`, '--rawOutput'],
		{ env, allowFailure: true },
	);
	return { ...result, output: lastJson(result.stdout) };
}
