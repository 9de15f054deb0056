/**
 * The Ductape adapter (seed 002): Dozor's `DozorBackend` served from Ductape's two session-user calls,
 * `sessions.fetchUsers` (page / limit → users, total, totalPages) and `sessions.fetchUserDetails`
 * (one user with its session history and `active` flags).
 *
 * The client is a structural type, so the library never depends on Ductape's SDK: pass the SDK's
 * `sessions` object (or anything shaped like it). Its answers are untrusted and checked at run time.
 *
 * What Ductape records is the life of authenticated sessions, not page views or events, so this
 * adapter serves the list, the profile header, the status and the sessions table, and declares the
 * rest (activity, page distribution, timeline, summary counts, edits, filters, sorts) unavailable in
 * `capabilities` so elements hide it; calling those methods anyway rejects with a `server` error that
 * names the capability.
 */
import { computeTags, deriveStatus, resolveDisplayName, toIso, type UserTagId } from '../../core/index.js';
import { abortedError, DozorBackendError, isAbortError, throwIfAborted, validationError } from '../errors.js';
import { unlessAborted } from '../kit/abort.js';
import { errorKindForStatus } from '../kit/status.js';
import { checkDetails, checkUsersPage, type CheckedDetails, type CheckedSession } from './checks.js';
import type { DuctapeSessionsClient } from './client.js';
import { PageGuard } from '../kit/page-guard.js';
import {
  DEFAULT_PAGE_LIMIT,
  MAX_PAGE_LIMIT,
  type BackendCapabilities,
  type DozorBackend,
  type ListUsersQuery,
  type Page,
  type ProjectInfo,
  type SessionListItem,
  type SessionsQuery,
  type TrackedUserDetail,
  type TrackedUserListItem,
  type UserOnlineStatus,
} from '../types.js';

export interface DuctapeBackendOptions {
  client: DuctapeSessionsClient;
  /** The product tag; it is also the one project the backend lists. */
  product: string;
  /** The session tag whose users are listed. */
  session: string;
  /** Only users of this environment (e.g. `production`). */
  env?: string;
  /** The project name shown in the list and profile; the product tag by default. */
  productName?: string;
  /** The clock that statuses, tags and open-session durations are computed against (tests pin it). */
  now?: () => number;
}

// ---- capabilities ----------------------------------------------------------------------------------

/**
 * Tags Ductape's data can support: new / returning from the session count, longtime from `first_seen`.
 * Work, contact and custom-attribute tags need traits and `buyer` needs orders, which Ductape lacks.
 */
const DUCTAPE_TAGS: readonly UserTagId[] = Object.freeze(['new', 'returning', 'longtime'] as const);

export const DUCTAPE_CAPABILITIES: BackendCapabilities = Object.freeze({
  // fetchUsers takes no sort: users come in Ductape's own order, so no column is offered as sortable.
  sorts: Object.freeze([]),
  filters: Object.freeze({
    search: false,
    // There is exactly one project (the product), so "only these projects" is served exactly.
    projects: true,
    statuses: false,
    // Ductape only knows users named by the session selector: there are no anonymous visitors.
    identities: Object.freeze(['identified'] as const),
  }),
  blocks: Object.freeze({
    // Only `total` is known; online / active / new counts would need every user read.
    summary: false,
    // No events or page views are recorded, so nothing to chart or distribute over pages or urls.
    activity: false,
    pageDistribution: false,
    timeline: false,
    sessions: true,
    status: true,
  }),
  tags: DUCTAPE_TAGS,
  // Ductape has no custom names or traits to pick a display name from.
  edits: Object.freeze({ displayName: false, projectTraitKey: false }),
  live: false,
  total: true,
  // Ductape records no events and no activity, and a session's `end_at` is its expiry, not when the
  // user left: active time, event counts and durations would be zeros or token lifetimes.
  metrics: Object.freeze({ activeTime: false, sessionDuration: false, sessionEvents: false }),
});

// ---- errors ----------------------------------------------------------------------------------------

/** What a method Ductape cannot serve does: it rejects (as aborted, when it was) naming the capability that says so. */
async function unsupported(what: string, capability: string, signal: AbortSignal | undefined): Promise<never> {
  throwIfAborted(signal);
  throw new DozorBackendError('server', `The Ductape backend cannot serve ${what} (capabilities.${capability} is false)`);
}

/** The HTTP status on whatever the SDK threw: fetch-like `status`, Node-like `statusCode`, axios-like `response.status`. */
function statusOf(error: unknown): number | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const record = error as { status?: unknown; statusCode?: unknown; response?: { status?: unknown } | null };
  for (const candidate of [record.status, record.statusCode, record.response?.status]) {
    if (typeof candidate === 'number' && Number.isInteger(candidate) && candidate >= 100 && candidate <= 599) return candidate;
  }
  return undefined;
}

