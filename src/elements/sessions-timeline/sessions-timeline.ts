import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  DEFAULT_ACTIVITY_RANGE,
  MAX_PERIODS_SHOWN,
  MAX_TIMELINE_BARS,
  MAX_TIMELINE_LANES,
  assignLanes,
  clipText,
  formatAxisTicks,
  formatDateTime,
  formatDuration,
  isActivityRange,
  latestByStart,
  pageColor,
  toMs,
  truncateId,
  type ActivityRange,
  type LocaleNumbers,
  type LaneSession,
} from '../../core/index.js';
import type { TimelineSession, UserTimeline } from '../../backend/index.js';
import { DozorElement } from '../shared/dozor-element.js';
import { timelineFetch } from '../shared/standalone-fetch.js';
import { SubtreeConfig } from '../shared/subtree-config.js';
import { renderCard, renderLoadingCard } from '../shared/card-view.js';
import type { CommonStrings } from '../shared/strings.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { cardStyles, pagePaletteStyles, tooltipStyles } from '../shared/block-styles.js';
import { sessionsTimelineStyles } from './sessions-timeline.styles.js';
import '../session-journey/define.js';
import { styleProperties } from '../shared/style-properties.js';

/** The sessions timeline's English strings; their type is `SessionsTimelineStrings`. */
export const SESSIONS_TIMELINE_STRINGS = {
  timelineTitle: 'Sessions timeline',
  timelineLoading: 'Loading sessions timeline…',
  timelineEmpty: 'No sessions in this range.',
  /** The header's "{n} sessions · {lanes} lanes · {range}". */
  timelineMeta: (sessions: number, lanes: number, range: string, n: LocaleNumbers) =>
    `${n.plural(sessions, { one: '# session', other: '# sessions' })} · ${n.plural(lanes, { one: '# lane', other: '# lanes' })} · ${range}`,
  /** The chart's accessible name. */
  timelineLabel: (sessions: number, lanes: number, n: LocaleNumbers) =>
    `Sessions timeline: ${n.plural(sessions, { one: '# session', other: '# sessions' })} across ${n.plural(lanes, { one: '# lane', other: '# lanes' })}.`,
  /** A bar's accessible name: "Session {id}, {duration}", plus "ongoing" for open sessions (duration null when none yet). */
  timelineBarLabel: (id: string, duration: string | null, open: boolean) =>
    `Session ${id}${duration === null ? '' : `, ${duration}`}${open ? ', ongoing' : ''}`,
  /** "{duration} · {n} pages" in the tooltip. */
  timelinePages: (duration: string, pages: number, n: LocaleNumbers) =>
    `${duration} · ${n.plural(pages, { one: '# page', other: '# pages' })}`,
  timelineOngoing: 'ongoing',
  timelineUnderOneSecond: '<1s',
  /** The tooltip's hint when a bar opens something. */
  timelineOpenHint: 'Select to show its pages',
  /** Under the chart when not every session of the answer is drawn. */
  timelineTruncated: (shown: number, total: number, n: LocaleNumbers) =>
    `Truncated: showing the latest ${n.number(shown)} of ${n.number(total)} sessions.`,
};

/** The sessions timeline's strings (every key of its English table). */
export type SessionsTimelineStrings = typeof SESSIONS_TIMELINE_STRINGS;

declare module '../shared/strings.js' {
  interface DozorStrings extends SessionsTimelineStrings {}
}

type Strings = SessionsTimelineStrings & CommonStrings;

/** A bar narrower than this share of the window is widened so it stays visible and clickable. */
const MIN_BAR_PERCENT = 0.4;
const TOOLTIP_TIME: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit' };

interface TimelineModel {
  timeline: UserTimeline;
  windowStart: number;
  windowEnd: number;
  lanes: LaneSession<TimelineSession>[][];
  /** Every bar with its lane, by start time: the order a keyboard user tabs through them. */
  bars: { session: LaneSession<TimelineSession>; lane: number }[];
  count: number;
  /** Sessions in the answer (more than `count` when the bar or lane caps left some out). */
  total: number;
}

