import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ListColumn } from '../../core/index.js';
import type { TrackedUserListItem } from '../../backend/index.js';
import { styleProperties } from '../shared/style-properties.js';
import * as grid from './grid-rows.js';
import { ROW_HEIGHT } from './row-window.js';

/** The grid's frame's (label, footer, empty states) English strings. */
export const LIST_GRID_STRINGS = {
  listLabel: 'Tracked users',
  loadMore: 'Load more',
  loadingMore: 'Loading more users…',
  allLoaded: 'All users loaded',
  emptyTitle: 'No tracked users yet',
  emptyHint: 'Users appear here once the SDK records a session for them.',
  noMatchTitle: 'No users match these filters',
  noMatchHint: 'Try another search or clear the filters.',
  clearFilters: 'Clear filters',
};
export type ListGridStrings = typeof LIST_GRID_STRINGS;

export interface ListGridView {
  s: ListGridStrings & grid.GridStrings;
  columns: readonly ListColumn[];
  /** Columns widened to show their header and values in full. */
  widths: grid.ColumnWidths;
  header: grid.HeaderCellView;
  /** No rows yet, the first page on its way: skeleton rows. */
  loadingFirst: boolean;
  /** The loaded rows' count, and the grid's `aria-rowcount` (-1 while the total is unknown). */
  count: number;
  rowCount: number;
  /** The window's first row's index and its users. */
  first: number;
  visible: readonly TrackedUserListItem[];
  /** The row element of the `i`-th visible user (`UserRows`): kept while its user stays in the window. */
  renderRow: (user: TrackedUserListItem, i: number) => Node;
  /** The one line saying what the server could not do, or null. */
  notice: string | null;
  onScroll: (event: Event) => void;
  onKeyDown: (event: KeyboardEvent) => unknown;
  onFocusIn: (event: FocusEvent) => void;
  /** The load-more / progress line, and the popover of the rows' tags. */
  footer: unknown;
  popover: unknown;
}

/** The grid: its header, the window of keyed rows (skeletons before the first page), the footer. */
export function renderListGrid(view: ListGridView): TemplateResult {
  const { s, columns, loadingFirst } = view;
  const { template, minWidth } = grid.gridTemplate(columns, view.widths);
  return html`${view.notice === null ? nothing : html`<p class="limitation" part="limitation">${view.notice}</p>`}<div
    class="grid"
    ${styleProperties({ '--_chosen-columns': template, '--_row-min-width': `${minWidth}px` })}
  >
    <div
      class="scroller"
      part="grid"
      role="grid"
      aria-label=${s.listLabel}
      aria-rowcount=${view.rowCount}
      aria-colcount=${columns.length}
      aria-busy=${loadingFirst ? 'true' : 'false'}
      @scroll=${view.onScroll}
      @keydown=${view.onKeyDown}
      @focusin=${view.onFocusIn}
    >
      <div role="rowgroup">
        <div class="row head" part="header" role="row" aria-rowindex="1">${columns.map((column) => grid.renderHeaderCell(column, view.header))}</div>
      </div>
      <div class="rows" role="rowgroup" ${styleProperties({ height: `${(loadingFirst ? grid.SKELETON_ROWS : view.count) * ROW_HEIGHT}px` })}>
        ${
          loadingFirst
            ? grid.renderSkeletonRows(columns.length, s)
            : // Keyed rows stay put as the window moves.
              repeat(view.visible, (user) => user.id, view.renderRow)
        }
      </div>
    </div>
    ${view.footer} ${view.popover}
  </div>`;
}

export interface ListFooterView {
  s: ListGridStrings;
  /** A "load more" failed: its error state with a retry. */
  error: TemplateResult | undefined;
  allLoaded: boolean;
  loading: boolean;
  loadMore: () => void;
}

/** Under the rows: the load-more button, "loading more", "all loaded", or the failed page's error. */
export function renderListFooter(view: ListFooterView): TemplateResult {
  const { s } = view;
  if (view.error) return html`<div class="footer" part="footer">${view.error}</div>`;
  if (view.allLoaded) return html`<div class="footer" part="footer">${s.allLoaded}</div>`;
  return html`<div class="footer" part="footer">
    ${
      view.loading
        ? html`<span>${s.loadingMore}</span>`
        : html`<button class="button" part="button load-more-button" type="button" @click=${view.loadMore}>${s.loadMore}</button>`
    }
  </div>`;
}

/** No rows: nobody tracked yet, or nobody matching the filters (with a way to clear them). */
export function renderListEmpty(s: ListGridStrings, filtered: boolean, notice: string | null, clearFilters: () => void): TemplateResult {
  return html`<div class="grid">
    <div class="state" part="empty">
      <strong>${notice ?? (filtered ? s.noMatchTitle : s.emptyTitle)}</strong>
      <span>${filtered ? s.noMatchHint : s.emptyHint}</span>
      ${filtered ? html`<button class="button" part="button clear-filters-button" type="button" @click=${clearFilters}>${s.clearFilters}</button>` : nothing}
    </div>
  </div>`;
}
