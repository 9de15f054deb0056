/**
 * The memory backend's store: projects, tracked users (identified and anonymous), sessions with their
 * url markers, event batches and orders, plus the derived per-user aggregates and sorted indexes that
 * keep the list fast at 100k users / 1M sessions. INTERNAL: not exported from the package root.
 *
 * ## Internal bulk API (for the dataset generator and the live-traffic simulator)
 *
 * The generator does not need to go through millions of JSON events. It calls, on `backend.store`:
 *
 * ```ts
 * const project = store.addProject({ name: 'Production', key?, id?, defaultDisplayNameTraitKey?, createdAt? });
 * store.bulk(() => {
 *   const userId = store.insertUser({ projectId: project.id, identity: 'identified', externalId: 'usr_1',
 *     traits: { email: 'a@b.c' }, createdAt: Date.parse('2026-01-02') });
 *   store.insertSession({ projectId: project.id, userId, startedAt, endedAt, eventCount: 120,
 *     createdAt: startedAt, url: 'https://app.example/pricing',
 *     urlMarkers: [{ timestamp: startedAt, url: 'https://app.example/pricing' }],   // optional
 *     batches: [firstTimestamp, lastTimestamp, eventCount, …],                       // optional
 *     orderCount: 1 });                                                               // optional
 * });
 * ```
 *
 * - `insertUser(input): string` creates a user and returns its id. `identity` defaults to 'identified';
 *   an identified user is unique per (projectId, externalId), an anonymous one per (projectId,
 *   externalId = anonymousId): a duplicate throws a `conflict` error. The store takes ownership of
 *   `traits`, and of a session's `urlMarkers` and `batches` arrays (no copies: the generator inserts
 *   millions of them; `batches` is already the store's flat layout of triples).
 * - `insertSession(input): string` creates a session (any kind; `isRealSession` decides visibility) and
 *   returns its id. `userId` links it (null/omitted = an anonymous session with no profile).
 *   `externalId` (the SDK's session uuid) is generated when omitted and must be unique per project.
 *   Without `urlMarkers`, a session with a `url` gets one marker at `startedAt` (what ingest does);
 *   without `batches`, one batch covering the window with all `eventCount` events is assumed.
 *   `createdAt` (the retention clock) defaults to `endedAt`.
 * - `bulk(fn)` defers all aggregate and index maintenance to the end of `fn` (a full rebuild) and emits
 *   a single `ingest` change. Calls outside `bulk` are maintained incrementally, one change each.
 * - Timestamps are epoch milliseconds everywhere in this file; the queries turn them into ISO strings.
 *
 * Everything else (ingest, identity, retention, queries) lives in its own module and only uses the
 * primitives below, so each rule has exactly one home.
 */ import { isRealSession } from '../../core/index.js';
import { DozorBackendError } from '../errors.js';
import type { BackendChange } from '../types.js';
import { refreshAggregates } from './aggregates.js';
import { ActiveTimeIndex, INDEX_SLOT, SortedUserIndex } from './indexes.js';
import { UserColumns } from './columns.js';
import { cloneJson } from './json.js';
import {
  isVisibleUser,
  MEMORY_ORGANIZATION_ID,
  sessionDuration,
  type AddProjectInput,
  type InsertSessionInput,
  type InsertUserInput,
  type NavigationMark,
  type ProjectRecord,
  type SessionRecord,
  type UrlMarkerRecord,
  type UserRecord,
} from './records.js';
import { derivedProjectKey } from './project-key.js';
import { ScopedMap } from './scoped-map.js';

