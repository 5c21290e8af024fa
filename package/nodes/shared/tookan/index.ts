export { tookanAdapter, TOOKAN_LIMITS, budgetKeyOf, records } from './adapter';
export { callTookan, lookup, lookupRequest } from './call';
export * from './codes';
export { tookanContext, TOOKAN_BASE_URL, TOOKAN_CREDENTIAL, normaliseBaseUrl, type TookanContext } from './context';
export { isEmptyResult, recordsOf, STATUS, PAGING_KEYS } from './envelope';
export { customerPages, taskPages, MAX_TASK_WINDOW_DAYS } from './paginate';
export { csv, flag, numericId, numericIds } from './parse';
export * from './time';
