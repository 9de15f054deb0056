import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { DozorBackendError, isAbortError } from '../../backend/index.js';

export type TaskStatus = 'idle' | 'loading' | 'ready' | 'error';

/**
 * One backend request per view at a time: a new run aborts the one in flight, and a response that
 * arrives after a newer run started is dropped, so a slow answer never overwrites a newer one.
 * The last value stays available while a refresh is loading (no flashing skeletons on polls).
 */
export class BackendTask<T> implements ReactiveController {
  status: TaskStatus = 'idle';
  value: T | undefined;
  error: DozorBackendError | undefined;
  /** When the current value arrived (ms since epoch), 0 before the first success. */
  updatedAt = 0;
  private controller: AbortController | undefined;
  private generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost & EventTarget,
    private readonly operation: string,
  ) {
    host.addController(this);
  }

  get loading(): boolean {
    return this.status === 'loading';
  }

  /** Runs `work`; resolves to the value, or undefined when superseded, aborted or failed. */
  async run(work: (signal: AbortSignal) => Promise<T>, options: { keepValue?: boolean } = {}): Promise<T | undefined> {
    this.controller?.abort();
    const controller = new AbortController();
    this.controller = controller;
    const generation = ++this.generation;
    this.status = 'loading';
    if (options.keepValue === false) this.value = undefined;
    this.host.requestUpdate();
    try {
      const value = await work(controller.signal);
      if (generation !== this.generation) return undefined;
      this.value = value;
      this.error = undefined;
      this.status = 'ready';
      this.updatedAt = Date.now();
      return value;
    } catch (error) {
      if (generation !== this.generation || isAbortError(error)) return undefined;
      this.error = toBackendError(error);
      this.status = 'error';
      this.host.dispatchEvent(
        new CustomEvent('dozor-error', { detail: { error: this.error, operation: this.operation }, bubbles: true, composed: true }),
      );
      return undefined;
    } finally {
      if (generation === this.generation) {
        this.controller = undefined;
        this.host.requestUpdate();
      }
    }
  }

  /** Aborts the request in flight and forgets its answer. */
  abort(): void {
    this.generation++;
    this.controller?.abort();
    this.controller = undefined;
    if (this.status === 'loading') this.status = this.value === undefined ? 'idle' : 'ready';
  }

  /** Forgets everything, e.g. when the backend or the subject changes. */
  reset(): void {
    this.abort();
    this.status = 'idle';
    this.value = undefined;
    this.error = undefined;
    this.updatedAt = 0;
  }

  hostDisconnected(): void {
    this.abort();
  }
}

export function toBackendError(error: unknown): DozorBackendError {
  if (error instanceof DozorBackendError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new DozorBackendError('server', message || 'Unexpected error', { cause: error });
}
