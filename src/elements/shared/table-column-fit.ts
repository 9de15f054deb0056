import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { overflowWidth, widthToFit } from './fit.js';

/** The widest a column grows: past it, a value ends in an ellipsis. */
const MAX_WIDTH_PX = 320;

/**
 * Widens a table's fixed columns whose header or values do not fit them ("EREIGNISSE", "Smartphone ·
 * 412×915 · es-ES"), so they read in full in any language. Each such `<col>` gets a `--_fit` (its need in
 * px), which its stylesheet width takes the larger of (`width: max(7em, var(--_fit, 0px))`, so every
 * breakpoint keeps its own widths); the flexible column gives the room, and the table's least width grows
 * by `--_fit-added`, so it scrolls in its card sooner rather than squeeze that column away. Measured in a
 * resize observer's report (after the layout, before the paint) after each update and each resize; a
 * column only grows while the language stays, so rows loaded later never shrink it.
 */
export class TableColumnFit implements ReactiveController {
  /** Each widened column (by its `<col>`'s class): its width, and how much that added to the table's. */
  private fitted = new Map<string, { width: number; added: number }>();
  private fittedFor: string | undefined;
  private observed: HTMLTableElement | null = null;
  private readonly observer = new ResizeObserver(() => this.measure());

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      table: () => HTMLTableElement | null;
      locale: () => string;
      /** The classes of the `<col>`s that may widen. */
      columns: readonly string[];
    },
  ) {
    host.addController(this);
  }

  /** A widened column's `--_fit`; undefined leaves the stylesheet's width alone. */
  width(column: string): string | undefined {
    const fitted = this.fitted.get(column);
    return fitted && `${fitted.width}px`;
  }

  /** The table's `--_fit-added`: what the widened columns add to its least width. */
  get added(): string | undefined {
    const added = [...this.fitted.values()].reduce((sum, fitted) => sum + fitted.added, 0);
    return added > 0 ? `${added}px` : undefined;
  }

  hostUpdate(): void {
    // Another language measures afresh, from the stylesheet's widths.
    if (this.options.locale() !== this.fittedFor) this.fitted = new Map();
    this.fittedFor = this.options.locale();
  }

  hostUpdated(): void {
    const table = this.options.table();
    if (this.observed) this.observer.unobserve(this.observed);
    this.observed = table;
    // Observing afresh reports after the coming layout, whether or not the table's size changes.
    if (table) this.observer.observe(table);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
    this.observed = null;
  }

  private measure(): void {
    const table = this.observed;
    if (!table?.isConnected) return;
    const cols = [...table.querySelectorAll('col')];
    let grew = false;
    cols.forEach((col, index) => {
      const column = this.options.columns.find((name) => col.classList.contains(name));
      if (!column) return;
      let missing = 0;
      for (const row of table.rows) {
        const cell = row.cells[index];
        if (row.cells.length !== cols.length || !cell) continue; // a row that spans them all
        missing = Math.max(missing, overflowWidth(cell), ...Array.from(cell.querySelectorAll('.stacked > *'), overflowWidth));
      }
      if (missing === 0) return;
      const now = col.getBoundingClientRect().width;
      const width = Math.min(MAX_WIDTH_PX, widthToFit(now + missing));
      if (width <= now) return;
      const before = this.fitted.get(column);
      this.fitted.set(column, { width, added: (before?.added ?? 0) + width - now });
      grew = true;
    });
    if (grew) this.host.requestUpdate();
  }
}
