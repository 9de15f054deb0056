import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type RestoreCause = 'connect' | 'popstate';

export interface UrlStateOptions {
  /** The element's `sync-url`. */
  enabled: () => boolean;
  /**
   * Applies what the query string holds. On connect, keys it lacks leave the state as it is (the
   * host's attributes); on back / forward (`popstate`) the entry is the whole state, as `write` left it.
   */
  restore: (params: URLSearchParams, cause: RestoreCause) => void;
  /** Writes the state into the query string (delete a key to drop it). */
  write: (params: URLSearchParams) => void;
}

/**
 * The one URL-state policy of the elements with `sync-url`: the state is restored from the page's
 * query string on connect and on every `popstate` (back / forward), and written with
 * `history.replaceState` (no history entry of its own) whenever it changes.
 */
export class UrlState implements ReactiveController {
  private readonly onPopState = () => this.restore('popstate');

  constructor(
    host: ReactiveControllerHost,
    private readonly options: UrlStateOptions,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('popstate', this.onPopState);
    this.restore();
  }

  hostDisconnected(): void {
    window.removeEventListener('popstate', this.onPopState);
  }

  restore(cause: RestoreCause = 'connect'): void {
    if (this.options.enabled()) this.options.restore(new URLSearchParams(window.location.search), cause);
  }

  write(): void {
    if (!this.options.enabled()) return;
    const url = new URL(window.location.href);
    this.options.write(url.searchParams);
    if (url.href !== window.location.href) window.history.replaceState(window.history.state, '', url);
  }
}
