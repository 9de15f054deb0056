import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type uPlot from 'uplot';
import {
  activityChartModel,
  type ActivityChartModel,
  type ActivityRange,
  DEFAULT_ACTIVITY_RANGE,
  formatAxisTicks,
  isActivityRange,
  type LocaleNumbers,
  rovingIndex,
  slotOfStart,
} from '../../core/index.js';
import { DozorBackendError, type UserActivity } from '../../backend/index.js';
import { DozorElement } from '../shared/dozor-element.js';
import { StandaloneFetch } from '../shared/standalone-fetch.js';
import { renderCard, renderLoadingCard } from '../shared/card-view.js';
import type { CommonStrings } from '../shared/strings.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { cardStyles, tooltipStyles } from '../shared/block-styles.js';
import { activityChartStyles, uplotStyles } from './activity-chart.styles.js';
import { BUCKET_TEXT_STRINGS, describeBucket, renderBucketTable, renderBucketTooltip } from './bucket-text.js';
import { UplotBars } from './uplot-bars.js';
import { loadUplot } from './uplot-loader.js';
import { renderErrorState } from '../shared/error-view.js';
import { styleProperties } from '../shared/style-properties.js';

/** The activity chart's English strings, the bucket texts' included; their type is `ActivityChartStrings`. */
export const ACTIVITY_CHART_STRINGS = {
  ...BUCKET_TEXT_STRINGS,
  activityChartTitle: 'Activity',
  activityChartLoading: 'Loading activity…',
  activityChartEmpty: 'No activity in this range',
  /** Shown under the network error's title when the chart's drawing code could not be fetched. */
  activityChartDrawFailed: 'The chart could not be drawn: its code did not load.',
  /** The chart's accessible name; every number is given raw and localized. */
  activityChartLabel: (events: number, buckets: number, peak: number, n: LocaleNumbers) =>
    `Activity histogram: ${n.plural(events, { one: '# event', other: '# events' })} across ${n.plural(buckets, { one: '# bucket', other: '# buckets' })}, peak ${n.number(peak)}.`,
  /** `aria-roledescription` of the focusable chart. */
  activityChartRoleDescription: 'chart',
  activityChartKeyboardHint:
    'Use the left and right arrow keys to move between time buckets, Page Up and Page Down to jump between buckets with activity.',
};

// The blocks' tables first: the published types then keep their keys' comments (a spread drops them).
/** The activity chart's strings (every key of its English table). */
export type ActivityChartStrings = typeof BUCKET_TEXT_STRINGS & typeof ACTIVITY_CHART_STRINGS;

declare module '../shared/strings.js' {
  interface DozorStrings extends ActivityChartStrings {}
}

type Strings = ActivityChartStrings & CommonStrings;

/**
 * The user's events over the range as a bar chart (uPlot, drawn inside the shadow root): one bar
 * per time bucket over the full grid, so quiet periods show as gaps. Hovering or focusing the chart
 * shows a tooltip with the bucket's time range, event count and top pages; with focus, the arrow
 * keys move between buckets. A visually hidden table lists every bucket with events for screen
 * readers. Colors come from the theme tokens and follow the host's dark mode; the chart resizes
 * with its container. uPlot is fetched when the first chart connects (its own chunk of the host's
 * bundle): until it arrives the plot shows its skeleton, `updateComplete` waits for it and the bars it
 * draws, and a failed fetch shows a network error with a retry.
 *
 * Give it `.data` (the backend's `UserActivity`, undefined while loading), or, to use it alone, a
 * `user-id` and a backend (its own `.backend` or `<dozor-provider>`'s): it then fetches the
 * activity for `range` itself, refreshes it live and offers a retry on failure.
 *
 * @tagname dozor-activity-chart
 * @summary Activity histogram.
 * @fires dozor-error - {error, operation} when its own request fails (standalone mode only).
 * @csspart card - the card around the chart.
 * @csspart chart - the plot with its axis labels.
 * @csspart plot - the focusable plot area (the uPlot canvas).
 * @csspart tooltip - the bucket tooltip.
 * @csspart axis - the x-axis labels.
 * @csspart empty - the "No activity in this range" box.
 * @csspart error - the error state; `button retry-button` its retry button.
 * @cssprop --dozor-chart-bar - the bars' color.
 * @cssprop --dozor-activity-chart-height - the plot height (default 192px).
 * @cssprop --dozor-muted - axis labels.
 * @cssprop --dozor-border - gridlines and the card border.
 * @cssprop --dozor-surface - the card background; --dozor-surface-raised the tooltip's.
 * @cssprop --dozor-accent - the highlighted bucket.
 */
