/**
 * The memory backend's records (projects, tracked users, sessions, url markers) and the inputs of the
 * store's bulk API, shared by every memory module without importing the store itself. Timestamps are
 * epoch milliseconds.
 */
import type { IdentityKind } from '../types.js';

export const MEMORY_ORGANIZATION_ID = 'org_memory';

export interface ProjectRecord {
  id: string;
  name: string;
  key: string;
  organizationId: string;
  defaultDisplayNameTraitKey: string | null;
  createdAt: number;
  updatedAt: number;
  lastUsedAt: number | null;
  /** Every session of the project, throwaway and anonymous included (as Dozor counts them). */
  sessionCount: number;
}

/** A `Marker(kind = 'url')`: the payload's `url` / `pathname` when they are strings, else null. */
export interface UrlMarkerRecord {
  timestamp: number;
  url: string | null;
  pathname: string | null;
}

/** Where an ingested page mark came from (navigation.ts decides which ones become url periods). */
export type NavigationSource = 'landing' | 'page' | 'slice' | 'event';

export interface NavigationMark extends UrlMarkerRecord {
  source: NavigationSource;
}

export interface SessionRecord {
  id: string;
  /** The SDK's session uuid. */
  externalId: string;
  projectId: string;
  /** The tracked user (identified or anonymous profile) the session belongs to, if any. */
  userId: string | null;
  url: string | null;
  referrer: string | null;
  userAgent: string | null;
  screenWidth: number | null;
  screenHeight: number | null;
  language: string | null;
  startedAt: number;
  endedAt: number;
  /** Seconds: round((endedAt − startedAt) / 1000). */
  duration: number;
  eventCount: number;
  /** First ingest time; the retention clock. */
  createdAt: number;
  /** isRealSession, cached. */
  real: boolean;
  /** `dozor:order` events recorded in this session. */
  orderCount: number;
  /** Sorted by timestamp (stable for equal timestamps). */
  urlMarkers: UrlMarkerRecord[];
  /** Every page mark ingest received, in arrival order (null for generated sessions); see navigation.ts. */
  navigation: NavigationMark[] | null;
  /** Event batches as flat triples: firstTimestamp, lastTimestamp, eventCount, … */
  batches: number[];
  deleted: boolean;
}

export interface UserRecord {
  id: string;
  projectId: string;
  identity: IdentityKind;
  /** The SDK userId, or the anonymousId for an anonymous profile. */
  externalId: string;
  traits: Record<string, unknown> | null;
  customName: string | null;
  displayNameTraitKey: string | null;
  createdAt: number;
  updatedAt: number;
  /** Every linked session, real or not. */
  sessions: SessionRecord[];
  deleted: boolean;
  // Derived from real sessions only, refreshed by `Store.commit`:
  realCount: number;
  /** MAX(endedAt) over real sessions. */
  lastEventAt: number | null;
  orderCount: number;
  /** Real session starts, ascending, with prefix sums of their durations (seconds). */
  realStarts: Float64Array;
  realPrefix: Float64Array;
  /** Lower-cased externalId, customName, resolved display name and traits.email; null = stale. */
  searchText: string | null;
  /** Keys under which the sorted indexes currently file the user (see indexes.ts). */
  ix: number[];
  /** Position in the store's columns (`Store.columns`), fixed for the user's life. */
  slot: number;
}

export interface AddProjectInput {
  id?: string;
  name: string;
  key?: string;
  defaultDisplayNameTraitKey?: string | null;
  createdAt?: number;
}

export interface InsertUserInput {
  projectId: string;
  identity?: IdentityKind;
  externalId: string;
  traits?: Record<string, unknown> | null;
  customName?: string | null;
  displayNameTraitKey?: string | null;
  createdAt: number;
  updatedAt?: number;
}

export interface InsertSessionInput {
  projectId: string;
  userId?: string | null;
  externalId?: string;
  url?: string | null;
  referrer?: string | null;
  userAgent?: string | null;
  screenWidth?: number | null;
  screenHeight?: number | null;
  language?: string | null;
  startedAt: number;
  endedAt: number;
  eventCount: number;
  createdAt?: number;
  urlMarkers?: { timestamp: number; url?: string | null; pathname?: string | null }[];
  /** Flat triples: firstTimestamp, lastTimestamp, eventCount, … */
  batches?: number[];
  orderCount?: number;
}

/** A user the feature can see: identified ones always, anonymous profiles only while they have sessions. */
export function isVisibleUser(user: UserRecord): boolean {
  return !user.deleted && (user.identity === 'identified' || user.sessions.length > 0);
}

/** Seconds of a session window, as ingest stores it. */
export function sessionDuration(startedAt: number, endedAt: number): number {
  return Math.round((endedAt - startedAt) / 1000);
}
