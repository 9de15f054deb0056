import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The columns that widen to fit their header and values; the id is cut in the middle by design. */
const FITTED_COLUMNS = ['col-started', 'col-device', 'col-duration', 'col-events'] as const;
export type FittedColumn = (typeof FITTED_COLUMNS)[number];
/** The widest a column grows: past it, a value ends in an ellipsis. */
const MAX_WIDTH_PX = 320;

/**
 * Widens the table's fixed columns whose header or values do not fit ("EREIGNISSE", "Smartphone · 412×915 ·
 * es-ES"), so they read in full in any language; the entry page, which shares what is left, gives the room,
 * and the table's least width grows by as much, so it scrolls in its card sooner rather than squeeze the
 * entry page away. Measured after each update in a resize observer's first report (after the layout,
 * before the paint); a column only grows while the language stays, so rows loaded later never shrink it.
 */
export class TableColumnFit implements ReactiveController {
  /** Each widened column: its width, and how much that adds to the table's. */
  private fitted = new Map<FittedColumn, { width: number; added: number }>();
  private fittedFor: string | undefined;
  private readonly observer = new ResizeObserver(() => this.measure());

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: { table: () => HTMLTableElement | null; locale: () => string },
  ) {
    host.addController(this);
  }

  /** A widened column's width, for its `<col>`; undefined keeps the stylesheet's. */
  width(column: FittedColumn): string | undefined {
    const fitted = this.fitted.get(column);
    return fitted && `${fitted.width}px`;
  }

  /** What the widened columns add to the table's least width (its `--_fit-added`). */
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
    if (!table) return;
    this.observer.disconnect(); // observing again reports again, after the coming layout
    this.observer.observe(table);
  }

  hostDisconnected(): void {
    this.observer.disconnect();
  }

  private measure(): void {
    this.observer.disconnect();
    const table = this.options.table();
    if (!table) return;
    const cols = [...table.querySelectorAll('col')];
    let grew = false;
    cols.forEach((col, index) => {
      const column = FITTED_COLUMNS.find((name) => col.classList.contains(name));
      if (!column) return;
      let missing = 0;
      for (const row of table.rows) {
        const cell = row.cells[index];
        if (row.cells.length !== cols.length || !cell) continue; // a journey row spans them all
        missing = Math.max(missing, lacking(cell), ...Array.from(cell.querySelectorAll('.stacked > *'), lacking));
      }
      if (missing <= 0) return;
      const now = col.getBoundingClientRect().width;
      // scrollWidth rounds: one pixel more keeps a value that needs a fraction of one from its ellipsis.
      const width = Math.min(MAX_WIDTH_PX, Math.ceil(now + missing + 1));
      if (width <= now) return;
      const before = this.fitted.get(column);
      this.fitted.set(column, { width, added: (before?.added ?? 0) + width - now });
      grew = true;
    });
    if (grew) this.host.requestUpdate();
  }
}

/** How many px an element's content runs past its box. */
function lacking(element: Element): number {
  return element.scrollWidth - element.clientWidth;
}
