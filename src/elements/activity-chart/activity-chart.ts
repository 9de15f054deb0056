import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import uPlot from 'uplot';
import {
  DEFAULT_ACTIVITY_RANGE,
  bucketGrid,
  formatAxisTicks,
  formatCount,
  formatDateTime,
  isActivityRange,
  type ActivityBucket,
  type ActivityRange,
} from '../../core/index.js';
import type { UserActivity } from '../../backend/index.js';
import { DozorElement } from '../shared/dozor-element.js';
import { StandaloneFetch } from '../shared/standalone-fetch.js';
import { renderErrorState } from '../shared/error-view.js';
import type { CommonStrings } from '../shared/strings.js';
import { baseStyles, tokens } from '../shared/styles.js';
import { cardStyles, tooltipStyles } from '../shared/block-styles.js';
import { activityChartStyles, uplotStyles } from './activity-chart.styles.js';
import { styleProperties } from '../shared/style-properties.js';

export interface ActivityChartStrings {
  activityChartTitle: string;
  activityChartLoading: string;
  activityChartEmpty: string;
  /** The header's total, e.g. "1,234 events"; `formatted` is localized. */
  activityChartEvents: (count: number, formatted: string) => string;
  /** The chart's accessible name; every number is given raw and localized. */
  activityChartLabel: (summary: {
    events: number;
    eventsText: string;
    buckets: number;
    bucketsText: string;
    peak: number;
    peakText: string;
  }) => string;
  /** `aria-roledescription` of the focusable chart. */
  activityChartRoleDescription: string;
  activityChartKeyboardHint: string;
  /** A bucket's time range; both ends are already localized. */
  activityChartBucketRange: (start: string, end: string) => string;
  activityChartTopPages: string;
  activityChartTableCaption: string;
  activityChartTimeColumn: string;
  activityChartEventsColumn: string;
  /** One top page in the text alternative: "/pricing: 12". */
  activityChartPageCount: (pathname: string, formatted: string) => string;
}

export const ACTIVITY_CHART_STRINGS: ActivityChartStrings = {
  activityChartTitle: 'Activity',
  activityChartLoading: 'Loading activity…',
  activityChartEmpty: 'No activity in this range',
  activityChartEvents: (count, formatted) => `${formatted} ${count === 1 ? 'event' : 'events'}`,
  activityChartLabel: ({ events, eventsText, buckets, bucketsText, peakText }) =>
    `Activity histogram: ${eventsText} ${events === 1 ? 'event' : 'events'} across ${bucketsText} ${buckets === 1 ? 'bucket' : 'buckets'}, peak ${peakText}.`,
  activityChartRoleDescription: 'chart',
  activityChartKeyboardHint: 'Use the left and right arrow keys to move between time buckets, Page Up and Page Down to jump between buckets with activity.',
  activityChartBucketRange: (start, end) => `${start}–${end}`,
  activityChartTopPages: 'Top pages',
  activityChartTableCaption: 'Events per time bucket',
  activityChartTimeColumn: 'Time',
  activityChartEventsColumn: 'Events',
  activityChartPageCount: (pathname, formatted) => `${pathname}: ${formatted}`,
};

declare module '../shared/strings.js' {
  interface DozorStrings extends ActivityChartStrings {}
}

type Strings = ActivityChartStrings & CommonStrings;

/** Plot-area geometry in CSS px; `--_plot-left/right/top/bottom` in the styles must match. */
const Y_AXIS_PX = 44;
const PLOT_PAD_RIGHT = 8;
const PLOT_PAD_TOP = 8;
const PLOT_PAD_BOTTOM = 8;
/** A bar with events is never drawn shorter than this share of the peak (reference §2.4: 2 %). */
const MIN_BAR_SHARE = 0.02;
/** A bucket's bounds in its tooltip and table; the day too where a time of day repeats (24 h, 7 d). */
const BUCKET_TIME: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit' };
const BUCKET_DAY_TIME: Intl.DateTimeFormatOptions = { day: '2-digit', month: '2-digit', ...BUCKET_TIME };
const COUNT_INCREMENTS = [
  1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7, 1e8, 1e9,
];

