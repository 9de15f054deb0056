import { html, nothing, type TemplateResult } from 'lit';
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
import type { SessionListItem } from '../../backend/index.js';
import { middleTruncated } from '../shared/middle-truncated.js';
import type { CommonStrings } from '../shared/strings.js';

/** The session rows' English strings (spread into `SESSIONS_TABLE_STRINGS`); with `emptyValue` their type is `SessionRowStrings`. */
export const SESSION_ROW_STRINGS = {
  sessionsDeviceKinds: { desktop: 'Desktop', mobile: 'Phone', tablet: 'Tablet' } satisfies Record<DeviceKind, string>,
  /** A screen's size in CSS pixels. */
  sessionsScreen: (width: number, height: number, _n: LocaleNumbers) => `${width}×${height}`,
  /** A row's journey toggle. */
  sessionsShowJourney: (id: string) => `Pages of session ${id}`,
};

/** The session rows' strings: every key of their English table, and the shared `emptyValue`. */
export type SessionRowStrings = typeof SESSION_ROW_STRINGS & Pick<CommonStrings, 'emptyValue'>;

/** Which columns show: what the backend and the loaded rows know; the rest (e.g. Ductape's figures) is dropped rather than shown as 0. */
export interface SessionColumns {
  /** The backend serves the timeline the journey is read from. */
  journey: boolean;
  /** Some loaded session has an entry url (Ductape's never do). */
  entry: boolean;
  /** The backend reports the browser (`capabilities.sessionClient`). */
  device: boolean;
  duration: boolean;
  events: boolean;
}

export interface SessionRowsView {
  s: SessionRowStrings;
  columns: SessionColumns;
  locale: string;
  numbers: LocaleNumbers;
  now: number;
  /** The user the journeys are read for, and their replay link template. */
  userId: string | undefined;
  sessionHref: string | undefined;
  /** The session's replay link, when a template is set. */
  href: (session: SessionListItem) => string | undefined;
  isExpanded: (sessionId: string) => boolean;
  /** The id was clicked: the link's click (cancelable select) or, without a link, the button's. */
  onSelect: (session: SessionListItem, linkClick?: MouseEvent) => void;
  onToggle: (sessionId: string) => void;
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

/** One session's row, and under it its journey when open. */
export function renderSessionRow(view: SessionRowsView, session: SessionListItem, index: number): TemplateResult {
  const { s, columns } = view;
  const href = view.href(session);
  // The whole id is the text (and so the accessible name); cut in the middle where narrow.
  const id = clipText(session.externalId);
  const link = href
    ? html`<a class="id" part="link" href=${href} title=${id} @click=${(event: MouseEvent) => view.onSelect(session, event)}
        >${middleTruncated(id)}</a
      >`
    : html`<button class="id" part="link" type="button" title=${id} @click=${() => view.onSelect(session)}>
        ${middleTruncated(id)}
      </button>`;
  const startedAt = session.startedAt ?? session.createdAt;
  const startedMs = toMsOrNull(startedAt);
  const expanded = view.isExpanded(session.id);
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
      @click=${() => view.onToggle(session.id)}
    >
      <span class="chevron" aria-hidden="true">›</span>
    </button>
  </td>`;
  return html`<tr part="row">
      ${columns.journey ? toggle : nothing}
      <th part="cell" scope="row">${link}</th>
      <td part="cell">
        <span class="stacked">
          <span>${startedMs === null ? s.emptyValue : formatDateTime(startedMs, startedFormat(startedMs, view.now), view.locale)}</span>
          <span class="second"><dozor-relative-time .datetime=${startedAt}></dozor-relative-time></span>
        </span>
      </td>
      ${columns.entry ? html`<td part="cell">${renderEntry(session.url, s)}</td>` : nothing}
      ${columns.device ? html`<td part="cell">${renderDevice(view, session)}</td>` : nothing}
      ${columns.duration ? html`<td part="cell" class="num duration">${formatDuration(session.duration, view.locale)}</td>` : nothing}
      ${columns.events ? html`<td part="cell" class="num">${formatCount(session.eventCount, view.locale)}</td>` : nothing}
    </tr>
    ${expanded && columns.journey ? renderJourneyRow(view, session, journeyId, Object.values(columns).filter(Boolean).length + 2) : nothing}`;
}

function renderEntry(url: string | null, s: SessionRowStrings): TemplateResult | string {
  if (!url) return s.emptyValue;
  const { path, host } = entryPage(url);
  return html`<span class="stacked" title=${url}>
    <span class="mono">${path}</span>
    ${host ? html`<span class="second">${host}</span>` : nothing}
  </span>`;
}

/** "Chrome 131 · Windows" over "Desktop · 1920×1080 · en-US"; whatever the user agent rule cannot read is left out. */
function renderDevice(view: SessionRowsView, session: SessionListItem): TemplateResult | string {
  const { s } = view;
  const { browser, os, device } = summarizeUserAgent(session.userAgent);
  const screen =
    session.screenWidth && session.screenHeight ? s.sessionsScreen(session.screenWidth, session.screenHeight, view.numbers) : null;
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

function renderJourneyRow(view: SessionRowsView, session: SessionListItem, journeyId: string, columnCount: number): TemplateResult {
  return html`<tr class="journey-row" part="journey-row">
    <td id=${journeyId} colspan=${columnCount}>
      <dozor-session-journey
        part="journey"
        user-id=${view.userId ?? session.trackedUserId ?? ''}
        session-id=${session.id}
        session-href=${view.sessionHref ?? nothing}
      ></dozor-session-journey>
    </td>
  </tr>`;
}
