import { css, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  clipText,
  formatCount,
  formatDateTime,
  formatDuration,
  summarizeUserAgent,
  toMsOrNull,
  type DeviceKind,
  type LocaleNumbers,
} from '../../core/index.js';
import type { DozorBackend, DozorBackendError, Page, SessionListItem } from '../../backend/index.js';
import { DozorElement } from '../shared/dozor-element.js';
import { SubtreeConfig } from '../shared/subtree-config.js';
import { StandaloneFetch } from '../shared/standalone-fetch.js';
import { BackendTask } from '../shared/backend-task.js';
import { renderErrorState } from '../shared/error-view.js';
import { middleTruncated } from '../shared/middle-truncated.js';
import type { CommonStrings } from '../shared/strings.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { cardStyles, tableStyles } from '../shared/block-styles.js';

export interface SessionsTableStrings {
  sessionsTitle: string;
  sessionsLoading: string;
  sessionsEmpty: string;
  sessionsSessionColumn: string;
  sessionsStartedColumn: string;
  sessionsEntryColumn: string;
  sessionsDeviceColumn: string;
  sessionsDeviceKinds: Record<DeviceKind, string>;
  /** A screen's size in CSS pixels. */
  sessionsScreen: (width: number, height: number, n: LocaleNumbers) => string;
  sessionsDurationColumn: string;
  sessionsEventsColumn: string;
  /** The header's count of loaded rows. */
  sessionsShown: (count: number, n: LocaleNumbers) => string;
  sessionsLoadMore: string;
  sessionsLoadingMore: string;
  /** The header of the column of journey toggles (visually hidden). */
  sessionsJourneyColumn: string;
  /** A row's journey toggle. */
  sessionsShowJourney: (id: string) => string;
}

export const SESSIONS_TABLE_STRINGS: SessionsTableStrings = {
  sessionsTitle: 'Sessions',
  sessionsLoading: 'Loading sessions…',
  sessionsEmpty: 'No sessions recorded for this user.',
  sessionsSessionColumn: 'Session',
  sessionsStartedColumn: 'Started',
  sessionsEntryColumn: 'Entry page',
  sessionsDeviceColumn: 'Device',
  sessionsDeviceKinds: { desktop: 'Desktop', mobile: 'Phone', tablet: 'Tablet' },
  sessionsScreen: (width, height) => `${width}×${height}`,
  sessionsDurationColumn: 'Duration',
  sessionsEventsColumn: 'Events',
  sessionsShown: (count, n) => n.plural(count, { one: '# session shown', other: '# sessions shown' }),
  sessionsLoadMore: 'Load more',
  sessionsLoadingMore: 'Loading…',
  sessionsJourneyColumn: 'Journey',
  sessionsShowJourney: (id) => `Pages of session ${id}`,
};

declare module '../shared/strings.js' {
  interface DozorStrings extends SessionsTableStrings {}
}

type Strings = SessionsTableStrings & CommonStrings;

interface Columns {
  /** The backend serves the timeline the journey is read from. */
  journey: boolean;
  /** Some loaded session has an entry url (Ductape's never do). */
  entry: boolean;
  /** The backend reports the browser (\`capabilities.sessionClient\`). */
  device: boolean;
  duration: boolean;
  events: boolean;
}

/** A url as the path a support person reads (with its query) and its host; text that is no url stays as it is. */
function entryPage(url: string): { path: string; host: string } {
  try {
    const parsed = new URL(url);
    return { path: `${parsed.pathname}${parsed.search}`, host: parsed.host };
  } catch {
    return { path: url, host: '' };
  }
}