/**
 * The user's sessions in the range as bars on a time axis, packed into the fewest lanes (first
 * fit), each bar placed and sized by its part of the window. Open sessions (still recording) have
 * their own color and a striped end, so the difference does not rest on color alone. A thin strip
 * under each bar shows the pages visited, in the page palette. Hover or focus shows the session's
 * times, duration and pages.
 *
 * Each bar is a disclosure button: it opens the session's journey (`<dozor-session-journey>`: its
 * pages in order, time on page, entry, exit, gaps) under the chart, and closes it again (so does
 * Escape inside it). The journey links to the replay when a `session-href` template is set (here or
 * on `<dozor-provider>`), e.g. `/replays/{id}`; clicking that link fires a cancelable
 * `dozor-session-select` first. Without a template it offers a button that fires `dozor-session-select`.
 *
 * Give it `.data` (the backend's `UserTimeline`), or alone a `user-id` and a backend to fetch the
 * timeline for `range` itself.
 *
 * @tagname dozor-sessions-timeline
 * @summary Sessions laid out in lanes over the range.
 * @fires dozor-session-select - {sessionId, userId} from the open journey's replay link or button (cancelable when it is a link: cancel to route yourself).
 * @fires dozor-error - {error, operation} when its own request fails (standalone mode only).
 * @csspart card - the card.
 * @csspart chart - the lanes area.
 * @csspart lane - each lane's track.
 * @csspart timeline-bar - each session bar (`timeline-bar open` for open sessions, `expanded` while its journey shows).
 * @csspart journey - the open session's `<dozor-session-journey>`.
 * @csspart pages - the strip of pages under a bar.
 * @csspart axis - the time axis labels.
 * @csspart tooltip - the session tooltip.
 * @csspart empty - the "No sessions in this range." box.
 * @csspart truncated - the note under the chart when not every session is drawn.
 * @csspart error - the error state; `button retry-button` its retry button.
 * @cssprop --dozor-chart-bar - closed session bars.
 * @cssprop --dozor-session-open - open session bars.
 * @cssprop --dozor-chart-empty - the lane tracks.
 * @cssprop --dozor-page-color-0 - …through --dozor-page-color-9: the page palette of the page strips.
 * @cssprop --dozor-timeline-lane-height - a lane's height (default 22px).
 */
export class DozorSessionsTimeline extends DozorElement {
  static override styles = [tokens, baseStyles, cardStyles, tooltipStyles, pagePaletteStyles, sessionsTimelineStyles];

  constructor() {
    super();
    // The open journey gets this timeline's backend, locale, strings and theme through context.
    new SubtreeConfig(this, () => this.subtreeConfig);
  }

  /** The timeline to draw; undefined shows the loading state. */
  @property({ attribute: false }) data: UserTimeline | undefined;

  /** The range (standalone mode fetches it; also named in the header): `6h`, `24h` (default) or `7d`. */
  @property({ reflect: true }) range: ActivityRange = DEFAULT_ACTIVITY_RANGE;

  /** The tracked user: fetched in standalone mode, and reported in `dozor-session-select`. */
  @property({ attribute: 'user-id' }) userId: string | undefined;

  /** Link template for a session (`/replays/{id}`); overrides the provider's. */
  @property({ attribute: 'session-href' }) sessionHref: string | undefined;

  /** The session whose tooltip is open (hovered or focused). */
  @state() private activeSessionId: string | undefined;

  /** The session whose journey is shown under the chart. */
  @state() private expandedSessionId: string | undefined;

  private cachedModel: TimelineModel | undefined;

  private readonly fetcher = timelineFetch(this, this.resolved, { given: () => this.data });

