import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  MAX_JOURNEY_STEPS_SHOWN,
  clipText,
  formatCount,
  formatDateTime,
  formatDuration,
  isActivityRange,
  pageColor,
  sessionJourney,
  type ActivityRange,
  type JourneyGap,
  type JourneyPage,
  type LocaleNumbers,
  type SessionJourney,
} from '../../core/index.js';
import type { TimelineSession } from '../../backend/index.js';
import { DozorElement } from '../shared/dozor-element.js';
import { timelineFetch } from '../shared/standalone-fetch.js';
import { renderCard, renderLoadingCard } from '../shared/card-view.js';
import { COMMON_STRINGS, type CommonStrings } from '../shared/strings.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { cardStyles, pagePaletteStyles } from '../shared/block-styles.js';
import { styleProperties } from '../shared/style-properties.js';
import { sessionJourneyStyles } from './session-journey.styles.js';

/** The session journey's English strings; their type is `SessionJourneyStrings`. */
export const SESSION_JOURNEY_STRINGS = {
  journeyTitle: 'Journey',
  journeyLoading: 'Loading the journey…',
  /** The header: "{n} pages · {time} on pages", plus "ongoing" while the session records. */
  journeyMeta: (pages: number, timeOnPages: string, open: boolean, n: LocaleNumbers) =>
    `${n.plural(pages, { one: '# page', other: '# pages' })} · ${timeOnPages} on pages${open ? ' · ongoing' : ''}`,
  /** The list's accessible name. */
  journeyLabel: (pages: number, n: LocaleNumbers) =>
    `Pages of the session in visit order, ${n.plural(pages, { one: '# page', other: '# pages' })}`,
  journeyEntry: 'Entry',
  journeyExit: 'Exit',
  /** The last page of a session that is still recording. */
  journeyCurrent: 'Current page',
  /** A page's time on page. */
  journeyTimeOnPage: (duration: string) => `${duration} on page`,
  /** A stretch of the session with no page recorded. */
  journeyGap: (duration: string) => `${duration} with no page recorded`,
  journeyEmpty: 'No pages were recorded in this session.',
  /** The session is not in the timeline the journey reads (its range). */
  journeyNotInRange: (range: ActivityRange) => `This session has no pages in the last ${COMMON_STRINGS.rangeLabels[range]}.`,
  journeyReplay: 'Watch replay',
  /** Under the list when the session has more steps than are listed. */
  journeyTruncated: (shown: number, total: number, n: LocaleNumbers) =>
    `Truncated: the first ${n.number(shown)} of ${n.number(total)} steps.`,
};

/** The session journey's strings (every key of its English table). */
export type SessionJourneyStrings = typeof SESSION_JOURNEY_STRINGS;

declare module '../shared/strings.js' {
  interface DozorStrings extends SessionJourneyStrings {}
}

type Strings = SessionJourneyStrings & CommonStrings;

const STEP_TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', second: '2-digit' };
/** The widest range the timeline serves: where a session given only by id is looked for. */
const DEFAULT_JOURNEY_RANGE: ActivityRange = '7d';

/**
 * The visitor's journey through one session: its pages in the order they were visited, each with
 * the time it was opened and the time spent on it, the entry and exit pages marked (in words, not
 * only color), and the stretches with no page recorded shown as gaps. Built from the timeline's url
 * periods, so it works on every backend that serves the timeline (memory, Dozor's REST API).
 *
 * Give it `.session` (a `TimelineSession`, as `<dozor-sessions-timeline>` does), or a `user-id`,
 * a `session-id` and a backend: it then reads the user's timeline for `range` (default 7 days) and
 * finds the session there. With a `session-href` template (here or on the provider) it links to
 * the session's replay, and a plain click fires a cancelable `dozor-session-select` first; without
 * one, "Watch replay" is a button that fires `dozor-session-select` for the host to route.
 *
 * @tagname dozor-session-journey
 * @summary The pages of one session in order, with time on page, entry, exit and gaps.
 * @fires dozor-session-select - {sessionId, userId} when "Watch replay" is activated (cancelable when it is a link: cancel to route yourself).
 * @fires dozor-error - {error, operation} when its own request fails.
 * @csspart card - the card.
 * @csspart journey - the ordered list of steps.
 * @csspart truncated - the note under the list when not every step is listed.
 * @csspart step - each page (`step page`, plus `entry`, `exit` or `current`) and each gap (`step gap`).
 * @csspart badge - the Entry / Exit / Current page marks.
 * @csspart link - "Watch replay" (`link replay-link`): a link with `session-href`, else a button.
 * @csspart empty - the "no pages" and "not in range" boxes.
 * @csspart error - the error state; `button retry-button` its retry button.
 * @cssprop --dozor-page-color-0 - …through --dozor-page-color-9: each page's dot.
 * @cssprop --dozor-border - the card border and the gap's dashed line.
 * @cssprop --dozor-accent - the entry and exit marks and the replay link.
 */
export class DozorSessionJourney extends DozorElement {
  static override styles = [tokens, baseStyles, cardStyles, pagePaletteStyles, sessionJourneyStyles];

  /** The session to draw (with its url periods); when unset, it is looked up by `session-id`. */
  @property({ attribute: false }) session: TimelineSession | undefined;

  /** The tracked user whose timeline is read, and reported in `dozor-session-select`. */
  @property({ attribute: 'user-id' }) userId: string | undefined;

