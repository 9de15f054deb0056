import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatCount, parseStatus, type UserStatus } from '../../core/index.js';
import {
  DEFAULT_SORT_DIRECTION,
  DEFAULT_USER_SORT,
  MAX_PAGE_LIMIT,
  USER_SORTS,
  type DozorBackend,
  type IdentityFilter,
  type ListUsersQuery,
  type ProjectInfo,
  type SortDirection,
  type UserSort,
} from '../../backend/index.js';
import { BackendTask } from '../shared/backend-task.js';
import { UrlState } from '../shared/url-state.js';

export const IDENTITY_FILTERS: readonly IdentityFilter[] = ['identified', 'anonymous', 'all'];

/** What the list's properties ask for. */
export interface ListFilters {
  search: string;
  projectIds: readonly string[];
  statuses: readonly UserStatus[];
  identity: IdentityFilter;
  sort: UserSort;
  sortDir: SortDirection;
  pageSize: number;
}

export interface ListQueryOptions {
  backend: () => DozorBackend | undefined;
  filters: () => ListFilters;
  /** Sets the restored filters on the element. */
  apply: (filters: Partial<ListFilters>) => void;
  syncUrl: () => boolean;
}

/**
 * The list's query: the filters as the backend can serve them (never a filter or sort it declared
 * unsupported, even when set by attribute or restored from the URL), the projects to filter by,
 * and the filters mirrored into the page's query string.
 */
export class ListQuery implements ReactiveController {
  readonly projects: BackendTask<ProjectInfo[]>;
  private readonly url: UrlState;
  private projectsFrom: DozorBackend | undefined;

  constructor(
    host: ReactiveControllerHost & EventTarget,
    private readonly options: ListQueryOptions,
  ) {
    this.projects = new BackendTask<ProjectInfo[]>(host, 'listProjects');
    this.url = new UrlState(host, {
      enabled: options.syncUrl,
      restore: (params) => options.apply(filtersFromUrl(params)),
      write: (params) => writeFiltersToUrl(params, options.filters()),
    });
    host.addController(this);
  }

  hostUpdate(): void {
    const backend = this.options.backend();
    if (!backend || backend === this.projectsFrom) return;
    this.projectsFrom = backend;
    void this.projects.runWith((signal) => backend.listProjects({ signal }));
  }

  get current(): ListUsersQuery {
    const filters = this.options.filters();
    const caps = this.options.backend()?.capabilities;
    const can = (filter: 'search' | 'projects' | 'statuses') => !caps || caps.filters[filter];
    const sortable = !caps || caps.sorts.includes(filters.sort);
    return {
      search: (can('search') && filters.search.trim()) || undefined,
      projectIds: can('projects') && filters.projectIds.length > 0 ? filters.projectIds : undefined,
      statuses: can('statuses') && filters.statuses.length > 0 ? filters.statuses : undefined,
      identity: caps && caps.filters.identities.length > 1 ? filters.identity : undefined,
      sort: sortable ? filters.sort : undefined,
      sortDir: sortable ? filters.sortDir : undefined,
      limit: Math.min(MAX_PAGE_LIMIT, Math.max(1, Math.floor(filters.pageSize) || 50)),
    };
  }

  /** True when a filter narrows the list (an empty result then reads "no match", not "no users yet"). */
  get filtered(): boolean {
    const query = this.current;
    return (
      query.search !== undefined ||
      query.projectIds !== undefined ||
      query.statuses !== undefined ||
      (query.identity ?? 'identified') !== 'identified'
    );
  }

  writeUrl(): void {
    this.url.write();
  }

  /** What the server could not do for the current query, if anything (`capabilities.limitations`), as one line. */
  limitation(s: LimitationStrings, locale: string, morePages: boolean): string | null {
    const limits = this.options.backend()?.capabilities.limitations;
    if (!limits) return null;
    const filters = this.options.filters();
    if (limits.statusFilterWindow !== undefined && filters.statuses.length > 0)
      return s.limitedStatusFilter(formatCount(limits.statusFilterWindow, locale));
    if (limits.searchFields && filters.search.trim() !== '') return s.limitedSearch;
    if (limits.pageLocalSort && morePages) return s.limitedSort;
    return null;
  }
}

export interface LimitationStrings {
  limitedStatusFilter: (window: string) => string;
  limitedSearch: string;
  limitedSort: string;
}

function filtersFromUrl(params: URLSearchParams): Partial<ListFilters> {
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

function writeFiltersToUrl(params: URLSearchParams, filters: ListFilters): void {
  const set = (key: string, value: string, fallback: string) => {
    if (value === fallback) params.delete(key);
    else params.set(key, value);
  };
  set('search', filters.search.trim(), '');
  set('projects', filters.projectIds.join(','), '');
  set('statuses', filters.statuses.join(','), '');
  set('identity', filters.identity, 'identified');
  set('sort', filters.sort, DEFAULT_USER_SORT);
  set('dir', filters.sortDir, DEFAULT_SORT_DIRECTION);
}
