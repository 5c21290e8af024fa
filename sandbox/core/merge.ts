/** Deep merge of plain JSON objects (arrays and scalars replace); returns `target`, mutated. */
export type DeepPartial<T> = { [K in keyof T]?: T[K] extends Record<string, unknown> ? DeepPartial<T[K]> : T[K] };

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function deepMerge<T extends Record<string, unknown>>(target: T, patch: unknown): T {
	if (!isPlainObject(patch)) return target;
	const out = target as Record<string, unknown>;
	for (const [key, value] of Object.entries(patch)) {
		if (value === undefined) continue;
		if (isPlainObject(value) && isPlainObject(out[key])) deepMerge(out[key] as Record<string, unknown>, value);
		else out[key] = isPlainObject(value) ? deepMerge({}, value) : value;
	}
	return target;
}

export function clone<T>(value: T): T {
	return JSON.parse(JSON.stringify(value)) as T;
}
