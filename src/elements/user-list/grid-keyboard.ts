import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { rovingIndex } from '../../core/index.js';
import { isRightToLeft } from '../shared/direction.js';

export interface GridKeyboardOptions {
  rowCount: () => number;
  columnCount: () => number;
  rowsPerPage: () => number;
  /** Scrolls the row into view (rows outside the window are not in the DOM). */
  reveal: (row: number) => void;
  /** Enter or Space on a row. */
  open: (row: number) => void;
  /** Enter or F2 on a cell: its own control acts (e.g. the tags' "+N"); false when it has none and the row opens. */
  activateCell?: (cell: HTMLElement) => boolean;
}

const BODY_ROWS_BEFORE = 1; // the header row: a body row's aria-rowindex is its index + 2 (1-based, after the header)

/** A body cell's place in the grid: its row's index, from the row's `aria-rowindex`, and its column's, from its place in the row. */
export function cellPosition(cell: Element): { row: number; column: number } {
  const row = cell.parentElement!;
  return { row: Number(row.getAttribute('aria-rowindex')) - 1 - BODY_ROWS_BEFORE, column: [...row.children].indexOf(cell) };
}

/** The user row at index `row`, when it is in the DOM (the window renders only the visible ones; never a loading placeholder). */
export function rowAt(root: ParentNode, row: number): Element | null {
  return root.querySelector(`.rows > [part="row"][aria-rowindex="${row + 1 + BODY_ROWS_BEFORE}"]`);
}

/** The body cell at `row`, `column`, when that row is in the DOM. */
export function cellAt(root: ParentNode, row: number, column: number): HTMLElement | null {
  // A user row holds only its cells.
  return (rowAt(root, row)?.children[column] as HTMLElement | undefined) ?? null;
}

/**
 * The ARIA grid's roving focus: one cell is tabbable (`tabindex=0`), the arrow keys, Home / End
 * and Page Up / Page Down move it (Left / Right swap under `dir=rtl`), Enter or Space opens the row;
 * on a cell with a control of its own, Enter or F2 works that control instead.
 */
export class GridKeyboard implements ReactiveController {
  activeRow = 0;
  activeColumn = 0;

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: ParentNode },
    private readonly options: GridKeyboardOptions,
  ) {
    host.addController(this);
  }

  /**
   * Cells render with `tabindex=-1` (no binding per cell: they are most of a row's parts); after each
   * update the active one gets the tab stop, and a recycled row's stale one loses it.
   */
  hostUpdated(): void {
    // Columns removed under the active cell: the tab stop moves to the last one left.
    this.activeColumn = Math.min(this.activeColumn, Math.max(0, this.options.columnCount() - 1));
    const root = this.host.renderRoot;
    const active = cellAt(root, this.activeRow, this.activeColumn);
    for (const cell of root.querySelectorAll<HTMLElement>('.rows [role="gridcell"][tabindex="0"]')) if (cell !== active) cell.tabIndex = -1;
    if (active && active.tabIndex !== 0) active.tabIndex = 0;
  }

  /** Puts the focus back on the first row (another query), or keeps it within `count` rows. */
  reset(count?: number): void {
    this.activeRow = count === undefined ? 0 : Math.min(this.activeRow, Math.max(0, count - 1));
    this.host.requestUpdate();
  }

  setActiveRow(row: number): void {
    this.activeRow = row;
    this.host.requestUpdate();
  }

  readonly onFocusIn = (event: FocusEvent): void => {
    const cell = (event.target as HTMLElement).closest<HTMLElement>('.rows [role="gridcell"]');
    if (!cell) return;
    ({ row: this.activeRow, column: this.activeColumn } = cellPosition(cell));
    this.host.requestUpdate();
  };

  readonly onKeyDown = async (event: KeyboardEvent): Promise<void> => {
    if (!(event.target as HTMLElement).matches('.rows [role="gridcell"]')) return;
    const count = this.options.rowCount();
    if (count === 0) return;
    if ((event.key === 'Enter' || event.key === 'F2') && this.options.activateCell?.(event.target as HTMLElement)) {
      event.preventDefault();
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.options.open(this.activeRow);
      return;
    }
    // Up / Down / Home / End / Page Up / Page Down move between rows, Left / Right between cells.
    const row = rovingIndex(event.key, this.activeRow, { count, orientation: 'vertical', page: this.options.rowsPerPage() });
    const column =
      row === undefined
        ? rovingIndex(event.key, this.activeColumn, {
            count: this.options.columnCount(),
            orientation: 'horizontal',
            rtl: isRightToLeft(event.target as HTMLElement),
            homeEnd: false,
          })
        : undefined;
    if (row === undefined && column === undefined) return;
    event.preventDefault();
    await this.focusCell(row ?? Math.max(0, Math.min(count - 1, this.activeRow)), column ?? this.activeColumn);
  };

  private async focusCell(row: number, column: number): Promise<void> {
    this.activeRow = row;
    this.activeColumn = column;
    this.options.reveal(row);
    this.host.requestUpdate();
    await this.host.updateComplete;
    cellAt(this.host.renderRoot, row, column)?.focus({ preventScroll: true });
  }
}
