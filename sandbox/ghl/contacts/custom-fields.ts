import { isPlainObject } from '../../core/merge';
import type { CustomFieldDefinition } from '../model';
import type { GhlState } from '../state';

const NUMERIC = new Set(['NUMERICAL', 'MONETORY']);
const LISTS = new Set(['CHECKBOX', 'MULTIPLE_OPTIONS', 'TEXTBOX_LIST']);

/**
 * Applies `customFields` input items (`{id | key, field_value | value}`) to a contact's values.
 * Unknown ids/keys and values of the wrong type give 422 messages; null or '' clears a value.
 */
export function applyCustomFields(
	state: GhlState,
	locationId: string,
	values: Record<string, unknown>,
	items: unknown[],
): string[] {
	const messages: string[] = [];
	for (const item of items) {
		if (!isPlainObject(item)) {
			messages.push('each value in customFields must be an object');
			continue;
		}
		const definition = findDefinition(state, locationId, item);
		if (!definition) {
			messages.push(`customFields: no custom field with ${item.id ? `id ${String(item.id)}` : `key ${String(item.key)}`} in this location`);
			continue;
		}
		const raw = 'field_value' in item ? item.field_value : item.value;
		if (raw === null || raw === undefined || raw === '') {
			Reflect.deleteProperty(values, definition.id);
			continue;
		}
		const value = coerce(definition, raw);
		if (value === DROPPED) continue;
		if (value === undefined) messages.push(`customFields: invalid value for ${definition.fieldKey} (${definition.dataType})`);
		else values[definition.id] = value;
	}
	return messages;
}

export function findDefinition(state: GhlState, locationId: string, item: Record<string, unknown>) {
	if (typeof item.id === 'string' && item.id) {
		const byId = state.customFields.get(item.id);
		return byId?.locationId === locationId ? byId : undefined;
	}
	if (typeof item.key !== 'string' || !item.key) return undefined;
	const key = item.key.startsWith('contact.') ? item.key : `contact.${item.key}`;
	return state.customFieldsOf(locationId).find((f) => f.fieldKey === key);
}

/** GHL answers 200 and silently keeps nothing for an option value that is not one of the field's options. */
const DROPPED = Symbol('dropped');
const OPTIONS = new Set(['SINGLE_OPTIONS', 'RADIO']);

function coerce(definition: CustomFieldDefinition, raw: unknown): unknown {
	const choices = definition.picklistOptions;
	if (OPTIONS.has(definition.dataType) && choices) {
		return typeof raw === 'string' && choices.includes(raw) ? raw : DROPPED;
	}
	if (LISTS.has(definition.dataType) && choices) {
		const list = typeof raw === 'string' ? [raw] : Array.isArray(raw) ? raw : [];
		const kept = list.filter((v): v is string => typeof v === 'string' && choices.includes(v));
		return kept.length ? kept : DROPPED;
	}
	if (NUMERIC.has(definition.dataType)) {
		const n = typeof raw === 'number' ? raw : typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
		return Number.isFinite(n) ? n : undefined;
	}
	if (LISTS.has(definition.dataType)) {
		if (typeof raw === 'string') return [raw];
		return Array.isArray(raw) && raw.every((v) => typeof v === 'string') ? [...raw] : undefined;
	}
	if (definition.dataType === 'FILE_UPLOAD') return isPlainObject(raw) || Array.isArray(raw) ? raw : undefined;
	return typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
}
