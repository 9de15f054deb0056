/**
 * The memory backend's interface: Dozor's `DozorBackend` plus the SDK routes, retention and the bulk
 * store, for the modules that drive a backend (the generator, the traffic simulator) without importing
 * its factory.
 */
import type { BackendChangeListener, DozorBackend, ProjectInfo } from '../types.js';
import type { RetentionResult } from './retention.js';
import type { Store } from './store.js';

export interface MemoryProjectInput {
  id?: string;
  name: string;
  /** The public ingest key (`dp_<32 hex>`); derived from the id when omitted. */
  key?: string;
  defaultDisplayNameTraitKey?: string | null;
}

export interface MemoryBackend extends DozorBackend {
  subscribe(listener: BackendChangeListener): () => void;
  /** Accepts one `POST /api/ingest` body for the project with this public key (see the module comment of index.ts). */
  ingest(projectKey: string, body: unknown): void;
  /** The SDK's `cancel()` (`POST /api/sessions/cancel`) for the project with this public key (see the module comment of index.ts). */
  cancelSession(projectKey: string, sessionId: string): void;
  /** The daily cleanup cron: throwaway sessions, sessions older than 90 days (by createdAt), orphan users. */
  runRetention(): RetentionResult;
  /** Adds a project (for the generator and the demo); returns it with its unmasked key. */
  addProject(input: MemoryProjectInput): ProjectInfo & { key: string };
  /** The clock this backend reads. */
  readonly now: () => number;
  /** INTERNAL: the store and its bulk-insert API for the dataset generator (see store.ts). */
  readonly store: Store;
}
