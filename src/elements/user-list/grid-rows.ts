import { html, nothing, type TemplateResult } from 'lit';
import { guard } from 'lit/directives/guard.js';
import {
  clipText,
  formatCount,
  formatDuration,
  isTraitColumn,
  traitKeyOf,
  traitText,
  userSubtitles,
  type BuiltInColumn,
  type ListColumn,
} from '../../core/index.js';
import type { SortDirection, TrackedUserListItem, UserSort } from '../../backend/index.js';
import { renderAvatar } from '../shared/avatar.js';
import { renderStatusBadge } from '../status-badge/badge-view.js';
import { renderRelativeTime } from '../relative-time/relative-view.js';
import { styleProperties } from '../shared/style-properties.js';
import type { CommonStrings } from '../shared/strings.js';
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
/** Each column's track in the grid's template; trait columns share what is left. */
const COLUMN_TRACK: Record<BuiltInColumn, string> = {
  user: 'minmax(200px, 2.2fr)',
  project: 'minmax(90px, 1fr)',
  status: 'minmax(110px, 1fr)',
  tags: 'minmax(140px, 1.6fr)',
  'last-seen': 'minmax(124px, 1.1fr)',
  sessions: '84px',
  active: '104px',
};
const TRAIT_TRACK = 'minmax(120px, 1fr)';
export const SKELETON_ROWS = 6;

/** The grid's `grid-template-columns` for these columns (`--dozor-list-columns` still wins). */
export function gridTemplate(columns: readonly ListColumn[]): string {
  return columns.map((column) => (isTraitColumn(column) ? TRAIT_TRACK : COLUMN_TRACK[column])).join(' ');
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
    return html`<div class="cell ${numeric ? 'number' : ''}" part="cell" role="columnheader">${label}</div>`;
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

export interface RowView {
  s: GridStrings & Pick<CommonStrings, 'emptyValue' | 'statusLabels' | 'statusDescriptions'>;
  locale: string;
  columns: readonly ListColumn[];
  href: (user: TrackedUserListItem) => string | undefined;
  activeRow: number;
  onRowClick: (event: MouseEvent, user: TrackedUserListItem, index: number) => void;
  onLinkClick: (event: MouseEvent, user: TrackedUserListItem) => void;
  /** A row's tag line. */
  tags: (user: TrackedUserListItem) => unknown;
}

/** What a row shows that changes without its user changing (worked out for every visible row, each render). */
export interface LiveRowParts {
  /** When its user was last seen, and how that reads now ("3 minutes ago"); null when never. */
  lastSeen: { ms: number; relative: string } | null;
}

/** One user row, absolutely placed at its index (the window renders only the visible ones). */
export function renderUserRow(user: TrackedUserListItem, index: number, view: RowView, live: LiveRowParts): TemplateResult {
  // No binding on the cell itself: GridKeyboard gives the active one its tab stop, and finds a cell's place from the DOM.
  const cell = (column: ListColumn) =>
    column === 'sessions' || column === 'active'
      ? html`<div class="cell number" part="cell" role="gridcell" tabindex="-1">${cellContent(column, user, view, live)}</div>`
      : html`<div class="cell" part="cell" role="gridcell" tabindex="-1">${cellContent(column, user, view, live)}</div>`;
  // eslint-disable-next-line lit-a11y/click-events-have-key-events -- the grid handles Enter on the active row (GridKeyboard)
  return html`<div
    class="row body-row"
    part="row"
    role="row"
    aria-rowindex=${index + 2}
    aria-selected=${index === view.activeRow ? 'true' : 'false'}
    ${styleProperties({ top: `${index * ROW_HEIGHT}px` })}
    @click=${(event: MouseEvent) => view.onRowClick(event, user, index)}
  >
    ${view.columns.map(cell)}
  </div>`;
}

/** What a cell of `column` shows for `user`; a trait's value is untrusted text, clipped (all of it in the title). */
function cellContent(column: ListColumn, user: TrackedUserListItem, view: RowView, live: LiveRowParts): unknown {
  const { s, locale } = view;
  if (isTraitColumn(column)) {
    const text = traitText(user.traits, traitKeyOf(column));
    return text === '' ? s.emptyValue : html`<span class="trait-value" title=${text}>${text}</span>`;
  }
  switch (column) {
    case 'user': {
      const href = view.href(user);
      const subtitles = userSubtitles(user);
      // Untrusted text of any length: clipped in the cell and in its title (the profile shows more).
      const name = clipText(user.displayName);
      const nameView = href
        ? html`<a class="name" part="name" href=${href} tabindex="-1" title=${name} @click=${(e: MouseEvent) => view.onLinkClick(e, user)}>${name}</a>`
        : html`<span class="name" part="name" title=${name}>${name}</span>`;
      return html`<div class="user">
        ${guard([user.projectId, user.externalId], () => renderAvatar(`${user.projectId}:${user.externalId}`, { size: 32 }))}
        <div class="names">
          ${
            user.traitsTruncated
              ? html`<span class="name-line">${nameView}<span class="truncated-note" part="traits-truncated">${s.rowTraitsTruncated}</span></span>`
              : nameView
          }
          ${subtitles.externalId !== null ? renderSubtitle(subtitles.externalId, 'subtitle mono') : nothing}
          ${subtitles.email !== null ? renderSubtitle(subtitles.email, 'subtitle') : nothing}
        </div>
      </div>`;
    }
    case 'project': {
      const project = clipText(user.projectName);
      return html`<span class="project" part="project" title=${project}>${project}</span>`;
    }
    case 'status':
      return renderStatusBadge(user.status, s);
    case 'tags':
      return view.tags(user);
    case 'last-seen':
      return live.lastSeen ? renderRelativeTime(live.lastSeen.ms, live.lastSeen.relative, locale) : s.neverSeen;
    case 'sessions':
      return formatCount(user.sessionCount, locale);
    case 'active':
      return user.activeTime7d > 0 ? formatDuration(user.activeTime7d, locale) : s.emptyValue;
  }
}

function renderSubtitle(text: string, className: string): TemplateResult {
  const shown = clipText(text);
  return html`<span class=${className} title=${shown}>${shown}</span>`;
}
