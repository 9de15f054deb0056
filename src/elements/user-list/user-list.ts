import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { formatCount, formatDuration, parseStatus, toCsv, USER_STATUSES, userSubtitles, type UserStatus } from '../../core/index.js';
import {
  DEFAULT_SORT_DIRECTION,
  DEFAULT_USER_SORT,
  MAX_PAGE_LIMIT,
  USER_SORTS,
  type DozorBackend,
  type IdentityFilter,
  type ListUsersQuery,
  type Page,
  type ProjectInfo,
  type SortDirection,
  type TrackedUserListItem,
  type UserSort,
  type DozorBackendError,
} from '../../backend/index.js';
import type { CommonStrings } from '../shared/strings.js';
import { renderAvatar } from '../shared/avatar.js';
import { BackendTask, toBackendError } from '../shared/backend-task.js';
import { DozorElement } from '../shared/dozor-element.js';
import { SubtreeConfig } from '../shared/subtree-config.js';
import { renderErrorState } from '../shared/error-view.js';
import { LiveController } from '../shared/live-controller.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { userListStyles } from './user-list.styles.js';
import '../status-badge/define.js';
import '../relative-time/define.js';
import '../user-tags/define.js';
import { styleProperties } from '../shared/style-properties.js';

export interface UserListStrings {
  listLabel: string;
  searchLabel: string;
  searchPlaceholder: string;
  clearSearch: string;
  projectsFilter: (selected: number) => string;
  projectsLegend: string;
  statusesFilter: (selected: number) => string;
  statusesLegend: string;
  identityLabel: string;
  identityOptions: Record<IdentityFilter, string>;
  columnUser: string;
  columnProject: string;
  columnStatus: string;
  columnTags: string;
  columnLastSeen: string;
  columnSessions: string;
  columnActive7d: string;
  sortBy: (column: string) => string;
  showing: (shown: string, total: string | null, filtered: boolean) => string;
  loadMore: string;
  loadingMore: string;
  allLoaded: string;
  emptyTitle: string;
  emptyHint: string;
  noMatchTitle: string;
  noMatchHint: string;
  /** What the server could not do (`capabilities.limitations`), in one line, instead of a wrong result. */
  limitedStatusFilter: (window: string) => string;
  limitedSearch: string;
  limitedSort: string;
  clearFilters: string;
  exportCsv: string;
  exporting: (done: string, total: string | null) => string;
  cancelExport: string;
  exportFailed: string;
  updatesAvailable: string;
  showUpdates: string;
  loadingUsers: string;
  neverSeen: string;
  csvHeader: readonly string[];
}

type Strings = UserListStrings & CommonStrings;

export const USER_LIST_STRINGS: UserListStrings = {
  listLabel: 'Tracked users',
  searchLabel: 'Search users',
  searchPlaceholder: 'Search by name, id or email',
  clearSearch: 'Clear search',
  projectsFilter: (n) => (n === 0 ? 'All projects' : `Projects (${n})`),
  projectsLegend: 'Show users of',
  statusesFilter: (n) => (n === 0 ? 'Any status' : `Status (${n})`),
  statusesLegend: 'Show users who are',
  identityLabel: 'Identity',
  identityOptions: { identified: 'Identified users', anonymous: 'Anonymous visitors', all: 'Everyone' },
  columnUser: 'User',
  columnProject: 'Project',
  columnStatus: 'Status',
  columnTags: 'Tags',
  columnLastSeen: 'Last seen',
  columnSessions: 'Sessions',
  columnActive7d: 'Active 7d',
  sortBy: (column) => `Sort by ${column}`,
  showing: (shown, total, filtered) =>
    `Showing ${shown}${total !== null && total !== shown ? ` of ${total}` : ''} users${filtered ? ' (filtered)' : ''}`,
  loadMore: 'Load more',
  loadingMore: 'Loading more users…',
  allLoaded: 'All users loaded',
  emptyTitle: 'No tracked users yet',
  emptyHint: 'Users appear here once the SDK records a session for them.',
  noMatchTitle: 'No users match these filters',
  noMatchHint: 'Try another search or clear the filters.',
  limitedStatusFilter: (window) =>
    `This server filters by status among its ${window} most recently updated users only, and shows one page: users may be missing.`,
  limitedSearch: 'This server searches user ids and custom names only, not names or emails from traits.',
  limitedSort: 'This server sorts each page on its own: across pages the order is approximate.',
  clearFilters: 'Clear filters',
  exportCsv: 'Export CSV',
  exporting: (done, total) => `Exporting ${done}${total ? ` of ${total}` : ''}…`,
  cancelExport: 'Cancel export',
  exportFailed: 'The export failed',
  updatesAvailable: 'There is new activity.',
  showUpdates: 'Show latest',
  loadingUsers: 'Loading users',
  neverSeen: 'Never',
  csvHeader: ['id', 'externalId', 'displayName', 'email', 'project', 'status', 'identity', 'tags', 'lastSeen', 'sessions', 'activeSeconds7d', 'firstSeen'],
};

