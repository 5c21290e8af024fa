/**
 * Custom field templates on tasks. A task names its template (`custom_field_template`, on the pickup side
 * `pickup_custom_field_template`, in batches `template_name`) and carries values by label (`meta_data`,
 * `pickup_meta_data`, `template_data`). When the account defines the template (config `templates`), the task
 * keeps a copy of the template's fields as they are at that moment, so `custom_field[]` lists every field of
 * the template (empty data where no value was given), with its type, required flag and dropdown options;
 * fields added to the template later do not appear on older tasks.
 *
 * Not confirmed for real Tookan, the sandbox's choice (reference/tookan.md §6 only says "labels must exist in
 * the named template"): a label the template does not have is dropped without an error; a dropdown value that
 * is not an option, and values of any type, are stored as given (as text); an edit that sends values keeps
 * the other fields' values; a template name the account does not define keeps the values as given, each
 * shown as a Text field.
 */
import type { Env } from '../env';
import type { MetaItem, Task, TemplateField } from '../types';

/** The values a template keeps: the labels it has (later values of a label win), in the given order. */
function keptValues(fields: TemplateField[], meta: MetaItem[]): MetaItem[] {
	const labels = new Set(fields.map((f) => f.label));
	const byLabel = new Map<string, string>();
	for (const m of meta) if (labels.has(m.label)) byLabel.set(m.label, m.data);
	return [...byLabel].map(([label, data]) => ({ label, data }));
}

/** Gives a new task (or one whose template changed) its template's fields and drops labels it does not have. */
export function attachTemplate(env: Env, t: Task): void {
	const fields = t.custom_field_template ? env.config().templates[t.custom_field_template] : undefined;
	if (!fields) {
		t.template_fields = null;
		return;
	}
	t.template_fields = fields.map((f) => ({ ...f, ...(f.dropdown ? { dropdown: [...f.dropdown] } : {}) }));
	t.meta_data = keptValues(t.template_fields, t.meta_data);
}

/**
 * After an edit: a new template name gives the task that template; values sent for the same template
 * change those labels and keep the others (`before` is the task's values before the edit).
 */
export function settleTemplate(env: Env, t: Task, before: { template: string; meta: MetaItem[] }): void {
	if (t.custom_field_template !== before.template) {
		attachTemplate(env, t);
		return;
	}
	if (!t.template_fields || t.meta_data === before.meta) return;
	t.meta_data = keptValues(t.template_fields, [...before.meta, ...t.meta_data]);
}

/** `custom_field[]` of a task: every field of its template, or (unknown template) the values as given. */
export function customFieldsOf(t: Task): Record<string, unknown>[] {
	const shown = (label: string, data: string, field?: TemplateField): Record<string, unknown> => ({
		label,
		display_name: field?.display_name ?? label,
		data_type: field?.data_type ?? 'Text',
		app_side: field?.app_side ?? '0',
		required: field?.required ?? 0,
		value: data,
		data,
		input: data,
		fleet_data: '',
		before_start: 0,
		template_id: t.custom_field_template,
		...(field?.dropdown ? { dropdown: field.dropdown.map((value, i) => ({ id: i + 1, value })) } : {}),
	});
	if (!t.template_fields) return t.meta_data.map((m) => shown(m.label, m.data));
	const values = new Map(t.meta_data.map((m) => [m.label, m.data]));
	return t.template_fields.map((f) => shown(f.label, values.get(f.label) ?? '', f));
}
