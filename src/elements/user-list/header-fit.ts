import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatDuration, formatRelative, type ListColumn } from '../../core/index.js';
import { overflowWidth, widthToFit } from '../shared/fit.js';
import { columnMinWidth, type ColumnWidths } from './grid-rows.js';

/** A header's labels: the sort button's label and the User column's sort key, or a plain header's text. */
const LABELS = '.sort-label, .sort-key, .head-label';
/** The widest a column grows for its header; a longer label (a long trait key) still ends in an ellipsis. */
export const MAX_FITTED_WIDTH = 240;

/**
 * Widens the columns whose header label does not fit their track ("Sitzungen", "Остання активність", a
 * trait key), or whose widest value does not ("59 Min., 59 Sek." in a fixed Active 7d), so every header and
 * value reads in full in any language. Measured only when the labels change, in a resize observer's first
 * report: after the layout and before the paint, so a header that fits (English) costs no extra layout and
 * a widened one never shows cut. A label box that changes size on its own (a web font that loads later, a
 * host that sets another font size) measures again.
 */
export class HeaderFit implements ReactiveController {
  /** The widened columns' widths in px; a column not in it keeps its own track. */
  widths: ColumnWidths = {};
  /** The header last measured (a list back from its empty state renders a new one), and what it said. */
  private measured: { header: HTMLElement; labels: string } | undefined;
  private readonly observer = new ResizeObserver(() => this.measure());
  /** The header's label boxes, watched while they stand: each shrinks to its text, so a new font resizes it. */
  private watched = new Set<Element>();
  private readonly labelWatch = new ResizeObserver(() => this.measure());

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      header: () => HTMLElement | null;
      columns: () => readonly ListColumn[];
      /** The list's language: what the labels and the samples are in. */
      locale: () => string;
      /** The widest values a column may hold (the rows come and go as it scrolls). */
      samples: () => Partial<Record<ListColumn, readonly string[]>>;
    },
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
    this.labelWatch.disconnect();
    this.watched.clear();
    this.measured = undefined;
  }

  hostUpdated(): void {
    const header = this.options.header();
    if (!header) return;
    const labels = `${this.options.locale()}\n${headerLabels(header)}`;
    if (header === this.measured?.header && labels === this.measured.labels) return;
    this.measured = { header, labels };
    this.observer.observe(header);
  }

  private measure(): void {
    this.observer.disconnect();
    const header = this.options.header();
    if (!header) return;
    const columns = this.options.columns();
    const samples = this.options.samples();
    const valueFont = getComputedStyle(header.closest('[role="grid"]') ?? header).font;
    const widths: Partial<Record<ListColumn, number>> = {};
    const boxes = new Set<Element>();
    header.querySelectorAll(':scope > [role="columnheader"]').forEach((cell, i) => {
      const column = columns[i];
      const box = cell.querySelector('.sort, .head-label');
      if (column === undefined || !box) return;
      boxes.add(box);
      // What the header's box needs, whatever its track is now: a sort button and a plain label shrink to
      // their text, and a cut one lacks what its labels scroll past.
      let missing = 0;
      for (const label of cell.querySelectorAll(LABELS)) missing += overflowWidth(label);
      const { paddingLeft, paddingRight } = getComputedStyle(cell);
      const content = Math.max(
        box.getBoundingClientRect().width + missing,
        ...(samples[column] ?? []).map((text) => textWidth(text, valueFont)),
      );
      const needed = widthToFit(parseFloat(paddingLeft) + parseFloat(paddingRight) + content);
      // Every column, not only the cut ones: a column widened takes room from those that share what is left.
      if (needed > columnMinWidth(column)) widths[column] = Math.min(MAX_FITTED_WIDTH, needed);
    });
    this.watch(boxes);
    if (JSON.stringify(widths) === JSON.stringify(this.widths)) return;
    this.widths = widths;
    this.host.requestUpdate();
  }

  /** Watches these label boxes from now on; only a box not watched yet gets the observer's first report. */
  private watch(boxes: Set<Element>): void {
    for (const box of this.watched) if (!boxes.has(box)) this.labelWatch.unobserve(box);
    for (const box of boxes) if (!this.watched.has(box)) this.labelWatch.observe(box);
    this.watched = boxes;
  }
}

let measuring: CanvasRenderingContext2D | null | undefined;

/** A value's width in the rows' font, without rendering it (a canvas measures text without a layout). */
function textWidth(text: string, font: string): number {
  measuring ??= document.createElement('canvas').getContext('2d');
  if (!measuring) return 0;
  measuring.font = font;
  // A canvas has no tabular digits (the number cells'): a pixel a digit covers the difference.
  return measuring.measureText(text).width + text.replace(/\D/g, '').length;
}

function headerLabels(header: HTMLElement): string {
  return Array.from(header.querySelectorAll(LABELS), (label) => label.textContent).join('\n');
}

/** The longest last-seen and active times a row can show, in each unit's largest count. */
export function widestRowValues(locale: string): Partial<Record<ListColumn, string[]>> {
  const now = Date.now();
  const ago = [59, 59 * 60, 23 * 3600, 29 * 86_400, 330 * 86_400].map((seconds) => formatRelative(now - seconds * 1000, now, locale));
  return { 'last-seen': ago, active: [formatDuration(3599, locale), formatDuration(359_940, locale)] };
}
