import type { IdentityFilter } from '../../backend/index.js';
import type { LocaleNumbers } from '../../core/index.js';
import type { CommonStrings } from '../shared/strings.js';
import type { UserTagsStrings } from '../user-tags/tag-line.js';
import { COLUMN_PICKER_STRINGS } from './column-picker.js';
import * as grid from './grid-rows.js';
import { LIST_GRID_STRINGS } from './list-grid.js';
import { LIMITATION_STRINGS } from './list-query.js';
import { QUICK_FILTER_STRINGS } from './quick-filter.js';
import { SAVED_VIEWS_STRINGS } from './saved-views.js';
import { TOOLBAR_STRINGS } from './toolbar.js';

/** Every string of the list: its blocks' and these. */
export const USER_LIST_STRINGS = {
  ...TOOLBAR_STRINGS,
  ...grid.GRID_STRINGS,
  ...LIST_GRID_STRINGS,
  ...COLUMN_PICKER_STRINGS,
  ...SAVED_VIEWS_STRINGS,
  ...QUICK_FILTER_STRINGS,
  ...LIMITATION_STRINGS,
  /** The count above the grid (also announced): rows shown, the total when known, which identities, whether filtered. */
  showing: (shown: number, total: number | null, identity: IdentityFilter, filtered: boolean, n: LocaleNumbers) => {
    const nouns: Record<IdentityFilter, { one: string; other: string }> = {
      identified: { one: 'identified user', other: 'identified users' },
      anonymous: { one: 'anonymous visitor', other: 'anonymous visitors' },
      all: { one: 'user', other: 'users' },
    };
    const noun = nouns[identity];
    const counted = total ?? shown;
    const of = total !== null && total !== shown ? `${n.number(shown)} of ` : '';
    return `Showing ${of}${n.plural(counted, { one: `# ${noun.one}`, other: `# ${noun.other}` })}${filtered ? ' (filtered)' : ''}`;
  },
  updatesAvailable: 'There is new activity.',
  showUpdates: 'Show latest',
  csvHeader: [
    'id',
    'externalId',
    'displayName',
    'email',
    'project',
    'status',
    'identity',
    'tags',
    'lastSeen',
    'sessions',
    'activeSeconds7d',
    'firstSeen',
  ] as readonly string[],
};
// The blocks' tables first: the published types then keep their keys' comments (a spread drops them).
export type UserListStrings = typeof TOOLBAR_STRINGS &
  typeof grid.GRID_STRINGS &
  typeof LIST_GRID_STRINGS &
  typeof COLUMN_PICKER_STRINGS &
  typeof SAVED_VIEWS_STRINGS &
  typeof QUICK_FILTER_STRINGS &
  typeof LIMITATION_STRINGS &
  typeof USER_LIST_STRINGS;

declare module '../shared/strings.js' {
  interface DozorStrings extends UserListStrings {}
}

/** What the list's blocks are rendered with. */
export type ListStrings = UserListStrings & UserTagsStrings & CommonStrings;
