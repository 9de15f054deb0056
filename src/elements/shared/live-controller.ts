import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { BackendChange, DozorBackend } from '../../backend/index.js';

export interface LiveOptions {
  backend: () => DozorBackend | undefined;
  intervalMs: () => number;
  /** Called when the data may have changed; the host refetches. */
  refresh: (change?: BackendChange) => void;
  /** Return false to ignore a pushed change (e.g. one about another user). */
  relevant?: (change: BackendChange) => boolean;
  /**
   * True while the host cannot refresh (e.g. an export walks the list): a refresh due meanwhile is
   * kept, not dropped, and made at the first update after the host is free again.
   */
  busy?: () => boolean;
}

/** How long pushed changes are gathered into one refresh, so live traffic cannot flood the backend. */
export const PUSH_COALESCE_MS = 1000;

/**
 * Keeps a view fresh: subscribes when the backend pushes changes, else polls, and only while the
 * page is visible (a hidden tab costs nothing). Coming back to a stale tab refreshes at once.
 */
export class LiveController implements ReactiveController {
  private unsubscribe: (() => void) | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private timerInterval = 0;
  private pushTimer: ReturnType<typeof setTimeout> | undefined;
  private subscribedTo: DozorBackend | undefined;
  private lastRefresh = Date.now();
  /** A refresh came due while the host was busy (with the change that caused it, if pushed). */
  private deferred: { change: BackendChange | undefined } | undefined;
  private readonly onVisibility = () => this.syncPolling(true);

  constructor(
    host: ReactiveControllerHost,
    private readonly options: LiveOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this.onVisibility);
    this.sync();
  }

  hostUpdated(): void {
    // The backend or the interval may have changed through properties or the provider.
    this.sync();
    // After this update, not inside it (a refresh requests another update).
    if (this.deferred && !this.options.busy?.()) queueMicrotask(() => this.fireDeferred());
  }

  hostDisconnected(): void {
    this.deferred = undefined;
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.stopPush();
    this.stopPolling();
  }

  /** Tells the controller the host just fetched, so polling restarts its clock. */
  markRefreshed(): void {
    this.lastRefresh = Date.now();
  }

  private sync(): void {
    const backend = this.options.backend();
    if (backend !== this.subscribedTo) {
      this.stopPush();
      this.subscribedTo = backend;
      if (backend?.subscribe) {
        this.unsubscribe = backend.subscribe((change) => this.onPush(change));
      }
    }
    this.syncPolling(false);
  }

  private onPush(change: BackendChange): void {
    if (this.options.relevant && !this.options.relevant(change)) return;
    if (document.visibilityState === 'hidden' || this.pushTimer !== undefined) return;
    this.pushTimer = setTimeout(() => {
      this.pushTimer = undefined;
      this.fire(change);
    }, PUSH_COALESCE_MS);
  }

  private syncPolling(resumed: boolean): void {
    const backend = this.options.backend();
    const shouldPoll = backend !== undefined && document.visibilityState !== 'hidden';
    const interval = this.options.intervalMs();
    if (!shouldPoll || interval <= 0) {
      this.stopPolling();
      return;
    }
    if (resumed && Date.now() - this.lastRefresh >= interval) this.fire();
    // Pushing backends are still polled: relative times and statuses depend on the clock too.
    if (this.timer !== undefined && this.timerInterval === interval) return;
    this.stopPolling();
    this.timerInterval = interval;
    this.timer = setInterval(() => this.fire(), interval);
  }

  private fireDeferred(): void {
    const deferred = this.deferred;
    if (!deferred || this.options.busy?.()) return;
    this.deferred = undefined;
    this.fire(deferred.change);
  }

  private fire(change?: BackendChange): void {
    if (this.options.busy?.()) {
      // A later pushed change may be about other users: without one, the refresh covers everything.
      this.deferred = { change: this.deferred ? undefined : change };
      return;
    }
    this.lastRefresh = Date.now();
    this.options.refresh(change);
  }

  private stopPolling(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  private stopPush(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.pushTimer !== undefined) clearTimeout(this.pushTimer);
    this.pushTimer = undefined;
  }
}
