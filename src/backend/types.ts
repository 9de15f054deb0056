import type {
  ActivityBucket,
  ActivityRange,
  ActivityStats,
  PageDistributionRow,
  UrlPeriod,
  UserStatus,
  UserTag,
  UserTagId,
} from '../core/index.js';

/** Every method takes one of these last; aborting rejects with a `DozorBackendError` of kind `aborted`. */
export interface RequestOptions {
  signal?: AbortSignal;
}

export type UserSort = 'last-seen' | 'sessions' | 'active-time' | 'newest';
export type SortDirection = 'desc' | 'asc';
export const USER_SORTS: readonly UserSort[] = Object.freeze(['last-seen', 'sessions', 'active-time', 'newest']);
export const SORT_DIRECTIONS: readonly SortDirection[] = Object.freeze(['desc', 'asc']);
export const DEFAULT_USER_SORT: UserSort = 'last-seen';
export const DEFAULT_SORT_DIRECTION: SortDirection = 'desc';
export const DEFAULT_PAGE_LIMIT = 20;
export const MAX_PAGE_LIMIT = 100;

/** Seed 001: an anonymous visitor has a profile of its own until identified. */
export type IdentityKind = 'identified' | 'anonymous';
export type IdentityFilter = IdentityKind | 'all';

export type Role = 'OWNER' | 'ADMIN' | 'VIEWER';

/** A page of a cursor-paginated list (reference §1.3); `total` is an optional addition. */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
  /** How many items match the query across all pages, when the backend knows it. */
  total?: number;
}