  /** Refetches in standalone mode (live refresh and retry do this). */
  refresh(): void {
    this.fetcher.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!isActivityRange(this.range)) this.range = DEFAULT_ACTIVITY_RANGE;
  }

  private get model(): TimelineModel | undefined {
    const timeline = this.data ?? this.fetcher.value;
    if (!timeline) return undefined;
    if (this.cachedModel?.timeline !== timeline) {
      const windowStart = toMs(timeline.from);
      const windowEnd = toMs(timeline.to);
      const lanes = assignLanes(latestByStart(timeline.sessions, MAX_TIMELINE_BARS), windowStart, windowEnd, MAX_TIMELINE_LANES);
      const bars = lanes
        .flatMap((sessions, lane) => sessions.map((session) => ({ session, lane })))
        .sort((a, b) => a.session.visualStart - b.session.visualStart || a.lane - b.lane);
      this.cachedModel = { timeline, windowStart, windowEnd, lanes, bars, count: bars.length, total: timeline.sessions.length };
    }
    return this.cachedModel;
  }

  override render() {
    const s: Strings = this.resolveStrings(SESSIONS_TIMELINE_STRINGS);
    const model = this.model;
    const rangeLabel = s.rangeLabels[this.range];
    if (!model) {
      const look = { title: s.timelineTitle, loading: s.timelineLoading, skeleton: 'lanes-skeleton', metaSkeleton: true };
      return renderLoadingCard(look, this.fetcher, s, this.numbers);
    }
    if (model.count === 0) {
      return renderCard(
        s.timelineTitle,
        html`<p class="empty" part="empty">${s.timelineEmpty}</p>`,
        html`<span class="meta">${rangeLabel}</span>`,
      );
    }
    const locale = this.resolvedLocale;
    const lanes = model.lanes.length;
    const span = Math.max(1, model.windowEnd - model.windowStart);
    const ticks = formatAxisTicks(model.windowStart, model.windowEnd, this.range, locale);
    return renderCard(
      s.timelineTitle,
      html`<div class="chart" part="chart" role="group" aria-label=${s.timelineLabel(model.count, lanes, this.numbers)}>
          ${model.lanes.map(() => html`<div class="lane" part="lane"></div>`)}
          ${model.bars.map(({ session, lane }) => this.renderBar(session, lane, model.windowStart, span, s))}
        </div>
        <div class="axis" part="axis" aria-hidden="true">
          ${ticks.map((tick) => html`<span ${styleProperties({ left: `${tick.position}%` })}>${tick.label}</span>`)}
        </div>
        ${
          model.total > model.count
            ? html`<p class="meta" part="truncated">${s.timelineTruncated(model.count, model.total, this.numbers)}</p>`
            : nothing
        }
        ${this.renderJourney(model)}`,
      html`<span class="meta">${s.timelineMeta(model.count, lanes, rangeLabel, this.numbers)}</span>`,
    );
  }

  private durationText(session: TimelineSession, s: Strings): string {
    if (session.duration > 0) return formatDuration(session.duration, this.resolvedLocale);
    return session.endedAt === null ? s.timelineOngoing : s.timelineUnderOneSecond;
  }

  private renderBar(session: LaneSession<TimelineSession>, lane: number, windowStart: number, span: number, s: Strings): TemplateResult {
    const open = session.endedAt === null;
    const left = ((session.visualStart - windowStart) / span) * 100;
    const width = Math.max(MIN_BAR_PERCENT, ((session.visualEnd - session.visualStart) / span) * 100);
    const duration = this.durationText(session, s);
    const label = s.timelineBarLabel(truncateId(session.externalId, 12), open && session.duration <= 0 ? null : duration, open);
    const active = this.activeSessionId === session.id;
    const tooltipId = `tip-${session.id}`;
    const position = styleProperties({ left: `${Math.min(left, 100 - MIN_BAR_PERCENT)}%`, width: `${width}%`, '--_lane': String(lane) });
    const content = html`${this.renderPageStrip(session)}`;
    const common = {
      enter: () => (this.activeSessionId = session.id),
      leave: () => {
        if (this.activeSessionId === session.id) this.activeSessionId = undefined;
      },
    };
    const expanded = this.expandedSessionId === session.id;
    // A disclosure: the bar opens the session's journey under the chart, whose replay link follows session-href.
    const bar = html`<button
      type="button"
      class="bar ${open ? 'open' : ''}"
      part="timeline-bar${open ? ' open' : ''}${expanded ? ' expanded' : ''}"
      aria-label=${label}
      aria-expanded=${expanded ? 'true' : 'false'}
      aria-controls="journey-panel"
      aria-describedby=${active ? tooltipId : nothing}
      data-session=${session.id}
      ${position}
      @click=${() => this.toggleJourney(session.id)}
      @pointerenter=${common.enter}
      @pointerleave=${common.leave}
      @focus=${common.enter}
      @blur=${common.leave}
    >
      ${content}
    </button>`;
    return html`${bar}${active ? this.renderTooltip(session, lane, tooltipId, left, duration, s) : nothing}`;
  }

  /** The pages of the session as colored segments across the bar (periods are not clamped: clip them). */
  private renderPageStrip(session: LaneSession<TimelineSession>): TemplateResult | typeof nothing {
    const length = session.visualEnd - session.visualStart;
    if (session.periods.length === 0 || length <= 0) return nothing;
    const segments = session.periods.slice(0, MAX_PERIODS_SHOWN).flatMap((period) => {
      const start = Math.max(toMs(period.startedAt), session.visualStart);
      const end = Math.min(period.endedAt === null ? session.visualEnd : toMs(period.endedAt), session.visualEnd);
      if (!(end > start)) return [];
      return [
        { left: ((start - session.visualStart) / length) * 100, width: ((end - start) / length) * 100, color: pageColor(period.pathname) },
      ];
    });
    return html`<span class="pages" part="pages" aria-hidden="true"
      >${segments.map(
        (segment) =>
          html`<span ${styleProperties({ left: `${segment.left}%`, width: `${segment.width}%`, background: `var(--_page-${segment.color})` })}></span>`,
      )}</span
    >`;
  }

  private renderTooltip(session: TimelineSession, lane: number, id: string, left: number, duration: string, s: Strings): TemplateResult {
    const locale = this.resolvedLocale;
    const start = formatDateTime(session.startedAt, TOOLTIP_TIME, locale);
    const end = session.endedAt === null ? s.timelineOngoing : formatDateTime(session.endedAt, TOOLTIP_TIME, locale);
    const pages = session.periods.length;
    // Keep the tooltip inside the card: anchor it left of the bar's start on the right half.
    const placement = { ...(left > 50 ? { right: `${100 - left}%` } : { left: `${left}%` }), '--_lane': String(lane) };
    // eslint-disable-next-line lit-a11y/accessible-name -- a tooltip is named by its content (ARIA: name from content)
    return html`<div class="tooltip" part="tooltip" role="tooltip" id=${id} ${styleProperties(placement)}>
      <div class="tooltip-id">${truncateId(session.externalId, 16)}</div>
      <div class="tooltip-time">${start} — ${end}</div>
      <div>${s.timelinePages(duration, pages, this.numbers)}</div>
      ${
        pages > 0
          ? html`<ul>
            ${uniquePathnames(session).map(
              (pathname) =>
                html`<li><span class="dot" ${styleProperties({ background: `var(--_page-${pageColor(pathname)})` })}></span><span class="path">${clipText(pathname)}</span></li>`,
            )}
          </ul>`
          : nothing
      }
      <div class="hint">${s.timelineOpenHint}</div>
    </div>`;
  }

  private toggleJourney(sessionId: string): void {
    this.expandedSessionId = this.expandedSessionId === sessionId ? undefined : sessionId;
  }

  private renderJourney(model: TimelineModel): TemplateResult {
    const session = model.timeline.sessions.find((candidate) => candidate.id === this.expandedSessionId);
    return html`<div id="journey-panel" class="journey-panel ${session ? 'open' : ''}" @keydown=${this.onJourneyKey}>
      ${
        session
          ? html`<dozor-session-journey
            part="journey"
            .session=${session}
            user-id=${this.userId ?? ''}
            session-href=${this.sessionHref ?? nothing}
          ></dozor-session-journey>`
          : nothing
      }
    </div>`;
  }

  /** Escape inside the journey closes it and puts focus back on its bar. */
  private onJourneyKey(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || this.expandedSessionId === undefined) return;
    const sessionId = this.expandedSessionId;
    this.expandedSessionId = undefined;
    const bar = [...this.renderRoot.querySelectorAll<HTMLElement>('.bar')].find((candidate) => candidate.dataset['session'] === sessionId);
    bar?.focus();
  }
}

/** The session's pathnames in visit order, each once; the tooltip lists at most five. */
function uniquePathnames(session: TimelineSession): string[] {
  return [...new Set(session.periods.slice(0, MAX_PERIODS_SHOWN).map((period) => period.pathname))].slice(0, 5);
}
