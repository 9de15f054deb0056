/**
 * The read side of the memory backend: list (keyset pagination over the sorted indexes), summary,
 * detail, status, sessions, projects. Activity and timeline live in activity-queries.ts.
 * Every function takes one `now` for the whole call and returns fresh objects (deep copies).
 */
import { DAY_MS, deriveStatus, parseStatus, tagsOfUser, toIso, USER_STATUSES, type UserStatus } from '../../core/index.js';
import { DozorBackendError, validationError } from '../errors.js';
import {
  DEFAULT_SORT_DIRECTION,
  DEFAULT_USER_SORT,
  SORT_DIRECTIONS,
  USER_SORTS,
  type AdjacentDirection,
  type IdentityFilter,
  type ListUsersQuery,
  type Page,
  type ProjectInfo,
  type SessionListItem,
  type SessionsQuery,
  type SortDirection,
  type TrackedUserDetail,
  type TrackedUserListItem,
  type TrackedUsersSummary,
  type UserOnlineStatus,
  type UserSort,
} from '../types.js';
import { decodeCursor, encodeCursor } from './cursor.js';
import { activeTimeSince, type SortedUserIndex } from './indexes.js';
import { cloneJson } from './json.js';
import { rankOf, statusRanks } from './status-ranks.js';
import { cacheFor, type VersionedCache } from './versioned-cache.js';
import { displayNameOf, searchTextOf } from './naming.js';
import { IDENTIFIED, VISIBLE } from './columns.js';
import { isVisibleUser, type ProjectRecord, type SessionRecord, type UserRecord } from './records.js';
import type { Store } from './store.js';
import { parseLenientLimit, parseStrictLimit } from './validate.js';

const WEEK = 7 * DAY_MS;
const IDENTITY_FILTERS: readonly IdentityFilter[] = ['identified', 'anonymous', 'all'];

/** A user the feature can see, or a `not-found` error ("User not found"), as every `[userId]` route does. */
export function requireUser(store: Store, userId: string): UserRecord {
  const user = typeof userId === 'string' ? store.users.get(userId) : undefined;
  if (!user || !isVisibleUser(user)) throw new DozorBackendError('not-found', 'User not found', { status: 404 });
  return user;
}

export function toListItem(store: Store, user: UserRecord, now: number): TrackedUserListItem {
  const project = store.projects.get(user.projectId)!;
  const traits = cloneJson(user.traits);
  const item: TrackedUserListItem = {
    id: user.id,
    externalId: user.externalId,
    displayName: displayNameOf(store.projects, user),
    projectId: user.projectId,
    projectName: project.name,
    traits,
    sessionCount: user.realCount,
    lastEventAt: user.lastEventAt === null ? null : toIso(user.lastEventAt),
    status: deriveStatus(user.lastEventAt, now),
    activeTime7d: activeTimeSince(user, now - WEEK),
    createdAt: toIso(user.createdAt),
    identity: user.identity,
    orderCount: user.orderCount,
  };
  item.tags = tagsOfUser(item, now);
  return item;
}

export function toDetail(store: Store, user: UserRecord, now: number): TrackedUserDetail {
  return {
    ...toListItem(store, user, now),
    customName: user.customName,
    displayNameTraitKey: user.displayNameTraitKey,
    projectDisplayNameTraitKey: store.projects.get(user.projectId)?.defaultDisplayNameTraitKey ?? null,
  };
}

// ---- list -----------------------------------------------------------------------------------------

interface ParsedListQuery {
  search: string;
  projectIds: Set<string> | null;
  statuses: Set<UserStatus> | null;
  identity: IdentityFilter;
  sort: UserSort;
  sortDir: SortDirection;
  limit: number;
  cursor: string | null;
}