/** `GET /api/projects` item. */
export interface ProjectInfo {
  id: string;
  name: string;
  maskedKey: string;
  organizationId: string;
  sessionCount: number;
  lastUsedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/tracked-users/summary`; the counts are cumulative (online users are also active 24h). */
export interface TrackedUsersSummary {
  total: number;
  onlineNow: number;
  active24h: number;
  newThisWeek: number;
  /** Additions a backend may serve: identified / anonymous split and last week's new users. */
  identified?: number;
  anonymous?: number;
  newPreviousWeek?: number;
}

/** `GET /api/tracked-users` item (reference §1.4), with optional additions. */
export interface TrackedUserListItem {
  id: string;
  externalId: string;
  displayName: string;
  projectId: string;
  projectName: string;
  traits: Record<string, unknown> | null;
  sessionCount: number;
  lastEventAt: string | null;
  status: UserStatus;
  /** Seconds. */
  activeTime7d: number;
  createdAt: string;
  identity?: IdentityKind;
  tags?: UserTag[];
  orderCount?: number;
  /** Set by an adapter that cut this row's traits to the bounds of core (too many entries or levels): `traits` holds a part. */
  traitsTruncated?: boolean;
}

/** `GET /api/tracked-users/{id}` (reference §1.6). */
export interface TrackedUserDetail extends TrackedUserListItem {
  customName: string | null;
  displayNameTraitKey: string | null;
  projectDisplayNameTraitKey: string | null;
}

export interface ListUsersQuery {
  search?: string;
  projectIds?: readonly string[];
  statuses?: readonly UserStatus[];
  identity?: IdentityFilter;
  sort?: UserSort;
  sortDir?: SortDirection;
  cursor?: string | null;
  limit?: number;
}

export interface ActivityQuery {
  range: ActivityRange;
  pageLimit?: number;
}

/** `GET /api/tracked-users/{id}/activity` (reference §1.7). */
export interface UserActivity {
  range: ActivityRange;
  from: string;
  to: string;
  bucketMs: number;
  /** Non-empty buckets only, ascending; `bucketGrid` fills the gaps for display. */
  buckets: ActivityBucket[];
  pageDistribution: PageDistributionRow[];
  summary: ActivityStats;
}

export interface TimelineSession {
  id: string;
  externalId: string;
  startedAt: string;
  endedAt: string | null;
  duration: number;
  url: string | null;
  periods: UrlPeriod[];
}

/** `GET /api/tracked-users/{id}/timeline` (reference §1.9). */
export interface UserTimeline {
  range: ActivityRange;
  from: string;
  to: string;
  sessions: TimelineSession[];
  pages: string[];
}

/** `GET /api/tracked-users/{id}/sessions` item (reference §1.8). */
export interface SessionListItem {
  id: string;
  externalId: string;
  projectId: string;
  projectName: string;
  url: string | null;
  duration: number;
  eventCount: number;
  createdAt: string;
  trackedUserId: string | null;
  userId: null;
  userDisplayName: null;
  userTraits: null;
  /** Additions: the recorded window, when known. */
  startedAt?: string;
  endedAt?: string | null;
  /** Additions: the browser as the SDK reported it (`capabilities.sessionClient`); null when it sent none. */
  userAgent?: string | null;
  screenWidth?: number | null;
  screenHeight?: number | null;
  language?: string | null;
}

export interface SessionsQuery {
  cursor?: string | null;
  limit?: number;
}

/** `GET /api/tracked-users/{id}/status` (reference §1.10). */
export interface UserOnlineStatus {
  online: boolean;
  lastEventAt: string | null;
}

/** `PATCH /api/tracked-users/{id}/display-name`: omitted = unchanged, null = clear, string = set. */
export interface DisplayNameUpdate {
  customName?: string | null;
  traitKey?: string | null;
}

/** What changed, for `subscribe` listeners. */
export interface BackendChange {
  type: 'ingest' | 'edit' | 'retention';
  /** Tracked users touched by the change, when known. */
  userIds?: string[];
}

export type BackendChangeListener = (change: BackendChange) => void;

/** Which way `adjacentUser` steps through a list's order. */
export type AdjacentDirection = 'previous' | 'next';

/** What a backend can serve; elements hide what it cannot do instead of failing. */
export interface BackendCapabilities {
  sorts: readonly UserSort[];
  filters: {
    search: boolean;
    projects: boolean;
    statuses: boolean;
    /** Which identity kinds exist; an identity filter is offered when there is more than one. */
    identities: readonly IdentityKind[];
  };
  blocks: {
    summary: boolean;
    activity: boolean;
    pageDistribution: boolean;
    timeline: boolean;
    sessions: boolean;
    status: boolean;
  };
  /** Tags the backend computes; the others are never shown (never guessed). */
  tags: readonly UserTagId[];
  edits: {
    displayName: boolean;
    projectTraitKey: boolean;
  };
  /** True when `subscribe` pushes changes; otherwise elements poll. */
  live: boolean;
  /** True when list pages report `total`. */
  total: boolean;
  /** Figures the backend does not record (default: all recorded); elements hide them instead of showing 0. */
  metrics?: BackendMetrics;
  /**
   * True when session results carry the browser's `userAgent`, `screenWidth` / `screenHeight` and
   * `language` (the sessions table's Device column); omitted means they do not.
   */
  sessionClient?: boolean;
  /** What the server gets wrong that no client can repair (default: nothing); the list says so in one line. */
  limitations?: BackendLimitations;
}

/**
 * Server bugs a client cannot repair, declared so that the list never loops on them and says what the
 * server could not do instead of showing a wrong result (e.g. "no users").
 */
export interface BackendLimitations {
  /**
   * A status filter looks at this many most recently updated users only and answers one page (its
   * cursor is ignored): matches beyond them are missing, and a later page would repeat the first.
   */
  statusFilterWindow?: number;
  /** Each page is sorted on its own: across pages rows may repeat (dropped) or never appear. */
  pageLocalSort?: boolean;
  /** Search looks at these fields only (for Dozor: `externalId` and `customName`), with SQL wildcards. */
  searchFields?: readonly string[];
}

/** Which per-user and per-session figures a backend records; an omitted one counts as recorded. */
export interface BackendMetrics {
  /** A user's `activeTime7d` (the list's Active 7d column). */
  activeTime?: boolean;
  /** A session's `duration` as time spent, not a token's lifetime (the sessions table's Duration column). */
  sessionDuration?: boolean;
  /** A session's `eventCount` (the sessions table's Events column). */
  sessionEvents?: boolean;
}

/** The one interface every adapter (memory, HTTP, Ductape, the host's own) implements. */
export interface DozorBackend {
  readonly capabilities: BackendCapabilities;
  getSummary(options?: RequestOptions): Promise<TrackedUsersSummary>;
  listProjects(options?: RequestOptions): Promise<ProjectInfo[]>;
  listUsers(query?: ListUsersQuery, options?: RequestOptions): Promise<Page<TrackedUserListItem>>;
  getUser(userId: string, options?: RequestOptions): Promise<TrackedUserDetail>;
  getActivity(userId: string, query: ActivityQuery, options?: RequestOptions): Promise<UserActivity>;
  getTimeline(userId: string, query: { range: ActivityRange }, options?: RequestOptions): Promise<UserTimeline>;
  listSessions(userId: string, query?: SessionsQuery, options?: RequestOptions): Promise<Page<SessionListItem>>;
  getStatus(userId: string, options?: RequestOptions): Promise<UserOnlineStatus>;
  updateDisplayName(userId: string, update: DisplayNameUpdate, options?: RequestOptions): Promise<void>;
  updateProjectTraitKey(projectId: string, traitKey: string | null, options?: RequestOptions): Promise<void>;
  /** Present when the backend pushes changes; returns the unsubscribe function. */
  subscribe?(listener: BackendChangeListener): () => void;
  /**
   * The user just before or after `userId` in the order of the list `query` describes (its filters,
   * sort and direction; `cursor` and `limit` are ignored), or null at that end: one request, a keyset
   * cursor at the user's own place. Present when the backend can serve it (the profile's previous /
   * next buttons are hidden otherwise). The user itself need not match the filters.
   */
  adjacentUser?(
    userId: string,
    query: ListUsersQuery,
    direction: AdjacentDirection,
    options?: RequestOptions,
  ): Promise<TrackedUserListItem | null>;
}
