export * from './context';
export { ghlAdapter } from './adapter';
export { searchPages, skipLimitPages, startAfterPages, SEARCH_PAGE_SIZE, SEARCH_PAGE_WINDOW } from './paginate';
