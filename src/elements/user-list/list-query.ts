import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { localeNumbers, type LocaleNumbers } from '../../core/index.js';
import { MAX_PAGE_LIMIT, type DozorBackend, type ListUsersQuery, type ProjectInfo } from '../../backend/index.js';
import { BackendTask } from '../shared/backend-task.js';
import { UrlState } from '../shared/url-state.js';
import { DEFAULT_LIST_FILTERS, filtersFromParams, writeFiltersToParams, type ListFilters } from '../shared/list-url.js';

/** What the server could not do (`capabilities.limitations`), in one line each instead of a wrong result: */
export const LIMITATION_STRINGS = {
  /** The server filters statuses among its `window` most recently updated users only. */
  limitedStatusFilter: (window: number, n: LocaleNumbers) =>
    `This server filters by status among its ${n.number(window)} most recently updated users only, and shows one page: users may be missing.`,
  limitedSearch: 'This server searches user ids and custom names only, not names or emails from traits.',
  limitedSort: 'This server sorts each page on its own: across pages the order is approximate.',
};
export type LimitationStrings = typeof LIMITATION_STRINGS;

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
  /** The filters the query string was last made to show ('moved' after back / forward; undefined before the first update). */
  private urlShows: string | undefined;

  constructor(
    host: ReactiveControllerHost & EventTarget,
    private readonly options: ListQueryOptions,
  ) {
    this.projects = new BackendTask<ProjectInfo[]>(host, 'listProjects');
    this.url = new UrlState(host, {
      enabled: options.syncUrl,
      // `write` leaves defaults out: on back / forward an entry without a key went back to its default.
      restore: (params, cause) => {
        if (cause === 'popstate') this.urlShows = 'moved';
        options.apply(cause === 'popstate' ? { ...DEFAULT_LIST_FILTERS, ...filtersFromParams(params) } : filtersFromParams(params));
      },
      write: (params) => writeFiltersToParams(params, options.filters()),
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

  /**
   * After every update the query string shows the filters, once they differ from what it was last made to
   * show: a change in the same task as a back / forward (which moved the query string) is written too. The
   * first update only notes them: the page's query string, or the host's attributes, stand as they are.
   */
  hostUpdated(): void {
    const filters = JSON.stringify(this.options.filters());
    if (filters === this.urlShows) return;
    if (this.urlShows !== undefined) this.url.write();
    this.urlShows = filters;
  }

  /** What the server could not do for the current query, if anything (`capabilities.limitations`), as one line. */
  limitation(s: LimitationStrings, locale: string, morePages: boolean): string | null {
    const limits = this.options.backend()?.capabilities.limitations;
    if (!limits) return null;
    const filters = this.options.filters();
    if (limits.statusFilterWindow !== undefined && filters.statuses.length > 0)
      return s.limitedStatusFilter(limits.statusFilterWindow, localeNumbers(locale));
    if (limits.searchFields && filters.search.trim() !== '') return s.limitedSearch;
    if (limits.pageLocalSort && morePages) return s.limitedSort;
    return null;
  }
}
