/**
 * Run-time checks of the reference server's responses (reference §1.4–§1.10), built from the adapter
 * toolkit's checks (../kit/checks.ts): only the contract's fields are kept, and a malformed answer is an
 * `invalid-response` error naming the field.
 */
import {
  ACTIVITY_RANGES,
  MAX_BUCKET_SLOTS,
  MAX_PAGE_ITEMS,
  MAX_SESSION_PERIODS,
  MAX_TIMELINE_SESSIONS,
  PAGE_DISTRIBUTION_MAX,
  USER_STATUSES,
  bucketSlotCount,
  type UserStatus,
} from '../../core/index.js';
import {
  arrayOf,
  at,
  boolean,
  count,
  isoTimestamp,
  jsonRecord,
  nonNegativeNumber,
  nullable,
  object,
  oneOf,
  positiveInteger,
  prunedJsonRecord,
  string,
  tooLarge,
  type Check,
} from '../kit/checks.js';
import type {
  Page,
  ProjectInfo,
  SessionListItem,
  TrackedUserDetail,
  TrackedUserListItem,
  TrackedUsersSummary,
  UserActivity,
  UserOnlineStatus,
  UserTimeline,
} from '../types.js';

// ---- the contract's shapes --------------------------------------------------------------------------

const status: Check<UserStatus> = oneOf(USER_STATUSES);
const range = oneOf(ACTIVITY_RANGES);

export const summaryCheck: Check<TrackedUsersSummary> = object({
  total: count,
  onlineNow: count,
  active24h: count,
  newThisWeek: count,
});

export const projectCheck: Check<ProjectInfo> = object({
  id: string,
  name: string,
  maskedKey: string,
  organizationId: string,
  sessionCount: count,
  lastUsedAt: nullable(isoTimestamp),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export const projectsCheck: Check<ProjectInfo[]> = arrayOf(projectCheck);

const listItemShape = {
  id: string,
  externalId: string,
  displayName: string,
  projectId: string,
  projectName: string,
  traits: nullable(jsonRecord),
  sessionCount: count,
  lastEventAt: nullable(isoTimestamp),
  status,
  activeTime7d: count,
  createdAt: isoTimestamp,
};
const listRowCheck = object({ ...listItemShape, traits: nullable(prunedJsonRecord) });
/** A list row: traits beyond the bounds are cut (`traitsTruncated`), so one hostile row never fails its page. */
export const listItemCheck: Check<TrackedUserListItem> = (value, path) => {
  const { traits, ...row } = listRowCheck(value, path);
  return traits?.truncated ? { ...row, traits: traits.value, traitsTruncated: true } : { ...row, traits: traits?.value ?? null };
};

export const detailCheck: Check<TrackedUserDetail> = object({
  ...listItemShape,
  customName: nullable(string),
  displayNameTraitKey: nullable(string),
  projectDisplayNameTraitKey: nullable(string),
});

function pageOf<T>(item: Check<T>): Check<Page<T>> {
  return object({ data: arrayOf(item, MAX_PAGE_ITEMS), nextCursor: nullable(string) });
}
export const userPageCheck: Check<Page<TrackedUserListItem>> = pageOf(listItemCheck);

/**
 * Reference §7.4: OpenAPI types `userId` / `userDisplayName` / `userTraits` of this sub-route as
 * nullable string / string / object (its example even shows a userId), while the server always sends
 * null. Whatever OpenAPI allows is accepted; the value is normalised to the null the server sends
 * (the main sessions list, not this one, is where those fields mean something).
 */
function alwaysNull(check: Check<unknown>): Check<null> {
  return (value, path) => {
    nullable(check)(value, path);
    return null;
  };
}

export const sessionItemCheck: Check<SessionListItem> = object({
  id: string,
  externalId: string,
  projectId: string,
  projectName: string,
  url: nullable(string),
  duration: nonNegativeNumber(),
  eventCount: count,
  createdAt: isoTimestamp,
  trackedUserId: nullable(string),
  userId: alwaysNull(string),
  userDisplayName: alwaysNull(string),
  userTraits: alwaysNull(jsonRecord),
});
export const sessionPageCheck: Check<Page<SessionListItem>> = pageOf(sessionItemCheck);

export const statusCheck: Check<UserOnlineStatus> = object({ online: boolean, lastEventAt: nullable(isoTimestamp) });

const activityShape = object({
  range,
  from: isoTimestamp,
  to: isoTimestamp,
  bucketMs: positiveInteger,
  buckets: arrayOf(
    object({
      t: isoTimestamp,
      total: count,
      byPage: arrayOf(object({ pathname: string, count }), PAGE_DISTRIBUTION_MAX),
    }),
    MAX_BUCKET_SLOTS,
  ),
  pageDistribution: arrayOf(
    object({ pathname: string, duration: nonNegativeNumber(), share: nonNegativeNumber(1), visits: count }),
    PAGE_DISTRIBUTION_MAX,
  ),
  summary: object({
    sessionCount: count,
    totalActiveTime: nonNegativeNumber(),
    avgSessionDuration: nonNegativeNumber(),
    totalEvents: count,
    uniquePages: count,
    topPage: nullable(string),
    firstEventAt: nullable(isoTimestamp),
    lastEventAt: nullable(isoTimestamp),
  }),
});

/** The shape, and a window no chart would have to lay more than `MAX_BUCKET_SLOTS` buckets over. */
export const activityCheck: Check<UserActivity> = (value, path) => {
  const activity = activityShape(value, path);
  const slots = bucketSlotCount(Date.parse(activity.from), Date.parse(activity.to), activity.bucketMs);
  if (slots > MAX_BUCKET_SLOTS) throw tooLarge(at(path, 'bucketMs'), `${slots} buckets over from..to (at most ${MAX_BUCKET_SLOTS})`);
  return activity;
};

export const timelineCheck: Check<UserTimeline> = object({
  range,
  from: isoTimestamp,
  to: isoTimestamp,
  sessions: arrayOf(
    object({
      id: string,
      externalId: string,
      startedAt: isoTimestamp,
      endedAt: nullable(isoTimestamp),
      duration: nonNegativeNumber(),
      url: nullable(string),
      periods: arrayOf(
        object({
          url: string,
          pathname: string,
          startedAt: isoTimestamp,
          endedAt: nullable(isoTimestamp),
          duration: nonNegativeNumber(),
        }),
        MAX_SESSION_PERIODS,
      ),
    }),
    MAX_TIMELINE_SESSIONS,
  ),
  pages: arrayOf(string),
});

/**
 * Auth.js's `GET /api/auth/session` on the dashboard: `null` when signed out, else the user with the
 * organization the dashboard has active (only that field is kept).
 */
export const authSessionCheck: Check<{ user: { activeOrganizationId: string | null } } | null> = nullable(
  object({ user: object({ activeOrganizationId: nullable(string) }) }),
);
