/**
 * The operations catalogue, generated from the code: every action (resource + operation with the HTTP
 * endpoint it calls) and every trigger event of the package. `npm run docs` writes it into README.md between
 * the catalogue markers; test/unit/docs/catalogue.test.ts fails when the README and the code disagree.
 */
import { CATCH_UP_EVENTS } from '../../package/nodes/GhTriggerl/changes';
import { resources as ghlResources } from '../../package/nodes/GhlContacts/resources';
import { POLL_EVENTS } from '../../package/nodes/GhlPollTrigger/properties';
import { GHL_EVENTS } from '../../package/nodes/GhlTrigger/events';
import { JOB_STATUS, SETTABLE_JOB_STATUS } from '../../package/nodes/shared/tookan/codes';
import type { Resource } from '../../package/nodes/shared/types';
import { resources as tookanResources } from '../../package/nodes/Tookan/resources';

export const PACKAGE = 'n8n-nodes-ghl-tookan';

export interface Entry {
	/** Stable key tests report against: `<node>:<resource>:<operation>` or `<node>:event:<event>`. */
	key: string;
	node: string;
	group: string;
	name: string;
	detail: string;
}

function actions(node: string, base: string, resources: Resource[]): Entry[] {
	return resources.flatMap((resource) =>
		resource.operations.map((op) => ({
			key: `${node}:${resource.value}:${op.value}`,
			node,
			group: resource.name,
			name: op.name,
			detail: `\`${op.method} ${base}${op.path}\``,
		})),
	);
}

export function actionEntries(): Entry[] {
	return [...actions('ghl', '', ghlResources), ...actions('tookan', '/v2/', tookanResources).map((e) => ({ ...e, detail: e.detail.replace('/v2//', '/v2/') }))];
}

export function eventEntries(): Entry[] {
	const ghl = GHL_EVENTS.map((e) => ({
		key: `ghlTrigger:event:${e.type}`,
		node: 'ghlTrigger',
		group: e.group,
		name: e.name,
		detail: `\`${e.type}\`${Object.keys(e.fetch).length ? ` (Enrich: ${Object.keys(e.fetch).join(', ')})` : ''}`,
	}));
	const poll = Object.values(POLL_EVENTS).map((e) => ({
		key: `gTriggerhl:event:${e.label}`,
		node: 'gTriggerhl',
		group: 'Contact',
		name: e.name,
		detail: `\`POST /contacts/search\` by \`${e.field}\``,
	}));
	const tookan = Object.entries(JOB_STATUS).map(([code, name]) => ({
		key: `tookanTrigger:event:${code}`,
		node: 'tookanTrigger',
		group: 'Task',
		name: `Task ${name}`,
		detail: `\`job_status\` ${code}`,
	}));
	const ghlCatchUp = Object.entries(CATCH_UP_EVENTS).map(([type, e]) => ({
		key: `ghTriggerl:event:${type}`,
		node: 'ghTriggerl',
		group: 'Contact',
		name: `${e.name} (missed)`,
		detail: `\`POST /contacts/search\` by \`dateUpdated\` in the window, then \`GET /contacts/:id\`; output as \`${type}\``,
	}));
	const tookanCatchUp = SETTABLE_JOB_STATUS.map((code) => ({
		key: `tTriggerookan:event:${code}`,
		node: 'tTriggerookan',
		group: 'Task',
		name: `Task ${JOB_STATUS[code]} (missed)`,
		detail: `\`task_history\` of \`get_job_details\` (tasks from \`get_all_tasks\`); output as the webhook with \`job_status\` ${code}`,
	}));
	return [...ghl, ...poll, ...tookan, ...ghlCatchUp, ...tookanCatchUp];
}

const TITLES: Record<string, string> = {
	ghl: 'GHL',
	tookan: 'Tookan',
	ghlTrigger: 'GHL Trigger',
	gTriggerhl: 'GHL Poll Trigger',
	tookanTrigger: 'Tookan Trigger',
	ghTriggerl: 'GHL Catch-Up Trigger',
	tTriggerookan: 'Tookan Catch-Up Trigger',
};

function table(entries: Entry[], headers: [string, string, string]): string {
	const rows = entries.map((e) => `| ${e.group} | ${e.name} | ${e.detail} |`);
	return [`| ${headers.join(' | ')} |`, '| --- | --- | --- |', ...rows].join('\n');
}

function section(node: string, entries: Entry[], kind: 'actions' | 'events'): string {
	const mine = entries.filter((e) => e.node === node);
	const headers: [string, string, string] =
		kind === 'actions' ? ['Resource', 'Operation', 'Calls'] : ['Group', 'Event', 'Payload / source'];
	return `#### ${TITLES[node]} (\`${PACKAGE}.${node}\`): ${mine.length} ${kind === 'actions' ? 'actions' : 'trigger events'}\n\n${table(mine, headers)}`;
}

export function catalogueMarkdown(): string {
	const a = actionEntries();
	const e = eventEntries();
	return [
		`**${a.length} actions and ${e.length} trigger events** (generated from the node code by \`npm run docs\`).`,
		section('ghl', a, 'actions'),
		section('tookan', a, 'actions'),
		section('ghlTrigger', e, 'events'),
		section('gTriggerhl', e, 'events'),
		section('tookanTrigger', e, 'events'),
		section('ghTriggerl', e, 'events'),
		section('tTriggerookan', e, 'events'),
	].join('\n\n');
}

export const START = '<!-- catalogue:start -->';
export const END = '<!-- catalogue:end -->';

/** The README with its catalogue section replaced by the generated one. */
export function withCatalogue(readme: string): string {
	const start = readme.indexOf(START);
	const end = readme.indexOf(END);
	if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} section`);
	return `${readme.slice(0, start + START.length)}\n${catalogueMarkdown()}\n${readme.slice(end)}`;
}
