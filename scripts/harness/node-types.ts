/**
 * The node and credential types n8n serves to the editor (`/types/*.json`), i.e. what a user can pick.
 */
import type { N8nClient } from './client';

export interface NodeTypeInfo {
	name: string;
	displayName: string;
	version: number | number[];
	[key: string]: unknown;
}

export interface CredentialTypeInfo {
	name: string;
	displayName: string;
	[key: string]: unknown;
}

export function listNodeTypes(client: N8nClient): Promise<NodeTypeInfo[]> {
	return client.editorGet<NodeTypeInfo[]>('types/nodes.json');
}

export function listCredentialTypes(client: N8nClient): Promise<CredentialTypeInfo[]> {
	return client.editorGet<CredentialTypeInfo[]>('types/credentials.json');
}
