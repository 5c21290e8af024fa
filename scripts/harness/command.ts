import { spawn } from 'node:child_process';

export interface CommandResult {
	code: number;
	stdout: string;
	stderr: string;
}

/** Runs a command to completion, collecting its output; rejects (with the output) on a non-zero exit. */
export function runCommand(
	cmd: string,
	args: string[],
	options: { cwd?: string; env?: NodeJS.ProcessEnv; allowFailure?: boolean } = {},
): Promise<CommandResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, {
			cwd: options.cwd,
			env: options.env ?? process.env,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
		child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
		child.once('error', reject);
		child.once('close', (code) => {
			const result = { code: code ?? 1, stdout, stderr };
			if (result.code === 0 || options.allowFailure) resolve(result);
			else reject(new Error(`${cmd} ${args.join(' ')} exited ${result.code}\n${stdout}\n${stderr}`));
		});
	});
}
