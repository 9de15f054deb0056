import type { ReactiveControllerHost } from 'lit';
import type { ActivityRange } from '../../core/index.js';
import type { BackendChange, DozorBackend, UserTimeline } from '../../backend/index.js';
import { BackendTask } from './backend-task.js';
import { LiveController } from './live-controller.js';
import type { ResolvedSource } from './dozor-element.js';

export interface StandaloneFetchOptions<T, Q> {
  /** The backend method's name, reported in `dozor-error`. */
  operation: string;
  /** What the owner gave the block (its `.data`): it fetches by itself only while this is undefined. */
  given: () => unknown;
  /** Besides a user id and a backend, what else a fetch waits for (the journey: a session id); default nothing. */
  ready?: () => boolean;
  /** What to ask for now (range, limits…). */
  query: () => Q;
  /** Whether the answer to `loaded` also answers `wanted` (the task's `argsEqual` for the query; default `Object.is`). */
  queryEqual?: (loaded: Q, wanted: Q) => boolean;
  fetch: (backend: DozorBackend, userId: string, query: Q, signal: AbortSignal) => Promise<T>;
}

/** The block that fetches: a Lit host with a public `user-id`. */
export type StandaloneHost = ReactiveControllerHost & EventTarget & { readonly userId: string | undefined };

type FetchArgs<Q> = readonly [backend: DozorBackend, userId: string, query: Q];

/**
 * The standalone mode of a building block (chart, pages, timeline, sessions): a task that fetches
 * for the block's own user id when no `.data` is given, again when the query changes, live, and
 * after a reconnect. Another user or backend forgets the old answer; another query keeps it on
 * screen until the new one arrives.
 */
export class StandaloneFetch<T, Q> {
  readonly task: BackendTask<T, FetchArgs<Q>>;

  constructor(
    private readonly host: StandaloneHost,
    private readonly resolved: ResolvedSource,
    private readonly options: StandaloneFetchOptions<T, Q>,
  ) {
    const queryEqual = options.queryEqual ?? Object.is;
    const sameSubject = (a: FetchArgs<Q>, b: FetchArgs<Q>) => a[0] === b[0] && a[1] === b[1];
    this.task = new BackendTask<T, FetchArgs<Q>>(host, {
      operation: options.operation,
      args: () => (this.active ? [resolved.backend()!, host.userId!, options.query()] : undefined),
      argsEqual: (a, b) => sameSubject(a, b) && queryEqual(a[2], b[2]),
      keepValue: sameSubject,
      task: ([backend, userId, query], { signal }) => options.fetch(backend, userId, query, signal),
    });
    new LiveController(host, {
      backend: () => (this.active ? resolved.backend() : undefined),
      intervalMs: resolved.refreshIntervalMs,
      refresh: () => this.reload(),
      relevant: (change: BackendChange) => {
        const userId = host.userId;
        return !change.userIds || (userId !== undefined && change.userIds.includes(userId));
      },
    });
  }

  /** True when the block has no `.data` but a user id and a backend (and what `ready` waits for), and so fetches by itself. */
  get active(): boolean {
    return (
      this.options.given() === undefined && !!this.host.userId && this.resolved.backend() !== undefined && (this.options.ready?.() ?? true)
    );
  }

  /** True while standalone and a request is in flight (the old answer stays on screen meanwhile). */
  get refreshing(): boolean {
    return this.active && this.task.loading;
  }

  /** The fetched value while standalone; undefined otherwise. */
  get value(): T | undefined {
    return this.active ? this.task.value : undefined;
  }

  get error() {
    return this.active ? this.task.error : undefined;
  }

  /** Refetches what is wanted now (live refresh, retry and `refresh()` do this). */
  reload(): void {
    if (this.active) void this.task.run();
  }
}

/** A block that reads the user's timeline for its `range` (the sessions timeline, the session journey). */
export type TimelineHost = StandaloneHost & { readonly range: ActivityRange };

/** How a timeline block fetches alone: the user's timeline for the block's `range`, while `given` is undefined (and `ready`). */
export function timelineFetch(
  host: TimelineHost,
  resolved: ResolvedSource,
  options: Pick<StandaloneFetchOptions<UserTimeline, ActivityRange>, 'given' | 'ready'>,
): StandaloneFetch<UserTimeline, ActivityRange> {
  return new StandaloneFetch(host, resolved, {
    ...options,
    operation: 'getTimeline',
    query: () => host.range,
    fetch: (backend, userId, range, signal) => backend.getTimeline(userId, { range }, { signal }),
  });
}
