/**
 * Run-time checks of the reference server's responses (reference §1.4–§1.10), hand-written so the
 * library has no runtime dependency. Each check returns a fresh value holding only the contract's
 * fields (an unknown extra field is ignored, never passed on), or throws an `invalid-response`
 * `DozorBackendError` whose `field` is the offending path (`data.3.lastEventAt`, `response` for the root).
 */
import {
  ACTIVITY_RANGES,
  MAX_BUCKET_SLOTS,
  MAX_PAGE_ITEMS,
  MAX_SESSION_PERIODS,
  MAX_TIMELINE_SESSIONS,
  MAX_TRAIT_DEPTH,
  MAX_TRAIT_ENTRIES,
  PAGE_DISTRIBUTION_MAX,
  USER_STATUSES,
  bucketSlotCount,
  jsonExceeds,
  type UserStatus,
} from '../../core/index.js';
import { DozorBackendError } from '../errors.js';
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

/** Checks `value` found at `path` and returns the checked (copied) value. */
export type Check<T> = (value: unknown, path: string) => T;

const ROOT = 'response';

function at(path: string, key: string | number): string {
  return path === ROOT ? String(key) : `${path}.${key}`;
}

export function malformed(path: string, expected: string, value: unknown): DozorBackendError {
  const got = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  return new DozorBackendError('invalid-response', `Malformed server response: ${path} should be ${expected} (got ${got})`, { field: path });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const string: Check<string> = (value, path) => {
  if (typeof value !== 'string') throw malformed(path, 'a string', value);
  return value;
};

/** Every timestamp of the contract is `Date.toISOString()` output; anything unparseable is malformed. */
export const isoTimestamp: Check<string> = (value, path) => {
  if (typeof value !== 'string' || !Number.isFinite(Date.parse(value))) throw malformed(path, 'an ISO timestamp', value);
  return value;
};

export const boolean: Check<boolean> = (value, path) => {
  if (typeof value !== 'boolean') throw malformed(path, 'a boolean', value);
  return value;
};

/** A finite number >= 0 (durations, shares); `max` bounds it from above when given. */
function nonNegativeNumber(max = Infinity): Check<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
      throw malformed(path, max === Infinity ? 'a number >= 0' : `a number in 0..${max}`, value);
    }
    return value;
  };
}

export const count: Check<number> = (value, path) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) throw malformed(path, 'an integer >= 0', value);
  return value;
};

const positiveInteger: Check<number> = (value, path) => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value <= 0) throw malformed(path, 'an integer > 0', value);
  return value;
};

export function oneOf<T extends string>(values: readonly T[]): Check<T> {
  return (value, path) => {
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      throw malformed(path, `one of ${values.join(', ')}`, value);
    }
    return value as T;
  };
}

export function nullable<T>(check: Check<T>): Check<T | null> {
  return (value, path) => (value === null ? null : check(value, path));
}

function tooLarge(path: string, what: string): DozorBackendError {
  return new DozorBackendError('invalid-response', `Malformed server response: ${path} has ${what}`, { field: path });
}

/** An array of at most `maxItems` items (checked before any item is, so an oversized answer costs nothing). */
export function arrayOf<T>(check: Check<T>, maxItems = Number.POSITIVE_INFINITY): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) throw malformed(path, 'an array', value);
    if (value.length > maxItems) throw tooLarge(path, `${value.length} items (at most ${maxItems})`);
    return value.map((item, i) => check(item, at(path, i)));
  };
}

/** A JSON object of any content (traits) within the size bounds of core: copied so callers cannot alias the response. */
export const jsonRecord: Check<Record<string, unknown>> = (value, path) => {
  if (!isPlainObject(value)) throw malformed(path, 'an object', value);
  const excess = jsonExceeds(value, MAX_TRAIT_ENTRIES, MAX_TRAIT_DEPTH);
  if (excess === 'entries') throw tooLarge(path, `more than ${MAX_TRAIT_ENTRIES} entries`);
  if (excess === 'depth') throw tooLarge(path, `more than ${MAX_TRAIT_DEPTH} levels`);
  return JSON.parse(JSON.stringify(value)) as Record<string, unknown>;
};

type Shape = Record<string, Check<unknown>>;
type Checked<S extends Shape> = { [K in keyof S]: S[K] extends Check<infer T> ? T : never };

/** An object with exactly the shape's keys required; other keys are dropped. */
export function object<S extends Shape>(shape: S): Check<Checked<S>> {
  return (value, path) => {
    if (!isPlainObject(value)) throw malformed(path, 'an object', value);
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(shape)) {
      const fieldPath = at(path, key);
      if (!(key in value)) throw new DozorBackendError('invalid-response', `Malformed server response: ${fieldPath} is missing`, { field: fieldPath });
      out[key] = shape[key]!(value[key], fieldPath);
    }
    return out as Checked<S>;
  };
}

/** Runs a check on a whole response body. */
export function checkResponse<T>(check: Check<T>, body: unknown): T {
  return check(body, ROOT);
}

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
export const listItemCheck: Check<TrackedUserListItem> = object(listItemShape);

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