export class Store {
  readonly projects = new Map<string, ProjectRecord>();
  readonly users = new Map<string, UserRecord>();
  readonly sessions = new Map<string, SessionRecord>();
  private readonly projectKeys = new Map<string, ProjectRecord>();
  private readonly identified = new ScopedMap<UserRecord>();
  private readonly anonymous = new ScopedMap<UserRecord>();
  private readonly sessionKeys = new ScopedMap<SessionRecord>();
  private userSeq = 0;
  private sessionSeq = 0;
  private projectSeq = 0;
  /** Bumped by every mutation; caches compare it. */
  version = 0;
  private bulkDepth = 0;
  private readonly dirty = new Set<UserRecord>();
  private readonly changedIds = new Set<string>();
  readonly sortIndexes: Record<'last-seen' | 'sessions' | 'newest', SortedUserIndex> = {
    'last-seen': new SortedUserIndex(INDEX_SLOT['last-seen'], (u) => u.lastEventAt ?? -Infinity),
    sessions: new SortedUserIndex(INDEX_SLOT.sessions, (u) => u.realCount),
    newest: new SortedUserIndex(INDEX_SLOT.newest, (u) => u.createdAt),
  };
  readonly activeTimeIndex = new ActiveTimeIndex();
  readonly columns = new UserColumns();
  /** A small integer per project, for the columns. */
  readonly projectOrdinal = new Map<string, number>();

  constructor(
    readonly now: () => number,
    private readonly emit: (change: BackendChange) => void,
  ) {}

  // ---- projects -------------------------------------------------------------------------------

  addProject(input: AddProjectInput): ProjectRecord {
    const id = input.id ?? `prj_${(++this.projectSeq).toString(36).padStart(6, '0')}`;
    if (this.projects.has(id)) throw new DozorBackendError('conflict', `Project ${id} already exists`, { status: 409 });
    const key = input.key ?? derivedProjectKey(id);
    if (this.projectKeys.has(key)) throw new DozorBackendError('conflict', 'Project key already in use', { status: 409 });
    const createdAt = input.createdAt ?? this.now();
    const project: ProjectRecord = {
      id,
      name: input.name,
      key,
      organizationId: MEMORY_ORGANIZATION_ID,
      defaultDisplayNameTraitKey: input.defaultDisplayNameTraitKey ?? null,
      createdAt,
      updatedAt: createdAt,
      lastUsedAt: null,
      sessionCount: 0,
    };
    this.projects.set(id, project);
    this.projectKeys.set(key, project);
    this.projectOrdinal.set(id, this.projectOrdinal.size);
    this.version++;
    return project;
  }

  projectByKey(key: string): ProjectRecord | undefined {
    return this.projectKeys.get(key);
  }

  setProjectTraitKey(project: ProjectRecord, traitKey: string | null): void {
    project.defaultDisplayNameTraitKey = traitKey;
    project.updatedAt = this.now();
    for (const user of this.users.values()) if (user.projectId === project.id) user.searchText = null;
    this.version++;
  }

  // ---- users ----------------------------------------------------------------------------------

  identifiedUser(projectId: string, externalId: string): UserRecord | undefined {
    return this.identified.get(projectId, externalId);
  }

  anonymousUser(projectId: string, anonymousId: string): UserRecord | undefined {
    return this.anonymous.get(projectId, anonymousId);
  }

  isVisible(user: UserRecord): boolean {
    return isVisibleUser(user);
  }

  /** `adoptTraits`: keep the caller's traits object instead of a deep copy (the bulk API owns its input). */
  createUser(input: InsertUserInput, adoptTraits = false): UserRecord {
    if (!this.projects.has(input.projectId)) throw new DozorBackendError('not-found', 'Project not found', { status: 404 });
    const identity = input.identity ?? 'identified';
    const map = identity === 'identified' ? this.identified : this.anonymous;
    if (map.has(input.projectId, input.externalId))
      throw new DozorBackendError('conflict', `User ${input.externalId} already exists`, { status: 409 });
    const user: UserRecord = {
      // Ids sort like slots (both follow creation order), which index rebuilds rely on.
      id: `tu_${(++this.userSeq).toString(36).padStart(7, '0')}`,
      projectId: input.projectId,
      identity,
      externalId: input.externalId,
      traits: adoptTraits ? (input.traits ?? null) : cloneJson(input.traits ?? null),
      customName: input.customName ?? null,
      displayNameTraitKey: input.displayNameTraitKey ?? null,
      createdAt: input.createdAt,
      updatedAt: input.updatedAt ?? input.createdAt,
      sessions: [],
      deleted: false,
      realCount: 0,
      lastEventAt: null,
      orderCount: 0,
      realStarts: new Float64Array(0),
      realPrefix: new Float64Array(1),
      searchText: null,
      ix: [NaN, NaN, NaN, NaN],
      slot: this.columns.allocate(),
    };
    this.columns.users[user.slot] = user;
    this.users.set(user.id, user);
    map.set(input.projectId, input.externalId, user);
    this.markDirty(user);
    return user;
  }

