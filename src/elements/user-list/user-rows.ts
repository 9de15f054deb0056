import type { ReactiveController, ReactiveControllerHost } from 'lit';
import {
  clipText,
  formatCount,
  formatDuration,
  isTraitColumn,
  traitKeyOf,
  toMsOrNull,
  traitText,
  userSubtitles,
  type ListColumn,
} from '../../core/index.js';
import type { TrackedUserListItem } from '../../backend/index.js';
import { renderAvatar } from '../shared/avatar.js';
import { element } from '../shared/dom.js';
import type { CommonStrings } from '../shared/strings.js';
import { statusBadgeElement } from '../status-badge/badge-view.js';
import { relativeTimeElement, type RelativeTimes } from '../relative-time/relative-view.js';
import type { GridStrings } from './grid-rows.js';
import { ROW_HEIGHT } from './row-window.js';

export interface RowView {
  s: GridStrings & Pick<CommonStrings, 'emptyValue' | 'statusLabels' | 'statusDescriptions'>;
  locale: string;
  columns: readonly ListColumn[];
  href: (user: TrackedUserListItem) => string | undefined;
  activeRow: number;
  onRowClick: (event: MouseEvent, user: TrackedUserListItem, index: number) => void;
  onLinkClick: (event: MouseEvent, user: TrackedUserListItem) => void;
  /** A row's tag line, or null when the user has no tags. */
  tags: (user: TrackedUserListItem) => Node | null;
}

/** What a row shows that changes without its user changing (worked out for every visible row, each render). */
export interface LiveRowParts {
  /** When its user was last seen, and how that reads now ("3 minutes ago"); null when never. */
  lastSeen: { ms: number; relative: string } | null;
}

/**
 * What changes in a row without its user changing: the words of its last-seen time, worked out for every
 * visible row before the rows render (a row's `<time>` takes the new words in place).
 */
export function liveRowParts(
  visible: readonly TrackedUserListItem[],
  columns: readonly ListColumn[],
  locale: string,
  relativeTimes: RelativeTimes,
): LiveRowParts[] {
  const now = Date.now();
  const showsLastSeen = columns.includes('last-seen');
  return visible.map((user) => {
    const ms = showsLastSeen ? toMsOrNull(user.lastEventAt) : null;
    return { lastSeen: ms === null ? null : { ms, relative: relativeTimes.text(ms, now, locale) } };
  });
}

/**
 * The window's user rows, one element per user, built by DOM calls and kept while the user stays in the
 * window: a render updates only what changed in a row (its place, its selection, its last-seen words),
 * and builds a row's cells again only when its user or the list's settings changed. A template instance
 * per cell cost more than the DOM of the row itself.
 */
export class UserRows implements ReactiveController {
  private rows = new Map<string, UserRow>();
  private rendered = new Map<string, UserRow>();

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** The row of `user` at `index`, up to date with `view`. */
  row(user: TrackedUserListItem, index: number, view: RowView, live: LiveRowParts): HTMLElement {
    const row = this.rows.get(user.id) ?? new UserRow();
    this.rendered.set(user.id, row);
    row.update(user, index, view, live);
    return row.element;
  }

  hostUpdate(): void {
    this.rendered = new Map();
  }

  /** The rows that left the window are forgotten. */
  hostUpdated(): void {
    this.rows = this.rendered;
  }
}

class UserRow {
  readonly element = element('div', { class: 'row body-row', part: 'row', role: 'row' });
  private user: TrackedUserListItem | undefined;
  private view: RowView | undefined;
  private index = -1;
  private selected: boolean | undefined;
  private columns: readonly ListColumn[] = [];
  private cells: HTMLElement[] = [];
  /** What the cells were built from, besides the user and the columns. */
  private built: { s: RowView['s']; locale: string; href: string | undefined } | undefined;
  private time: HTMLTimeElement | null = null;

  constructor() {
    // A click opens the row; the grid handles Enter on the active row (GridKeyboard).
    this.element.addEventListener('click', (event) => this.view!.onRowClick(event, this.user!, this.index));
  }

  update(user: TrackedUserListItem, index: number, view: RowView, live: LiveRowParts): void {
    this.view = view;
    if (index !== this.index) {
      this.index = index;
      this.element.setAttribute('aria-rowindex', String(index + 2));
      this.element.style.setProperty('top', `${index * ROW_HEIGHT}px`);
    }
    const selected = index === view.activeRow;
    if (selected !== this.selected) {
      this.selected = selected;
      this.element.setAttribute('aria-selected', selected ? 'true' : 'false');
    }
    const href = view.href(user);
    const settingsKept = this.built?.s === view.s && this.built.locale === view.locale && this.built.href === href;
    const columnsChanged = view.columns !== this.columns;
    if (columnsChanged) {
      this.columns = view.columns;
      // No binding on a cell: GridKeyboard gives the active one its tab stop, and finds a cell's place from the DOM.
      this.cells = view.columns.map((column) =>
        element('div', {
          class: column === 'sessions' || column === 'active' ? 'cell number' : 'cell',
          part: 'cell',
          role: 'gridcell',
          tabindex: '-1',
        }),
      );
      this.element.replaceChildren(...this.cells);
      this.time = null;
    } else if (settingsKept && user === this.user) {
      this.showRelative(live);
      return;
    }
    const previous = this.user;
    const rebuildAll = columnsChanged || !settingsKept || previous === undefined;
    this.user = user;
    this.built = { s: view.s, locale: view.locale, href };
    // The cells stay (the focus may be on one); a cell whose inputs changed is built again. A live refresh
    // brings new user objects with mostly the same values: only what changed is rebuilt.
    this.columns.forEach((column, i) => {
      if (!rebuildAll && cellInputs(column, previous) === cellInputs(column, user)) return;
      if (column === 'last-seen') this.time = null;
      const content = this.content(column, user, view, live, href);
      this.cells[i]!.replaceChildren(...(content === null ? [] : [content]));
    });
    this.showRelative(live);
  }