declare module '../shared/strings.js' {
  interface DozorStrings extends UserListStrings {}
}

type Column = 'user' | 'project' | 'status' | 'tags' | 'last-seen' | 'sessions' | 'active';
const COLUMNS: readonly Column[] = ['user', 'project', 'status', 'tags', 'last-seen', 'sessions', 'active'];
/** Which sort each sortable column applies (User sorts by first seen, newest first). */
const COLUMN_SORT: Partial<Record<Column, UserSort>> = { user: 'newest', 'last-seen': 'last-seen', sessions: 'sessions', active: 'active-time' };
const IDENTITY_FILTERS: readonly IdentityFilter[] = ['identified', 'anonymous', 'all'];

const ROW_HEIGHT = 56;
const HEADER_HEIGHT = 40;
const OVERSCAN = 8;
const SEARCH_DEBOUNCE_MS = 300;
/** Live refresh re-reads at most this many loaded rows; deeper lists get a "show latest" banner instead. */
const LIVE_RELOAD_LIMIT = 200;
/** Infinite scroll asks for the next page when the window gets this close to the loaded end. */
const PREFETCH_ROWS = 20;
const EXPORT_PAGE = MAX_PAGE_LIMIT;

/**
 * The tracked-users list: search, project / status / identity filters, sortable columns, cursor
 * pagination with infinite scroll and windowed rendering (only the visible rows are in the DOM, so
 * 100,000 loaded users scroll smoothly), an ARIA grid with full keyboard navigation, live updates,
 * URL sync and a CSV export of the whole filtered result.
 *
 * @tagname dozor-user-list
 * @summary Searchable, sortable, live list of tracked users.
 * @fires dozor-user-select - {userId, user} when a user is opened (cancelable: cancel to route yourself).
 * @fires dozor-filters-change - {search, projectIds, statuses, identity, sort, sortDir} after a filter or sort change.
 * @fires dozor-error - {error, operation} when a request fails.
 * @csspart toolbar - the search and filter bar.
 * @csspart search - the search input.
 * @csspart filter - each filter control.
 * @csspart grid - the grid (the scrolling area).
 * @csspart header - the header row.
 * @csspart row - each user row.
 * @csspart cell - each cell.
 * @csspart avatar - the user's generated avatar.
 * @csspart name - the user's display name (a link when `user-href` is set).
 * @csspart project - the project badge.
 * @csspart footer - the load-more / progress line.
 * @csspart empty - the empty state.
 * @csspart limitation - the one line saying what the server could not do (`capabilities.limitations`).
 * @csspart error - the error state.
 * @csspart button - every button.
 * @cssprop --dozor-list-height - the grid's maximum height (default 560px).
 * @cssprop --dozor-list-columns - the grid's `grid-template-columns`.
 * @cssprop --dozor-accent - sort arrows, selected row.
 * @cssprop --dozor-surface - background; --dozor-surface-raised the header and hovered rows.
 */
export class DozorUserList extends DozorElement {
  static override styles = [tokens, baseStyles, userListStyles];

  constructor() {
    super();
    new SubtreeConfig(this, () => this.subtreeConfig);
  }

  /** The search text (a literal, case-insensitive substring of id, name or email). */
  @property() search = '';
  /** Only users of these projects (none = all). */
  @property({ attribute: false }) projectIds: readonly string[] = [];
  /** Only users with these statuses (none = any). */
  @property({ attribute: false }) statuses: readonly UserStatus[] = [];
  /** `identified` (default), `anonymous` or `all`, where the backend knows anonymous visitors. */
  @property() identity: IdentityFilter = 'identified';
  /** `last-seen` (default), `sessions`, `active-time` or `newest`. */
  @property() sort: UserSort = DEFAULT_USER_SORT;
  /** `desc` (default) or `asc`. */
  @property({ attribute: 'sort-dir' }) sortDir: SortDirection = DEFAULT_SORT_DIRECTION;
  /** Users per request, 1..100 (default 50). */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;
  /** Mirrors the filters and sort into the page's query string, and restores them on load. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;
  /** Link template for a user (`/users/{id}`); overrides the provider's. */
  @property({ attribute: 'user-href' }) userHref: string | undefined;

  @state() private rows: TrackedUserListItem[] = [];
  @state() private nextCursor: string | null = null;
  @state() private total: number | undefined;
  @state() private searchDraft = '';
  @state() private scrollPosition = 0;
  @state() private viewportHeight = 560;
  @state() private activeRow = 0;
  @state() private activeColumn = 0;
  @state() private updatesPending = false;
  @state() private exportProgress: { done: number; total: number | undefined } | null = null;
  @state() private exportError: DozorBackendError | undefined;
  @state() private loadMoreError: DozorBackendError | undefined;

  @query('.scroller') private scroller!: HTMLElement | null;