function parseListQuery(store: Store, query: ListUsersQuery): ParsedListQuery {
  const sort = query.sort ?? DEFAULT_USER_SORT;
  if (!USER_SORTS.includes(sort)) throw validationError('sort', `Must be one of: ${USER_SORTS.join(', ')}`);
  const sortDir = query.sortDir ?? DEFAULT_SORT_DIRECTION;
  if (!SORT_DIRECTIONS.includes(sortDir)) throw validationError('sortDir', `Must be one of: ${SORT_DIRECTIONS.join(', ')}`);
  const identity = query.identity ?? 'identified';
  if (!IDENTITY_FILTERS.includes(identity)) throw validationError('identity', `Must be one of: ${IDENTITY_FILTERS.join(', ')}`);
  if (query.search !== undefined && query.search !== null && typeof query.search !== 'string') {
    throw validationError('search', 'Invalid input: expected string');
  }
  const search = (query.search ?? '').trim().toLowerCase();
  let statuses: Set<UserStatus> | null = null;
  if (query.statuses !== undefined && query.statuses !== null) {
    if (!Array.isArray(query.statuses)) throw validationError('statuses', 'Invalid input: expected array');
    const parsed = query.statuses.map((raw, i) => {
      const status = parseStatus(raw);
      if (status === null) throw validationError(`statuses.${i}`, 'Must be one of: ONLINE, ACTIVE_24H, IDLE_7D, DORMANT');
      return status;
    });
    if (parsed.length > 0) statuses = new Set(parsed);
  }
  // Reference §1.4: stray ids are dropped; none known (or none given) = every project.
  let projectIds: Set<string> | null = null;
  if (query.projectIds !== undefined && query.projectIds !== null) {
    if (!Array.isArray(query.projectIds)) throw validationError('projectIds', 'Invalid input: expected array');
    const known = query.projectIds.filter((id) => typeof id === 'string' && store.projects.has(id));
    if (known.length > 0) projectIds = new Set(known);
  }
  const limit = parseStrictLimit(query.limit);
  const cursor = query.cursor === undefined || query.cursor === null ? null : query.cursor;
  return { search, projectIds, statuses, identity, sort, sortDir, limit, cursor };
}

const searchCaches = new WeakMap<Store, VersionedCache<Uint8Array>>();

/** Slots whose search text contains `search`, by slot; cached per data version and search. */
function searchMask(store: Store, search: string): Uint8Array {
  return cacheFor(searchCaches, store, 16).get(store.version, search, () => {
    const { users, flags, size } = store.columns;
    const mask = new Uint8Array(size);
    for (let i = 0; i < size; i++) {
      if ((flags[i]! & VISIBLE) !== 0 && searchTextOf(store.projects, users[i]!).includes(search)) mask[i] = 1;
    }
    return mask;
  });
}

/** The list filter as a test on a slot: columns only (flags, project, lastEventAt rank, search mask). */
function slotFilter(store: Store, q: ParsedListQuery, now: number): (slot: number) => boolean {
  const { last, flags, project } = store.columns;
  const ranks = statusRanks(now);
  const allowed = q.statuses === null ? null : USER_STATUSES.map((s) => q.statuses!.has(s));
  const projects = q.projectIds === null ? null : new Set([...q.projectIds].map((id) => store.projectOrdinal.get(id)));
  const identityMask = q.identity === 'all' ? 0 : IDENTIFIED;
  const identityWant = q.identity === 'identified' ? IDENTIFIED : 0;
  const mask = q.search === '' ? null : searchMask(store, q.search);
  return (i) => {
    const f = flags[i]!;
    if ((f & VISIBLE) === 0 || (f & identityMask) !== identityWant) return false;
    if (projects !== null && !projects.has(project[i])) return false;
    if (allowed !== null) {
      const t = last[i]!;
      if (!allowed[rankOf(Number.isNaN(t) ? null : t, ranks)]) return false;
    }
    return mask === null || mask[i] === 1;
  };
}

/** The sorted index for a sort, brought up to date for `now`. */
export function sortedIndex(store: Store, sort: UserSort, now: number): SortedUserIndex {
  if (sort === 'active-time') return store.activeTimeIndex.ensure(() => store.allUsers(), now - WEEK);
  const index = store.sortIndexes[sort];
  index.ensure(() => store.allUsers());
  return index;
}

const totalCaches = new WeakMap<Store, VersionedCache<number>>();