/** Maps anything the client threw to a `DozorBackendError`; no status means the call never got an answer. */
export function toDuctapeError(error: unknown): DozorBackendError {
  if (error instanceof DozorBackendError) return error;
  if (isAbortError(error)) return abortedError(error);
  const detail = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  const status = statusOf(error);
  const message = `Ductape request failed${status === undefined ? '' : ` (${status})`}${detail ? `: ${detail}` : ''}`;
  return new DozorBackendError(status === undefined ? 'network' : errorKindForStatus(status), message, { status, cause: error });
}

/**
 * Runs a client call so that the caller's signal wins: an abort rejects at once with `aborted` and the
 * late answer is dropped (the SDK takes no signal, so the request itself cannot be cancelled).
 */
function callClient<T>(signal: AbortSignal | undefined, call: () => Promise<T>): Promise<T> {
  return unlessAborted(signal, call, toDuctapeError);
}

// ---- cursors ----------------------------------------------------------------------------------------

/**
 * A users cursor holds the page number and the page size it was cut with: Ductape pages by number,
 * so following a cursor with another `limit` would skip or repeat users.
 */
function encodeUsersCursor(page: number, limit: number): string {
  return `p:${page}:${limit}`;
}

function decodeUsersCursor(cursor: string): { page: number; limit: number } {
  const match = /^p:([1-9]\d{0,8}):([1-9]\d{0,2})$/.exec(cursor);
  const page = Number(match?.[1]);
  const limit = Number(match?.[2]);
  if (!match || limit > MAX_PAGE_LIMIT) throw validationError('cursor', 'is not a cursor of this list');
  return { page, limit };
}

/** Sessions come all at once from `fetchUserDetails`; their cursor is an offset into that history. */
function decodeSessionsCursor(cursor: string): number {
  const match = /^o:(\d{1,9})$/.exec(cursor);
  if (!match) throw validationError('cursor', 'is not a cursor of this list');
  return Number(match[1]);
}

function clampLimit(limit: number | undefined): number {
  if (limit === undefined) return DEFAULT_PAGE_LIMIT;
  if (!Number.isFinite(limit)) throw validationError('limit', 'must be a number');
  return Math.min(MAX_PAGE_LIMIT, Math.max(1, Math.floor(limit)));
}

// ---- the backend ------------------------------------------------------------------------------------

/** How many `fetchUserDetails` calls one list page runs at a time (to spare Ductape's rate limit). */
const DETAIL_CONCURRENCY = 6;

