/** The abort protocol every adapter follows: the caller's signal wins, and a late answer is dropped. */
import { abortedError, throwIfAborted } from '../errors.js';

/** Waits `ms`, rejecting with `aborted` as soon as the signal fires. */
export function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortedError(signal.reason));
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortedError(signal!.reason));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Runs `work` so that `signal` wins: an abort rejects at once with `aborted` (its `cause` the signal's
 * reason) and whatever `work` settles with later is dropped. Work that ignores signals (a fetch double,
 * an SDK that takes none) therefore cannot hang the caller. Failures of `work` go through `mapError`.
 */
export function unlessAborted<T>(
  signal: AbortSignal | undefined,
  work: () => Promise<T>,
  mapError: (error: unknown) => unknown = (error) => error,
): Promise<T> {
  throwIfAborted(signal);
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortedError(signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
    let pending: Promise<T>;
    try {
      pending = Promise.resolve(work());
    } catch (error) {
      pending = Promise.reject(error);
    }
    pending.then(
      (value) => {
        signal?.removeEventListener('abort', onAbort);
        if (!signal?.aborted) resolve(value);
      },
      (error: unknown) => {
        signal?.removeEventListener('abort', onAbort);
        if (!signal?.aborted) reject(mapError(error));
      },
    );
  });
}