export function listUsers(store: Store, query: ListUsersQuery, now: number): Page<TrackedUserListItem> {
  const q = parseListQuery(store, query);
  const scope = `users:${q.sort}:${q.sortDir}`;
  const position = q.cursor === null ? null : decodeCursor(scope, q.cursor);
  const index = sortedIndex(store, q.sort, now);
  const matches = slotFilter(store, q, now);
  const { items, slots } = index;
  const picked: UserRecord[] = [];
  let more = false;
  const take = (i: number): boolean => {
    if (!matches(slots[i]!)) return false;
    if (picked.length === q.limit) {
      more = true;
      return true;
    }
    picked.push(items[i]!);
    return false;
  };
  if (q.sortDir === 'asc') {
    const start = position === null ? 0 : index.upperBound(position.key ?? -Infinity, position.id);
    for (let i = start; i < items.length; i++) if (take(i)) break;
  } else {
    const start = position === null ? items.length - 1 : index.lowerBound(position.key ?? -Infinity, position.id) - 1;
    for (let i = start; i >= 0; i--) if (take(i)) break;
  }
  const lastPicked = picked[picked.length - 1];
  let nextCursor: string | null = null;
  if (more && lastPicked) {
    const key = lastPicked.ix[indexSlotOf(q.sort)]!;
    nextCursor = encodeCursor(scope, { key: key === -Infinity ? null : key, id: lastPicked.id });
  }
  return { data: picked.map((user) => toListItem(store, user, now)), nextCursor, total: countMatches(store, q, matches, now) };
}

/** The user next to `userId` in the query's order (`previous` walks it backwards): listUsers from a cursor at the user's place. */
export function adjacentUser(
  store: Store,
  userId: string,
  query: ListUsersQuery,
  direction: AdjacentDirection,
  now: number,
): TrackedUserListItem | null {
  const user = requireUser(store, userId);
  const q = parseListQuery(store, { ...query, cursor: null, limit: 1 });
  const sortDir: SortDirection = direction === 'next' ? q.sortDir : q.sortDir === 'asc' ? 'desc' : 'asc';
  sortedIndex(store, q.sort, now); // brings the user's sort key up to date for this clock
  const key = user.ix[indexSlotOf(q.sort)]!;
  const cursor = encodeCursor(`users:${q.sort}:${sortDir}`, { key: key === -Infinity ? null : key, id: user.id });
  return listUsers(store, { ...query, sortDir, cursor, limit: 1 }, now).data[0] ?? null;
}

function indexSlotOf(sort: UserSort): number {
  return sort === 'last-seen' ? 0 : sort === 'sessions' ? 1 : sort === 'newest' ? 2 : 3;
}

/**
 * How many users match: a sequential pass over the columns. Cached per data version; a status filter
 * depends on the clock too, so its key carries the status bounds (they move with `now`).
 */
function countMatches(store: Store, q: ParsedListQuery, matches: (slot: number) => boolean, now: number): number {
  const clockPart = q.statuses === null ? null : statusRanks(now).bounds;
  const key = JSON.stringify([
    q.search,
    q.identity,
    q.projectIds && [...q.projectIds].sort(),
    q.statuses && [...q.statuses].sort(),
    clockPart,
  ]);
  return cacheFor(totalCaches, store, 64).get(store.version, key, () => {
    let total = 0;
    for (let i = 0, n = store.columns.size; i < n; i++) if (matches(i)) total++;
    return total;
  });
}

// ---- summary, projects, status ---------------------------------------------------------------------

/** The last summary per store, with the span of clock times over which its counts cannot change. */
interface SummarySnapshot {
  version: number;
  from: number;
  until: number;
  summary: TrackedUsersSummary;
}
const summaries = new WeakMap<Store, SummarySnapshot>();

/**
 * The KPI counts: a sequential pass over the columns, reused until the data version changes or the
 * clock reaches the first moment a count can change (a user leaving Online or Active 24h, a sign-up
 * leaving this week or the week before), which the pass finds as it goes. Statuses depend on the time
 * since the last event only, so each user's boundary is its time plus a fixed span.
 */
