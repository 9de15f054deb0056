// The one way browser tests wait: for a condition, never for a length of time. A slow answer is a gate the
// test opens itself; time-driven behaviour (timers, intervals) runs under @sinonjs/fake-timers (test/fake-clock.ts).
import { waitUntil } from '@open-wc/testing';

/**
 * Resolves once `predicate` holds (checked every 10 ms); fails naming `what` after `timeoutMs`, a bound
 * far above any expected wait (it only decides how long a broken test takes to report, never a pass).
 */
export function until(predicate: () => boolean, what = 'condition', timeoutMs = 8000): Promise<void> {
  return waitUntil(predicate, `timed out waiting for ${what}`, { interval: 10, timeout: timeoutMs });
}

/**
 * Resolves after every callback already queued has run (promise continuations, then one task turn): to
 * assert that something did NOT happen once its cause has settled.
 */
export function settled(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A promise the test resolves itself: a slow backend answer is `await gate.opened`, "later" is `gate.open()`. */
export function gate<T = void>(): { opened: Promise<T>; open: (value: T) => void } {
  let open!: (value: T) => void;
  const opened = new Promise<T>((resolve) => (open = resolve));
  return { opened, open };
}