/** Everything the chart derives from one `UserActivity`: the full bucket grid and its totals. */
interface ChartModel {
  activity: UserActivity;
  range: ActivityRange;
  bucketMs: number;
  grid: ActivityBucket[];
  /** Bucket starts in ms, one per grid slot. */
  starts: number[];
  /** The x extent: the first slot's start to the last slot's end. */
  min: number;
  max: number;
  from: number;
  to: number;
  totalEvents: number;
  peak: number;
  /** Indices of the slots with events. */
  active: number[];
}

function buildModel(activity: UserActivity, fallbackRange: ActivityRange): ChartModel {
  const from = Date.parse(activity.from);
  const to = Date.parse(activity.to);
  const bucketMs = activity.bucketMs;
  const grid = Number.isFinite(from) && Number.isFinite(to) && bucketMs > 0 ? bucketGrid(activity.buckets, from, to, bucketMs) : [];
  const starts = grid.map((bucket) => Date.parse(bucket.t));
  let totalEvents = 0;
  let peak = 0;
  const active: number[] = [];
  grid.forEach((bucket, i) => {
    totalEvents += bucket.total;
    peak = Math.max(peak, bucket.total);
    if (bucket.total > 0) active.push(i);
  });
  const first = starts[0] ?? from;
  const last = starts[starts.length - 1] ?? from;
  return {
    activity,
    range: isActivityRange(activity.range) ? activity.range : fallbackRange,
    bucketMs,
    grid,
    starts,
    min: first,
    max: last + bucketMs,
    from,
    to,
    totalEvents,
    peak,
    active,
  };
}

