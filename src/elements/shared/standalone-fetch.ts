import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BackendChange, DozorBackend } from '../../backend/index.js';
import { BackendTask } from './backend-task.js';
import { LiveController } from './live-controller.js';

export interface StandaloneFetchOptions<T, Q> {
  /** The backend method's name, reported in `dozor-error`. */
  operation: string;
  /** True when the block has no `.data` but a user id and a backend, and so fetches by itself. */
  active: () => boolean;
  backend: () => DozorBackend | undefined;
  userId: () => string | undefined;
  /** What to ask for now (range, limits…). */
  query: () => Q;
  /** True when what was loaded for `loaded` already serves `wanted` (no new request needed). */
  serves: (loaded: Q, wanted: Q) => boolean;
  fetch: (backend: DozorBackend, userId: string, query: Q, signal: AbortSignal) => Promise<T>;
  refreshIntervalMs: () => number;
}

/**
 * The standalone mode of a building block (chart, pages, timeline, sessions): fetches for its own
 * user id when no `.data` is given, refetches when the query changes, refreshes live, and loads
 * again after a reconnect. Another user or backend forgets the old answer; another query keeps it
 * on screen until the new one arrives.
 */
export class StandaloneFetch<T, Q> implements ReactiveController {
  readonly task: BackendTask<T>;
  private loadedFrom: { backend: DozorBackend; userId: string; query: Q } | undefined;
  private connectedBefore = false;

  constructor(
    host: ReactiveControllerHost & EventTarget,
    private readonly options: StandaloneFetchOptions<T, Q>,
  ) {
    this.task = new BackendTask<T>(host, options.operation);
    host.addController(this);
    new LiveController(host, {
      backend: () => (options.active() ? options.backend() : undefined),
      intervalMs: options.refreshIntervalMs,
      refresh: () => this.reload(),
      relevant: (change: BackendChange) => {
        const userId = options.userId();
        return !change.userIds || (userId !== undefined && change.userIds.includes(userId));
      },
    });
  }

  /** The fetched value while standalone; undefined otherwise. */
  get value(): T | undefined {
    return this.options.active() ? this.task.value : undefined;
  }

  get error() {
    return this.options.active() ? this.task.error : undefined;
  }

  /** Call from the host's `willUpdate`: starts, restarts or stops fetching as the inputs require. */
  sync(): void {
    const { active, backend: getBackend, userId: getUserId, query, serves } = this.options;
    if (!active()) {
      if (this.loadedFrom) {
        this.task.reset();
        this.loadedFrom = undefined;
      }
      return;
    }
    const backend = getBackend()!;
    const userId = getUserId()!;
    const wanted = query();
    const last = this.loadedFrom;
    const sameSubject = last !== undefined && last.backend === backend && last.userId === userId;
    if (sameSubject && serves(last.query, wanted)) return;
    if (!sameSubject) this.task.reset();
    this.reload();
  }

  /** Refetches what is wanted now (live refresh, retry and `refresh()` do this). */
  reload(): void {
    const { active, backend: getBackend, userId: getUserId, query, fetch } = this.options;
    if (!active()) return;
    const backend = getBackend()!;
    const userId = getUserId()!;
    const wanted = query();
    this.loadedFrom = { backend, userId, query: wanted };
    void this.task.runWith((signal) => fetch(backend, userId, wanted, signal));
  }

  hostConnected(): void {
    // Back after a disconnect, which aborted the request in flight.
    if (this.connectedBefore && this.loadedFrom) this.reload();
    this.connectedBefore = true;
  }
}
