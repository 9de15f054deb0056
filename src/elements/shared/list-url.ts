import { parseStatus, type UserStatus } from '../../core/index.js';
import {
  DEFAULT_SORT_DIRECTION,
  DEFAULT_USER_SORT,
  USER_SORTS,
  type IdentityFilter,
  type ListUsersQuery,
  type SortDirection,
  type UserSort,
} from '../../backend/index.js';

export const IDENTITY_FILTERS: readonly IdentityFilter[] = ['identified', 'anonymous', 'all'];

/** What the users list's filter properties ask for. */
export interface ListFilters {
  search: string;
  projectIds: readonly string[];
  statuses: readonly UserStatus[];
  identity: IdentityFilter;
  sort: UserSort;
  sortDir: SortDirection;
  pageSize: number;
}

/** The list's filters when nothing narrows or orders it; also what a query string without their keys stands for. */
export const DEFAULT_LIST_FILTERS: Readonly<Omit<ListFilters, 'pageSize'>> = Object.freeze({
  search: '',
  projectIds: [],
  statuses: [],
  identity: 'identified',
  sort: DEFAULT_USER_SORT,
  sortDir: DEFAULT_SORT_DIRECTION,
});

/** The query-string keys of the list's state: its filters, and its columns next to them. */
const LIST_URL_KEYS = ['search', 'projects', 'statuses', 'identity', 'sort', 'dir', 'columns'];

/** True when the query string names any of the list's state. */
export function hasListState(params: URLSearchParams): boolean {
  return LIST_URL_KEYS.some((key) => params.has(key));
}

/**
 * The one query-string form of the list's state: `sync-url` writes it, saved views store it, and a
 * profile opened from the list reads the list's order from it. Unknown values are skipped.
 */
export function filtersFromParams(params: URLSearchParams): Partial<ListFilters> {
  const filters: Partial<ListFilters> = {};
  const search = params.get('search');
  if (search !== null) filters.search = search;
  const projects = params.get('projects');
  if (projects) filters.projectIds = projects.split(',').filter(Boolean);
  const statuses = params.get('statuses');
  if (statuses) filters.statuses = statuses.split(',').flatMap((s) => parseStatus(s) ?? []);
  const identity = params.get('identity');
  if (identity && (IDENTITY_FILTERS as readonly string[]).includes(identity)) filters.identity = identity as IdentityFilter;
  const sort = params.get('sort');
  if (sort && (USER_SORTS as readonly string[]).includes(sort)) filters.sort = sort as UserSort;
  const dir = params.get('dir');
  if (dir === 'asc' || dir === 'desc') filters.sortDir = dir;
  return filters;
}

/**
 * Writes the filters (a default value deletes its key, so a plain list has a clean URL: a query string
 * without the key stands for `DEFAULT_LIST_FILTERS`).
 */
export function writeFiltersToParams(params: URLSearchParams, filters: Omit<ListFilters, 'pageSize'>): void {
  const set = (key: string, value: string, fallback: string) => {
    if (value === fallback) params.delete(key);
    else params.set(key, value);
  };
  const defaults = DEFAULT_LIST_FILTERS;
  set('search', filters.search.trim(), defaults.search);
  set('projects', filters.projectIds.join(','), defaults.projectIds.join(','));
  set('statuses', filters.statuses.join(','), defaults.statuses.join(','));
  set('identity', filters.identity, defaults.identity);
  set('sort', filters.sort, defaults.sort);
  set('dir', filters.sortDir, defaults.sortDir);
}

/** The list order a query string names (a profile's previous / next), or undefined when it names none. */
export function listQueryFromParams(params: URLSearchParams): ListUsersQuery | undefined {
  if (!hasListState(params)) return undefined;
  const filters = { ...DEFAULT_LIST_FILTERS, ...filtersFromParams(params) };
  return {
    search: filters.search.trim() || undefined,
    projectIds: filters.projectIds.length > 0 ? filters.projectIds : undefined,
    statuses: filters.statuses.length > 0 ? filters.statuses : undefined,
    identity: filters.identity,
    sort: filters.sort,
    sortDir: filters.sortDir,
  };
}

/** A row's link with the list's state in its query string; hash routes (`#/users/{id}`) are left as they are. */
export function withListState(href: string | undefined, state: string): string | undefined {
  if (!href || state === '' || href.includes('#')) return href;
  return `${href}${href.includes('?') ? '&' : '?'}${state}`;
}
