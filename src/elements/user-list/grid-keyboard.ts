import type { ReactiveControllerHost } from 'lit';
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

/**
 * The ARIA grid's roving focus: one cell is tabbable (`tabindex=0`), the arrow keys, Home / End
 * and Page Up / Page Down move it (Left / Right swap under `dir=rtl`), Enter or Space opens the row;
 * on a cell with a control of its own, Enter or F2 works that control instead.
 */
export class GridKeyboard {
  activeRow = 0;
  activeColumn = 0;

  constructor(
    private readonly host: ReactiveControllerHost & { renderRoot: ParentNode },
    private readonly options: GridKeyboardOptions,
  ) {}

  tabIndex(row: number, column: number): 0 | -1 {
    return row === this.activeRow && column === this.activeColumn ? 0 : -1;
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
    const cell = (event.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!cell) return;
    this.activeRow = Number(cell.dataset['row']);
    this.activeColumn = Number(cell.dataset['col']);
    this.host.requestUpdate();
  };

  readonly onKeyDown = async (event: KeyboardEvent): Promise<void> => {
    if (!(event.target as HTMLElement).matches('[data-row]')) return;
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
    this.host.renderRoot.querySelector<HTMLElement>(`[data-row="${row}"][data-col="${column}"]`)?.focus({ preventScroll: true });
  }
}