export class DozorActivityChart extends DozorElement {
  static override styles = [tokens, baseStyles, cardStyles, tooltipStyles, uplotStyles, activityChartStyles];

  /** Where uPlot comes from: fetched on first use (a test puts a failing load here). */
  protected static loadPlotLibrary = loadUplot;

  /** The activity to draw (bars over `buckets`); undefined shows the loading state. */
  @property({ attribute: false }) data: UserActivity | undefined;

  /** The range to fetch in standalone mode: `6h`, `24h` (default) or `7d`. */
  @property({ reflect: true }) range: ActivityRange = DEFAULT_ACTIVITY_RANGE;

  /** Standalone mode: the tracked user whose activity is fetched when no `.data` is given. */
  @property({ attribute: 'user-id' }) userId: string | undefined;

  /** The slot under the pointer (from uPlot's cursor). */
  @state() private hoverIndex: number | undefined;
  /** The start (ms) of the slot chosen with the keyboard while the chart has focus. */
  @state() private focusStart: number | undefined;
  @state() private announcement = '';

  @query('.plot') private plotHost!: HTMLDivElement | null;

  private readonly fetcher = new StandaloneFetch<UserActivity, ActivityRange>(this, this.resolved, {
    operation: 'getActivity',
    given: () => this.data,
    query: () => this.range,
    fetch: (backend, userId, range, signal) => backend.getActivity(userId, { range }, { signal }),
  });
  private cachedModel: ActivityChartModel<UserActivity> | undefined;
  private readonly bars = new UplotBars(this, {
    plotHost: () => this.plotHost,
    model: () => this.model,
    styleSource: () => this,
    locale: () => this.resolvedLocale,
    key: () => `${this.themeController.current}|${this.resolvedLocale}`,
    onHover: (index) => {
      if (index !== this.hoverIndex) this.hoverIndex = index;
    },
    load: () => (this.constructor as typeof DozorActivityChart).loadPlotLibrary(),
  });

  constructor() {
    super();
    this.themeController.onChange(() => this.bars.rebuild());
  }

  /** The underlying uPlot instance while bars are drawn (read-only use: sizes, scales). */
  get chart(): uPlot | undefined {
    return this.bars.chart;
  }

  /** Refetches in standalone mode (live refresh and retry do this). */
  refresh(): void {
    this.fetcher.reload();
  }

  /** Redraws the canvas, e.g. after the host changed a `--dozor-*` color outside a theme switch. */
  redraw(): void {
    this.bars.rebuild();
  }

  /** Also waits for uPlot to arrive and the bars it draws (or its failure to show). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const settled = await super.getUpdateComplete();
    if (!this.model) return settled;
    await this.bars.loaded;
    return super.getUpdateComplete();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back after a disconnect, which destroyed the plot.
    if (this.hasUpdated) this.requestUpdate();
  }

  /** What is shown: the given data, else (standalone) the fetched one. */
  private get activity(): UserActivity | undefined {
    return this.data ?? this.fetcher.value;
  }