export function getSummary(store: Store, now: number): TrackedUsersSummary {
  const cached = summaries.get(store);
  if (cached && cached.version === store.version && now >= cached.from && now <= cached.until) return { ...cached.summary };
  const summary = { total: 0, onlineNow: 0, active24h: 0, newThisWeek: 0, identified: 0, anonymous: 0, newPreviousWeek: 0 };
  const ranks = statusRanks(now);
  const online = USER_STATUSES.indexOf('ONLINE');
  const active = USER_STATUSES.indexOf('ACTIVE_24H');
  // A user stays Online while the clock is at most its last event + onlineSpan (likewise Active 24h).
  const onlineSpan = now - ranks.bounds[online]!;
  const activeSpan = now - ranks.bounds[active]!;
  const { last, created, flags, size } = store.columns;
  const weekAgo = now - WEEK;
  const twoWeeksAgo = now - 2 * WEEK;
  let until = Infinity;
  for (let i = 0; i < size; i++) {
    const f = flags[i]!;
    if ((f & VISIBLE) === 0) continue;
    summary.total++;
    if (f & IDENTIFIED) summary.identified++;
    else summary.anonymous++;
    const t = last[i]!;
    const rank = rankOf(Number.isNaN(t) ? null : t, ranks);
    if (rank === online) {
      summary.onlineNow++;
      until = Math.min(until, t + onlineSpan);
    }
    if (rank === online || rank === active) summary.active24h++;
    if (rank === active) until = Math.min(until, t + activeSpan);
    const c = created[i]!;
    if (c >= weekAgo) {
      summary.newThisWeek++;
      until = Math.min(until, c + WEEK);
    } else if (c >= twoWeeksAgo) {
      summary.newPreviousWeek++;
      until = Math.min(until, c + 2 * WEEK);
    }
  }
  summaries.set(store, { version: store.version, from: now, until, summary });
  return { ...summary };
}

const MASK = '\u2022'.repeat(24);

/** `dp_xxxx` + 24 bullets + `xxxx`: the first four and last four characters of the key's secret part, as Dozor shows it. */
export function maskKey(key: string): string {
  const secret = key.startsWith('dp_') ? key.slice(3) : key;
  return `dp_${secret.slice(0, 4)}${MASK}${secret.slice(-4)}`;
}

export function toProjectInfo(project: ProjectRecord): ProjectInfo {
  return {
    id: project.id,
    name: project.name,
    maskedKey: maskKey(project.key),
    organizationId: project.organizationId,
    sessionCount: project.sessionCount,
    lastUsedAt: project.lastUsedAt === null ? null : toIso(project.lastUsedAt),
    createdAt: toIso(project.createdAt),
    updatedAt: toIso(project.updatedAt),
  };
}

/** Newest first, as Dozor orders them (`createdAt desc`); projects created at the same time: the later added first. */
export function listProjects(store: Store): ProjectInfo[] {
  return [...store.projects.values()]
    .reverse()
    .sort((a, b) => b.createdAt - a.createdAt)
    .map(toProjectInfo);
}

export function getStatus(store: Store, user: UserRecord, now: number): UserOnlineStatus {
  return {
    online: deriveStatus(user.lastEventAt, now) === 'ONLINE' && user.lastEventAt !== null,
    lastEventAt: user.lastEventAt === null ? null : toIso(user.lastEventAt),
  };
}

// ---- sessions --------------------------------------------------------------------------------------

export function toSessionItem(store: Store, session: SessionRecord): SessionListItem {
  return {
    id: session.id,
    externalId: session.externalId,
    projectId: session.projectId,
    projectName: store.projects.get(session.projectId)?.name ?? '',
    url: session.url,
    duration: session.duration,
    eventCount: session.eventCount,
    createdAt: toIso(session.createdAt),
    trackedUserId: session.userId,
    userId: null,
    userDisplayName: null,
    userTraits: null,
    startedAt: toIso(session.startedAt),
    endedAt: toIso(session.endedAt),
    userAgent: session.userAgent,
    screenWidth: session.screenWidth,
    screenHeight: session.screenHeight,
    language: session.language,
  };
}

/** Real sessions of the user, newest first by createdAt then id (descending), keyset cursor. */
export function listSessions(store: Store, user: UserRecord, query: SessionsQuery): Page<SessionListItem> {
  const limit = parseLenientLimit(query.limit);
  const scope = `sessions:${user.id}`;
  const position = query.cursor === undefined || query.cursor === null ? null : decodeCursor(scope, query.cursor);
  const sorted = user.sessions.filter((s) => s.real).sort((a, b) => b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
  let start = 0;
  if (position !== null) {
    const key = position.key ?? -Infinity;
    start = sorted.findIndex((s) => s.createdAt < key || (s.createdAt === key && s.id < position.id));
    if (start < 0) start = sorted.length;
  }
  const page = sorted.slice(start, start + limit);
  const more = start + limit < sorted.length;
  const last = page[page.length - 1];
  return {
    data: page.map((s) => toSessionItem(store, s)),
    nextCursor: more && last ? encodeCursor(scope, { key: last.createdAt, id: last.id }) : null,
    total: sorted.length,
  };
}
