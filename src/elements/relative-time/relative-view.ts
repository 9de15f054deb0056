import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { formatDateTime, formatRelative, nextRelativeChangeMs } from '../../core/index.js';
import { cancelWake, wakeAt } from './relative-clock.js';
import { element } from '../shared/dom.js';

const EXACT_FORMAT: Intl.DateTimeFormatOptions = { dateStyle: 'medium', timeStyle: 'medium' };

/**
 * The relative times one element renders: `text()` gives each one's words for now and notes when they
 * next change, and after the update the element asks the page's one clock to wake it at the earliest
 * of those moments. `<dozor-relative-time>` shows one; the list shows one a row in its own shadow root.
 */
export class RelativeTimes implements ReactiveController {
  private earliestChange = Infinity;
  private readonly wake = () => this.host.requestUpdate();

  constructor(private readonly host: ReactiveControllerHost & { readonly hasUpdated: boolean; readonly isConnected: boolean }) {
    host.addController(this);
  }

  /** "3 minutes ago" for `ms` at `now` in `locale`; the element re-renders when it would read otherwise. */
  text(ms: number, now: number, locale: string): string {
    this.earliestChange = Math.min(this.earliestChange, now + nextRelativeChangeMs(ms, now));
    return formatRelative(ms, now, locale);
  }

  hostConnected(): void {
    // Disconnected, it was woken by nobody: its texts may be stale.
    if (this.host.hasUpdated) this.host.requestUpdate();
  }

  hostUpdate(): void {
    this.earliestChange = Infinity;
  }

  hostUpdated(): void {
    // An update that was pending when the element left the page must not leave a wake behind.
    if (this.earliestChange === Infinity || !this.host.isConnected) cancelWake(this.wake);
    else wakeAt(this.wake, this.earliestChange);
  }

  hostDisconnected(): void {
    cancelWake(this.wake);
  }
}

/** A `<time>` with its relative words (from `RelativeTimes.text`) and the exact time as its tooltip. */
export function relativeTimeElement(ms: number, relative: string, locale: string): HTMLTimeElement {
  return element('time', { part: 'time', datetime: new Date(ms).toISOString(), title: formatDateTime(ms, EXACT_FORMAT, locale) }, relative);
}
