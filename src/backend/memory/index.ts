/**
 * The in-memory backend: Dozor's server semantics in the browser (SPEC §4), the default for
 * development, the demo, Storybook and tests.
 *
 * - `ingest(projectKey, body)` takes the body of Dozor's `POST /api/ingest` and is synchronous: it
 *   returns once the store is updated (204 semantics) or throws a `DozorBackendError` (`auth` /
 *   `validation`) having changed nothing.
 * - `cancelSession(projectKey, sessionId)` is the SDK's `POST /api/sessions/cancel`: synchronous too,
 *   it deletes the session (and its user when none is left); an unknown session is not an error.
 * - `runRetention()` runs the daily cron's tracked-user steps synchronously.
 * - `subscribe(listener)`: listeners are called in a microtask after each mutation (ingest, edit,
 *   retention, bulk load); changes of the same type made in the same task are coalesced into one
 *   `BackendChange` whose `userIds` is the union (omitted after very large bulk loads). Awaiting any
 *   backend method after a mutation is enough to have seen its notification.
 * - Reads are async, honour `options.signal` (checked on entry and before resolving), use one `now()`
 *   per call, and return deep copies.
 */
import { clampPageLimit, parseRange, USER_TAG_IDS } from '../../core/index.js';
import { DozorBackendError, throwIfAborted } from '../errors.js';
import {
  USER_SORTS,
  type ActivityQuery,
  type AdjacentDirection,
  type BackendCapabilities,
  type BackendChange,
  type BackendChangeListener,
  type DisplayNameUpdate,
  type ListUsersQuery,
  type Page,
  type ProjectInfo,
  type RequestOptions,
  type SessionListItem,
  type SessionsQuery,
  type TrackedUserDetail,
  type TrackedUserListItem,
  type TrackedUsersSummary,
  type UserActivity,
  type UserOnlineStatus,
  type UserTimeline,
} from '../types.js';
import type { ActivityRange } from '../../core/index.js';
import { getActivity, getTimeline } from './activity-queries.js';
import { cancelSession, ingestBatch } from './ingest.js';
import { adjacentUser, getStatus, getSummary, listProjects, listSessions, listUsers, requireUser, toDetail } from './queries.js';
import type { MemoryBackend, MemoryProjectInput } from './contract.js';
import { type RetentionResult, runRetention } from './retention.js';
import { generateDataset, type GenerateOptions } from './generate.js';
import { Store } from './store.js';
import { parseDisplayNameUpdate, parseProjectTraitKey } from './validate.js';

export type { MemoryBackend, MemoryProjectInput } from './contract.js';
export type { RetentionResult } from './retention.js';
export { MEMORY_ORGANIZATION_ID } from './records.js';
export { generateDataset, type GenerateOptions, type GeneratedDataset } from './generate.js';
export { createTrafficSimulator, simulateTraffic, type TrafficOptions, type TrafficSimulator } from './traffic.js';
export type { IngestBody, IngestEvent, IngestMetadata, IngestSliceMarker, IngestUserIdentity } from './validate.js';

export interface MemoryBackendOptions {
  /** The clock (ms since epoch); defaults to `Date.now`. */
  now?: () => number;
  /** Projects to create; defaults to one project `{ id: 'prj_default', name: 'Production' }`. */
  projects?: readonly MemoryProjectInput[];
  /** A seeded dataset to load at creation (see `generateDataset`); default none. */
  generate?: Omit<GenerateOptions, 'now'> | false;
}

export const MEMORY_CAPABILITIES: BackendCapabilities = Object.freeze({
  sorts: USER_SORTS,
  filters: Object.freeze({ search: true, projects: true, statuses: true, identities: Object.freeze(['identified', 'anonymous'] as const) }),
  blocks: Object.freeze({ summary: true, activity: true, pageDistribution: true, timeline: true, sessions: true, status: true }),
  tags: USER_TAG_IDS, // all seven: orders are tracked (`dozor:order`), identity is known
  edits: Object.freeze({ displayName: true, projectTraitKey: true }),
  live: true,
  total: true,
  sessionClient: true,
});

