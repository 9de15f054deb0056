import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { LocaleNumbers } from '../../core/index.js';
import type { Page, SessionListItem } from '../../backend/index.js';
import { DozorElement } from '../shared/dozor-element.js';
import { SubtreeConfig } from '../shared/subtree-config.js';
import { ScrollRegionController } from '../shared/scroll-region.js';
import { TableColumnFit } from '../shared/table-column-fit.js';
import { StandaloneFetch } from '../shared/standalone-fetch.js';
import { renderErrorState } from '../shared/error-view.js';
import { renderCard, renderLoadingCard } from '../shared/card-view.js';
import type { CommonStrings } from '../shared/strings.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { cardStyles, tableStyles } from '../shared/block-styles.js';
import { sessionsTableStyles } from './sessions-table.styles.js';
import { SessionPages } from './session-pages.js';
import { styleProperties } from '../shared/style-properties.js';
import { SESSION_ROW_STRINGS, renderSessionRow, type SessionColumns, type SessionRowsView } from './session-rows.js';

/** The sessions table's English strings, the rows' included; their type is `SessionsTableStrings`. */
export const SESSIONS_TABLE_STRINGS = {
  ...SESSION_ROW_STRINGS,
  sessionsTitle: 'Sessions',
  sessionsLoading: 'Loading sessions…',
  sessionsEmpty: 'No sessions recorded for this user.',
  sessionsSessionColumn: 'Session',
  sessionsStartedColumn: 'Started',
  sessionsEntryColumn: 'Entry page',
  sessionsDeviceColumn: 'Device',
  sessionsDurationColumn: 'Duration',
  sessionsEventsColumn: 'Events',
  /** The header's count of loaded rows. */
  sessionsShown: (count: number, n: LocaleNumbers) => n.plural(count, { one: '# session shown', other: '# sessions shown' }),
  sessionsLoadMore: 'Load more',
  sessionsLoadingMore: 'Loading…',
  /** The header of the column of journey toggles (visually hidden). */
  sessionsJourneyColumn: 'Journey',
};

// The blocks' tables first: the published types then keep their keys' comments (a spread drops them).
/** The sessions table's strings (every key of its English table). */
export type SessionsTableStrings = typeof SESSION_ROW_STRINGS & typeof SESSIONS_TABLE_STRINGS;

declare module '../shared/strings.js' {
  interface DozorStrings extends SessionsTableStrings {}
}

type Strings = SessionsTableStrings & CommonStrings;

/**
 * The user's sessions, newest first: session id, when it started (date and time, "3 days ago"
 * beneath), its entry page, the browser and device (when the backend reports them), duration and
 * events. "Load more" appends the next page by cursor; rows are de-duplicated by id,
 * so a session that moved between pages while loading is never listed twice.
 *
 * Session ids are links when a `session-href` template is set (here or on `<dozor-provider>`);
 * clicking one fires a cancelable `dozor-session-select` first. Without a template they are
 * buttons that fire `dozor-session-select`. Ids too long for their column are cut in the middle
 * (the end tells them apart); narrower than the columns need, the table scrolls inside its card.
 *
 * Each row starts with a disclosure button that opens the session's journey under the row
 * (`<dozor-session-journey>`: its pages in order with time on page, entry, exit and gaps, read
 * from the user's 7-day timeline); several may be open at once.
 *
 * Give it `.data` (the first page, as `<dozor-user-profile>` does) with `user-id` and a backend for
 * the further pages, or only a `user-id` and a backend: it then fetches the first page itself. A
 * new first page (a refresh) keeps the further pages already loaded.
 *
 * @tagname dozor-sessions-table
 * @summary Paginated table of a user's sessions.
 * @fires dozor-session-select - {sessionId, userId} when a session is opened (cancelable when it is a link: cancel to route yourself).
 * @fires dozor-error - {error, operation} when a request fails.
 * @csspart card - the card.
 * @csspart table - the table.
 * @csspart header-cell - each column header.
 * @csspart row - each session row.
 * @csspart cell - each cell.
 * @csspart link - the session id's link or button.
 * @csspart button - "Load more" (`button load-more`) and each row's journey toggle (`button journey-toggle`).
 * @csspart journey-row - the row under a session that holds its open journey.
 * @csspart journey - the open `<dozor-session-journey>`.
 * @csspart empty - the "No sessions recorded for this user." box.
 * @csspart error - the error state; `button retry-button` its retry button.
 * @cssprop --dozor-surface - the card background.
 * @cssprop --dozor-border - the card and row borders.
 * @cssprop --dozor-font-mono - session ids and entry pages.
 * @cssprop --dozor-muted - the second line of a cell.
 * @cssprop --dozor-accent - links.
 */
