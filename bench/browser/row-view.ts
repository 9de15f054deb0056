// What the floor and the React table show in a row, computed with the same core rules and English
// strings as <dozor-user-list>, so all three contenders put the same text and markup on the screen.
import {
  avatarModel,
  formatCount,
  formatDateTime,
  formatDuration,
  formatRelative,
  userSubtitles,
  type AvatarModel,
} from '../../src/core/index.js';
import type { TrackedUserListItem } from '../../src/backend/index.js';
import { COMMON_STRINGS } from '../../src/elements/shared/strings.js';

export const ROW_HEIGHT = 56;
export const HEADER_HEIGHT = 40;
export const OVERSCAN = 8;
export const VIEWPORT_HEIGHT = 560;
export const COLUMN_LABELS = ['User', 'Project', 'Status', 'Tags', 'Last seen', 'Sessions', 'Active 7d'];
const EXACT_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };

export interface RowView {
  avatar: AvatarModel;
  name: string;
  externalId: string | null;
  email: string | null;
  project: string;
  status: string;
  statusLabel: string;
  statusDescription: string;
  tags: { id: string; label: string; reason: string }[];
  lastSeen: { iso: string; exact: string; relative: string } | null;
  sessions: string;
  active: string;
}

export function rowView(user: TrackedUserListItem, locale: string, now: number): RowView {
  const subtitles = userSubtitles(user);
  const lastSeenMs = user.lastEventAt === null ? null : Date.parse(user.lastEventAt);
  return {
    avatar: avatarModel(`${user.projectId}:${user.externalId}`),
    name: user.displayName,
    externalId: subtitles.externalId,
    email: subtitles.email,
    project: user.projectName,
    status: user.status,
    statusLabel: COMMON_STRINGS.statusLabels[user.status],
    statusDescription: COMMON_STRINGS.statusDescriptions[user.status],
    tags: (user.tags ?? []).map((tag) => ({ id: tag.id, label: tag.label, reason: tag.reason })),
    lastSeen:
      lastSeenMs === null
        ? null
        : {
            iso: new Date(lastSeenMs).toISOString(),
            exact: formatDateTime(lastSeenMs, EXACT_FORMAT, locale),
            relative: formatRelative(lastSeenMs, now, locale),
          },
    sessions: formatCount(user.sessionCount, locale),
    active: user.activeTime7d > 0 ? formatDuration(user.activeTime7d) : COMMON_STRINGS.emptyValue,
  };
}

/** The rows of a windowed list that are rendered for a scroll position (the list's own arithmetic). */
export function visibleRange(scrollTop: number, viewportHeight: number, count: number): { first: number; last: number } {
  return {
    first: Math.max(0, Math.floor((scrollTop - HEADER_HEIGHT) / ROW_HEIGHT) - OVERSCAN),
    last: Math.min(count, Math.ceil((scrollTop + viewportHeight) / ROW_HEIGHT) + OVERSCAN),
  };
}
