import type { DozorErrorKind } from '../../backend/index.js';
import type { ActivityRange, LocaleNumbers, UserStatus } from '../../core/index.js';

/**
 * Every visible and ARIA string of the elements. Each element module adds its own keys to this
 * interface (declaration merging), so `<dozor-provider>.strings` and each element's `strings`
 * property are typed for all of them. English defaults live next to each element.
 */
export interface DozorStrings extends CommonStrings {}

export interface CommonStrings {
  statusLabels: Record<UserStatus, string>;
  statusDescriptions: Record<UserStatus, string>;
  errorTitles: Record<DozorErrorKind | 'unknown', string>;
  retry: string;
  /** Under a rate-limit error whose server said how long to wait. */
  retryAfter: (seconds: number, n: LocaleNumbers) => string;
  refreshNow: string;
  updatedAgo: (relative: string) => string;
  notUpdatedYet: string;
  refreshing: string;
  emptyValue: string;
  /** The ranges' short names (range selector, block headers). */
  rangeLabels: Record<ActivityRange, string>;
}

export const COMMON_STRINGS: CommonStrings = {
  statusLabels: { ONLINE: 'Online', ACTIVE_24H: 'Active', IDLE_7D: 'Idle', DORMANT: 'Dormant' },
  statusDescriptions: {
    ONLINE: 'Active in the last 2 minutes',
    ACTIVE_24H: 'Had activity in the last 24 hours',
    IDLE_7D: 'Last seen within the past 7 days',
    DORMANT: 'No activity for more than 7 days',
  },
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
  },
  retry: 'Try again',
  retryAfter: (seconds, n) => n.plural(seconds, { one: 'The server asks to wait # second.', other: 'The server asks to wait # seconds.' }),
  refreshNow: 'Refresh now',
  updatedAgo: (relative) => `Updated ${relative}`,
  notUpdatedYet: 'Not updated yet',
  refreshing: 'Refreshing…',
  emptyValue: '—',
  rangeLabels: { '6h': '6 hours', '24h': '24 hours', '7d': '7 days' },
};