async function mapWithConcurrency<T, R>(items: readonly T[], limit: number, map: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await map(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function createDuctapeBackend(options: DuctapeBackendOptions): DozorBackend {
  const { client, product, session, env } = options;
  if (typeof product !== 'string' || product === '') throw new TypeError('createDuctapeBackend: `product` must be a non-empty string');
  if (typeof session !== 'string' || session === '') throw new TypeError('createDuctapeBackend: `session` must be a non-empty string');
  const projectName = options.productName ?? product;
  const now = options.now ?? Date.now;
  const envArg = env === undefined ? {} : { env };
  // Page-number paging shifts when users arrive mid-walk; the guard drops users a walk already served.
  const pageGuard = new PageGuard();

  const fetchDetails = async (identifier: string, signal: AbortSignal | undefined): Promise<CheckedDetails> => {
    const body = await callClient(signal, () => client.sessions.fetchUserDetails({ product, session, identifier, ...envArg }));
    return checkDetails(body);
  };

  const toListItem = (details: CheckedDetails, at: number): TrackedUserListItem => {
    const lastEventAt = details.lastSeenMs === null ? null : toIso(details.lastSeenMs);
    return {
      id: details.identifier,
      externalId: details.identifier,
      // No custom names or traits exist, so the core rule resolves to the identifier.
      displayName: resolveDisplayName({ externalId: details.identifier }),
      projectId: product,
      projectName,
      traits: null,
      sessionCount: details.totalSessions,
      lastEventAt,
      status: deriveStatus(lastEventAt, at),
      // Ductape measures no activity; 0 is what the list shows as "no activity" ("—").
      activeTime7d: 0,
      createdAt: toIso(details.firstSeenMs),
      identity: 'identified',
      tags: computeTags({ sessionCount: details.totalSessions, firstSeenAt: details.firstSeenMs, identified: true, now: at }),
    };
  };

  const toSession = (identifier: string, checked: CheckedSession, at: number): SessionListItem => {
    // `end_at` is the expiry: an active session is still open; an ended one ended by its expiry at the
    // latest (a revoked session may show an expiry still in the future, which cannot have happened yet).
    const endMs = checked.active ? null : checked.endMs === null ? null : Math.min(checked.endMs, at);
    const durationEnd = endMs ?? (checked.active ? at : checked.startMs);
    return {
      id: checked.sessionId,
      externalId: checked.sessionId,
      projectId: product,
      projectName,
      url: null,
      duration: Math.max(0, Math.round((durationEnd - checked.startMs) / 1000)),
      // Ductape records no events.
      eventCount: 0,
      createdAt: toIso(checked.startMs),
      trackedUserId: identifier,
      userId: null,
      userDisplayName: null,
      userTraits: null,
      startedAt: toIso(checked.startMs),
      endedAt: endMs === null ? null : toIso(endMs),
    };
  };

  const project = (): ProjectInfo => ({
    id: product,
    name: projectName,
    // Ductape exposes no product metadata; these are neutral placeholders no element displays.
    maskedKey: '',
    organizationId: '',
    sessionCount: 0,
    lastUsedAt: null,
    createdAt: toIso(0),
    updatedAt: toIso(0),
  });

  return {
    capabilities: DUCTAPE_CAPABILITIES,

    getSummary: (opts) => unsupported('the tracked-users summary', 'blocks.summary', opts?.signal),

    async listProjects(opts) {
      throwIfAborted(opts?.signal);
      return [project()];
    },

    async listUsers(query: ListUsersQuery = {}, opts) {
      const signal = opts?.signal;
      throwIfAborted(signal);
      // A filter Ductape cannot apply is refused rather than ignored: unfiltered rows under a
      // "filtered" label would be wrong answers. A sort only orders rows, so it falls back to Ductape's.
      if (query.search !== undefined && query.search.trim() !== '') throw validationError('search', 'Ductape cannot search users');
      if (query.statuses !== undefined && query.statuses.length > 0)
        throw validationError('statuses', 'Ductape cannot filter users by status');
      if (query.identity === 'anonymous') return { data: [], nextCursor: null, total: 0 };
      if (query.projectIds !== undefined && query.projectIds.length > 0 && !query.projectIds.includes(product)) {
        return { data: [], nextCursor: null, total: 0 };
      }
      const cursor = query.cursor ?? null;
      const { page, limit } = cursor === null ? { page: 1, limit: clampLimit(query.limit) } : decodeUsersCursor(cursor);

      const body = await callClient(signal, () => client.sessions.fetchUsers({ product, session, ...envArg, page, limit }));
      const checked = checkUsersPage(body);
      // fetchUsers lacks session counts, which the list shows and the new / returning tags need.
      const at = now();
      const rows = await mapWithConcurrency(checked.users, DETAIL_CONCURRENCY, async (user) => {
        try {
          return toListItem(await fetchDetails(user.identifier, signal), at);
        } catch (error) {
          // A user gone between the two calls is left out rather than failing the whole page.
          if (error instanceof DozorBackendError && error.kind === 'not-found') return null;
          throw error;
        }
      });
      throwIfAborted(signal);
      const nextCursor = page < checked.totalPages && checked.users.length > 0 ? encodeUsersCursor(page + 1, limit) : null;
      const result: Page<TrackedUserListItem> = {
        data: rows.filter((row): row is TrackedUserListItem => row !== null),
        nextCursor,
        total: checked.total,
      };
      return pageGuard.accept(`users:${limit}`, cursor, result);
    },

    async getUser(userId, opts): Promise<TrackedUserDetail> {
      const details = await fetchDetails(userId, opts?.signal);
      return { ...toListItem(details, now()), customName: null, displayNameTraitKey: null, projectDisplayNameTraitKey: null };
    },

    getActivity: (_userId, _query, opts) => unsupported('activity', 'blocks.activity', opts?.signal),

    getTimeline: (_userId, _query, opts) => unsupported('the sessions timeline', 'blocks.timeline', opts?.signal),

    async listSessions(userId, query: SessionsQuery = {}, opts) {
      const signal = opts?.signal;
      throwIfAborted(signal);
      const offset = query.cursor ? decodeSessionsCursor(query.cursor) : 0;
      const limit = clampLimit(query.limit);
      const details = await fetchDetails(userId, signal);
      const at = now();
      // Newest first, as Dozor lists sessions; the id breaks ties so pages never overlap.
      const ordered = [...details.sessions].sort(
        (a, b) => b.startMs - a.startMs || (a.sessionId < b.sessionId ? -1 : a.sessionId > b.sessionId ? 1 : 0),
      );
      const data = ordered.slice(offset, offset + limit).map((checked) => toSession(details.identifier, checked, at));
      const end = offset + data.length;
      return { data, nextCursor: end < ordered.length ? `o:${end}` : null, total: ordered.length };
    },

    async getStatus(userId, opts): Promise<UserOnlineStatus> {
      const details = await fetchDetails(userId, opts?.signal);
      const lastEventAt = details.lastSeenMs === null ? null : toIso(details.lastSeenMs);
      // Online follows the core rule on `last_seen`, not `active`: an active Ductape session is a
      // login that has not expired yet (often days long), not someone on the page right now.
      return { online: lastEventAt !== null && deriveStatus(lastEventAt, now()) === 'ONLINE', lastEventAt };
    },

    updateDisplayName: (_userId, _update, opts) => unsupported('display-name edits', 'edits.displayName', opts?.signal),

    updateProjectTraitKey: (_projectId, _traitKey, opts) =>
      unsupported('project display-name trait keys', 'edits.projectTraitKey', opts?.signal),
  };
}
