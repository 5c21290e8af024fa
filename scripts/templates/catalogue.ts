/**
 * The templates in workflows/: each is built from its builder (scripts/templates/<slug>.ts) into
 * workflows/<slug>.json, with a hand-written setup note workflows/<slug>.md next to it.
 */
import { join } from 'node:path';

import type { WorkflowJson } from '../harness';
import { REPO_ROOT } from '../harness/paths';
import type { Flow } from './flow';
import { formToGhlContact } from './form-to-ghl-contact';
import { ghlContactToTookan } from './ghl-contact-to-tookan';
import { leadSourceTags } from './lead-source-tags';
import { opsDashboard } from './ops-dashboard';
import { tookanTaskToGhl } from './tookan-task-to-ghl';

export const WORKFLOWS_DIR = join(REPO_ROOT, 'workflows');

export const TEMPLATES: ReadonlyArray<() => Flow> = [ghlContactToTookan, formToGhlContact, tookanTaskToGhl, leadSourceTags, opsDashboard];

export type TemplateSlug = 'ghl-contact-to-tookan' | 'form-to-ghl-contact' | 'tookan-task-to-ghl' | 'lead-source-tags' | 'ops-dashboard';

export const templateFile = (slug: string) => join(WORKFLOWS_DIR, `${slug}.json`);

/** The JSON text a template file must hold (what build.ts writes). */
export function render(flow: Flow): string {
	return `${JSON.stringify(flow.json(), null, '\t')}\n`;
}

export type { WorkflowJson };
