import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DozorBackendError, isAbortError } from '../../backend/index.js';

export type TaskStatus = 'initial' | 'pending' | 'complete' | 'error';

export interface BackendTaskOptions<T, A extends readonly unknown[]> {
  /** The backend method's name, reported in `dozor-error`. */
  operation: string;
  /** The inputs, read before every update; undefined while the task cannot run (no backend, no user). */
  args?: () => A | undefined;
  task?: (args: A, options: { signal: AbortSignal }) => Promise<T>;
  /** Whether new inputs need a new request (default: the same values, compared with `Object.is`). */
  argsEqual?: (previous: A, next: A) => boolean;
  /**
   * Runs by itself before an update when the inputs changed (default true); else only `run()` or
   * `runWith()` runs it, and changed inputs only forget the old value.
   */
  autoRun?: boolean;
  /** Whether the value for `previous` stays on screen while other inputs `next` load (default: yes); no forgets it at once. */
  keepValue?: (previous: A, next: A) => boolean;
  /** After each successful run, with its value. */
  onComplete?: (value: T) => void;
}

/** What a view reads of a task, whatever its inputs. */
export interface TaskState<T> {
  readonly status: TaskStatus;
  readonly value: T | undefined;
  readonly error: DozorBackendError | undefined;
  readonly loading: boolean;
  run(): Promise<T | undefined>;
}

export interface TaskRenderers<T, R> {
  initial?: () => R;
  pending?: () => R;
  complete?: (value: T) => R;
  error?: (error: DozorBackendError) => R;
}

const sameArgs = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((value, i) => Object.is(value, b[i]));

/**
 * A backend request bound to a view, in `@lit/task`'s shape (`args`, `argsEqual`, `autoRun`,
 * `run()`, `taskComplete`, `render()`), with what the views need on top: a new run aborts the one
 * in flight and an answer that arrives after a newer run started is dropped (a slow answer never
 * overwrites a newer one); the last value stays while a refresh loads or fails (no flashing
 * skeletons on polls); a disconnect aborts, and a reconnect runs again; a failure fires
 * `dozor-error`.
 */