  /** Replaces traits wholesale (Dozor's identify upsert); `undefined` leaves them unchanged. */
  setTraits(user: UserRecord, traits: Record<string, unknown> | undefined): void {
    if (traits !== undefined) {
      user.traits = cloneJson(traits);
      user.searchText = null;
    }
    user.updatedAt = this.now();
    this.markDirty(user);
  }

  setDisplayNameFields(user: UserRecord, fields: { customName?: string | null; traitKey?: string | null }): void {
    if (fields.customName !== undefined) user.customName = fields.customName;
    if (fields.traitKey !== undefined) user.displayNameTraitKey = fields.traitKey;
    user.updatedAt = this.now();
    user.searchText = null;
    this.markDirty(user);
  }

  deleteUser(user: UserRecord): void {
    if (user.deleted) return;
    for (const session of user.sessions) session.userId = null; // SetNull: recordings outlive the profile
    user.sessions = [];
    user.deleted = true;
    this.users.delete(user.id);
    (user.identity === 'identified' ? this.identified : this.anonymous).delete(user.projectId, user.externalId);
    this.markDirty(user);
  }

  // ---- sessions -------------------------------------------------------------------------------

  sessionByExternalId(projectId: string, externalId: string): SessionRecord | undefined {
    return this.sessionKeys.get(projectId, externalId);
  }

  createSession(input: InsertSessionInput): SessionRecord {
    const project = this.projects.get(input.projectId);
    if (!project) throw new DozorBackendError('not-found', 'Project not found', { status: 404 });
    const seq = ++this.sessionSeq;
    const externalId = input.externalId ?? `00000000-0000-4000-8000-${seq.toString(16).padStart(12, '0')}`;
    if (this.sessionKeys.has(input.projectId, externalId))
      throw new DozorBackendError('conflict', `Session ${externalId} already exists`, { status: 409 });
    const duration = sessionDuration(input.startedAt, input.endedAt);
    const session: SessionRecord = {
      id: `ses_${seq.toString(36).padStart(8, '0')}`,
      externalId,
      projectId: input.projectId,
      userId: null,
      url: input.url ?? null,
      referrer: input.referrer ?? null,
      userAgent: input.userAgent ?? null,
      screenWidth: input.screenWidth ?? null,
      screenHeight: input.screenHeight ?? null,
      language: input.language ?? null,
      startedAt: input.startedAt,
      endedAt: input.endedAt,
      duration,
      eventCount: input.eventCount,
      createdAt: input.createdAt ?? input.endedAt,
      real: isRealSession({ eventCount: input.eventCount, duration }),
      orderCount: input.orderCount ?? 0,
      urlMarkers: [],
      navigation: null,
      batches: [],
      deleted: false,
    };
    project.sessionCount++;
    this.sessions.set(session.id, session);
    this.sessionKeys.set(input.projectId, externalId, session);
    if (input.userId) {
      const user = this.users.get(input.userId);
      if (!user) throw new DozorBackendError('not-found', 'User not found', { status: 404 });
      this.linkSession(session, user);
    }
    this.version++;
    return session;
  }

  /** Widens the window (LEAST / GREATEST, never shrinks) and adds `count` events. */
  extendSession(session: SessionRecord, first: number, last: number, count: number): void {
    session.startedAt = Math.min(session.startedAt, first);
    session.endedAt = Math.max(session.endedAt, last);
    session.duration = sessionDuration(session.startedAt, session.endedAt);
    session.eventCount += count;
    this.refreshReal(session);
    this.markSessionDirty(session);
  }

  addBatch(session: SessionRecord, first: number, last: number, count: number): void {
    session.batches.push(first, last, count);
    this.markSessionDirty(session);
  }

