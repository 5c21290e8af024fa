export * from './context';
export { ghlAdapter } from './adapter';
export { missingScopes } from './scopes';
export { searchPages, skipLimitPages, startAfterPages, wholeList, SEARCH_PAGE_SIZE, SEARCH_PAGE_WINDOW } from './paginate';
