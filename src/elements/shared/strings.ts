import type { DozorErrorKind } from '../../backend/index.js';
import type { ActivityRange, LocaleNumbers, UserStatus } from '../../core/index.js';

/**
 * Every visible and ARIA string of the elements. Each element module adds its own keys to this
 * interface (declaration merging), so `<dozor-provider>.strings` and each element's `strings`
 * property are typed for all of them. English defaults live next to each element.
 */
export interface DozorStrings extends CommonStrings {}

/** The strings every element shares (status, errors, refresh, ranges), in English; their type is `CommonStrings`. */
export const COMMON_STRINGS = {
  statusLabels: { ONLINE: 'Online', ACTIVE_24H: 'Active', IDLE_7D: 'Idle', DORMANT: 'Dormant' } satisfies Record<UserStatus, string>,
  statusDescriptions: {
    ONLINE: 'Active in the last 2 minutes',
    ACTIVE_24H: 'Had activity in the last 24 hours',
    IDLE_7D: 'Last seen within the past 7 days',
    DORMANT: 'No activity for more than 7 days',
  } satisfies Record<UserStatus, string>,
  errorTitles: {
    auth: 'Session expired',
    permission: "You don't have permission",
    'not-found': 'Not found',
    validation: 'Invalid request',
    conflict: 'Conflict',
    'rate-limit': 'Too many requests',
    server: 'Server error',
    network: 'Network error',
    timeout: 'The server took too long to answer',
    aborted: 'Request cancelled',
    'invalid-response': 'The server sent an unexpected response',
    unknown: 'Something went wrong',
  } satisfies Record<DozorErrorKind | 'unknown', string>,
  retry: 'Try again',
  /** Under a rate-limit error whose server said how long to wait. */
  retryAfter: (seconds: number, n: LocaleNumbers) =>
    n.plural(seconds, { one: 'The server asks to wait # second.', other: 'The server asks to wait # seconds.' }),
  refreshNow: 'Refresh now',
  updatedAgo: (relative: string) => `Updated ${relative}`,
  notUpdatedYet: 'Not updated yet',
  refreshing: 'Refreshing…',
  emptyValue: '—',
  /** The ranges' short names (range selector, block headers). */
  rangeLabels: { '6h': '6 hours', '24h': '24 hours', '7d': '7 days' } satisfies Record<ActivityRange, string>,
};

/** The strings every element shares (every key of `COMMON_STRINGS`). */
export type CommonStrings = typeof COMMON_STRINGS;
