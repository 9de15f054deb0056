import { html, nothing, type TemplateResult } from 'lit';
import { isTraitColumn, traitKeyOf, type BuiltInColumn, type ListColumn } from '../../core/index.js';
import type { SortDirection, UserSort } from '../../backend/index.js';
import { styleProperties } from '../shared/style-properties.js';
import { ROW_HEIGHT } from './row-window.js';

/** The grid's headers and rows' English strings. */
export const GRID_STRINGS = {
  columnUser: 'User',
  /** Under the User header: what that column sorts by. */
  columnUserSortKey: 'first tracked',
  columnProject: 'Project',
  columnStatus: 'Status',
  columnTags: 'Tags',
  columnLastSeen: 'Last seen',
  columnSessions: 'Sessions',
  columnActive7d: 'Active 7d',
  /** Each sort button's title: what it sorts by. */
  sortBy: {
    'last-seen': 'Sort by last activity',
    sessions: 'Sort by number of sessions',
    'active-time': 'Sort by active time in the last 7 days',
    newest: 'Sort by when first tracked',
  } satisfies Record<UserSort, string>,
  loadingUsers: 'Loading users',
  neverSeen: 'Never',
  /** A trait column's header (the key itself in English). */
  traitColumnLabel: (key: string) => key,
  /** Beside a user's name when the backend's answer held more traits than are kept (only a part is shown). */
  rowTraitsTruncated: 'Traits cut',
};
export type GridStrings = typeof GRID_STRINGS;

/** Which sort each sortable column applies (User sorts by first seen, newest first); trait columns do not sort. */
const COLUMN_SORT: Partial<Record<BuiltInColumn, UserSort>> = {
  user: 'newest',
  'last-seen': 'last-seen',
  sessions: 'sessions',
  active: 'active-time',
};
/** Each column's track: its least width in px, and its share of the room left (none: fixed). */
interface Track {
  min: number;
  grow?: number;
}
const COLUMN_TRACK: Record<BuiltInColumn, Track> = {
  user: { min: 200, grow: 2.2 },
  project: { min: 90, grow: 1 },
  status: { min: 110, grow: 1 },
  tags: { min: 140, grow: 1.6 },
  'last-seen': { min: 140, grow: 1.1 },
  sessions: { min: 104 },
  active: { min: 104 },
};
const TRAIT_TRACK: Track = { min: 120, grow: 1 };
/** Below it the grid scrolls sideways rather than squeeze its columns. */
const MIN_ROW_WIDTH = 900;
export const SKELETON_ROWS = 6;

/** Columns widened for their header or their values (`HeaderFit`), in px. */
export type ColumnWidths = Readonly<Partial<Record<ListColumn, number>>>;

const trackOf = (column: ListColumn): Track => (isTraitColumn(column) ? TRAIT_TRACK : COLUMN_TRACK[column]);

/** A column's least width in px, before any widening for its header. */
export const columnMinWidth = (column: ListColumn): number => trackOf(column).min;

/**
 * The grid's `grid-template-columns` (`--dozor-list-columns` still wins) and its rows' least width, for
 * these columns, each at least as wide as `widths` says (a header's label that needs more room: `HeaderFit`).
 */
export function gridTemplate(columns: readonly ListColumn[], widths: ColumnWidths): { template: string; minWidth: number } {
  let minWidth = 0;
  const tracks = columns.map((column) => {
    const track = trackOf(column);
    const min = Math.max(track.min, widths[column] ?? 0);
    minWidth += min;
    return track.grow === undefined ? `${min}px` : `minmax(${min}px, ${track.grow}fr)`;
  });
  return { template: tracks.join(' '), minWidth: Math.max(MIN_ROW_WIDTH, minWidth) };
}

export function columnLabel(column: ListColumn, s: GridStrings): string {
  return isTraitColumn(column) ? s.traitColumnLabel(traitKeyOf(column)) : (s[COLUMN_LABEL[column]] as string);
}

const COLUMN_LABEL: Record<BuiltInColumn, keyof GridStrings> = {
  user: 'columnUser',
  project: 'columnProject',
  status: 'columnStatus',
  tags: 'columnTags',
  'last-seen': 'columnLastSeen',
  sessions: 'columnSessions',
  active: 'columnActive7d',
};

export interface HeaderCellView {
  s: GridStrings;
  /** The sorts the backend serves. */
  sorts: readonly UserSort[];
  sort: UserSort;
  sortDir: SortDirection;
  toggleSort: (sort: UserSort) => void;
}

export function renderHeaderCell(column: ListColumn, view: HeaderCellView): TemplateResult {
  const label = columnLabel(column, view.s);
  const sort = isTraitColumn(column) ? undefined : COLUMN_SORT[column];
  const numeric = column === 'sessions' || column === 'active';
  if (!sort || !view.sorts.includes(sort)) {
    return html`<div class="cell ${numeric ? 'number' : ''}" part="cell" role="columnheader"><span class="head-label">${label}</span></div>`;
  }
  const active = view.sort === sort;
  const ariaSort = active ? (view.sortDir === 'asc' ? 'ascending' : 'descending') : 'none';
  return html`<div class="cell ${numeric ? 'number' : ''}" part="cell" role="columnheader" aria-sort=${ariaSort}>
    <button class="sort" part="button sort-button" type="button" title=${view.s.sortBy[sort]} @click=${() => view.toggleSort(sort)}>
      <span class="sort-label">${label}</span>${column === 'user' ? html`<span class="sort-key">${view.s.columnUserSortKey}</span>` : nothing}<span class="arrow" aria-hidden="true">${active && view.sortDir === 'asc' ? '↑' : '↓'}</span>
    </button>
  </div>`;
}

export function renderSkeletonRows(columns: number, s: GridStrings): TemplateResult[] {
  return Array.from(
    { length: SKELETON_ROWS },
    (
      _,
      i,
    ) => html`<div class="row body-row skeleton-row" role="row" aria-rowindex=${i + 2} ${styleProperties({ top: `${i * ROW_HEIGHT}px` })}>
      ${Array.from(
        { length: columns },
        (_, c) => html`<div class="cell" role="gridcell">
          <span class="skeleton" aria-hidden="true"></span>${i === 0 && c === 0 ? html`<span class="visually-hidden">${s.loadingUsers}</span>` : nothing}
        </div>`,
      )}
    </div>`,
  );
}
