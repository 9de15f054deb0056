// Time-driven behaviour under a fake clock: relative times ask the page's one clock (relative-clock.ts) to
// wake them, and they ask again whenever their element reconnects.
import { install } from '@sinonjs/fake-timers';

type InstalledClock = ReturnType<typeof install>;

/**
 * Fakes timeouts and `Date`, then reconnects `el` so that its relative times ask the fake clock to wake it.
 * The caller uninstalls the clock (in a `finally`).
 */
export async function reconnectUnderFakeClock(el: HTMLElement & { updateComplete: Promise<unknown> }): Promise<InstalledClock> {
  const clock = install({ now: Date.now(), toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldClearNativeTimers: true });
  try {
    const parent = el.parentNode!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    return clock;
  } catch (error) {
    clock.uninstall();
    throw error;
  }
}
