import { html, nothing, type TemplateResult } from 'lit';
import { formatCount, formatDuration, userSubtitles } from '../../core/index.js';
import type { SortDirection, TrackedUserListItem, UserSort } from '../../backend/index.js';
import { renderAvatar } from '../shared/avatar.js';
import { styleProperties } from '../shared/style-properties.js';
import type { CommonStrings } from '../shared/strings.js';
import { ROW_HEIGHT } from './row-window.js';

export type Column = 'user' | 'project' | 'status' | 'tags' | 'last-seen' | 'sessions' | 'active';
const COLUMNS: readonly Column[] = ['user', 'project', 'status', 'tags', 'last-seen', 'sessions', 'active'];
/** Which sort each sortable column applies (User sorts by first seen, newest first). */
const COLUMN_SORT: Partial<Record<Column, UserSort>> = {
  user: 'newest',
  'last-seen': 'last-seen',
  sessions: 'sessions',
  active: 'active-time',
};
export const SKELETON_ROWS = 6;

/** The grid's strings (part of `UserListStrings`). */
export interface GridStrings {
  columnUser: string;
  /** Under the User header: what that column sorts by. */
  columnUserSortKey: string;
  columnProject: string;
  columnStatus: string;
  columnTags: string;
  columnLastSeen: string;
  columnSessions: string;
  columnActive7d: string;
  /** Each sort button's title: what it sorts by. */
  sortBy: Record<UserSort, string>;
  loadingUsers: string;
  neverSeen: string;
}

/** The columns shown, in order: without Active 7d where no active time is recorded, without Tags where no tags are computed. */
export function gridColumns(recordsActiveTime: boolean, yieldsTags: boolean): readonly Column[] {
  return COLUMNS.filter((column) => (column !== 'active' || recordsActiveTime) && (column !== 'tags' || yieldsTags));
}

const COLUMN_LABEL: Record<Column, keyof GridStrings> = {
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

export function renderHeaderCell(column: Column, view: HeaderCellView): TemplateResult {
  const label = view.s[COLUMN_LABEL[column]] as string;
  const sort = COLUMN_SORT[column];
  const numeric = column === 'sessions' || column === 'active';
  if (!sort || !view.sorts.includes(sort)) {
    return html`<div class="cell ${numeric ? 'number' : ''}" part="cell" role="columnheader">${label}</div>`;
  }
  const active = view.sort === sort;
  const ariaSort = active ? (view.sortDir === 'asc' ? 'ascending' : 'descending') : 'none';
  return html`<div class="cell ${numeric ? 'number' : ''}" part="cell" role="columnheader" aria-sort=${ariaSort}>
    <button class="sort" part="button sort-button" type="button" title=${view.s.sortBy[sort]} @click=${() => view.toggleSort(sort)}>
      ${label}${column === 'user' ? html`<span class="sort-key">${view.s.columnUserSortKey}</span>` : nothing}<span class="arrow" aria-hidden="true">${active && view.sortDir === 'asc' ? '↑' : '↓'}</span>
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
  s: GridStrings & Pick<CommonStrings, 'emptyValue'>;
  locale: string;
  columns: readonly Column[];
  href: (user: TrackedUserListItem) => string | undefined;
  activeRow: number;
  tabIndex: (row: number, column: number) => 0 | -1;
  onRowClick: (event: MouseEvent, user: TrackedUserListItem, index: number) => void;
  onLinkClick: (event: MouseEvent, user: TrackedUserListItem) => void;
}

/** One user row, absolutely placed at its index (the window renders only the visible ones). */
export function renderUserRow(user: TrackedUserListItem, index: number, view: RowView): TemplateResult {
  const { s, locale } = view;
  const href = view.href(user);
  const subtitles = userSubtitles(user);
  const cell = (name: Column, content: unknown, extra = '') => {
    const column = view.columns.indexOf(name);
    return column < 0
      ? nothing
      : html`<div class="cell ${extra}" part="cell" role="gridcell" tabindex=${view.tabIndex(index, column)} data-row=${index} data-col=${column}>${content}</div>`;
  };
  const lastSeen = user.lastEventAt;
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
    ${cell(
      'user',
      html`<div class="user">
        ${renderAvatar(`${user.projectId}:${user.externalId}`, { size: 32 })}
        <div class="names">
          ${
            href
              ? html`<a class="name" part="name" href=${href} tabindex="-1" title=${user.displayName} @click=${(e: MouseEvent) => view.onLinkClick(e, user)}>${user.displayName}</a>`
              : html`<span class="name" part="name" title=${user.displayName}>${user.displayName}</span>`
          }
          ${subtitles.externalId !== null ? html`<span class="subtitle mono" title=${subtitles.externalId}>${subtitles.externalId}</span>` : nothing}
          ${subtitles.email !== null ? html`<span class="subtitle" title=${subtitles.email}>${subtitles.email}</span>` : nothing}
        </div>
      </div>`,
    )}
    ${cell('project', html`<span class="project" part="project" title=${user.projectName}>${user.projectName}</span>`)}
    ${cell('status', html`<dozor-status-badge .status=${user.status}></dozor-status-badge>`)}
    ${cell('tags', html`<dozor-user-tags .tags=${user.tags}></dozor-user-tags>`)}
    ${cell('last-seen', lastSeen ? html`<dozor-relative-time .datetime=${lastSeen}></dozor-relative-time>` : s.neverSeen)}
    ${cell('sessions', formatCount(user.sessionCount, locale), 'number')}
    ${cell('active', user.activeTime7d > 0 ? formatDuration(user.activeTime7d, locale) : s.emptyValue, 'number')}
  </div>`;
}