export function createMemoryBackend(options: MemoryBackendOptions = {}): MemoryBackend {
  const now = options.now ?? Date.now;
  const listeners = new Set<BackendChangeListener>();
  let queued: Map<BackendChange['type'], Set<string> | null> | null = null;

  const flush = () => {
    const changes = queued;
    queued = null;
    if (!changes) return;
    for (const [type, ids] of changes) {
      const change: BackendChange = ids === null ? { type } : { type, userIds: [...ids] };
      for (const listener of [...listeners]) {
        try {
          listener(change);
        } catch (error) {
          queueMicrotask(() => {
            throw error;
          });
        }
      }
    }
  };
  const emit = (change: BackendChange) => {
    if (listeners.size === 0) return;
    if (!queued) {
      queued = new Map();
      queueMicrotask(flush);
    }
    const ids = queued.has(change.type) ? queued.get(change.type)! : new Set<string>();
    if (ids === null || !change.userIds) queued.set(change.type, null);
    else {
      for (const id of change.userIds) ids.add(id);
      queued.set(change.type, ids);
    }
  };

  const store = new Store(now, emit);
  for (const project of options.projects ?? [{ id: 'prj_default', name: 'Production' }]) store.addProject(project);

  /** Runs a read or write with the abort protocol: checked on entry and before resolving. */
  async function call<T>(signal: AbortSignal | undefined, work: () => T): Promise<T> {
    throwIfAborted(signal);
    const result = work();
    await Promise.resolve();
    throwIfAborted(signal);
    return result;
  }

  const backend: MemoryBackend = {
    capabilities: MEMORY_CAPABILITIES,
    now,
    store,

    getSummary(opts?: RequestOptions): Promise<TrackedUsersSummary> {
      return call(opts?.signal, () => getSummary(store, now()));
    },
    listProjects(opts?: RequestOptions): Promise<ProjectInfo[]> {
      return call(opts?.signal, () => listProjects(store));
    },
    listUsers(query: ListUsersQuery = {}, opts?: RequestOptions): Promise<Page<TrackedUserListItem>> {
      return call(opts?.signal, () => listUsers(store, query ?? {}, now()));
    },
    adjacentUser(
      userId: string,
      query: ListUsersQuery,
      direction: AdjacentDirection,
      opts?: RequestOptions,
    ): Promise<TrackedUserListItem | null> {
      return call(opts?.signal, () => adjacentUser(store, userId, query ?? {}, direction, now()));
    },
    getUser(userId: string, opts?: RequestOptions): Promise<TrackedUserDetail> {
      return call(opts?.signal, () => toDetail(store, requireUser(store, userId), now()));
    },
    getActivity(userId: string, query: ActivityQuery, opts?: RequestOptions): Promise<UserActivity> {
      return call(opts?.signal, () => {
        const user = requireUser(store, userId);
        return getActivity(store, user, parseRange(query?.range), clampPageLimit(query?.pageLimit), now());
      });
    },
    getTimeline(userId: string, query: { range: ActivityRange }, opts?: RequestOptions): Promise<UserTimeline> {
      return call(opts?.signal, () => getTimeline(store, requireUser(store, userId), parseRange(query?.range), now()));
    },
    listSessions(userId: string, query: SessionsQuery = {}, opts?: RequestOptions): Promise<Page<SessionListItem>> {
      return call(opts?.signal, () => listSessions(store, requireUser(store, userId), query ?? {}));
    },
    getStatus(userId: string, opts?: RequestOptions): Promise<UserOnlineStatus> {
      return call(opts?.signal, () => getStatus(store, requireUser(store, userId), now()));
    },
    updateDisplayName(userId: string, update: DisplayNameUpdate, opts?: RequestOptions): Promise<void> {
      return call(opts?.signal, () => {
        const user = requireUser(store, userId);
        const fields = parseDisplayNameUpdate(update);
        store.setDisplayNameFields(user, fields);
        store.commit('edit');
      });
    },
    updateProjectTraitKey(projectId: string, traitKey: string | null, opts?: RequestOptions): Promise<void> {
      return call(opts?.signal, () => {
        const project = typeof projectId === 'string' ? store.projects.get(projectId) : undefined;
        if (!project) throw new DozorBackendError('not-found', 'Project not found', { status: 404 });
        store.setProjectTraitKey(project, parseProjectTraitKey(traitKey));
        const ids: string[] = [];
        for (const user of store.users.values()) if (user.projectId === project.id) ids.push(user.id);
        emit(ids.length <= 1000 ? { type: 'edit', userIds: ids } : { type: 'edit' });
      });
    },
    subscribe(listener: BackendChangeListener): () => void {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    ingest(projectKey: string, body: unknown): void {
      ingestBatch(store, projectKey, body);
    },
    cancelSession(projectKey: string, sessionId: string): void {
      cancelSession(store, projectKey, sessionId);
    },
    runRetention(): RetentionResult {
      return runRetention(store);
    },
    addProject(input: MemoryProjectInput): ProjectInfo & { key: string } {
      const project = store.addProject(input);
      return { ...listProjects(store).find((p) => p.id === project.id)!, key: project.key };
    },
  };
  if (options.generate) generateDataset(backend, options.generate);
  return backend;
}
