import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  MAX_PAGE_LIMIT,
  type DozorBackend,
  type DozorBackendError,
  type ListUsersQuery,
  type Page,
  type TrackedUserListItem,
} from '../../backend/index.js';
import { PageGuard } from '../../backend/kit/page-guard.js';
import { BackendTask } from '../shared/backend-task.js';
import { LiveController } from '../shared/live-controller.js';

/** Live refresh re-reads at most this many loaded rows; deeper lists get a "show latest" banner instead. */
const LIVE_RELOAD_LIMIT = 200;
/** Infinite scroll asks for the next page when the window gets this close to the loaded end. */
const PREFETCH_ROWS = 20;

export interface PagedRowsOptions {
  backend: () => DozorBackend | undefined;
  query: () => ListUsersQuery;
  intervalMs: () => number;
  /** The index just past the last row in view (infinite scroll). */
  lastVisibleRow: () => number;
  /** True while the export walks the list: live refreshes wait. */
  exporting: () => boolean;
  /** A new first page replaced the rows (the window goes back to the top). */
  onReplaced: (count: number) => void;
  /** The query or the backend changed after the first load. */
  onQueryChange: () => void;
}

/**
 * The list's rows: the first page for the current query (again whenever the query or backend
 * changes), the next pages by cursor (infinite scroll or "Load more"), and live refreshes that
 * re-read what is loaded. One request at a time; a newer one aborts the older.
 */
export class PagedRows implements ReactiveController {
  rows: TrackedUserListItem[] = [];
  nextCursor: string | null = null;
  total: number | undefined;
  loadMoreError: DozorBackendError | undefined;
  /** A live change arrived while too many rows were loaded to re-read them all. */
  updatesPending = false;
  readonly task: BackendTask<Page<TrackedUserListItem>>;
  private readonly live: LiveController;
  /** The query of the last update (a change since is the list's new query). */
  private queryKey: string | undefined;
  /** The query the rows were last asked for: a refresh made between a change and its update may have read another. */
  private requestedKey: string | undefined;
  private backend: DozorBackend | undefined;
  private disconnected = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: PagedRowsOptions,
  ) {
    this.task = new BackendTask(host, 'listUsers');
    // While an export walks the list a refresh waits (it is kept, not dropped: LiveController's busy).
    this.live = new LiveController(host, {
      backend: options.backend,
      intervalMs: options.intervalMs,
      refresh: () => this.liveRefresh(),
      busy: options.exporting,
    });
    host.addController(this);
  }

  /** Before every update: a new query or backend loads the first page again. */
  hostUpdate(): void {
    const backend = this.options.backend();
    if (!backend) return;
    const key = JSON.stringify(this.options.query());
    const changed = backend !== this.backend || key !== this.queryKey;
    if (!changed && key === this.requestedKey) return;
    const first = this.queryKey === undefined;
    this.backend = backend;
    this.queryKey = key;
    this.reload();
    if (changed && !first) this.options.onQueryChange();
  }

  hostConnected(): void {
    // Back after a disconnect, which aborted the request in flight: load again.
    if (this.disconnected) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.disconnected = true;
    this.queryKey = undefined;
    this.requestedKey = undefined;
  }

  /** Re-reads the list from the top. */
  reload(): void {
    const backend = this.options.backend();
    if (!backend) return;
    const query = this.options.query();
    this.requestedKey = JSON.stringify(query);
    this.updatesPending = false;
    this.loadMoreError = undefined;
    this.live.markRefreshed();
    void this.task
      .runWith((signal) => backend.listUsers(query, { signal }))
      .then((page) => {
        if (!page) {
          if (this.task.status === 'error') this.setRows([]);
          return;
        }
        this.setRows(page.data, page.nextCursor, page.total);
        this.options.onReplaced(page.data.length);
        this.maybePrefetch();
      });
  }

  /** Loads the next page, if any; resolves when it has arrived. */
  async loadMore(): Promise<void> {
    const backend = this.options.backend();
    const cursor = this.nextCursor;
    if (!backend || cursor === null || this.task.loading) return;
    this.loadMoreError = undefined;
    const query = { ...this.options.query(), cursor };
    const page = await this.task.runWith((signal) => backend.listUsers(query, { signal }));
    if (!page) {
      if (this.task.error) this.loadMoreError = this.task.error;
      this.host.requestUpdate();
      return;
    }
    const fresh = newRows(this.rows, page.data);
    this.rows = this.rows.concat(fresh);
    // A page that adds no one ends the walk: a backend that hands back its cursor must not loop the prefetch.
    this.nextCursor = fresh.length === 0 ? null : page.nextCursor;
    this.total = page.total ?? this.total;
    this.host.requestUpdate();
    this.maybePrefetch();
  }

  /** Infinite scroll: fetches the next page when the visible window nears the loaded end. */
  maybePrefetch(): void {
    if (!this.host.isConnected || this.nextCursor === null || this.task.loading || this.loadMoreError || this.rows.length === 0) return;
    if (this.options.lastVisibleRow() >= this.rows.length - PREFETCH_ROWS) void this.loadMore();
  }

  /** Pushed or polled changes: re-read what is loaded when it is small, else offer to jump to the latest. */
  private liveRefresh(): void {
    const backend = this.options.backend();
    // A request in flight was asked before this change: it is superseded, never waited for.
    if (!backend) return;
    if (this.rows.length > LIVE_RELOAD_LIMIT) {
      this.updatesPending = true;
      this.host.requestUpdate();
      return;
    }
    const query = this.options.query();
    this.requestedKey = JSON.stringify(query);
    const wanted = Math.max(this.rows.length, query.limit ?? 0);
    void this.task
      .runWith(async (signal) => {
        const data: TrackedUserListItem[] = [];
        let cursor: string | null = null;
        let total: number | undefined;
        for await (const page of userPages(backend, query, signal, wanted)) {
          data.push(...page.data);
          cursor = page.nextCursor;
          total = page.total;
        }
        return { data, nextCursor: cursor, total };
      })
      .then((page) => {
        if (page) this.setRows(page.data, page.nextCursor, page.total);
      });
  }

  /**
   * Replaces the rows (a row repeated across the pages of one answer is kept once: rows are keyed by
   * id). The answer lands after the task's own update was requested: ask for another.
   */
  private setRows(rows: TrackedUserListItem[], nextCursor = this.nextCursor, total = this.total): void {
    this.rows = newRows([], rows);
    this.nextCursor = nextCursor;
    this.total = total;
    this.host.requestUpdate();
  }
}

