// Over 400 lines: the list's controllers (query and URL, pages, window, keyboard, CSV, columns, saved views, quick
// filter, tags, times) are wired to each other and to its template here.
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query } from 'lit/decorators.js';
import { DEFAULT_COLUMNS, formatColumns, parseColumns, type ListColumn, type UserStatus, type ViewStore } from '../../core/index.js';
import {
  DEFAULT_SORT_DIRECTION,
  DEFAULT_USER_SORT,
  USER_SORTS,
  type IdentityFilter,
  type SortDirection,
  type TrackedUserListItem,
  type UserSort,
} from '../../backend/index.js';
import { DozorElement } from '../shared/dozor-element.js';
import { SubtreeConfig } from '../shared/subtree-config.js';
import { renderErrorState } from '../shared/error-view.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { userListStyles } from './user-list.styles.js';
import { toolbarStyles } from './toolbar.styles.js';
import { statusBadgeStyles } from '../status-badge/status-badge.styles.js';
import { tagLineStyles } from '../user-tags/user-tags.styles.js';
import { RelativeTimes } from '../relative-time/relative-view.js';
import { CsvExport } from './csv-export.js';
import { cellPosition, GridKeyboard, rowAt } from './grid-keyboard.js';
import { ListQuery } from './list-query.js';
import { withListState, type ListFilters } from '../shared/list-url.js';
import { PagedRows } from './paged-rows.js';
import { RowWindow } from './row-window.js';
import * as grid from './grid-rows.js';
import { renderListEmpty, renderListFooter, renderListGrid } from './list-grid.js';
import { renderToolbar, SearchDraft } from './toolbar.js';
import { MenuPlacement } from './filter-menu.js';
import { HeaderFit, widestRowValues } from './header-fit.js';
import { ColumnPicker } from './column-picker.js';
import { ListState } from './list-state.js';
import { QuickFilter } from './quick-filter.js';
import type { KpiSelection } from '../shared/list-channel.js';
import { RowTags, rowTagsStyles } from './row-tags.js';
import { liveRowParts, UserRows, type RowView } from './user-rows.js';
import { USER_TAGS_STRINGS } from '../user-tags/tag-line.js';
import { USER_LIST_STRINGS, type ListStrings } from './user-list-strings.js';

export { USER_LIST_STRINGS, type UserListStrings } from './user-list-strings.js';

/** The defaults of every string the list shows, its rows' tag lines' too. */
const LIST_DEFAULTS = { ...USER_TAGS_STRINGS, ...USER_LIST_STRINGS };

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
 * @csspart traits-truncated - the note beside a name whose traits were cut to the bounds (`traitsTruncated`).
 * @csspart project - the project badge.
 * @csspart badge - each row's status badge (its dot is `dot`, its text `label`).
 * @csspart dot - the status badge's coloured dot.
 * @csspart label - the status badge's text.
 * @csspart time - each row's last-seen time (its tooltip is the exact time).
 * @csspart tags - each row's line of tag chips.
 * @csspart tag - each tag chip (also `tag-<id>`, e.g. `tag-buyer`).
 * @csspart more - a row's "+N" button for the tags that do not fit (also `button`).
 * @csspart popover - the popover listing every tag of the row whose "+N" opened it.
 * @csspart footer - the load-more / progress line.
 * @csspart empty - the empty state.
 * @csspart limitation - the one line saying what the server could not do (`capabilities.limitations`).
 * @csspart error - the error state.
 * @csspart columns-button - the button that opens the column picker (show, hide, reorder, add trait columns).
 * @csspart trait-key - the column picker's trait key input.
 * @csspart views-button - the button that opens the saved views menu (with a host `viewStore` or a `storage-key`).
 * @csspart view-name - the saved views menu's name input.
 * @csspart quick-filter - the chip of the KPI card's quick filter; its remove-quick-filter-button removes it.
 * @csspart button - every button.
 * @cssprop --dozor-list-height - the grid's maximum height (default 560px).
 * @cssprop --dozor-list-columns - the grid's `grid-template-columns`.
 * @cssprop --dozor-accent - sort arrows, selected row.
 * @cssprop --dozor-surface - background; --dozor-surface-raised the header and hovered rows.
 */
export class DozorUserList extends DozorElement {
  static override styles = [tokens, baseStyles, statusBadgeStyles, tagLineStyles, rowTagsStyles, toolbarStyles, userListStyles];

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

