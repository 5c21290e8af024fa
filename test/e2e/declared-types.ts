/**
 * The node and credential types this package declares, read the way n8n reads them: every file listed
 * in package.json's `n8n` section (built into dist/) is loaded and its exported classes instantiated.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../scripts/harness';

export interface DeclaredNode {
	name: string;
	usableAsTool: boolean;
	file: string;
}

export interface DeclaredCredential {
	name: string;
	file: string;
}

interface N8nSection {
	nodes?: string[];
	credentials?: string[];
}

function n8nSection(): N8nSection {
	return (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { n8n?: N8nSection }).n8n ?? {};
}

function instances(file: string): Array<Record<string, unknown>> {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const exported = require(join(PACKAGE_ROOT, file)) as Record<string, unknown>;
	return Object.values(exported)
		.filter((value): value is new () => Record<string, unknown> => typeof value === 'function')
		.map((Type) => new Type());
}

export function declaredNodes(): DeclaredNode[] {
	return (n8nSection().nodes ?? []).flatMap((file) =>
		instances(file).map((node) => {
			const description = node.description as { name: string; usableAsTool?: unknown };
			return { name: description.name, usableAsTool: Boolean(description.usableAsTool), file };
		}),
	);
}

export function declaredCredentials(): DeclaredCredential[] {
	return (n8nSection().credentials ?? []).flatMap((file) =>
		instances(file).map((credential) => ({ name: credential.name as string, file })),
	);
}
