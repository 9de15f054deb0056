import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type uPlot from 'uplot';
import { barColumns, formatCount, type ActivityChartModel } from '../../core/index.js';
import type { UplotLibrary } from './uplot-loader.js';

/** Plot-area geometry in CSS px; `--_plot-left/right/top/bottom` in the styles must match. */
const Y_AXIS_PX = 44;
const PLOT_PAD_RIGHT = 8;
const PLOT_PAD_TOP = 8;
const PLOT_PAD_BOTTOM = 8;
const COUNT_INCREMENTS = [1, 2, 5, 10, 20, 50, 100, 200, 500, 1e3, 2e3, 5e3, 1e4, 2e4, 5e4, 1e5, 2e5, 5e5, 1e6, 2e6, 5e6, 1e7, 1e8, 1e9];

export interface UplotBarsOptions {
  /** The element the canvas goes in, once rendered. */
  plotHost: () => HTMLDivElement | null;
  /** What to draw; undefined (or no events) means no plot. */
  model: () => ActivityChartModel | undefined;
  /** Colours and fonts are read from here (the theme tokens). */
  styleSource: () => Element;
  locale: () => string;
  /** What the canvas bakes in (scheme, locale): another key builds the plot anew. */
  key: () => string;
  /** The slot under the pointer, undefined when none. */
  onHover: (index: number | undefined) => void;
  /** Fetches uPlot (once per page); the plot is drawn when it arrives. */
  load: () => Promise<UplotLibrary>;
}

/**
 * The uPlot bar chart behind the activity histogram: created, updated, resized and destroyed to
 * match what the element renders. Canvas colours cannot follow CSS, so a new scheme or locale
 * builds the plot again. uPlot itself is fetched when the element connects, alongside its data.
 */
export class UplotBars implements ReactiveController {
  private library: UplotLibrary | undefined;
  private libraryError: unknown;
  private loading: Promise<void> | undefined;
  private plot: uPlot | undefined;
  private plotModel: ActivityChartModel | undefined;
  private plotKey = '';
  private observed: Element | undefined;
  private resizeObserver: ResizeObserver | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: UplotBarsOptions,
  ) {
    host.addController(this);
  }

  get chart(): uPlot | undefined {
    return this.plot;
  }

  /** Why uPlot could not be fetched, until a retry; the element shows it instead of the plot. */
  get loadError(): unknown {
    return this.libraryError;
  }

  /** True while uPlot is on its way: the element shows the plot's skeleton meanwhile. */
  get waiting(): boolean {
    return this.library === undefined && this.libraryError === undefined;
  }

  /** Settles once uPlot has arrived or failed to (at once when it is not being fetched). */
  get loaded(): Promise<void> {
    return this.loading ?? Promise.resolve();
  }

  hostConnected(): void {
    this.fetchLibrary();
  }

  /** Fetches uPlot again after a failure. */
  retry(): void {
    this.libraryError = undefined;
    this.fetchLibrary();
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    this.sync();
  }

  hostDisconnected(): void {
    this.destroy();
    this.resizeObserver?.disconnect();
    this.resizeObserver = undefined;
    this.observed = undefined;
  }

  /** Builds the plot again (a theme switch, or host colours changed outside one). */
  rebuild(): void {
    if (!this.plot) return;
    this.destroy();
    this.sync();
  }

  private fetchLibrary(): void {
    if (this.library || this.loading || this.libraryError !== undefined) return;
    this.loading = this.options
      .load()
      .then(
        (library) => {
          this.library = library;
        },
        (error: unknown) => {
          this.libraryError = error ?? new Error('uPlot failed to load');
        },
      )
      .then(() => {
        this.loading = undefined;
        this.host.requestUpdate();
      });
  }

  private sync(): void {
    const host = this.options.plotHost();
    const model = this.options.model();
    if (!host || !model || model.peak === 0 || !this.library) {
      this.destroy();
      return;
    }
    if (this.plot && this.plot.root.parentElement !== host) this.destroy();
    this.observe(host);
    const width = host.clientWidth;
    const height = host.clientHeight;
    if (width <= 0 || height <= 0) return; // not laid out yet; the ResizeObserver calls back
    const key = this.options.key();
    if (!this.plot || this.plotKey !== key) {
      this.destroy();
      this.create(this.library, host, model, width, height, key);
      return;
    }
    if (this.plotModel !== model) {
      this.plotModel = model;
      this.plot.setData(barColumns(model));
    }
    if (this.plot.width !== width || this.plot.height !== height) this.plot.setSize({ width, height });
  }

  private create(library: UplotLibrary, host: HTMLDivElement, model: ActivityChartModel, width: number, height: number, key: string): void {
    const style = getComputedStyle(this.options.styleSource());
    const token = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
    const bar = token('--_chart-bar', '#6366f1');
    const muted = token('--_muted', '#5b6270');
    const grid = token('--_border', '#d9dde3');
    const font = token('--_font', 'system-ui, sans-serif');
    const locale = this.options.locale();
    const bars = library.paths.bars!({ size: [0.8, 48, 1], align: 0, radius: 0.15 });
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
        setCursor: [
          (u) => this.options.onHover(u.cursor.idx === null || u.cursor.idx === undefined || u.cursor.idx < 0 ? undefined : u.cursor.idx),
        ],
      },
    };
    this.plotModel = model;
    this.plotKey = key;
    this.plot = new library(options, barColumns(model), host);
  }

  private observe(host: HTMLDivElement): void {
    if (this.observed === host) return;
    this.resizeObserver ??= new ResizeObserver(() => this.onResize());
    this.resizeObserver.disconnect();
    this.resizeObserver.observe(host);
    this.observed = host;
  }

  private onResize(): void {
    const host = this.options.plotHost();
    if (!host) return;
    if (!this.plot) {
      this.sync();
      return;
    }
    const width = host.clientWidth;
    const height = host.clientHeight;
    if (width > 0 && height > 0 && (width !== this.plot.width || height !== this.plot.height)) this.plot.setSize({ width, height });
  }

  private destroy(): void {
    this.plot?.destroy();
    this.plot = undefined;
    this.plotModel = undefined;
    this.plotKey = '';
    this.options.onHover(undefined);
  }
}