  private get model(): ActivityChartModel<UserActivity> | undefined {
    const activity = this.activity;
    if (!activity) return undefined;
    if (this.cachedModel?.activity !== activity) this.cachedModel = activityChartModel(activity, this.range);
    return this.cachedModel;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!isActivityRange(this.range)) this.range = DEFAULT_ACTIVITY_RANGE;
  }

  override render() {
    const s: Strings = this.resolveStrings(ACTIVITY_CHART_STRINGS);
    const model = this.model;
    if (!model) {
      const look = { title: s.activityChartTitle, loading: s.activityChartLoading, skeleton: 'plot-skeleton', metaSkeleton: true };
      return renderLoadingCard(look, this.fetcher, s, this.numbers);
    }
    const meta = html`<span class="meta">${s.activityChartEvents(model.totalEvents, this.numbers)}</span>`;
    // Standalone, a refresh (e.g. of another range) keeps the bars until the new ones arrive.
    const refreshing = this.fetcher.refreshing;
    if (model.peak === 0) {
      return renderCard(s.activityChartTitle, html`<div class="empty" part="empty">${s.activityChartEmpty}</div>`, meta, refreshing);
    }
    if (this.bars.loadError !== undefined) {
      const error = new DozorBackendError('network', s.activityChartDrawFailed, { cause: this.bars.loadError });
      return renderCard(
        s.activityChartTitle,
        renderErrorState(error, s, this.numbers, () => this.bars.retry()),
        meta,
        refreshing,
      );
    }
    return renderCard(s.activityChartTitle, this.renderChart(model, s), meta, refreshing || this.bars.waiting);
  }

  private renderChart(model: ActivityChartModel, s: Strings): TemplateResult {
    const locale = this.resolvedLocale;
    const index = this.shownIndex(model);
    const label = s.activityChartLabel(model.totalEvents, model.grid.length, model.peak, this.numbers);
    const span = model.max - model.min;
    const ticks =
      Number.isFinite(model.from) && Number.isFinite(model.to) ? formatAxisTicks(model.from, model.to, model.range, locale) : [];
    const describedBy = index === undefined ? 'keyboard-hint' : 'keyboard-hint tooltip';
    return html`<div class="chart" part="chart">
        <div class="frame">
          <div
            class="plot"
            part="plot"
            role="group"
            tabindex="0"
            aria-roledescription=${s.activityChartRoleDescription}
            aria-label=${label}
            aria-describedby=${describedBy}
            @keydown=${this.onKeyDown}
            @focus=${this.onFocus}
            @blur=${this.onBlur}
          ></div>
          ${this.bars.waiting ? html`<span class="skeleton plot-skeleton" aria-hidden="true"></span>` : nothing}
          ${index === undefined ? nothing : this.renderHighlight(model, index, span)}
          ${index === undefined ? nothing : renderBucketTooltip(model, index, s, locale)}
        </div>
        <div class="x-axis" part="axis" aria-hidden="true">
          ${ticks.map((tick, i) => {
            const shift = i === 0 ? '0' : i === ticks.length - 1 ? '-100%' : '-50%';
            const position = span > 0 ? ((tick.t - model.min) / span) * 100 : tick.position;
            return html`<span class="tick" ${styleProperties({ left: `${position}%`, transform: `translateX(${shift})` })}>${tick.label}</span>`;
          })}
        </div>
      </div>
      <span id="keyboard-hint" class="visually-hidden">${s.activityChartKeyboardHint}</span>
      <span class="visually-hidden" role="status">${this.announcement}</span>
      ${renderBucketTable(model, s, locale)}`;
  }

  private renderHighlight(model: ActivityChartModel, index: number, span: number): TemplateResult {
    const start = model.starts[index]!;
    return html`<div
      class="highlight"
      aria-hidden="true"
      ${styleProperties({ '--_x': String((start - model.min) / span), '--_w': String(model.bucketMs / span) })}
    ></div>`;
  }

  /** The slot whose tooltip shows: the hovered one, else the one chosen with the keyboard. */
  private shownIndex(model: ActivityChartModel): number | undefined {
    if (this.hoverIndex !== undefined && this.hoverIndex < model.grid.length) return this.hoverIndex;
    if (this.focusStart === undefined) return undefined;
    return slotOfStart(model, this.focusStart);
  }

  private onFocus(): void {
    const model = this.model;
    if (!model || model.grid.length === 0) return;
    if (this.focusStart !== undefined) return;
    const index = this.hoverIndex ?? model.active[model.active.length - 1] ?? model.grid.length - 1;
    this.focusStart = model.starts[index];
  }

  private onBlur(): void {
    this.focusStart = undefined;
    this.announcement = '';
  }

  private onKeyDown(event: KeyboardEvent): void {
    const model = this.model;
    if (!model || model.grid.length === 0) return;
    const last = model.grid.length - 1;
    const current = this.focusStart === undefined ? (model.active[model.active.length - 1] ?? last) : slotOfStart(model, this.focusStart);
    if (event.key === 'Escape') {
      if (this.focusStart === undefined && this.hoverIndex === undefined) return;
      event.preventDefault();
      this.focusStart = undefined;
      this.hoverIndex = undefined;
      this.announcement = '';
      return;
    }
    // The time axis is drawn left to right in every writing direction, so Left is always earlier.
    const next = rovingIndex(event.key, current, {
      count: model.grid.length,
      orientation: 'horizontal',
      rtl: false,
      page: (from, forward) => (forward ? model.active.find((i) => i > from) : [...model.active].reverse().find((i) => i < from)) ?? from,
    });
    if (next === undefined) return;
    event.preventDefault();
    // The keyboard takes over from a pointer resting on the chart.
    this.hoverIndex = undefined;
    this.focusStart = model.starts[next];
    this.announcement = describeBucket(model, next, this.resolveStrings(ACTIVITY_CHART_STRINGS), this.resolvedLocale);
  }
}
