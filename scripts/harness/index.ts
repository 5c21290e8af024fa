/** The real-n8n harness: what e2e tests, the demo and benchmarks import. */
export { startN8n, N8nInstance, type StartOptions } from './start';
export { N8n } from './n8n';
export { N8nClient, N8nHttpError, type N8nConnection } from './client';
export { packPackage, buildPackage, isBuildFresh } from './pack';
export { installPackage } from './install-package';
export { ensureN8n, ensureNode24, cacheDir, COMPAT_N8N_VERSIONS, N8N_VERSION, NODE_VERSION } from './install';
export { nodeOutput, type Execution, type ExecutionStatus } from './executions';
export { executeWorkflowCli } from './execute-cli';
export type { WorkflowJson, CredentialRef } from './workflow-payload';
export { PACKAGE_NAME, PACKAGE_ROOT, REPO_ROOT } from './paths';
export { workflowWebhookSetup, type WorkflowWebhookSetup } from './trigger-setup';
export { exportCredentialsCli, exportWorkflowsCli } from './export-cli';