export class BackendTask<T, A extends readonly unknown[] = readonly unknown[]> implements ReactiveController, TaskState<T> {
  status: TaskStatus = 'initial';
  value: T | undefined;
  error: DozorBackendError | undefined;
  /** When the current value arrived (ms since epoch), 0 before the first success. */
  updatedAt = 0;
  private readonly options: BackendTaskOptions<T, A>;
  private controller: AbortController | undefined;
  private generation = 0;
  private lastArgs: A | undefined;
  private rerunOnUpdate = false;
  private settled:
    { promise: Promise<T | undefined>; resolve: (value: T | undefined) => void; reject: (error: DozorBackendError) => void } | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    options: string | BackendTaskOptions<T, A>,
  ) {
    this.options = typeof options === 'string' ? { operation: options, autoRun: false } : options;
    host.addController(this);
  }

  get loading(): boolean {
    return this.status === 'pending';
  }

  /**
   * The inputs of the latest run (undefined before the first, or after the task went back to its initial
   * state); without `autoRun`, the current inputs.
   */
  get args(): A | undefined {
    return this.lastArgs;
  }

  /** Settles when the latest run does: with its value, or rejected with its error. */
  get taskComplete(): Promise<T | undefined> {
    if (this.status === 'error' && this.error) return Promise.reject(this.error);
    if (this.status !== 'pending') return Promise.resolve(this.value);
    if (!this.settled) {
      let resolve!: (value: T | undefined) => void;
      let reject!: (error: DozorBackendError) => void;
      const promise = new Promise<T | undefined>((yes, no) => {
        resolve = yes;
        reject = no;
      });
      this.settled = { promise, resolve, reject };
    }
    return this.settled.promise;
  }

  hostUpdate(): void {
    if (!this.options.args) return;
    const next = this.options.args();
    const previous = this.lastArgs;
    if (next === undefined) {
      if (previous !== undefined || this.status !== 'initial') this.reset();
      return;
    }
    const equal = this.options.argsEqual ?? sameArgs;
    if (this.options.autoRun === false) {
      // Runs only when asked (e.g. "Load more"), but what it loaded for other inputs means nothing now.
      if (previous !== undefined && !equal(previous, next)) this.reset();
      this.lastArgs = next;
      return;
    }
    if (previous !== undefined && !this.rerunOnUpdate && equal(previous, next)) return;
    void this.run(next);
  }

  /** Runs the task again, for `args` or the current inputs (live refresh, retry and `refresh()` do this). */
  run(args: A | undefined = this.options.args?.()): Promise<T | undefined> {
    const task = this.options.task;
    if (!task || args === undefined) return Promise.resolve(undefined);
    // Whoever starts the run (an update, a refresh, a retry), inputs whose value may not stay drop the old answer.
    const previous = this.lastArgs;
    const keep = this.options.keepValue;
    if (previous !== undefined && keep && !(this.options.argsEqual ?? sameArgs)(previous, args) && !keep(previous, args)) this.forget();
    this.lastArgs = args;
    return this.runWith((signal) => task(args, { signal }));
  }

  /** Runs a one-off request in this task's place (e.g. the next page): it aborts and is aborted like a run. */
  async runWith(work: (signal: AbortSignal) => Promise<T>): Promise<T | undefined> {
    this.rerunOnUpdate = false;
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const generation = ++this.generation;
    this.status = 'pending';
    this.host.requestUpdate();
    try {
      const value = await work(controller.signal);
      if (generation !== this.generation) return undefined;
      this.value = value;
      this.error = undefined;
      this.status = 'complete';
      this.updatedAt = Date.now();
      this.settle(generation, value);
      this.options.onComplete?.(value);
      return value;
    } catch (error) {
      if (generation !== this.generation || isAbortError(error)) return undefined;
      this.error = toBackendError(error);
      this.status = 'error';
      this.host.dispatchEvent(
        new CustomEvent('dozor-error', { detail: { error: this.error, operation: this.options.operation }, bubbles: true, composed: true }),
      );
      this.settle(generation, undefined, this.error);
      return undefined;
    } finally {
      if (generation === this.generation) {
        this.controller = undefined;
        this.host.requestUpdate();
      }
    }
  }

  /** Renders by state; a value being refreshed still renders as `complete`. */
  render<R>(renderers: TaskRenderers<T, R>): R | undefined {
    if (this.value !== undefined && this.status !== 'initial') return renderers.complete?.(this.value);
    if (this.status === 'error') return renderers.error?.(this.error!);
    if (this.status === 'pending') return renderers.pending?.();
    return renderers.initial?.();
  }

  /** Aborts the request in flight and forgets its answer. */
  abort(): void {
    this.generation++;
    this.controller?.abort();
    this.controller = undefined;
    if (this.status === 'pending') this.status = this.value === undefined ? 'initial' : 'complete';
    this.settle(this.generation, this.value);
  }

  /** Forgets everything, e.g. when the backend or the subject is gone. */
  reset(): void {
    this.abort();
    this.lastArgs = undefined;
    this.forget();
    this.status = 'initial';
  }

  hostConnected(): void {
    // Back after a disconnect, which aborted the request in flight: run again at the next update.
    if (this.rerunOnUpdate) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.abort();
    if (this.lastArgs !== undefined) this.rerunOnUpdate = true;
  }

  private forget(): void {
    this.value = undefined;
    this.error = undefined;
    this.updatedAt = 0;
  }

  /** Settles `taskComplete` when the latest run ends (a superseded run leaves it to the newer one). */
  private settle(generation: number, value: T | undefined, error?: DozorBackendError): void {
    const settled = this.settled;
    if (!settled || generation !== this.generation) return;
    this.settled = undefined;
    if (error) settled.reject(error);
    else settled.resolve(value);
  }
}

export function toBackendError(error: unknown): DozorBackendError {
  if (error instanceof DozorBackendError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DozorBackendError('server', message || 'Unexpected error', { cause: error });
}