  /**
   * The columns, in order: `user,status,last-seen,trait:plan` (the built-in `user` (always shown),
   * `project`, `status`, `tags`, `last-seen`, `sessions`, `active`, and `trait:<key>` for any trait).
   * The viewer's own choice in the column picker starts from it (kept per `storage-key`, and in the
   * URL with `sync-url`). A value that cannot be used throws a `ColumnsError` and changes nothing.
   */
  @property()
  get columns(): string {
    return formatColumns(this.hostColumns);
  }
  set columns(value: string | null | undefined) {
    this.hostColumns = value === null || value === undefined || value.trim() === '' ? DEFAULT_COLUMNS : parseColumns(value);
  }
  private hostColumns: readonly ListColumn[] = DEFAULT_COLUMNS;

  /** Keeps the viewer's columns and saved views in localStorage under this key (nothing is stored without one). */
  @property({ attribute: 'storage-key' }) storageKey: string | undefined;

  /**
   * The host's store of saved views (`list`, `save`, `remove`: e.g. on its server, per viewer); without
   * one, views live in localStorage under `storage-key`. The default view is on the list before its first request.
   */
  @property({ attribute: false }) viewStore: ViewStore | undefined;

  /** Trait keys offered as columns, besides those found in the loaded rows. */
  @property({ attribute: false }) traitKeys: readonly string[] = [];

  @query('.scroller') private scroller!: HTMLElement | null;

  private readonly listQuery = new ListQuery(this, {
    backend: () => this.resolvedBackend,
    filters: () => this.filters,
    apply: (filters) => Object.assign(this, filters),
    syncUrl: () => this.syncUrl,
  });
  private readonly rowWindow = new RowWindow(
    this,
    () => this.scroller,
    () => this.pages.maybePrefetch(),
  );
  private readonly pages: PagedRows = new PagedRows(this, {
    // Held while a host's view store is read, so a default view never flashes the unfiltered list.
    backend: () => (this.listState.views.ready ? this.resolvedBackend : undefined),
    query: () => this.listQuery.current,
    intervalMs: () => this.refreshIntervalMs,
    lastVisibleRow: () => this.rowWindow.lastVisibleRow,
    exporting: () => this.csv.running,
    onReplaced: (count) => {
      this.keyboard.reset(count);
      this.rowWindow.toTop();
    },
    onQueryChange: () => this.afterFilterChange(),
  });
  private readonly keyboard = new GridKeyboard(this, {
    rowCount: () => this.pages.rows.length,
    columnCount: () => this.columnPicker.columns.length,
    rowsPerPage: () => this.rowWindow.rowsPerPage,
    reveal: (row) => this.rowWindow.reveal(row),
    open: (row) => this.open(this.pages.rows[row]!, row),
    activateCell: (cell) => {
      const user = this.pages.rows[cellPosition(cell).row];
      return user !== undefined && this.rowTags.openFromCell(cell, user);
    },
  });
  private readonly csv = new CsvExport(this, {
    backend: () => this.resolvedBackend,
    query: () => this.listQuery.current,
    knownTotal: () => this.pages.total,
    header: () => this.resolveStrings(USER_LIST_STRINGS).csvHeader,
    columns: () => this.columnPicker.columns,
  });
  /** The rows' last-seen times: the list re-renders when one of the visible ones would read otherwise. */
  private readonly relativeTimes = new RelativeTimes(this);
  private readonly userRows = new UserRows(this);
  // Before the tag lines: its resize observer reads the header before theirs write to the rows.
  private readonly headerFit = new HeaderFit(this, {
    header: () => this.renderRoot.querySelector('.row.head'),
    columns: () => this.columnPicker.columns,
    locale: () => this.resolvedLocale,
    samples: () => widestRowValues(this.resolvedLocale),
  });
  private readonly rowTags = new RowTags(this, {
    headerCell: () => {
      const column = this.columnPicker.columns.indexOf('tags');
      return column < 0 ? null : this.renderRoot.querySelector(`.row.head > [role="columnheader"]:nth-child(${column + 1})`);
    },
    popover: () => this.renderRoot.querySelector('.tags-popover'),
  });
  private readonly draft = new SearchDraft(this, (search) => (this.search = search));
  private readonly columnPicker = new ColumnPicker(this, {
    hostColumns: () => this.hostColumns,
    unavailable: () => [...(this.recordsActiveTime ? [] : (['active'] as const)), ...(this.yieldsTags ? [] : (['tags'] as const))],
    storageKey: () => this.storageKey,
    hostTraitKeys: () => this.traitKeys,
    rows: () => this.pages.rows,
    label: (column) => grid.columnLabel(column, this.resolveStrings(USER_LIST_STRINGS)),
    changed: () => this.listState.columnsChanged(),
  });
  private readonly listState = new ListState(this, {
    columns: this.columnPicker,
    filters: () => this.filters,
    applyFilters: (filters) => Object.assign(this, filters),
    syncUrl: () => this.syncUrl,
    viewStore: () => this.viewStore,
    storageKey: () => this.storageKey,
  });
  private readonly quickFilter = new QuickFilter(this, {
    channel: () => this.config?.channel,
    filters: () => this.filters,
    apply: (filters) => Object.assign(this, filters),
  });