/** Date and time to the minute; the year only when it is not this year's (the relative time sits beneath). */
function startedFormat(ms: number, now: number): Intl.DateTimeFormatOptions {
  const sameYear = new Date(ms).getFullYear() === new Date(now).getFullYear();
  return { ...(sameYear ? {} : { year: 'numeric' }), month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' };
}

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
  static override styles = [
    tokens,
    baseStyles,
    cardStyles,
    tableStyles,
    css`
      :host {
        display: block;
        min-width: 0;
      }
      /* The fixed columns and at least 10em of entry page; narrower, the table scrolls in its card. */
      table {
        min-width: 54em;
      }
      .col-id {
        width: 9em;
      }
      .col-started {
        width: 10.5em;
      }
      .col-device {
        width: 13em;
      }
      .col-duration {
        width: 5.5em;
      }
      .col-events {
        width: 4.5em;
      }
      .col-toggle {
        width: 2.75rem;
      }
      .stacked {
        display: grid;
        min-width: 0;
      }
      .stacked > * {
        min-width: 0;
        overflow: hidden;
        white-space: nowrap;
        text-overflow: ellipsis;
      }
      .second,
      .second dozor-relative-time {
        color: var(--_muted);
        font-size: 0.85em;
      }
      .second dozor-relative-time {
        font-size: inherit;
      }
      .mono {
        font-family: var(--_font-mono);
      }
      .toggle {
        display: inline-grid;
        place-items: center;
        width: 28px;
        height: 28px;
        padding: 0;
        border: 1px solid transparent;
        border-radius: var(--_radius-small);
        background: none;
        cursor: pointer;
      }
      .toggle:hover {
        border-color: var(--_border);
      }
      .toggle .chevron {
        transition: transform 0.15s;
      }
      .toggle[aria-expanded='true'] .chevron {
        transform: rotate(90deg);
      }
      tr.journey-row > td {
        padding: var(--_space) 0 calc(var(--_space) * 1.5);
      }
      dozor-session-journey::part(card) {
        border-style: dashed;
        background: var(--_surface-sunken);
      }
      .id {
        display: inline-block;
        max-width: 100%;
        overflow: hidden;
        white-space: nowrap;
        text-overflow: ellipsis;
        vertical-align: bottom;
        padding: 0;
        border: 0;
        background: none;
        color: var(--_accent);
        font: inherit;
        font-family: var(--_font-mono);
        text-align: left;
        text-decoration: none;
        cursor: pointer;
      }
      .id:hover {
        text-decoration: underline;
      }
      .actions {
        display: flex;
        gap: var(--_space);
        margin-top: calc(var(--_space) * 1.5);
      }
      .skeleton.line {
        display: block;
        height: 1.6em;
        margin: 6px 0;
      }
    `,
  ];

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

  /** The rows of the pages loaded with "Load more", and where the next one starts. */
  @state() private moreRows: SessionListItem[] = [];
  @state() private moreCursor: string | null | undefined;
  /** The sessions whose journey is open under their row. */
  @state() private expanded: ReadonlySet<string> = new Set();

  private readonly fetcher = new StandaloneFetch<Page<SessionListItem>, number | undefined>(this, {
    operation: 'listSessions',
    active: () => this.data === undefined && !!this.userId && this.resolvedBackend !== undefined,
    backend: () => this.resolvedBackend,
    userId: () => this.userId,
    query: () => this.limit,
    queryEqual: (loaded, wanted) => loaded === wanted,
    fetch: (backend, userId, limit, signal) => backend.listSessions(userId, limit === undefined ? {} : { limit }, { signal }),
    refreshIntervalMs: () => this.refreshIntervalMs,
  });
  private readonly nextPage = new BackendTask<Page<SessionListItem>>(this, 'listSessions');
  private pagedFor: { backend: DozorBackend | undefined; userId: string | undefined } = { backend: undefined, userId: undefined };

  /** Refetches the first page in standalone mode (live refresh and retry do this). */
  refresh(): void {
    this.fetcher.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const backend = this.resolvedBackend;
    if (backend !== this.pagedFor.backend || this.userId !== this.pagedFor.userId) {
      // Another user's or backend's further pages mean nothing here.
      this.nextPage.reset();
      this.moreRows = [];
      this.moreCursor = undefined;
      this.expanded = new Set();
      this.pagedFor = { backend, userId: this.userId };
    }
  }

  private get firstPage(): Page<SessionListItem> | undefined {
    return this.data ?? this.fetcher.value;
  }

  /** Every loaded session once, in page order. */
  private get rows(): SessionListItem[] {
    const first = this.firstPage;
    if (!first) return [];
    const seen = new Set<string>();
    const rows: SessionListItem[] = [];
    for (const session of [...first.data, ...this.moreRows]) {
      if (seen.has(session.id)) continue;
      seen.add(session.id);
      rows.push(session);
    }
    return rows;
  }

  private get nextCursor(): string | null {
    return this.moreCursor !== undefined ? this.moreCursor : (this.firstPage?.nextCursor ?? null);
  }

  /** Appends the next page; does nothing while one is loading or when there is none. */
  async loadMore(): Promise<void> {
    const backend = this.resolvedBackend;
    const userId = this.userId;
    const cursor = this.nextCursor;
    if (!backend || !userId || !cursor || this.nextPage.loading) return;
    const before = this.rows.length;
    const limit = this.limit;
    const page = await this.nextPage.runWith((signal) =>
      backend.listSessions(userId, { cursor, ...(limit === undefined ? {} : { limit }) }, { signal }),
    );
    if (!page) return;
    this.moreRows = [...this.moreRows, ...page.data];
    // A page that adds nothing new ends the list instead of offering the same page forever.
    this.moreCursor = this.rows.length > before ? page.nextCursor : null;
  }

  override render() {
    const s: Strings = this.resolveStrings(SESSIONS_TABLE_STRINGS);
    const first = this.firstPage;
    if (!first) {
      const error = this.fetcher.error;
      if (error)
        return this.renderCard(
          s,
          renderErrorState(error, s, this.numbers, () => this.refresh()),
        );
      return this.renderCard(
        s,
        html`<div aria-hidden="true">${[0, 1, 2].map(() => html`<span class="skeleton line"></span>`)}</div>
          <span class="visually-hidden" role="status">${s.sessionsLoading}</span>`,
        nothing,
        true,
      );
    }
    const rows = this.rows;
    if (rows.length === 0) return this.renderCard(s, html`<p class="empty" part="empty">${s.sessionsEmpty}</p>`);
    const capabilities = this.resolvedBackend?.capabilities;
    const columns: Columns = {
      // The journey is read from the timeline's url periods: no timeline, no journey toggles.
      journey: capabilities?.blocks.timeline !== false,
      entry: rows.some((session) => session.url),
      device: capabilities?.sessionClient === true,
      duration: capabilities?.metrics?.sessionDuration !== false,
      events: capabilities?.metrics?.sessionEvents !== false,
    };
    return this.renderCard(
      s,
      html`<div class="scroll">
          <table part="table" aria-labelledby="title">
            <colgroup>
              ${columns.journey ? html`<col class="col-toggle" />` : nothing}
              <col class="col-id" />
              <col class="col-started" />
              ${columns.entry ? html`<col />` : nothing}
              ${columns.device ? html`<col class="col-device" />` : nothing}
              ${columns.duration ? html`<col class="col-duration" />` : nothing}
              ${columns.events ? html`<col class="col-events" />` : nothing}
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
              ${rows.map((session, index) => this.renderRow(session, index, s, columns))}
            </tbody>
          </table>
        </div>
        ${this.renderActions(s, this.nextPage.error)}`,
      html`<span class="meta">${s.sessionsShown(rows.length, this.numbers)}</span>`,
      this.fetcher.task.loading,
    );
  }

  private renderCard(s: Strings, body: unknown, meta: unknown = nothing, busy = false): TemplateResult {
    return html`<section class="card" part="card" aria-labelledby="title" aria-busy=${busy ? 'true' : 'false'}>
      <div class="head"><h2 id="title">${s.sessionsTitle}</h2>${meta}</div>
      ${body}
    </section>`;
  }

  /** `columns`: what the backend and the loaded rows know; the rest (e.g. Ductape's figures) is dropped rather than shown as 0. */
  private renderRow(session: SessionListItem, index: number, s: Strings, columns: Columns): TemplateResult {
    const href = this.hrefFromTemplate(this.sessionHref ?? this.config?.sessionHref, session.id);
    // The whole id is the text (and so the accessible name); cut in the middle where narrow.
    const id = clipText(session.externalId);
    const link = href
      ? html`<a class="id" part="link" href=${href} title=${id} @click=${(event: MouseEvent) => this.emitFromLinkClick(event, 'dozor-session-select', this.selectDetail(session))}
          >${middleTruncated(id)}</a
        >`
      : html`<button class="id" part="link" type="button" title=${id} @click=${() => this.emit('dozor-session-select', this.selectDetail(session))}>
          ${middleTruncated(id)}
        </button>`;
    const startedAt = session.startedAt ?? session.createdAt;
    const startedMs = toMsOrNull(startedAt);
    const now = Date.now();
    const expanded = this.expanded.has(session.id);
    // Row positions, not session ids (untrusted text), name the journey rows.
    const journeyId = `journey-${index}`;
    const toggle = html`<td part="cell">
        <button
          class="toggle"
          part="button journey-toggle"
          type="button"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls=${expanded ? journeyId : nothing}
          aria-label=${s.sessionsShowJourney(id)}
          @click=${() => this.toggleJourney(session.id)}
        >
          <span class="chevron" aria-hidden="true">›</span>
        </button>
      </td>`;
    return html`<tr part="row">
      ${columns.journey ? toggle : nothing}
      <th part="cell" scope="row">${link}</th>
      <td part="cell">
        <span class="stacked">
          <span>${startedMs === null ? s.emptyValue : formatDateTime(startedMs, startedFormat(startedMs, now), this.resolvedLocale)}</span>
          <span class="second"><dozor-relative-time .datetime=${startedAt}></dozor-relative-time></span>
        </span>
      </td>
      ${columns.entry ? html`<td part="cell">${this.renderEntry(session.url, s)}</td>` : nothing}
      ${columns.device ? html`<td part="cell">${this.renderDevice(session, s)}</td>` : nothing}
      ${columns.duration ? html`<td part="cell" class="num">${formatDuration(session.duration, this.resolvedLocale)}</td>` : nothing}
      ${columns.events ? html`<td part="cell" class="num">${formatCount(session.eventCount, this.resolvedLocale)}</td>` : nothing}
    </tr>
    ${expanded && columns.journey ? this.renderJourneyRow(session, journeyId, Object.values(columns).filter(Boolean).length + 2) : nothing}`;
  }

  private renderEntry(url: string | null, s: Strings): TemplateResult | string {
    if (!url) return s.emptyValue;
    const { path, host } = entryPage(url);
    return html`<span class="stacked" title=${url}>
      <span class="mono">${path}</span>
      ${host ? html`<span class="second">${host}</span>` : nothing}
    </span>`;
  }

  /** "Chrome 131 · Windows" over "Desktop · 1920×1080 · en-US"; whatever the user agent rule cannot read is left out. */
  private renderDevice(session: SessionListItem, s: Strings): TemplateResult | string {
    const { browser, os, device } = summarizeUserAgent(session.userAgent);
    const screen =
      session.screenWidth && session.screenHeight ? s.sessionsScreen(session.screenWidth, session.screenHeight, this.numbers) : null;
    const first = [browser, os].filter((part) => part !== null).join(' · ');
    const second = [device === null ? null : s.sessionsDeviceKinds[device], screen, session.language || null]
      .filter((part) => part !== null)
      .join(' · ');
    if (!first && !second) return s.emptyValue;
    return html`<span class="stacked" title=${session.userAgent ?? nothing}>
      <span>${first || second}</span>
      ${first && second ? html`<span class="second">${second}</span>` : nothing}
    </span>`;
  }

  private renderJourneyRow(session: SessionListItem, journeyId: string, columnCount: number): TemplateResult {
    return html`<tr class="journey-row" part="journey-row">
        <td id=${journeyId} colspan=${columnCount}>
          <dozor-session-journey
            part="journey"
            user-id=${this.userId ?? session.trackedUserId ?? ''}
            session-id=${session.id}
            session-href=${this.sessionHref ?? nothing}
          ></dozor-session-journey>
        </td>
      </tr>`;
  }

  private toggleJourney(sessionId: string): void {
    const next = new Set(this.expanded);
    if (!next.delete(sessionId)) next.add(sessionId);
    this.expanded = next;
  }

  private renderActions(s: Strings, error: DozorBackendError | undefined): TemplateResult | typeof nothing {
    if (error) return html`<div class="actions">${renderErrorState(error, s, this.numbers, () => void this.loadMore())}</div>`;
    if (!this.nextCursor || !this.userId || !this.resolvedBackend) return nothing;
    const loading = this.nextPage.loading;
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
