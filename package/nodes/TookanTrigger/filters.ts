import type { IDataObject } from 'n8n-workflow';

import { codeName, JOB_STATUS } from '../shared/tookan';

export interface TookanFilters {
	/** `job_status` codes to accept; empty = all. */
	statuses: number[];
	/** `template_key` values to accept (upper case); empty = all. */
	templateKeys: string[];
}

export function readFilters(statuses: unknown, templateKeys: unknown): TookanFilters {
	return {
		statuses: (Array.isArray(statuses) ? statuses : []).map(Number).filter(Number.isFinite),
		templateKeys: String(templateKeys ?? '')
			.split(',')
			.map((k) => k.trim().toUpperCase())
			.filter(Boolean),
	};
}

/** Why a genuine delivery does not start the workflow, or undefined when it should. */
export function notWanted(filters: TookanFilters, body: IDataObject): string | undefined {
	if (filters.statuses.length) {
		const code = body.job_status === '' || body.job_status === undefined ? NaN : Number(body.job_status);
		if (!filters.statuses.includes(code)) {
			return `job status ${codeName(JOB_STATUS, body.job_status) ?? String(body.job_status ?? '(none)')} is not selected`;
		}
	}
	if (filters.templateKeys.length) {
		const key = typeof body.template_key === 'string' ? body.template_key.toUpperCase() : '';
		if (!filters.templateKeys.includes(key)) return `template key ${key || '(none)'} is not selected`;
	}
	return undefined;
}