  constructor() {
    super();
    new SubtreeConfig(this, () => this.subtreeConfig);
    new MenuPlacement(this);
  }

  /** The users loaded so far, in list order. */
  get loadedUsers(): readonly TrackedUserListItem[] {
    return this.pages.rows;
  }

  /** The total number of matching users when the backend reports it. */
  get totalUsers(): number | undefined {
    return this.pages.total;
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('search')) this.draft.follow(this.search);
    this.listState.views.sync();
  }

  override updated(): void {
    // A profile under the same provider steps through this order (previous / next).
    if (this.listState.views.ready) this.config?.channel?.publishQuery(this.listQuery.current);
  }

  /**
   * Puts a KPI card's filter (`dozor-kpi-select`'s detail) on the list, shown as a removable chip, for a
   * host that routes the event itself (under one provider the strip does it); undefined removes it.
   */
  applyQuickFilter(selection: KpiSelection | undefined): void {
    this.quickFilter.apply(selection);
  }

  /** Re-reads the list from the top (keeps filters and sort). */
  refresh(): void {
    this.pages.reload();
  }

  /** Loads the next page, if any; resolves when it has arrived. */
  loadMore(): Promise<void> {
    return this.pages.loadMore();
  }

  /** Clears the search and every filter (sort is kept). */
  clearFilters(): void {
    this.draft.cancel();
    this.draft.follow('');
    this.search = '';
    this.projectIds = [];
    this.statuses = [];
    this.identity = 'identified';
  }

  /**
   * Downloads every user matching the current filters as CSV, walking all pages. Resolves with the
   * CSV text (also offered as a download), or undefined when cancelled or failed.
   */
  exportCsv(options: { download?: boolean } = {}): Promise<string | undefined> {
    return this.csv.run(options);
  }

  /** Stops a running export. */
  cancelExport(): void {
    this.csv.cancel();
  }

  private get filters(): ListFilters {
    const { search, projectIds, statuses, identity, sort, sortDir, pageSize } = this;
    return { search, projectIds, statuses, identity, sort, sortDir, pageSize };
  }

  private afterFilterChange(): void {
    this.keyboard.reset();
    const { search, projectIds, statuses, identity, sort, sortDir } = this;
    this.emit('dozor-filters-change', { search, projectIds: [...projectIds], statuses: [...statuses], identity, sort, sortDir });
  }

  override render() {
    const s = this.resolveStrings(LIST_DEFAULTS);
    return html`${this.renderToolbar(s)}
      ${
        this.pages.updatesPending
          ? html`<div class="banner" part="banner">
            <span>${s.updatesAvailable}</span>
            <button class="button small" part="button" type="button" @click=${this.refresh}>${s.showUpdates}</button>
          </div>`
          : nothing
      }
      ${this.renderBody(s)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.announcement(s)}</div>`;
  }

  private renderToolbar(s: ListStrings): TemplateResult {
    return renderToolbar({
      s,
      locale: this.resolvedLocale,
      capabilities: this.resolvedBackend?.capabilities,
      projects: this.listQuery.projects.value ?? [],
      filters: this.filters,
      draft: this.draft,
      setFilters: (filters) => Object.assign(this, filters),
      exportProgress: this.csv.progress,
      exportError: this.csv.error,
      canExport: this.pages.rows.length > 0,
      startExport: () => void this.exportCsv(),
      cancelExport: () => this.cancelExport(),
      count: this.announcement(s),
      menus: html`${this.listState.views.render(s)}${this.columnPicker.render(s)}`,
      chips: this.quickFilter.render(s),
    });
  }

  private renderBody(s: ListStrings): TemplateResult {
    const { pages } = this;
    const loadingFirst = (pages.task.loading || !this.listState.views.ready) && pages.rows.length === 0;
    const count = pages.rows.length;
    if (!loadingFirst && count === 0) {
      if (pages.task.error)
        return html`<div part="error">${renderErrorState(pages.task.error, s, this.numbers, () => this.refresh())}</div>`;
      if (pages.task.status === 'complete') {
        const notice = this.listQuery.filtered ? this.listQuery.limitation(s, this.resolvedLocale, false) : null;
        return renderListEmpty(s, this.listQuery.filtered, notice, () => this.clearFilters());
      }
    }
    const { first, last } = this.rowWindow.slice(count);
    const visible = pages.rows.slice(first, last);
    const columns = this.columnPicker.columns;
    const userHref = this.userHref ?? this.config?.userHref;
    // With sync-url a profile opened from a row finds the list's order in its URL (its previous / next).
    const stateInLinks = this.syncUrl ? this.listState.query() : '';
    const locale = this.resolvedLocale;
    const row = this.rowView(s, locale, columns, userHref, stateInLinks);
    const live = liveRowParts(visible, columns, locale, this.relativeTimes);
    return renderListGrid({
      s,
      columns,
      widths: this.headerFit.widths,
      header: {
        s,
        sorts: this.resolvedBackend?.capabilities.sorts ?? USER_SORTS,
        sort: this.sort,
        sortDir: this.sortDir,
        // Another column sorts descending first; the same column flips.
        toggleSort: (sort) => Object.assign(this, { sort, sortDir: this.sort === sort && this.sortDir === 'desc' ? 'asc' : 'desc' }),
      },
      loadingFirst,
      count,
      rowCount: pages.total !== undefined ? pages.total + 1 : pages.nextCursor === null ? count + 1 : -1,
      first,
      visible,
      renderRow: (user, i) => this.userRows.row(user, first + i, row, live[i]!),
      notice: this.listQuery.limitation(s, locale, pages.nextCursor !== null && count > 0),
      onScroll: this.rowWindow.onScroll,
      onKeyDown: this.keyboard.onKeyDown,
      onFocusIn: this.keyboard.onFocusIn,
      footer:
        count === 0
          ? nothing
          : renderListFooter({
              s,
              error: pages.loadMoreError && renderErrorState(pages.loadMoreError, s, this.numbers, () => void this.loadMore()),
              allLoaded: pages.nextCursor === null,
              loading: pages.task.loading,
              loadMore: () => void this.loadMore(),
            }),
      popover: this.rowTags.renderPopover({ s, numbers: this.numbers, locale }),
    });
  }

  /** What every row is built with: the list's settings and handlers. */
  private rowView(
    s: ListStrings,
    locale: string,
    columns: readonly ListColumn[],
    userHref: string | undefined,
    listState: string,
  ): RowView {
    return {
      s,
      locale,
      columns,
      href: (user) => withListState(this.hrefFromTemplate(userHref, user.id), listState),
      activeRow: this.keyboard.activeRow,
      onRowClick: (event, user, index) => {
        if (!(event.target as HTMLElement).closest('a')) this.open(user, index); // a link handles itself
      },
      onLinkClick: (event, user) => this.emitFromLinkClick(event, 'dozor-user-select', { userId: user.id, user }),
      tags: (user) => this.rowTags.line(user, { s, numbers: this.numbers, locale }),
    };
  }

  /** False for backends that record no active time (Ductape): the column would read — for everyone. */
  private get recordsActiveTime(): boolean {
    return this.resolvedBackend?.capabilities.metrics?.activeTime !== false;
  }

  /** False for backends that compute no tags (`capabilities.tags` empty): the column would stay empty. */
  private get yieldsTags(): boolean {
    return (this.resolvedBackend?.capabilities.tags.length ?? 1) > 0;
  }

  private announcement(s: ListStrings): string {
    if (this.pages.task.status !== 'complete' && this.pages.rows.length === 0) return '';
    const { rows, total } = this.pages;
    // A backend with one kind of identity has no Identity filter and no other kind to tell apart: its rows are "users".
    const identity = (this.resolvedBackend?.capabilities.filters.identities.length ?? 0) > 1 ? this.identity : 'all';
    return s.showing(rows.length, total ?? null, identity, this.listQuery.filtered, this.numbers);
  }

  /** Opens a user: follows the row's link when there is one, else fires `dozor-user-select`. */
  private open(user: TrackedUserListItem, index: number): void {
    this.keyboard.setActiveRow(index);
    const link = rowAt(this.renderRoot, index)?.querySelector<HTMLAnchorElement>('a.name');
    if (link) link.click();
    else this.emit('dozor-user-select', { userId: user.id, user }, { cancelable: true });
  }
}