export class DozorSessionsTable extends DozorElement {
  static override styles = [tokens, baseStyles, cardStyles, tableStyles, sessionsTableStyles];

  constructor() {
    super();
    new SubtreeConfig(this, () => this.subtreeConfig);
  }

  /** The first page of sessions; undefined shows the loading state (or, standalone, fetches it). */
  @property({ attribute: false }) data: Page<SessionListItem> | undefined;

  /** The tracked user whose sessions are listed (needed for "Load more" and standalone mode). */
  @property({ attribute: 'user-id' }) userId: string | undefined;

  /** Link template for a session (`/replays/{id}`); overrides the provider's. */
  @property({ attribute: 'session-href' }) sessionHref: string | undefined;

  /** Sessions per page (1..100); the backend's default when unset. */
  @property({ type: Number }) limit: number | undefined;

  /** The sessions whose journey is open under their row (by id: another user's sessions are other ids). */
  @state() private expanded: ReadonlySet<string> = new Set();

  private readonly scrollRegion = new ScrollRegionController(this, 'title');
  private readonly columnFit = new TableColumnFit(this, {
    table: () => this.renderRoot.querySelector('table'),
    locale: () => this.resolvedLocale,
    // Not the id: it is cut in the middle by design.
    columns: ['col-started', 'col-device', 'col-duration', 'col-events'],
  });
  private readonly fetcher = new StandaloneFetch<Page<SessionListItem>, number | undefined>(this, this.resolved, {
    operation: 'listSessions',
    given: () => this.data,
    query: () => this.limit,
    fetch: (backend, userId, limit, signal) => backend.listSessions(userId, limit === undefined ? {} : { limit }, { signal }),
  });
  private readonly pages = new SessionPages(this, {
    backend: () => this.resolvedBackend,
    userId: () => this.userId,
    limit: () => this.limit,
    firstPage: () => this.firstPage,
  });

  /** Refetches the first page in standalone mode (live refresh and retry do this). */
  refresh(): void {
    this.fetcher.reload();
  }

  private get firstPage(): Page<SessionListItem> | undefined {
    return this.data ?? this.fetcher.value;
  }

  /** Appends the next page; does nothing while one is loading or when there is none. */
  loadMore(): Promise<void> {
    return this.pages.loadMore();
  }