  /** Replaces the session's url markers (sorted by timestamp) and its log of ingested page marks. */
  setNavigation(session: SessionRecord, navigation: NavigationMark[], urlMarkers: UrlMarkerRecord[]): void {
    session.navigation = navigation;
    session.urlMarkers = urlMarkers;
    this.markSessionDirty(session);
  }

  addOrders(session: SessionRecord, count: number): void {
    session.orderCount += count;
    this.markSessionDirty(session);
  }

  /** Links a session to a user (or unlinks it with null), keeping both users' session lists right. */
  linkSession(session: SessionRecord, user: UserRecord | null): void {
    if (session.userId === (user?.id ?? null)) return;
    const previous = session.userId === null ? undefined : this.users.get(session.userId);
    if (previous) {
      const at = previous.sessions.indexOf(session);
      if (at >= 0) previous.sessions.splice(at, 1);
      this.markDirty(previous);
    }
    session.userId = user?.id ?? null;
    if (user) {
      user.sessions.push(session);
      this.markDirty(user);
    }
    this.version++;
  }

  deleteSession(session: SessionRecord): void {
    if (session.deleted) return;
    this.linkSession(session, null);
    const project = this.projects.get(session.projectId);
    if (project) project.sessionCount--;
    session.deleted = true;
    this.sessions.delete(session.id);
    this.sessionKeys.delete(session.projectId, session.externalId);
    this.version++;
  }

  private refreshReal(session: SessionRecord): void {
    session.real = isRealSession({ eventCount: session.eventCount, duration: session.duration });
  }

  private markSessionDirty(session: SessionRecord): void {
    this.version++;
    if (session.userId !== null) {
      const user = this.users.get(session.userId);
      if (user) this.markDirty(user);
    }
  }

  // ---- the generator's entry points -------------------------------------------------------------

  insertUser(input: InsertUserInput): string {
    const user = this.createUser(input, true);
    this.commitUnlessBulk();
    return user.id;
  }

  insertSession(input: InsertSessionInput): string {
    const session = this.createSession(input);
    const markers = input.urlMarkers ?? (session.url ? [{ timestamp: session.startedAt, url: session.url }] : []);
    for (const m of markers) {
      m.url ??= null;
      m.pathname ??= null;
    }
    session.urlMarkers = (markers as UrlMarkerRecord[]).sort((a, b) => a.timestamp - b.timestamp);
    session.batches = input.batches ?? [session.startedAt, session.endedAt, session.eventCount];
    this.markSessionDirty(session);
    this.commitUnlessBulk();
    return session.id;
  }

  /** Runs `fn` with maintenance deferred to its end (one full rebuild, one change notification). */
  bulk<T>(fn: () => T): T {
    this.bulkDepth++;
    try {
      return fn();
    } finally {
      if (--this.bulkDepth === 0) {
        for (const index of Object.values(this.sortIndexes)) index.invalidate();
        this.activeTimeIndex.invalidate();
        this.commit('ingest');
      }
    }
  }

  get inBulk(): boolean {
    return this.bulkDepth > 0;
  }

  private commitUnlessBulk(): void {
    if (this.bulkDepth === 0) this.commit('ingest');
  }

  // ---- derived state ----------------------------------------------------------------------------

  markDirty(user: UserRecord): void {
    this.dirty.add(user);
    this.version++;
  }

  /** Recomputes the aggregates of every dirty user, queues them for the indexes, and emits one change. */
  commit(type: BackendChange['type']): void {
    if (this.bulkDepth > 0) return;
    for (const user of this.dirty) {
      if (!user.deleted) refreshAggregates(user);
      this.columns.write(user, this.projectOrdinal.get(user.projectId) ?? -1);
      this.changedIds.add(user.id);
      for (const index of Object.values(this.sortIndexes)) index.touch(user);
      this.activeTimeIndex.touch(user);
    }
    this.dirty.clear();
    this.version++;
    // A bulk load touches everyone: say "everything changed" rather than list 100k ids.
    const change: BackendChange = this.changedIds.size <= 1000 ? { type, userIds: [...this.changedIds] } : { type };
    this.changedIds.clear();
    this.emit(change);
  }

  /** Non-deleted users, for index rebuilds. */
  allUsers(): Iterable<UserRecord> {
    return this.users.values();
  }
}