  /** The last-seen words as they read now, changed in place. */
  private showRelative(live: LiveRowParts): void {
    const relative = live.lastSeen?.relative;
    if (this.time && relative !== undefined && this.time.textContent !== relative) this.time.textContent = relative;
  }

  /** What a cell of `column` shows for `user`; a trait's value is untrusted text, clipped (all of it in the title). */
  private content(
    column: ListColumn,
    user: TrackedUserListItem,
    view: RowView,
    live: LiveRowParts,
    href: string | undefined,
  ): Node | string | null {
    const { s, locale } = view;
    if (isTraitColumn(column)) {
      const text = traitText(user.traits, traitKeyOf(column));
      return text === '' ? s.emptyValue : element('span', { class: 'trait-value', title: text, dir: 'auto' }, text);
    }
    switch (column) {
      case 'user':
        // The cell outlives a refresh that brings an equal user: a click tells the current one.
        return userCell(user, s, href, (event) => this.view!.onLinkClick(event, this.user!));
      case 'project': {
        const project = clipText(user.projectName);
        return element('span', { class: 'project', part: 'project', title: project, dir: 'auto' }, project);
      }
      case 'status':
        return statusBadgeElement(user.status, s);
      case 'tags':
        return view.tags(user);
      case 'last-seen':
        if (!live.lastSeen) return s.neverSeen;
        this.time = relativeTimeElement(live.lastSeen.ms, live.lastSeen.relative, locale);
        return this.time;
      case 'sessions':
        return formatCount(user.sessionCount, locale);
      case 'active':
        return user.activeTime7d > 0 ? formatDuration(user.activeTime7d, locale) : s.emptyValue;
    }
  }
}

/** What a cell of `column` shows of `user`, as one string: equal strings, equal cells (the list's settings aside). */
function cellInputs(column: ListColumn, user: TrackedUserListItem): string {
  if (isTraitColumn(column)) return traitText(user.traits, traitKeyOf(column));
  switch (column) {
    case 'user': {
      const { externalId, email } = userSubtitles(user);
      return JSON.stringify([user.displayName, user.projectId, user.externalId, externalId, email, user.traitsTruncated === true]);
    }
    case 'project':
      return user.projectName;
    case 'status':
      return user.status;
    case 'tags':
      return JSON.stringify(user.tags ?? []);
    case 'last-seen':
      return String(user.lastEventAt);
    case 'sessions':
      return String(user.sessionCount);
    case 'active':
      return String(user.activeTime7d);
  }
}

/** The User cell: the avatar, the name (a link to the profile when there is one) and who the user is. */
function userCell(
  user: TrackedUserListItem,
  s: RowView['s'],
  href: string | undefined,
  onLinkClick: (event: MouseEvent) => void,
): HTMLElement {
  // Untrusted text of any length: clipped in the cell and in its title (the profile shows more).
  const name = clipText(user.displayName);
  let nameView: HTMLElement;
  if (href) {
    nameView = element('a', { class: 'name', part: 'name', href, tabindex: '-1', title: name, dir: 'auto' }, name);
    nameView.addEventListener('click', onLinkClick);
  } else {
    nameView = element('span', { class: 'name', part: 'name', title: name, dir: 'auto' }, name);
  }
  const names = element(
    'div',
    { class: 'names' },
    user.traitsTruncated
      ? element(
          'span',
          { class: 'name-line' },
          nameView,
          element('span', { class: 'truncated-note', part: 'traits-truncated' }, s.rowTraitsTruncated),
        )
      : nameView,
  );
  const subtitles = userSubtitles(user);
  if (subtitles.externalId !== null) names.append(subtitle(subtitles.externalId, 'subtitle mono'));
  if (subtitles.email !== null) names.append(subtitle(subtitles.email, 'subtitle'));
  return element('div', { class: 'user' }, renderAvatar(`${user.projectId}:${user.externalId}`, { size: 32 }), names);
}

function subtitle(text: string, className: string): HTMLElement {
  const shown = clipText(text);
  return element('span', { class: className, title: shown, dir: 'auto' }, shown);
}
