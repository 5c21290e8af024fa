/**
 * What the node can learn about Tookan's custom field templates. Tookan has no endpoint that lists the
 * templates or a template's fields (reference/tookan.md §6): they are defined in its dashboard. A task that
 * uses a template carries all of its fields in `custom_field[]` (label, display_name, data_type, required,
 * dropdown options, template_id = the template's name), and `get_all_tasks` with `custom_fields: 1` returns
 * them per task. So the node lists the tasks dated from LEARN_DAYS_BEFORE days ago to LEARN_DAYS_AFTER days
 * ahead (every task type, at most LEARN_PAGES pages per 31-day request) and takes each template's fields
 * from the most recent of those tasks (highest job_id) that uses it.
 *
 * It cannot learn: templates no such task uses, fields added to a template after that task was made, or
 * custom data of customers and agents (no API takes or returns any).
 */
import type { FieldType, IDataObject, ResourceMapperField } from 'n8n-workflow';

import { DAY, dayText } from '../../../shared/time';
import { callTookan, dateWindows, MAX_TASK_WINDOW_DAYS, records } from '../../../shared/tookan';
import type { ApiFunctions } from '../../../shared/transport/send';

export const LEARN_DAYS_BEFORE = 30;
export const LEARN_DAYS_AFTER = 30;
export const LEARN_PAGES = 5;
const JOB_TYPES = [0, 1, 2, 3];

/** One field of a template as a task shows it. */
export interface LearntField {
	label: string;
	displayName: string;
	dataType: string;
	required: boolean;
	options: string[];
}

/** A template as the most recent task that uses it shows it. */
export interface LearntTemplate {
	name: string;
	fields: LearntField[];
	/** The task the fields come from. */
	jobId: number;
}

/** Where the node looks, in words for the editor and errors. */
export const LEARN_SCOPE = `tasks dated in the last ${LEARN_DAYS_BEFORE} or next ${LEARN_DAYS_AFTER} days`;

function optionsOf(dropdown: unknown): string[] {
	if (!Array.isArray(dropdown)) return [];
	return dropdown
		.map((entry) => (entry && typeof entry === 'object' ? (entry as IDataObject).value : entry))
		.filter((value) => value !== undefined && value !== null && String(value).trim() !== '')
		.map((value) => String(value));
}

/** The templates one task uses (normally one) with their fields, from its `custom_field[]`. */
export function templatesOfTask(task: IDataObject): LearntTemplate[] {
	const entries = Array.isArray(task.custom_field) ? (task.custom_field as unknown[]) : [];
	const byName = new Map<string, LearntTemplate>();
	for (const entry of entries) {
		if (!entry || typeof entry !== 'object') continue;
		const field = entry as IDataObject;
		const name = String(field.template_id ?? '').trim();
		const label = String(field.label ?? '').trim();
		if (!name || !label) continue;
		const template = byName.get(name) ?? { name, fields: [], jobId: Number(task.job_id) || 0 };
		byName.set(name, template);
		if (template.fields.some((f) => f.label === label)) continue;
		template.fields.push({
			label,
			displayName: String(field.display_name ?? '').trim() || label,
			dataType: String(field.data_type ?? 'Text'),
			required: Number(field.required) === 1,
			options: optionsOf(field.dropdown),
		});
	}
	return [...byName.values()];
}

/** Keeps, per template, the one from the most recent task. */
export function newestTemplates(tasks: IDataObject[]): Map<string, LearntTemplate> {
	const found = new Map<string, LearntTemplate>();
	for (const task of tasks) {
		for (const template of templatesOfTask(task)) {
			const known = found.get(template.name);
			if (!known || template.jobId > known.jobId) found.set(template.name, template);
		}
	}
	return found;
}

async function tasksOfType(fn: ApiFunctions, jobType: number, now: number): Promise<IDataObject[]> {
	const tasks: IDataObject[] = [];
	const start = dayText(now - LEARN_DAYS_BEFORE * DAY);
	const end = dayText(now + LEARN_DAYS_AFTER * DAY);
	for (const dates of dateWindows(start, end, MAX_TASK_WINDOW_DAYS)) {
		for (let page = 1; page <= LEARN_PAGES; page++) {
			const body = { job_type: jobType, start_date: dates.start, end_date: dates.end, custom_fields: 1, is_pagination: 1, requested_page: page };
			const answer = await callTookan(fn, 'get_all_tasks', body);
			const batch = records(answer);
			tasks.push(...batch);
			const pages = Number(answer.total_page_count);
			if (!batch.length || !Number.isFinite(pages) || page >= pages) break;
		}
	}
	return tasks;
}

/** Every template the recent tasks use, with its fields from the most recent task that uses it. */
export async function learnTemplates(fn: ApiFunctions, now = Date.now()): Promise<Map<string, LearntTemplate>> {
	const lists = await Promise.all(JOB_TYPES.map(async (jobType) => await tasksOfType(fn, jobType, now)));
	return newestTemplates(lists.flat());
}

/** The n8n type of a column from Tookan's data_type (names other than these are sent as text). */
export function columnType(field: Pick<LearntField, 'dataType' | 'options'>): FieldType {
	const type = field.dataType.toLowerCase().replace(/[^a-z]/g, '');
	if (type === 'number') return 'number';
	if (type.startsWith('date')) return 'dateTime';
	if (type === 'checkbox') return 'boolean';
	if (type === 'dropdown' && field.options.length) return 'options';
	return 'string';
}

/** A template field as a mapper column: id = the label Tookan files the value under. */
export function columnOf(field: LearntField): ResourceMapperField {
	const type = columnType(field);
	return {
		id: field.label,
		displayName: field.displayName === field.label ? field.label : `${field.displayName} (${field.label})`,
		type,
		required: field.required,
		display: true,
		defaultMatch: false,
		canBeUsedToMatch: false,
		...(type === 'options' ? { options: field.options.map((o) => ({ name: o, value: o })) } : {}),
	};
}