/**
 * The list's pages for `query` (as it was when the walk began) from the first one on, by cursor and at most
 * `MAX_PAGE_LIMIT` rows each, until the last page or until `wanted` rows have come (the CSV export and
 * a live refresh of the loaded rows).
 */
export async function* userPages(
  backend: DozorBackend,
  query: ListUsersQuery,
  signal: AbortSignal,
  wanted = Infinity,
): AsyncGenerator<Page<TrackedUserListItem>, void, undefined> {
  // Rows already walked are dropped, and a page that adds no one or repeats a cursor ends the walk.
  const guard = new PageGuard();
  let cursor: string | null = null;
  let read = 0;
  do {
    signal.throwIfAborted(); // a backend may not read the signal itself
    const page: Page<TrackedUserListItem> = guard.accept(
      'walk',
      cursor,
      await backend.listUsers({ ...query, limit: Math.min(MAX_PAGE_LIMIT, wanted - read), cursor }, { signal }),
    );
    yield page;
    read += page.data.length;
    cursor = page.nextCursor;
  } while (cursor !== null && read < wanted);
}

/**
 * The rows of `page` that are not in `loaded` yet, each id once (a row that moved between two pages'
 * requests comes again; rows are keyed by id). No set of every loaded id is kept: at 100,000 rows it
 * would outweigh the list itself, while one pass over the loaded ids per page is well under a frame.
 */
function newRows(loaded: readonly TrackedUserListItem[], page: readonly TrackedUserListItem[]): TrackedUserListItem[] {
  const pending = new Set<string>();
  const fresh = page.filter((row) => !pending.has(row.id) && pending.add(row.id));
  if (loaded.length === 0 || fresh.length === 0) return fresh;
  for (const row of loaded) if (pending.delete(row.id) && pending.size === 0) return [];
  return pending.size === fresh.length ? fresh : fresh.filter((row) => pending.has(row.id));
}