  override render() {
    const s: Strings = this.resolveStrings(SESSIONS_TABLE_STRINGS);
    const first = this.firstPage;
    if (!first) {
      const look = { title: s.sessionsTitle, loading: s.sessionsLoading, skeleton: 3 };
      return renderLoadingCard(look, this.fetcher, s, this.numbers);
    }
    const rows = this.pages.rows;
    if (rows.length === 0) return renderCard(s.sessionsTitle, html`<p class="empty" part="empty">${s.sessionsEmpty}</p>`);
    const capabilities = this.resolvedBackend?.capabilities;
    const columns: SessionColumns = {
      // The journey is read from the timeline's url periods: no timeline, no journey toggles.
      journey: capabilities?.blocks.timeline !== false,
      entry: rows.some((session) => session.url),
      device: capabilities?.sessionClient === true,
      duration: capabilities?.metrics?.sessionDuration !== false,
      events: capabilities?.metrics?.sessionEvents !== false,
    };
    const view = this.rowsView(s, columns);
    const fit = this.columnFit;
    return renderCard(
      s.sessionsTitle,
      html`<div class="scroll">
          <table part="table" aria-labelledby="title" ${styleProperties({ '--_fit-added': fit.added })}>
            <colgroup>
              ${columns.journey ? html`<col class="col-toggle" />` : nothing}
              <col class="col-id" />
              <col class="col-started" ${styleProperties({ '--_fit': fit.width('col-started') })} />
              ${columns.entry ? html`<col />` : nothing}
              ${columns.device ? html`<col class="col-device" ${styleProperties({ '--_fit': fit.width('col-device') })} />` : nothing}
              ${columns.duration ? html`<col class="col-duration" ${styleProperties({ '--_fit': fit.width('col-duration') })} />` : nothing}
              ${columns.events ? html`<col class="col-events" ${styleProperties({ '--_fit': fit.width('col-events') })} />` : nothing}
            </colgroup>
            <thead>
              <tr>
                ${
                  columns.journey
                    ? html`<th part="header-cell" scope="col"><span class="visually-hidden">${s.sessionsJourneyColumn}</span></th>`
                    : nothing
                }
                <th part="header-cell" scope="col">${s.sessionsSessionColumn}</th>
                <th part="header-cell" scope="col">${s.sessionsStartedColumn}</th>
                ${columns.entry ? html`<th part="header-cell" scope="col">${s.sessionsEntryColumn}</th>` : nothing}
                ${columns.device ? html`<th part="header-cell" scope="col">${s.sessionsDeviceColumn}</th>` : nothing}
                ${columns.duration ? html`<th part="header-cell" scope="col" class="num">${s.sessionsDurationColumn}</th>` : nothing}
                ${columns.events ? html`<th part="header-cell" scope="col" class="num">${s.sessionsEventsColumn}</th>` : nothing}
              </tr>
            </thead>
            <tbody>
              ${rows.map((session, index) => renderSessionRow(view, session, index))}
            </tbody>
          </table>
        </div>
        ${this.renderActions(s)}`,
      html`<span class="meta">${s.sessionsShown(rows.length, this.numbers)}</span>`,
      this.fetcher.task.loading,
    );
  }

  private rowsView(s: Strings, columns: SessionColumns): SessionRowsView {
    return {
      s,
      columns,
      locale: this.resolvedLocale,
      numbers: this.numbers,
      now: Date.now(),
      userId: this.userId,
      sessionHref: this.sessionHref,
      href: (session) => this.hrefFromTemplate(this.sessionHref ?? this.config?.sessionHref, session.id),
      isExpanded: (sessionId) => this.expanded.has(sessionId),
      onSelect: (session, linkClick) =>
        linkClick
          ? this.emitFromLinkClick(linkClick, 'dozor-session-select', this.selectDetail(session))
          : this.emit('dozor-session-select', this.selectDetail(session)),
      onToggle: (sessionId) => this.toggleJourney(sessionId),
    };
  }

  private toggleJourney(sessionId: string): void {
    const next = new Set(this.expanded);
    if (!next.delete(sessionId)) next.add(sessionId);
    this.expanded = next;
  }

  private renderActions(s: Strings): TemplateResult | typeof nothing {
    const error = this.pages.error;
    if (error) return html`<div class="actions">${renderErrorState(error, s, this.numbers, () => void this.loadMore())}</div>`;
    if (!this.pages.hasMore) return nothing;
    const loading = this.pages.loading;
    return html`<div class="actions">
      <button
        class="button"
        part="button load-more"
        type="button"
        aria-disabled=${loading ? 'true' : 'false'}
        @click=${() => void this.loadMore()}
      >
        ${loading ? s.sessionsLoadingMore : s.sessionsLoadMore}
      </button>
    </div>`;
  }

  private selectDetail(session: SessionListItem) {
    return { sessionId: session.id, userId: this.userId ?? session.trackedUserId ?? '' };
  }
}