/**
 * The user's events over the range as a bar chart (uPlot, drawn inside the shadow root): one bar
 * per time bucket over the full grid, so quiet periods show as gaps. Hovering or focusing the chart
 * shows a tooltip with the bucket's time range, event count and top pages; with focus, the arrow
 * keys move between buckets. A visually hidden table lists every bucket with events for screen
 * readers. Colors come from the theme tokens and follow the host's dark mode; the chart resizes
 * with its container.
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

  private readonly fetcher = new StandaloneFetch<UserActivity, ActivityRange>(this, {
    operation: 'getActivity',
    active: () => this.standalone,
    backend: () => this.resolvedBackend,
    userId: () => this.userId,
    query: () => this.range,
    serves: (loaded, wanted) => loaded === wanted,
    fetch: (backend, userId, range, signal) => backend.getActivity(userId, { range }, { signal }),
    refreshIntervalMs: () => this.refreshIntervalMs,
  });
  private cachedModel: ChartModel | undefined;
  private plot: uPlot | undefined;
  private plotModel: ChartModel | undefined;
  private plotKey = '';
  private observed: Element | undefined;
  private resizeObserver: ResizeObserver | undefined;

  constructor() {
    super();
    this.themeController.onChange(() => this.rebuildPlot());
  }

  /** The underlying uPlot instance while bars are drawn (read-only use: sizes, scales). */
  get chart(): uPlot | undefined {
    return this.plot;
  }

  /** Refetches in standalone mode (live refresh and retry do this). */
  refresh(): void {
    this.fetcher.reload();
  }

  /** Redraws the canvas, e.g. after the host changed a `--dozor-*` color outside a theme switch. */
  redraw(): void {
    this.rebuildPlot();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back after a disconnect, which destroyed the plot.
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.destroyPlot();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.observed = undefined;
  }

  private get standalone(): boolean {
    return this.data === undefined && !!this.userId && this.resolvedBackend !== undefined;
  }

  /** What is shown: the given data, else (standalone) the fetched one. */
  private get activity(): UserActivity | undefined {
    return this.data ?? this.fetcher.value;
  }

  private get model(): ChartModel | undefined {
    const activity = this.activity;
    if (!activity) return undefined;
    if (this.cachedModel?.activity !== activity) this.cachedModel = buildModel(activity, this.range);
    return this.cachedModel;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!isActivityRange(this.range)) this.range = DEFAULT_ACTIVITY_RANGE;
    this.fetcher.sync();
  }

  override render() {
    const s: Strings = this.resolveStrings(ACTIVITY_CHART_STRINGS);
    const model = this.model;
    if (!model) {
      const error = this.fetcher.error;
      if (error) return this.renderCard(s, renderErrorState(error, s, () => this.refresh()));
      return this.renderCard(
        s,
        html`<span class="skeleton plot-skeleton" aria-hidden="true"></span>
          <span class="visually-hidden" role="status">${s.activityChartLoading}</span>`,
        html`<span class="skeleton meta-skeleton" aria-hidden="true"></span>`,
        true,
      );
    }
    const locale = this.resolvedLocale;
    const meta = html`<span class="meta">${s.activityChartEvents(model.totalEvents, formatCount(model.totalEvents, locale))}</span>`;
    // Standalone, a refresh (e.g. of another range) keeps the bars until the new ones arrive.
    const refreshing = this.standalone && this.fetcher.task.loading;
    if (model.peak === 0) {
      return this.renderCard(s, html`<div class="empty" part="empty">${s.activityChartEmpty}</div>`, meta, refreshing);
    }
    return this.renderCard(s, this.renderChart(model, s), meta, refreshing);
  }

  private renderCard(s: Strings, body: TemplateResult, meta: TemplateResult | typeof nothing = nothing, busy = false): TemplateResult {
    return html`<section class="card" part="card" aria-labelledby="title" aria-busy=${busy ? 'true' : 'false'}>
      <div class="head">
        <h2 id="title">${s.activityChartTitle}</h2>
        ${meta}
      </div>
      ${body}
    </section>`;
  }

  private renderChart(model: ChartModel, s: Strings): TemplateResult {
    const locale = this.resolvedLocale;
    const index = this.shownIndex(model);
    const label = s.activityChartLabel({
      events: model.totalEvents,
      eventsText: formatCount(model.totalEvents, locale),
      buckets: model.grid.length,
      bucketsText: formatCount(model.grid.length, locale),
      peak: model.peak,
      peakText: formatCount(model.peak, locale),
    });
    const span = model.max - model.min;
    const ticks = Number.isFinite(model.from) && Number.isFinite(model.to) ? formatAxisTicks(model.from, model.to, model.range, locale) : [];
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
          ${index === undefined ? nothing : this.renderHighlight(model, index, span)}
          ${index === undefined ? nothing : this.renderTooltip(model, index, span, s)}
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
      ${this.renderTable(model, s)}`;
  }

  private renderHighlight(model: ChartModel, index: number, span: number): TemplateResult {
    const start = model.starts[index]!;
    return html`<div
      class="highlight"
      aria-hidden="true"
      ${styleProperties({ '--_x': String((start - model.min) / span), '--_w': String(model.bucketMs / span) })}
    ></div>`;
  }

  private renderTooltip(model: ChartModel, index: number, span: number, s: Strings): TemplateResult {
    const bucket = model.grid[index]!;
    const start = model.starts[index]!;
    const center = (start + model.bucketMs / 2 - model.min) / span;
    const shift = center < 0.25 ? '0%' : center > 0.75 ? '-100%' : '-50%';
    const locale = this.resolvedLocale;
    // eslint-disable-next-line lit-a11y/accessible-name -- a tooltip is named by its content (ARIA: name from content)
    return html`<div id="tooltip" class="tooltip" part="tooltip" role="tooltip" ${styleProperties({ '--_x': String(center), '--_shift': shift })}>
      <div class="tooltip-time">${this.bucketRange(model, start, s)}</div>
      <div class="tooltip-count">${s.activityChartEvents(bucket.total, formatCount(bucket.total, locale))}</div>
      ${bucket.byPage.length > 0
        ? html`<ul aria-label=${s.activityChartTopPages}>
            ${bucket.byPage.map(
              (page) => html`<li><span class="path" title=${page.pathname}>${page.pathname}</span><span class="num">${formatCount(page.count, locale)}</span></li>`,
            )}
          </ul>`
        : nothing}
    </div>`;
  }

  /** The text alternative: every bucket with events, its count and its top pages. */
  private renderTable(model: ChartModel, s: Strings): TemplateResult {
    const locale = this.resolvedLocale;
    return html`<div class="visually-hidden">
      <table>
        <caption>${s.activityChartTableCaption}</caption>
        <thead>
          <tr>
            <th scope="col">${s.activityChartTimeColumn}</th>
            <th scope="col">${s.activityChartEventsColumn}</th>
            <th scope="col">${s.activityChartTopPages}</th>
          </tr>
        </thead>
        <tbody>
          ${model.active.map((i) => {
            const bucket = model.grid[i]!;
            return html`<tr>
              <th scope="row">${this.bucketRange(model, model.starts[i]!, s)}</th>
              <td>${formatCount(bucket.total, locale)}</td>
              <td>${bucket.byPage.map((page) => s.activityChartPageCount(page.pathname, formatCount(page.count, locale))).join(', ')}</td>
            </tr>`;
          })}
        </tbody>
      </table>
    </div>`;
  }

  /** "14:00–14:15", with the day first on the 24 h and 7 d ranges (where a time of day repeats). */
  private bucketRange(model: ChartModel, start: number, s: Strings): string {
    const locale = this.resolvedLocale;
    const first = model.range === '6h' ? BUCKET_TIME : BUCKET_DAY_TIME;
    return s.activityChartBucketRange(formatDateTime(start, first, locale), formatDateTime(start + model.bucketMs, BUCKET_TIME, locale));
  }

  /** The slot whose tooltip shows: the hovered one, else the one chosen with the keyboard. */
  private shownIndex(model: ChartModel): number | undefined {
    if (this.hoverIndex !== undefined && this.hoverIndex < model.grid.length) return this.hoverIndex;
    if (this.focusStart === undefined) return undefined;
    return this.indexOfStart(model, this.focusStart);
  }

  /** A remembered slot by its start time, so a refresh that slides the grid keeps the same bucket. */
  private indexOfStart(model: ChartModel, start: number): number {
    const exact = model.starts.indexOf(start);
    if (exact >= 0) return exact;
    return start < model.min ? 0 : model.grid.length - 1;
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
    const current = this.focusStart === undefined ? (model.active[model.active.length - 1] ?? last) : this.indexOfStart(model, this.focusStart);
    let next: number;
    switch (event.key) {
      case 'ArrowLeft':
        next = Math.max(0, current - 1);
        break;
      case 'ArrowRight':
        next = Math.min(last, current + 1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = last;
        break;
      case 'PageUp':
        next = [...model.active].reverse().find((i) => i < current) ?? current;
        break;
      case 'PageDown':
        next = model.active.find((i) => i > current) ?? current;
        break;
      case 'Escape':
        if (this.focusStart === undefined && this.hoverIndex === undefined) return;
        event.preventDefault();
        this.focusStart = undefined;
        this.hoverIndex = undefined;
        this.announcement = '';
        return;
      default:
        return;
    }
    event.preventDefault();
    // The keyboard takes over from a pointer resting on the chart.
    this.hoverIndex = undefined;
    this.focusStart = model.starts[next];
    this.announcement = this.describeBucket(model, next);
  }

  /** The tooltip as one sentence, announced when the keyboard moves. */
  private describeBucket(model: ChartModel, index: number): string {
    const s: Strings = this.resolveStrings(ACTIVITY_CHART_STRINGS);
    const locale = this.resolvedLocale;
    const bucket = model.grid[index]!;
    const parts = [this.bucketRange(model, model.starts[index]!, s), s.activityChartEvents(bucket.total, formatCount(bucket.total, locale))];
    if (bucket.byPage.length > 0) {
      parts.push(`${s.activityChartTopPages}: ${bucket.byPage.map((page) => s.activityChartPageCount(page.pathname, formatCount(page.count, locale))).join(', ')}`);
    }
    return parts.join('. ');
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncPlot();
  }

  /** Creates, updates or destroys the uPlot instance to match what is rendered. */
  private syncPlot(): void {
    const host = this.plotHost;
    const model = this.model;
    if (!host || !model || model.peak === 0) {
      this.destroyPlot();
      return;
    }
    if (this.plot && this.plot.root.parentElement !== host) this.destroyPlot();
    this.observe(host);
    const width = host.clientWidth;
    const height = host.clientHeight;
    if (width <= 0 || height <= 0) return; // not laid out yet; the ResizeObserver calls back
    const key = `${this.themeController.current}|${this.resolvedLocale}`;
    if (!this.plot || this.plotKey !== key) {
      this.destroyPlot();
      this.createPlot(host, model, width, height, key);
      return;
    }
    if (this.plotModel !== model) {
      this.plotModel = model;
      this.plot.setData(alignedData(model));
    }
    if (this.plot.width !== width || this.plot.height !== height) this.plot.setSize({ width, height });
  }

  private createPlot(host: HTMLDivElement, model: ChartModel, width: number, height: number, key: string): void {
    const style = getComputedStyle(this);
    const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const bar = token('--_chart-bar', '#6366f1');
    const muted = token('--_muted', '#5b6270');
    const grid = token('--_border', '#d9dde3');
    const font = token('--_font', 'system-ui, sans-serif');
    const locale = this.resolvedLocale;
    const bars = uPlot.paths.bars!({ size: [0.8, 48, 1], align: 0, radius: 0.15 });
    const options: uPlot.Options = {
      width,
      height,
      ms: 1,
      pxAlign: true,
      legend: { show: false },
      padding: [PLOT_PAD_TOP, PLOT_PAD_RIGHT, PLOT_PAD_BOTTOM, 0],
      cursor: {
        x: false,
        y: false,
        points: { show: false },
        drag: { x: false, y: false, setScale: false },
      },
      select: { show: false, left: 0, top: 0, width: 0, height: 0 },
      scales: {
        x: { time: false, range: () => [this.plotModel?.min ?? 0, this.plotModel?.max ?? 1] },
        y: { range: (_u, _min, max) => [0, Math.max(1, max)] },
      },
      axes: [
        { show: false },
        {
          size: Y_AXIS_PX,
          gap: 6,
          space: 28,
          font: `11px ${font}`,
          stroke: muted,
          incrs: COUNT_INCREMENTS,
          values: (_u, splits) => splits.map((value) => formatCount(value, locale)),
          grid: { stroke: grid, width: 1 },
          ticks: { show: false },
          border: { show: false },
        },
      ],
      series: [{}, { fill: bar, stroke: bar, width: 0, paths: bars, points: { show: false } }],
      hooks: {
        setCursor: [(u) => this.onCursor(u.cursor.idx)],
      },
    };
    this.plotModel = model;
    this.plotKey = key;
    this.plot = new uPlot(options, alignedData(model), host);
  }

  private onCursor(idx: number | null | undefined): void {
    const next = idx === null || idx === undefined || idx < 0 ? undefined : idx;
    if (next !== this.hoverIndex) this.hoverIndex = next;
  }

  private observe(host: HTMLDivElement): void {
    if (this.observed === host) return;
    this.resizeObserver ??= new ResizeObserver(() => this.onResize());
    this.resizeObserver.disconnect();
    this.resizeObserver.observe(host);
    this.observed = host;
  }

  private onResize(): void {
    const host = this.plotHost;
    if (!host) return;
    if (!this.plot) {
      this.syncPlot();
      return;
    }
    const width = host.clientWidth;
    const height = host.clientHeight;
    if (width > 0 && height > 0 && (width !== this.plot.width || height !== this.plot.height)) this.plot.setSize({ width, height });
  }

  private rebuildPlot(): void {
    if (!this.plot) return;
    this.destroyPlot();
    this.syncPlot();
  }

  private destroyPlot(): void {
    this.plot?.destroy();
    this.plot = undefined;
    this.plotModel = undefined;
    this.plotKey = '';
    if (this.hoverIndex !== undefined) this.hoverIndex = undefined;
  }
}

/** uPlot's columns: x at each slot's center (so the cursor snaps to the bar under it) and the bar heights. */
function alignedData(model: ChartModel): uPlot.AlignedData {
  const half = model.bucketMs / 2;
  const floor = model.peak * MIN_BAR_SHARE;
  return [model.starts.map((t) => t + half), model.grid.map((bucket) => (bucket.total > 0 ? Math.max(bucket.total, floor) : 0))];
}
