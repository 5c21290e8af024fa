/**
 * Paged lists (get_all_tasks, get_all_customers): with `is_pagination: 1` the server cuts pages of a fixed
 * size and puts `total_page_count`, `requested_page` and `records_per_page` next to `data`; pages start at 1.
 * Without it the whole list comes back.
 */
import type { TookanConfig } from './config';
import type { Reply } from './env';
import { invalid } from './errors';
import type { Params } from './params';

export function paged<T>(list: T[], p: Params, config: TookanConfig, view: (item: T) => unknown): Reply {
	if (p.flag('is_pagination') !== 1) return { data: list.map(view) };
	const page = p.optInt('requested_page') ?? 1;
	if (page < 1) throw invalid('Invalid requested_page');
	const size = config.pageSize;
	const slice = list.slice((page - 1) * size, page * size);
	return {
		data: slice.map(view),
		top: { total_page_count: Math.ceil(list.length / size), requested_page: page, records_per_page: size },
	};
}