  private readonly page = new BackendTask<Page<TrackedUserListItem>>(this, 'listUsers');
  private readonly projectsTask = new BackendTask<ProjectInfo[]>(this, 'listProjects');
  private readonly live = new LiveController(this, {
    backend: () => this.resolvedBackend,
    intervalMs: () => this.refreshIntervalMs,
    refresh: () => this.liveRefresh(),
  });
  private loadedFor: { backend: DozorBackend; key: string } | undefined;
  private projectsFor: DozorBackend | undefined;
  private searchTimer: ReturnType<typeof setTimeout> | undefined;
  private exportController: AbortController | undefined;
  private resizeObserver: ResizeObserver | undefined;
  private restoredFromUrl = false;

  /** The users loaded so far, in list order. */
  get loadedUsers(): readonly TrackedUserListItem[] {
    return this.rows;
  }

  /** The total number of matching users when the backend reports it. */
  get totalUsers(): number | undefined {
    return this.total;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.syncUrl && !this.restoredFromUrl) this.restoreFromUrl();
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.searchTimer);
    this.exportController?.abort();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.loadedFor = undefined;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('search')) this.searchDraft = this.search;
    const backend = this.resolvedBackend;
    if (!backend) return;
    if (backend !== this.projectsFor) {
      this.projectsFor = backend;
      void this.projectsTask.run((signal) => backend.listProjects({ signal }));
    }
    const key = this.queryKey();
    if (this.loadedFor?.backend !== backend || this.loadedFor.key !== key) {
      const first = this.loadedFor === undefined;
      this.loadedFor = { backend, key };
      this.reload(backend);
      if (!first) this.afterFilterChange();
    }
  }

  override firstUpdated(): void {
    this.observeViewport();
  }

  override updated(): void {
    this.observeViewport();
  }

  /** Re-reads the list from the top (keeps filters and sort). */
  refresh(): void {
    const backend = this.resolvedBackend;
    if (backend) this.reload(backend);
  }

  /** Loads the next page, if any; resolves when it has arrived. */
  async loadMore(): Promise<void> {
    const backend = this.resolvedBackend;
    const cursor = this.nextCursor;
    if (!backend || cursor === null || this.page.loading) return;
    this.loadMoreError = undefined;
    const query = { ...this.currentQuery(), cursor };
    const page = await this.page.run((signal) => backend.listUsers(query, { signal }));
    if (!page) {
      if (this.page.error) this.loadMoreError = this.page.error;
      return;
    }
    const seen = new Set(this.rows.map((row) => row.id));
    this.rows = [...this.rows, ...page.data.filter((row) => !seen.has(row.id))];
    this.nextCursor = page.nextCursor;
    if (page.total !== undefined) this.total = page.total;
    this.maybePrefetch();
  }

  /** Clears the search and every filter (sort is kept). */
  clearFilters(): void {
    clearTimeout(this.searchTimer);
    this.search = '';
    this.searchDraft = '';
    this.projectIds = [];
    this.statuses = [];
    this.identity = 'identified';
  }

  /**
   * Downloads every user matching the current filters as CSV, walking all pages. Resolves with the
   * CSV text (also offered as a download), or undefined when cancelled or failed.
   */
  async exportCsv(options: { download?: boolean } = {}): Promise<string | undefined> {
    const backend = this.resolvedBackend;
    if (!backend || this.exportProgress) return undefined;
    const controller = new AbortController();
    this.exportController = controller;
    this.exportError = undefined;
    this.exportProgress = { done: 0, total: this.total };
    const s = this.resolveStrings(USER_LIST_STRINGS);
    const rows: unknown[][] = [];
    try {
      let cursor: string | null = null;
      do {
        const page: Page<TrackedUserListItem> = await backend.listUsers({ ...this.currentQuery(), limit: EXPORT_PAGE, cursor }, { signal: controller.signal });
        for (const user of page.data) rows.push(this.csvValues(user));
        cursor = page.nextCursor;
        this.exportProgress = { done: rows.length, total: page.total ?? this.total };
      } while (cursor !== null);
      const csv = toCsv(s.csvHeader, rows);
      if (options.download !== false) this.download(csv);
      return csv;
    } catch (error) {
      if (!controller.signal.aborted) this.exportError = toBackendError(error);
      return undefined;
    } finally {
      this.exportProgress = null;
      this.exportController = undefined;
    }
  }

  /** Stops a running export. */
  cancelExport(): void {
    this.exportController?.abort();
  }

  override render() {
    const s = this.resolveStrings(USER_LIST_STRINGS);
    return html`${this.renderToolbar(s)}
      ${this.updatesPending
        ? html`<div class="banner" part="banner">
            <span>${s.updatesAvailable}</span>
            <button class="button small" part="button" type="button" @click=${this.showLatest}>${s.showUpdates}</button>
          </div>`
        : nothing}
      ${this.renderBody(s)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement(s)}</div>`;
  }

  // ---- rendering -------------------------------------------------------------------------------

  private renderToolbar(s: Strings): TemplateResult {
    const caps = this.resolvedBackend?.capabilities;
    const projects = this.projectsTask.value ?? [];
    const identities = caps?.filters.identities ?? [];
    return html`<div class="toolbar" part="toolbar" role="search">
      ${caps?.filters.search === false
        ? nothing
        : html`<div class="search">
            <input
              part="search"
              type="search"
              .value=${this.searchDraft}
              aria-label=${s.searchLabel}
              placeholder=${s.searchPlaceholder}
              maxlength="200"
              @input=${this.onSearchInput}
              @keydown=${this.onSearchKey}
            />
            ${this.searchDraft
              ? html`<button class="clear" part="button clear-button" type="button" aria-label=${s.clearSearch} @click=${this.clearSearch}>✕</button>`
              : nothing}
          </div>`}
      ${caps?.filters.projects === false || projects.length < 2
        ? nothing
        : this.renderMultiSelect(
            s.projectsFilter(this.projectIds.length),
            s.projectsLegend,
            projects.map((p) => ({ value: p.id, label: p.name })),
            this.projectIds,
            (values) => (this.projectIds = values),
          )}
      ${caps?.filters.statuses === false
        ? nothing
        : this.renderMultiSelect(
            s.statusesFilter(this.statuses.length),
            s.statusesLegend,
            USER_STATUSES.map((status) => ({ value: status, label: s.statusLabels[status] })),
            this.statuses,
            (values) => (this.statuses = values as UserStatus[]),
          )}
      ${identities.length > 1
        ? html`<label class="visually-hidden" for="identity">${s.identityLabel}</label>
            <select id="identity" part="filter identity" .value=${this.identity} @change=${this.onIdentityChange}>
              ${IDENTITY_FILTERS.map((value) => html`<option value=${value} ?selected=${value === this.identity}>${s.identityOptions[value]}</option>`)}
            </select>`
        : nothing}
      ${this.exportProgress
        ? html`<span part="export-progress">
              <progress max=${this.exportProgress.total ?? 0} value=${this.exportProgress.done} aria-label=${s.exportCsv}></progress>
              ${s.exporting(formatCount(this.exportProgress.done, this.resolvedLocale), this.exportProgress.total === undefined ? null : formatCount(this.exportProgress.total, this.resolvedLocale))}
            </span>
            <button class="button small" part="button" type="button" @click=${this.cancelExport}>${s.cancelExport}</button>`
        : html`<button class="button" part="button export-button" type="button" ?disabled=${this.rows.length === 0} @click=${() => this.exportCsv()}>
            ${s.exportCsv}
          </button>`}
      ${this.exportError ? html`<span role="alert" part="export-error">${s.exportFailed}: ${this.exportError.message}</span>` : nothing}
      <span class="count" aria-hidden="true">${this.announcement(s)}</span>
    </div>`;
  }

  private renderMultiSelect(
    summary: string,
    legend: string,
    options: { value: string; label: string }[],
    selected: readonly string[],
    apply: (values: string[]) => void,
  ): TemplateResult {
    const chosen = new Set(selected);
    const toggle = (value: string, on: boolean) => {
      const next = options.map((o) => o.value).filter((v) => (v === value ? on : chosen.has(v)));
      apply(next);
    };
    return html`<details class="filter" part="filter" @keydown=${this.onMenuKey}>
      <summary class="button" part="button">${summary}</summary>
      <fieldset class="filter-menu">
        <legend>${legend}</legend>
        ${options.map(
          (o) => html`<label>
            <input type="checkbox" .checked=${chosen.has(o.value)} @change=${(e: Event) => toggle(o.value, (e.target as HTMLInputElement).checked)} />
            <span>${o.label}</span>
          </label>`,
        )}
      </fieldset>
    </details>`;
  }

  private renderBody(s: Strings): TemplateResult {
    const loadingFirst = this.page.loading && this.rows.length === 0;
    if (!loadingFirst && this.rows.length === 0) {
      if (this.page.error) return html`<div part="error">${renderErrorState(this.page.error, s, () => this.refresh())}</div>`;
      if (this.page.status === 'ready') return this.renderEmpty(s);
    }
    const count = this.rows.length;
    const first = Math.max(0, Math.floor((this.scrollPosition - HEADER_HEIGHT) / ROW_HEIGHT) - OVERSCAN);
    const last = Math.min(count, Math.ceil((this.scrollPosition + this.viewportHeight) / ROW_HEIGHT) + OVERSCAN);
    const visible = this.rows.slice(first, last);
    const rowCount = this.total !== undefined ? this.total + 1 : this.nextCursor === null ? count + 1 : -1;
    const columns = this.columns;
    const notice = this.limitationNotice(s);
    return html`${notice === null ? nothing : html`<p class="limitation" part="limitation">${notice}</p>`}<div
      class="grid ${this.recordsActiveTime ? '' : 'without-active'} ${this.yieldsTags ? '' : 'without-tags'}"
      data-columns=${columns.length}
    >
      <div
        class="scroller"
        part="grid"
        role="grid"
        aria-label=${s.listLabel}
        aria-rowcount=${rowCount}
        aria-colcount=${columns.length}
        aria-busy=${loadingFirst ? 'true' : 'false'}
        @scroll=${this.onScroll}
        @keydown=${this.onGridKey}
        @focusin=${this.onGridFocus}
      >
        <div role="rowgroup">
          <div class="row head" part="header" role="row" aria-rowindex="1">${columns.map((column) => this.renderHeaderCell(column, s))}</div>
        </div>
        <div class="rows" role="rowgroup" ${styleProperties({ height: `${(loadingFirst ? 6 : count) * ROW_HEIGHT}px` })}>
          ${loadingFirst ? this.renderSkeletonRows(s) : visible.map((user, i) => this.renderRow(user, first + i, s))}
        </div>
      </div>
      ${this.renderFooter(s)}
    </div>`;
  }

  /** False for backends that record no active time (Ductape): the column would read — for everyone. */
  private get recordsActiveTime(): boolean {
    return this.resolvedBackend?.capabilities.metrics?.activeTime !== false;
  }

  /** False for backends that compute no tags (`capabilities.tags` empty): the column would stay empty. */
  private get yieldsTags(): boolean {
    return (this.resolvedBackend?.capabilities.tags.length ?? 1) > 0;
  }

  /** The columns shown, in order. */
  private get columns(): readonly Column[] {
    return COLUMNS.filter((column) => (column !== 'active' || this.recordsActiveTime) && (column !== 'tags' || this.yieldsTags));
  }

  /** The one line saying what the server could not do for the current query, if anything. */
  private limitationNotice(s: Strings): string | null {
    const limits = this.resolvedBackend?.capabilities.limitations;
    if (!limits) return null;
    if (limits.statusFilterWindow !== undefined && this.statuses.length > 0) {
      return s.limitedStatusFilter(formatCount(limits.statusFilterWindow, this.resolvedLocale));
    }
    if (limits.searchFields && this.search.trim() !== '') return s.limitedSearch;
    if (limits.pageLocalSort && this.nextCursor !== null && this.rows.length > 0) return s.limitedSort;
    return null;
  }

  private renderHeaderCell(column: Column, s: Strings): TemplateResult {
    const label = this.columnLabel(column, s);
    const sort = COLUMN_SORT[column];
    const numeric = column === 'sessions' || column === 'active';
    if (!sort || !(this.resolvedBackend?.capabilities.sorts ?? USER_SORTS).includes(sort)) {
      return html`<div class="cell ${numeric ? 'number' : ''}" part="cell" role="columnheader">${label}</div>`;
    }
    const active = this.sort === sort;
    const ariaSort = active ? (this.sortDir === 'asc' ? 'ascending' : 'descending') : 'none';
    return html`<div class="cell ${numeric ? 'number' : ''}" part="cell" role="columnheader" aria-sort=${ariaSort}>
      <button class="sort" part="button sort-button" type="button" title=${s.sortBy(label)} @click=${() => this.toggleSort(sort)}>
        ${label}<span class="arrow" aria-hidden="true">${active && this.sortDir === 'asc' ? '↑' : '↓'}</span>
      </button>
    </div>`;
  }

  private renderSkeletonRows(s: Strings): TemplateResult[] {
    return Array.from(
      { length: 6 },
      (_, i) => html`<div class="row body-row skeleton-row" role="row" aria-rowindex=${i + 2} ${styleProperties({ top: `${i * ROW_HEIGHT}px` })}>
        ${this.columns.map(
          (_, c) => html`<div class="cell" role="gridcell">
            <span class="skeleton" aria-hidden="true"></span>${i === 0 && c === 0 ? html`<span class="visually-hidden">${s.loadingUsers}</span>` : nothing}
          </div>`,
        )}
      </div>`,
    );
  }

  private renderRow(user: TrackedUserListItem, index: number, s: Strings): TemplateResult {
    const locale = this.resolvedLocale;
    const href = this.hrefFromTemplate(this.userHref ?? this.config?.userHref, user.id);
    const subtitles = userSubtitles(user);
    const active = index === this.activeRow;
    const columns = this.columns;
    const cell = (name: Column, content: unknown, extra = '') => {
      const column = columns.indexOf(name);
      return column < 0
        ? nothing
        : html`<div
            class="cell ${extra}"
        part="cell"
        role="gridcell"
        tabindex=${active && this.activeColumn === column ? 0 : -1}
        data-row=${index}
        data-col=${column}
      >${content}</div>`;
    };
    const lastSeen = user.lastEventAt;
    // eslint-disable-next-line lit-a11y/click-events-have-key-events -- the grid handles Enter on the active row (onGridKey)
    return html`<div
      class="row body-row"
      part="row"
      role="row"
      aria-rowindex=${index + 2}
      aria-selected=${active ? 'true' : 'false'}
      ${styleProperties({ top: `${index * ROW_HEIGHT}px` })}
      @click=${(event: MouseEvent) => this.onRowClick(event, user, index)}
    >
      ${cell(
        'user',
        html`<div class="user">
          ${renderAvatar(`${user.projectId}:${user.externalId}`, { size: 32 })}
          <div class="names">
            ${href
              ? html`<a class="name" part="name" href=${href} tabindex="-1" title=${user.displayName} @click=${(e: MouseEvent) => this.onLinkClick(e, user)}>${user.displayName}</a>`
              : html`<span class="name" part="name" title=${user.displayName}>${user.displayName}</span>`}
            ${subtitles.externalId !== null ? html`<span class="subtitle mono" title=${subtitles.externalId}>${subtitles.externalId}</span>` : nothing}
            ${subtitles.email !== null ? html`<span class="subtitle" title=${subtitles.email}>${subtitles.email}</span>` : nothing}
          </div>
        </div>`,
      )}
      ${cell('project', html`<span class="project" part="project" title=${user.projectName}>${user.projectName}</span>`)}
      ${cell('status', html`<dozor-status-badge .status=${user.status}></dozor-status-badge>`)}
      ${cell('tags', html`<dozor-user-tags .tags=${user.tags}></dozor-user-tags>`)}
      ${cell(
        'last-seen',
        lastSeen
          ? html`<dozor-relative-time .datetime=${lastSeen}></dozor-relative-time>`
          : s.neverSeen,
      )}
      ${cell('sessions', formatCount(user.sessionCount, locale), 'number')}
      ${cell('active', user.activeTime7d > 0 ? formatDuration(user.activeTime7d) : s.emptyValue, 'number')}
    </div>`;
  }

  private renderFooter(s: Strings): TemplateResult | typeof nothing {
    if (this.rows.length === 0) return nothing;
    if (this.loadMoreError) {
      return html`<div class="footer" part="footer">${renderErrorState(this.loadMoreError, s, () => void this.loadMore())}</div>`;
    }
    if (this.nextCursor === null) return html`<div class="footer" part="footer">${s.allLoaded}</div>`;
    return html`<div class="footer" part="footer">
      ${this.page.loading
        ? html`<span>${s.loadingMore}</span>`
        : html`<button class="button" part="button load-more-button" type="button" @click=${() => void this.loadMore()}>${s.loadMore}</button>`}
    </div>`;
  }

  private renderEmpty(s: Strings): TemplateResult {
    const filtered = this.isFiltered();
    const notice = filtered ? this.limitationNotice(s) : null;
    return html`<div class="grid">
      <div class="state" part="empty">
        <strong>${notice ?? (filtered ? s.noMatchTitle : s.emptyTitle)}</strong>
        <span>${filtered ? s.noMatchHint : s.emptyHint}</span>
        ${filtered ? html`<button class="button" part="button clear-filters-button" type="button" @click=${this.clearFilters}>${s.clearFilters}</button>` : nothing}
      </div>
    </div>`;
  }

  private announcement(s: Strings): string {
    if (this.page.status !== 'ready' && this.rows.length === 0) return '';
    const locale = this.resolvedLocale;
    return s.showing(formatCount(this.rows.length, locale), this.total === undefined ? null : formatCount(this.total, locale), this.isFiltered());
  }

  private columnLabel(column: Column, s: Strings): string {
    switch (column) {
      case 'user':
        return s.columnUser;
      case 'project':
        return s.columnProject;
      case 'status':
        return s.columnStatus;
      case 'tags':
        return s.columnTags;
      case 'last-seen':
        return s.columnLastSeen;
      case 'sessions':
        return s.columnSessions;
      case 'active':
        return s.columnActive7d;
    }
  }

  // ---- data ------------------------------------------------------------------------------------

  /** The query, without the filters and sorts the backend cannot serve (set by attribute or restored from the URL). */
  private currentQuery(): ListUsersQuery {
    const caps = this.resolvedBackend?.capabilities;
    const can = (filter: 'search' | 'projects' | 'statuses') => !caps || caps.filters[filter];
    const sortable = !caps || caps.sorts.includes(this.sort);
    return {
      search: (can('search') && this.search.trim()) || undefined,
      projectIds: can('projects') && this.projectIds.length > 0 ? this.projectIds : undefined,
      statuses: can('statuses') && this.statuses.length > 0 ? this.statuses : undefined,
      identity: caps && caps.filters.identities.length > 1 ? this.identity : undefined,
      sort: sortable ? this.sort : undefined,
      sortDir: sortable ? this.sortDir : undefined,
      limit: Math.min(MAX_PAGE_LIMIT, Math.max(1, Math.floor(this.pageSize) || 50)),
    };
  }

  private queryKey(): string {
    return JSON.stringify(this.currentQuery());
  }

  private isFiltered(): boolean {
    const query = this.currentQuery();
    return query.search !== undefined || query.projectIds !== undefined || query.statuses !== undefined || (query.identity ?? 'identified') !== 'identified';
  }

  private reload(backend: DozorBackend): void {
    const query = this.currentQuery();
    this.updatesPending = false;
    this.loadMoreError = undefined;
    this.live.markRefreshed();
    void this.page.run((signal) => backend.listUsers(query, { signal })).then((page) => {
      if (!page) {
        if (this.page.status === 'error') this.rows = [];
        return;
      }
      this.rows = page.data;
      this.nextCursor = page.nextCursor;
      this.total = page.total;
      this.activeRow = Math.min(this.activeRow, Math.max(0, page.data.length - 1));
      if (this.scroller) this.scroller.scrollTop = 0;
      this.scrollPosition = 0;
      this.maybePrefetch();
    });
  }

  /** Pushed or polled changes: re-read what is loaded when it is small, else offer to jump to the latest. */
  private liveRefresh(): void {
    const backend = this.resolvedBackend;
    if (!backend || this.page.loading || this.exportProgress) return;
    if (this.rows.length > LIVE_RELOAD_LIMIT) {
      this.updatesPending = true;
      return;
    }
    const query = this.currentQuery();
    const wanted = Math.max(this.rows.length, query.limit ?? 0);
    void this.page
      .run(async (signal) => {
        const data: TrackedUserListItem[] = [];
        let cursor: string | null = null;
        let total: number | undefined;
        do {
          const page: Page<TrackedUserListItem> = await backend.listUsers({ ...query, limit: Math.min(MAX_PAGE_LIMIT, wanted - data.length), cursor }, { signal });
          data.push(...page.data);
          cursor = page.nextCursor;
          total = page.total;
        } while (cursor !== null && data.length < wanted);
        return { data, nextCursor: cursor, total };
      })
      .then((page) => {
        if (!page) return;
        this.rows = page.data;
        this.nextCursor = page.nextCursor;
        this.total = page.total;
      });
  }

  /** Infinite scroll: fetches the next page when the visible window nears the loaded end. */
  private maybePrefetch(): void {
    if (!this.isConnected || this.nextCursor === null || this.page.loading || this.loadMoreError || this.rows.length === 0) return;
    const lastVisible = Math.ceil((this.scrollPosition + this.viewportHeight) / ROW_HEIGHT);
    if (lastVisible >= this.rows.length - PREFETCH_ROWS) void this.loadMore();
  }

  private afterFilterChange(): void {
    this.activeRow = 0;
    this.emit('dozor-filters-change', {
      search: this.search,
      projectIds: [...this.projectIds],
      statuses: [...this.statuses],
      identity: this.identity,
      sort: this.sort,
      sortDir: this.sortDir,
    });
    if (this.syncUrl) this.writeUrl();
  }

  private csvValues(user: TrackedUserListItem): unknown[] {
    const email = user.traits && typeof user.traits['email'] === 'string' ? user.traits['email'] : '';
    return [
      user.id,
      user.externalId,
      user.displayName,
      email,
      user.projectName,
      user.status,
      user.identity ?? '',
      (user.tags ?? []).map((t) => t.id).join(' '),
      user.lastEventAt ?? '',
      user.sessionCount,
      // Empty, not 0, where the backend records no active time.
      this.recordsActiveTime ? user.activeTime7d : '',
      user.createdAt,
    ];
  }

  private download(csv: string): void {
    const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `tracked-users-${new Date().toISOString().slice(0, 10)}.csv`;
    link.style.display = 'none';
    this.renderRoot.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }

  // ---- URL sync --------------------------------------------------------------------------------

  private restoreFromUrl(): void {
    this.restoredFromUrl = true;
    const params = new URLSearchParams(location.search);
    const search = params.get('search');
    if (search !== null) this.search = search;
    const projects = params.get('projects');
    if (projects) this.projectIds = projects.split(',').filter(Boolean);
    const statuses = params.get('statuses');
    if (statuses) this.statuses = statuses.split(',').flatMap((s) => parseStatus(s) ?? []);
    const identity = params.get('identity');
    if (identity && (IDENTITY_FILTERS as readonly string[]).includes(identity)) this.identity = identity as IdentityFilter;
    const sort = params.get('sort');
    if (sort && (USER_SORTS as readonly string[]).includes(sort)) this.sort = sort as UserSort;
    const dir = params.get('dir');
    if (dir === 'asc' || dir === 'desc') this.sortDir = dir;
  }

  private writeUrl(): void {
    const url = new URL(location.href);
    const set = (key: string, value: string, fallback: string) => {
      if (value === fallback) url.searchParams.delete(key);
      else url.searchParams.set(key, value);
    };
    set('search', this.search.trim(), '');
    set('projects', this.projectIds.join(','), '');
    set('statuses', this.statuses.join(','), '');
    set('identity', this.identity, 'identified');
    set('sort', this.sort, DEFAULT_USER_SORT);
    set('dir', this.sortDir, DEFAULT_SORT_DIRECTION);
    if (url.href !== location.href) history.replaceState(history.state, '', url);
  }

  // ---- events ----------------------------------------------------------------------------------

  private onSearchInput(event: Event): void {
    this.searchDraft = (event.target as HTMLInputElement).value;
    clearTimeout(this.searchTimer);
    this.searchTimer = setTimeout(() => (this.search = this.searchDraft), SEARCH_DEBOUNCE_MS);
  }

  private onSearchKey(event: KeyboardEvent): void {
    if (event.key === 'Enter') {
      clearTimeout(this.searchTimer);
      this.search = this.searchDraft;
    } else if (event.key === 'Escape' && this.searchDraft) {
      event.preventDefault();
      this.clearSearch();
    }
  }

  private clearSearch(): void {
    clearTimeout(this.searchTimer);
    this.searchDraft = '';
    this.search = '';
    this.renderRoot.querySelector<HTMLInputElement>('input[type="search"]')?.focus();
  }

  private onIdentityChange(event: Event): void {
    this.identity = (event.target as HTMLSelectElement).value as IdentityFilter;
  }

  private onMenuKey(event: KeyboardEvent): void {
    const details = event.currentTarget as HTMLDetailsElement;
    if (event.key === 'Escape' && details.open) {
      event.preventDefault();
      details.open = false;
      details.querySelector('summary')?.focus();
    }
  }

  private toggleSort(sort: UserSort): void {
    if (this.sort === sort) this.sortDir = this.sortDir === 'desc' ? 'asc' : 'desc';
    else {
      this.sort = sort;
      this.sortDir = 'desc';
    }
  }

  private showLatest(): void {
    this.refresh();
  }

  private onScroll(event: Event): void {
    const target = event.currentTarget as HTMLElement;
    this.scrollPosition = target.scrollTop;
    this.maybePrefetch();
  }

  private observeViewport(): void {
    const scroller = this.scroller;
    if (!scroller || this.resizeObserver) return;
    this.resizeObserver = new ResizeObserver(() => {
      if (this.scroller) this.viewportHeight = this.scroller.clientHeight || this.viewportHeight;
      this.maybePrefetch();
    });
    this.resizeObserver.observe(scroller);
  }

  private onGridFocus(event: FocusEvent): void {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!cell) return;
    this.activeRow = Number(cell.dataset['row']);
    this.activeColumn = Number(cell.dataset['col']);
  }

  private async onGridKey(event: KeyboardEvent): Promise<void> {
    const target = event.target as HTMLElement;
    if (!target.matches('[data-row]')) return;
    const count = this.rows.length;
    if (count === 0) return;
    const pageRows = Math.max(1, Math.floor((this.viewportHeight - HEADER_HEIGHT) / ROW_HEIGHT) - 1);
    let row = this.activeRow;
    let column = this.activeColumn;
    switch (event.key) {
      case 'ArrowDown':
        row++;
        break;
      case 'ArrowUp':
        row--;
        break;
      case 'ArrowRight':
        column++;
        break;
      case 'ArrowLeft':
        column--;
        break;
      case 'Home':
        row = 0;
        break;
      case 'End':
        row = count - 1;
        break;
      case 'PageDown':
        row += pageRows;
        break;
      case 'PageUp':
        row -= pageRows;
        break;
      case 'Enter':
      case ' ':
        event.preventDefault();
        this.open(this.rows[row]!, row);
        return;
      default:
        return;
    }
    event.preventDefault();
    await this.focusCell(Math.max(0, Math.min(count - 1, row)), Math.max(0, Math.min(this.columns.length - 1, column)));
  }

  /** Moves the grid's focus, scrolling the row into view (rows outside the window are not in the DOM). */
  private async focusCell(row: number, column: number): Promise<void> {
    this.activeRow = row;
    this.activeColumn = column;
    const scroller = this.scroller;
    if (scroller) {
      const top = HEADER_HEIGHT + row * ROW_HEIGHT;
      const viewTop = scroller.scrollTop + HEADER_HEIGHT;
      const viewBottom = scroller.scrollTop + scroller.clientHeight;
      if (top < viewTop) scroller.scrollTop = top - HEADER_HEIGHT;
      else if (top + ROW_HEIGHT > viewBottom) scroller.scrollTop = top + ROW_HEIGHT - scroller.clientHeight;
      this.scrollPosition = scroller.scrollTop;
    }
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${column}"]`)?.focus({ preventScroll: true });
  }

  private onRowClick(event: MouseEvent, user: TrackedUserListItem, index: number): void {
    if ((event.target as HTMLElement).closest('a')) return; // the link handles itself
    this.open(user, index);
  }

  private onLinkClick(event: MouseEvent, user: TrackedUserListItem): void {
    this.emitFromLinkClick(event, 'dozor-user-select', { userId: user.id, user });
  }

  /** Opens a user: follows the row's link when there is one, else fires `dozor-user-select`. */
  private open(user: TrackedUserListItem, index: number): void {
    this.activeRow = index;
    const link = this.renderRoot.querySelector<HTMLAnchorElement>(`[data-row="${index}"] a.name`);
    if (link) link.click();
    else this.emit('dozor-user-select', { userId: user.id, user }, { cancelable: true });
  }
}