  /** The session (its `id`) to show. */
  @property({ attribute: 'session-id' }) sessionId: string | undefined;

  /** The timeline range the session is looked for in: `6h`, `24h` or `7d` (default). */
  @property({ reflect: true }) range: ActivityRange = DEFAULT_JOURNEY_RANGE;

  /** Link template for the replay (`/replays/{id}`); overrides the provider's. */
  @property({ attribute: 'session-href' }) sessionHref: string | undefined;

  private cached: { session: TimelineSession; journey: SessionJourney } | undefined;

  private readonly fetcher = timelineFetch(this, this.resolved, { given: () => this.session, ready: () => !!this.sessionId });

  /** Re-reads the timeline when the journey fetches it itself (live refresh and retry do this). */
  refresh(): void {
    this.fetcher.reload();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!isActivityRange(this.range)) this.range = DEFAULT_JOURNEY_RANGE;
  }

  /** The session shown: the given one, else the one found in the fetched timeline (null: not there). */
  private get shownSession(): TimelineSession | null | undefined {
    if (this.session) return this.session;
    const timeline = this.fetcher.value;
    if (!timeline) return undefined;
    return timeline.sessions.find((session) => session.id === this.sessionId) ?? null;
  }

  private journeyOf(session: TimelineSession): SessionJourney {
    if (this.cached?.session !== session) this.cached = { session, journey: sessionJourney(session) };
    return this.cached.journey;
  }

  override render() {
    const s: Strings = this.resolveStrings(SESSION_JOURNEY_STRINGS);
    const session = this.shownSession;
    if (session === undefined) {
      const look = { title: s.journeyTitle, loading: s.journeyLoading, skeleton: 3 };
      return renderLoadingCard(look, this.fetcher, s, this.numbers);
    }
    if (session === null) {
      return renderCard(s.journeyTitle, html`<p class="empty" part="empty">${s.journeyNotInRange(this.range)}</p>`);
    }
    const journey = this.journeyOf(session);
    if (journey.pages === 0)
      return renderCard(s.journeyTitle, html`<p class="empty" part="empty">${s.journeyEmpty}</p>`, this.renderReplayLink(session, s));
    const meta = s.journeyMeta(journey.pages, formatDuration(journey.timeOnPages, this.resolvedLocale), journey.open, this.numbers);
    return renderCard(
      s.journeyTitle,
      html`<ol class="journey" part="journey" aria-label=${s.journeyLabel(journey.pages, this.numbers)}>
        ${journey.steps.slice(0, MAX_JOURNEY_STEPS_SHOWN).map((step) => (step.kind === 'page' ? this.renderPage(step, journey, s) : this.renderGap(step, s)))}
      </ol>
      ${
        journey.steps.length > MAX_JOURNEY_STEPS_SHOWN
          ? html`<p class="meta" part="truncated">${s.journeyTruncated(MAX_JOURNEY_STEPS_SHOWN, journey.steps.length, this.numbers)}</p>`
          : nothing
      }`,
      html`<span class="meta">${meta}</span>${this.renderReplayLink(session, s)}`,
    );
  }

  private renderPage(page: JourneyPage, journey: SessionJourney, s: Strings): TemplateResult {
    const current = journey.open && page.position === journey.pages;
    const marks = [
      ...(page.entry ? [{ name: 'entry', label: s.journeyEntry }] : []),
      ...(page.exit ? [{ name: 'exit', label: s.journeyExit }] : []),
      ...(current ? [{ name: 'current', label: s.journeyCurrent }] : []),
    ];
    const parts = ['step', 'page', ...marks.map((mark) => mark.name)].join(' ');
    return html`<li class="step page ${marks.map((mark) => mark.name).join(' ')}" part=${parts}>
      <span class="position" aria-hidden="true">${formatCount(page.position, this.resolvedLocale)}</span>
      <span class="dot" aria-hidden="true" ${styleProperties({ background: `var(--_page-${pageColor(page.pathname)})` })}></span>
      <span class="what">
        <span class="path" title=${clipText(page.url)}>${clipText(page.pathname)}</span>
        ${marks.map((mark) => html`<span class="badge ${mark.name}" part="badge ${mark.name}">${mark.label}</span>`)}
      </span>
      <span class="when">${formatDateTime(page.startedAt, STEP_TIME, this.resolvedLocale)}</span>
      <span class="duration">${s.journeyTimeOnPage(formatDuration(page.duration, this.resolvedLocale))}</span>
    </li>`;
  }

  private renderGap(gap: JourneyGap, s: Strings): TemplateResult {
    return html`<li class="step gap" part="step gap">
      <span class="gap-text">${s.journeyGap(formatDuration(gap.duration, this.resolvedLocale))}</span>
    </li>`;
  }

  private renderReplayLink(session: TimelineSession, s: Strings): TemplateResult {
    const href = this.hrefFromTemplate(this.sessionHref ?? this.config?.sessionHref, session.id);
    const detail = { sessionId: session.id, userId: this.userId ?? '' };
    if (!href) {
      return html`<button class="replay" part="link replay-link" type="button" @click=${() => this.emit('dozor-session-select', detail)}>${s.journeyReplay}</button>`;
    }
    return html`<a class="replay" part="link replay-link" href=${href} @click=${(event: MouseEvent) => this.emitFromLinkClick(event, 'dozor-session-select', detail)}
      >${s.journeyReplay}</a
    >`;
  }
}
